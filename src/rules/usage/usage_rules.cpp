// T4xx: parameters, mappings and conditions that nothing uses.

#include "rules/rule_lists.hpp"
#include "rules/usage/usage_rules.hpp"

namespace cfn_eks {

void add_usage_rules(RuleList& rules) {
  rules.push_back(make_unused_parameter_rule());  // T401
  rules.push_back(make_unused_mapping_rule());    // T402
  rules.push_back(make_unused_condition_rule());  // T403
}

}  // namespace cfn_eks
