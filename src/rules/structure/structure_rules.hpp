#pragma once
// Factories of the T1xx rules, one per file in this directory.

#include <memory>

#include "cfn_eks/rule.hpp"

namespace cfn_eks {

std::unique_ptr<Rule> make_unknown_top_level_key_rule();
std::unique_ptr<Rule> make_missing_resources_rule();
std::unique_ptr<Rule> make_invalid_format_version_rule();
std::unique_ptr<Rule> make_invalid_logical_id_rule();
std::unique_ptr<Rule> make_template_limit_exceeded_rule();
std::unique_ptr<Rule> make_invalid_section_type_rule();
std::unique_ptr<Rule> make_invalid_resource_attribute_rule();
std::unique_ptr<Rule> make_missing_resource_type_rule();
std::unique_ptr<Rule> make_invalid_parameter_rule();

}  // namespace cfn_eks
