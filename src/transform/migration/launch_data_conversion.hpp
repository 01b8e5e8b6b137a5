#pragma once
// Phase 1's launch data conversion: the old launch template's LaunchTemplateData (or launch
// configuration's properties) -> the new launch template's LaunchTemplateData. Keeps the
// security groups (plus the cluster security group when the cluster is in the stack), block
// devices, key, IMDS settings and other data; moves the tags the group propagates onto
// instance TagSpecifications; drops what managed node groups forbid; hands UserData to
// launch_user_data. InstanceType and SpotPrice are left to the caller (capacity choice).

#include <optional>
#include <string>
#include <vector>

#include "cfn_eks/emitter.hpp"
#include "rules/eks/common/self_managed_nodes.hpp"
#include "transform/migration/template_analysis.hpp"
#include "transform/migration/user_data_conversion.hpp"

namespace cfn_eks {

struct LaunchDataOptions {
  bool custom_ami = false;        ///< Keep ImageId and the bootstrap call.
  bool cluster_in_stack = false;  ///< The group's cluster is a resource of this template.
};

struct LaunchDataConversion {
  Fragment data = Fragment::mapping();     ///< LaunchTemplateData (without InstanceType).
  std::optional<BootstrapCall> bootstrap;  ///< From the user data, for labels and taints.
  std::vector<std::string> notes;
  std::optional<std::string> refusal;      ///< Set: the launch data cannot be converted (reason).
  const Node* refusal_at = nullptr;
};

LaunchDataConversion convert_launch_data(const TemplateAnalysis& analysis, const SelfManagedNodeGroup& group,
                                         const LaunchData& launch, const LaunchDataOptions& options);

}  // namespace cfn_eks
