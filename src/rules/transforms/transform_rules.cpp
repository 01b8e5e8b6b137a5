// T6xx: transforms and macros.

#include "rules/rule_lists.hpp"
#include "rules/transforms/transform_rules.hpp"

namespace cfn_eks {

void add_transform_rules(RuleList& rules) {
  rules.push_back(make_transform_not_checked_rule());  // T601
}

}  // namespace cfn_eks
