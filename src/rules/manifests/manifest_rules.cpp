// Kxxx: Kubernetes manifests inside CloudFormation string properties.

#include "rules/manifests/manifest_rules.hpp"
#include "rules/rule_lists.hpp"

namespace cfn_eks {

void add_manifest_rules(RuleList& rules) {
  rules.push_back(make_manifest_api_removed());
  rules.push_back(make_manifest_api_deprecated());
}

}  // namespace cfn_eks
