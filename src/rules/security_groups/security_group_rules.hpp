#pragma once
// Factories of the Gxxx rules (security-group wiring and networking), one per rule file;
// security_group_rules.cpp lists them.

#include <memory>

#include "cfn_eks/rule.hpp"

namespace cfn_eks {

std::unique_ptr<Rule> make_managed_nodegroup_sg_blocks_join();   // G001
std::unique_ptr<Rule> make_self_managed_nodes_sg_flows();        // G002
std::unique_ptr<Rule> make_stale_node_security_group();          // G003
std::unique_ptr<Rule> make_port_range_reversed();                // G004
std::unique_ptr<Rule> make_ports_ignored_for_all_protocols();    // G005
std::unique_ptr<Rule> make_remote_admin_open_to_world();         // G006
std::unique_ptr<Rule> make_public_api_endpoint_open();           // G007
std::unique_ptr<Rule> make_pod_security_groups_unsupported();    // G008

}  // namespace cfn_eks
