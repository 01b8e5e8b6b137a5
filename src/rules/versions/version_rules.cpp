// Vxxx: Kubernetes versions, EKS support lifecycle and version skew.

#include "rules/rule_lists.hpp"
#include "rules/versions/version_rules.hpp"

namespace cfn_eks {

void add_version_rules(RuleList& rules) {
  rules.push_back(make_version_not_pinned());
  rules.push_back(make_version_yaml_number());
  rules.push_back(make_unknown_kubernetes_version());
  rules.push_back(make_version_end_of_support());
  rules.push_back(make_version_extended_support());
  rules.push_back(make_version_standard_support_ending());
  rules.push_back(make_nodegroup_version_skew());
  rules.push_back(make_nodegroup_version_behind());
  rules.push_back(make_self_managed_nodes_beyond_skew());
  rules.push_back(make_self_managed_nodes_behind());
}

}  // namespace cfn_eks
