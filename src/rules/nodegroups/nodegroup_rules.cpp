// Nxxx: what EKS accepts from managed node groups, their launch templates and the Auto Scaling
// groups of nodes.

#include "rules/nodegroups/nodegroup_rules.hpp"
#include "rules/rule_lists.hpp"

namespace cfn_eks {

void add_nodegroup_rules(RuleList& rules) {
  rules.push_back(make_launch_template_setting_rejected());
  rules.push_back(make_nodegroup_launch_template_conflict());
  rules.push_back(make_user_data_not_mime_multipart());
  rules.push_back(make_custom_ami_without_bootstrap());
  rules.push_back(make_launch_template_version_not_tracked());
  rules.push_back(make_asg_launch_template_version_keyword());
  rules.push_back(make_imdsv2_not_required());
  rules.push_back(make_imds_hop_limit_one());
  rules.push_back(make_group_sizes_out_of_order());
  rules.push_back(make_rolling_update_min_in_service_too_large());
  rules.push_back(make_update_config_drains_every_node());
}

}  // namespace cfn_eks
