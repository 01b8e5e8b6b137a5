#pragma once
// Factories of the T5xx rules, one per file in this directory.

#include <memory>

#include "cfn_eks/rule.hpp"

namespace cfn_eks {

std::unique_ptr<Rule> make_output_missing_value_rule();
std::unique_ptr<Rule> make_duplicate_export_name_rule();
std::unique_ptr<Rule> make_invalid_output_rule();

}  // namespace cfn_eks
