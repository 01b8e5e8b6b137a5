// Gxxx: security groups and networking around EKS clusters, nodes, data stores and load balancers.

#include "rules/rule_lists.hpp"
#include "rules/security_groups/security_group_rules.hpp"

namespace cfn_eks {

void add_security_group_rules(RuleList& rules) {
  rules.push_back(make_managed_nodegroup_sg_blocks_join());
  rules.push_back(make_self_managed_nodes_sg_flows());
  rules.push_back(make_stale_node_security_group());
  rules.push_back(make_port_range_reversed());
  rules.push_back(make_ports_ignored_for_all_protocols());
  rules.push_back(make_remote_admin_open_to_world());
  rules.push_back(make_public_api_endpoint_open());
  rules.push_back(make_pod_security_groups_unsupported());
}

}  // namespace cfn_eks
