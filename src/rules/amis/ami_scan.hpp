#pragma once
// What the A rules share: every launch template / launch configuration with its ImageId values,
// the instance types it runs on and who uses it (managed node groups, Auto Scaling groups).

#include <optional>
#include <string>
#include <vector>

#include "rules/eks/common/self_managed_nodes.hpp"

namespace cfn_eks {

struct ImageUse {
  LaunchData launch;
  std::vector<AmiPathValue> ami_paths;           ///< EKS AMI SSM paths of the ImageId.
  std::vector<std::string> instance_types;       ///< From the data, node groups and ASG overrides.
  std::vector<const Resource*> nodegroups;       ///< AWS::EKS::Nodegroup using it.
  std::vector<const Resource*> groups;           ///< Auto Scaling groups using it.
  /// It boots EKS nodes: a managed node group uses it, a self-managed node group (see
  /// self_managed_nodes.hpp) uses it, or its own user data bootstraps EKS.
  bool eks = false;
};

/// Every launch template and launch configuration of the template, in source order.
std::vector<ImageUse> find_image_uses(const LintContext& context);
/// The same, computed once per lint (through the lint cache) for the A rules that share it.
const std::vector<ImageUse>& image_uses(const LintContext& context);

/// Instance types of a managed node group's InstanceTypes (resolved strings).
std::vector<std::string> nodegroup_instance_types(const LintContext& context, const Resource& nodegroup);

}  // namespace cfn_eks

namespace cfn_eks {

/// The Kubernetes versions a managed node group runs: its Version values, else its cluster's
/// (or --cluster-version). AllowedValues alternatives and malformed values are left out.
std::vector<VersionCandidate> nodegroup_versions(const LintContext& context, const Resource& nodegroup);

/// For a managed node group without its own Version whose cluster is in another stack (and no
/// --cluster-version): its cluster's (unknown) versions, for the "could not check" note. nullopt
/// when the versions are known, or unknown for another reason (the V rules say so).
std::optional<ClusterVersions> cluster_in_other_stack(const LintContext& context, const Resource& nodegroup);

/// Says once per template, as information, that `property` of the first node group that sets it
/// and whose cluster is in another stack could not be checked ("AmiType of node group 'N' " + what).
void note_cluster_in_other_stack(const LintContext& context, DiagnosticSink& sink, std::string_view property,
                                 std::string_view what);

/// The string values of `node` with where each was written.
std::vector<PossibleValue> string_values_of(const LintContext& context, const Node& node);

/// False for a parameter's AllowedValues alternative: a choice the user may make, not what
/// deploys by default (rules comparing two properties use only deployed values, since the
/// template may pair each choice with a matching one through conditions).
bool deployed(const PossibleValue& value);

/// The deployed string values of `node` (see deployed()).
std::vector<std::string> deployed_strings(const LintContext& context, const Node& node);

/// Where to report a value: its origin, else `fallback`.
inline const Node& value_node(const PossibleValue& value, const Node& fallback) {
  return value.origin ? *value.origin : fallback;
}

}  // namespace cfn_eks
