#pragma once
// Factories of the Vxxx rules (Kubernetes versions, support lifecycle, version skew), one per
// rule file; version_rules.cpp lists them.

#include <memory>

#include "cfn_eks/rule.hpp"

namespace cfn_eks {

std::unique_ptr<Rule> make_version_not_pinned();            // V001
std::unique_ptr<Rule> make_version_yaml_number();           // V002
std::unique_ptr<Rule> make_unknown_kubernetes_version();    // V003
std::unique_ptr<Rule> make_version_end_of_support();        // V004
std::unique_ptr<Rule> make_version_extended_support();      // V005
std::unique_ptr<Rule> make_version_standard_support_ending();  // V006
std::unique_ptr<Rule> make_nodegroup_version_skew();        // V007
std::unique_ptr<Rule> make_nodegroup_version_behind();      // V008
std::unique_ptr<Rule> make_self_managed_nodes_beyond_skew();  // V009
std::unique_ptr<Rule> make_self_managed_nodes_behind();     // V010

}  // namespace cfn_eks
