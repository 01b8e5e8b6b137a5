#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "cfn_eks/node.hpp"
#include "rules/intrinsics/intrinsic_knowledge.hpp"

using namespace cfn_eks;

BOOST_AUTO_TEST_SUITE(rules)
BOOST_AUTO_TEST_SUITE(intrinsic_knowledge)

BOOST_AUTO_TEST_CASE(embedded_data_loads_and_names_only_real_functions) {
  const IntrinsicKnowledge& knowledge = cfn_eks::intrinsic_knowledge();
  BOOST_TEST(knowledge.error() == "");
  BOOST_TEST(!knowledge.as_of().empty());
  BOOST_TEST(knowledge.known_names().size() >= 20u);
  // Every name in the data is one the loader turns into an intrinsic node, so data and
  // loader agree on what a function is.
  for (std::string_view name : knowledge.known_names()) {
    BOOST_TEST_CONTEXT(name) { BOOST_CHECK(is_intrinsic_function_name(name)); }
  }
  BOOST_CHECK(knowledge.find("Fn::Equals")->condition_function);
  BOOST_CHECK(!knowledge.find("Fn::If")->condition_function);
  BOOST_CHECK(knowledge.is_rule_function("Fn::Contains"));
  BOOST_CHECK(knowledge.allowed_in_conditions("Fn::FindInMap"));
  BOOST_CHECK(!knowledge.allowed_in_conditions("Fn::If"));
  BOOST_CHECK(!knowledge.allowed_in_conditions("Fn::GetAtt"));
}

BOOST_AUTO_TEST_CASE(nested_restrictions_by_position) {
  const IntrinsicKnowledge& knowledge = cfn_eks::intrinsic_knowledge();
  const auto* azs = knowledge.nested_allowed("Fn::GetAZs", -1, false);
  BOOST_REQUIRE(azs);
  BOOST_CHECK(std::find(azs->begin(), azs->end(), "Ref") != azs->end());
  const auto* delimiter = knowledge.nested_allowed("Fn::Join", 0, false);
  BOOST_REQUIRE(delimiter);
  BOOST_CHECK(delimiter->empty());
  BOOST_CHECK(knowledge.nested_allowed("Fn::Join", 1, false) == nullptr);
  BOOST_CHECK(knowledge.nested_allowed("Fn::GetAtt", 0, false) != nullptr);
  // AWS::LanguageExtensions lets Ref and Fn::GetAtt take functions.
  BOOST_CHECK(knowledge.nested_allowed("Fn::GetAtt", 0, true) == nullptr);
  BOOST_CHECK(knowledge.nested_allowed("Ref", -1, true) == nullptr);
}

BOOST_AUTO_TEST_CASE(malformed_data_is_an_error_not_a_crash) {
  BOOST_CHECK(!IntrinsicKnowledge("not json").error().empty());
  BOOST_CHECK(!IntrinsicKnowledge(R"({"functions": {"Ref": {"nested": {"arg": "x"}}}})").error().empty());
  BOOST_CHECK(IntrinsicKnowledge("{}").known_names().empty());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
