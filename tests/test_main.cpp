// The Boost.Test entry point for every *_test.cpp in tests/.
#define BOOST_TEST_MODULE cfn_eks
#include <boost/test/unit_test.hpp>
