#pragma once
// Factories of the T2xx rules, one per rule file; reference_rules.cpp lists them.

#include <memory>

#include "cfn_eks/rule.hpp"

namespace cfn_eks {

std::unique_ptr<Rule> make_undefined_reference();         // T201
std::unique_ptr<Rule> make_undefined_getatt_target();     // T202
std::unique_ptr<Rule> make_getatt_on_parameter();         // T203
std::unique_ptr<Rule> make_undefined_depends_on();        // T204
std::unique_ptr<Rule> make_undefined_condition();         // T205
std::unique_ptr<Rule> make_undefined_mapping();           // T206
std::unique_ptr<Rule> make_undefined_sub_variable();      // T207
std::unique_ptr<Rule> make_circular_dependency();         // T208

}  // namespace cfn_eks
