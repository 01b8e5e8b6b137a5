// T3xx: intrinsic functions have well-formed arguments, appear only where CloudFormation
// evaluates them, and are spelled as real functions.

#include "rules/intrinsics/intrinsic_rules.hpp"
#include "rules/rule_lists.hpp"

namespace cfn_eks {

std::string written_name(const Node& intrinsic) {
  return intrinsic.form == IntrinsicForm::ShortTag && !intrinsic.tag.empty() ? intrinsic.tag : intrinsic.text;
}

void add_intrinsic_rules(RuleList& rules) {
  rules.push_back(make_invalid_intrinsic_arguments());
  rules.push_back(make_intrinsic_not_allowed_here());
  rules.push_back(make_unknown_intrinsic());
}

}  // namespace cfn_eks
