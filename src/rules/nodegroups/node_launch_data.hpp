#pragma once
// The launch templates and launch configurations in a stack that boot EKS nodes: those of
// managed node groups and those of self-managed node groups. Each appears once, with the first
// group that uses it.

#include <string>
#include <vector>

#include "cfn_eks/rule.hpp"

namespace cfn_eks {

struct NodeLaunch {
  const Resource* launch = nullptr;   ///< AWS::EC2::LaunchTemplate or AWS::AutoScaling::LaunchConfiguration.
  const Node* data = nullptr;         ///< LaunchTemplateData / the configuration's Properties (a mapping).
  const MapEntry* data_entry = nullptr;  ///< Where to report "missing" settings: the LaunchTemplateData key or the logical id.
  const Resource* group = nullptr;    ///< The first node group or Auto Scaling group using it.
  bool managed = false;               ///< Used by a managed node group.
  std::string used_by;                ///< "managed node group 'Nodes'", "self-managed node group 'NodeGroup'".
};

/// Managed node groups first, then self-managed ones, in source order.
std::vector<NodeLaunch> node_launch_data(const LintContext& context);

}  // namespace cfn_eks
