#pragma once
// Factories of the T4xx rules, one per file in this directory.

#include <memory>

#include "cfn_eks/rule.hpp"

namespace cfn_eks {

std::unique_ptr<Rule> make_unused_parameter_rule();
std::unique_ptr<Rule> make_unused_mapping_rule();
std::unique_ptr<Rule> make_unused_condition_rule();

}  // namespace cfn_eks
