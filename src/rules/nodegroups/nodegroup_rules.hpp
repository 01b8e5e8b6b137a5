#pragma once
// Factories of the Nxxx rules (managed node groups, launch templates, Auto Scaling groups of
// nodes), one per rule file; nodegroup_rules.cpp lists them.

#include <memory>

#include "cfn_eks/rule.hpp"

namespace cfn_eks {

std::unique_ptr<Rule> make_launch_template_setting_rejected();  // N001
std::unique_ptr<Rule> make_nodegroup_launch_template_conflict();  // N002
std::unique_ptr<Rule> make_user_data_not_mime_multipart();  // N003
std::unique_ptr<Rule> make_custom_ami_without_bootstrap();  // N004
std::unique_ptr<Rule> make_launch_template_version_not_tracked();  // N005
std::unique_ptr<Rule> make_asg_launch_template_version_keyword();  // N006
std::unique_ptr<Rule> make_imdsv2_not_required();  // N007
std::unique_ptr<Rule> make_imds_hop_limit_one();  // N008
std::unique_ptr<Rule> make_group_sizes_out_of_order();  // N009
std::unique_ptr<Rule> make_rolling_update_min_in_service_too_large();  // N010
std::unique_ptr<Rule> make_update_config_drains_every_node();  // N011

}  // namespace cfn_eks
