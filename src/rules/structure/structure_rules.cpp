// T1xx: the template's sections, logical ids, resource attributes, parameters and quotas.

#include "rules/rule_lists.hpp"
#include "rules/structure/structure_rules.hpp"

namespace cfn_eks {

void add_structure_rules(RuleList& rules) {
  rules.push_back(make_unknown_top_level_key_rule());       // T101
  rules.push_back(make_missing_resources_rule());           // T102
  rules.push_back(make_invalid_format_version_rule());      // T103
  rules.push_back(make_invalid_logical_id_rule());          // T104
  rules.push_back(make_template_limit_exceeded_rule());     // T105
  rules.push_back(make_invalid_section_type_rule());        // T106
  rules.push_back(make_invalid_resource_attribute_rule());  // T107
  rules.push_back(make_missing_resource_type_rule());       // T108
  rules.push_back(make_invalid_parameter_rule());           // T109
}

}  // namespace cfn_eks
