// T2xx: the targets of Ref, Fn::GetAtt, DependsOn, conditions, Fn::FindInMap and Fn::Sub exist,
// and resources don't depend on each other in a cycle.

#include "rules/references/reference_rules.hpp"
#include "rules/rule_lists.hpp"

namespace cfn_eks {

void add_reference_rules(RuleList& rules) {
  rules.push_back(make_undefined_reference());
  rules.push_back(make_undefined_getatt_target());
  rules.push_back(make_getatt_on_parameter());
  rules.push_back(make_undefined_depends_on());
  rules.push_back(make_undefined_condition());
  rules.push_back(make_undefined_mapping());
  rules.push_back(make_undefined_sub_variable());
  rules.push_back(make_circular_dependency());
}

}  // namespace cfn_eks
