#pragma once
// Phase 1 of a migration: the managed node group and its launch template, derived from a
// self-managed group and inserted after it (the input's bytes are untouched).

#include <optional>
#include <string>
#include <vector>

#include "cfn_eks/source.hpp"
#include "rules/eks/common/self_managed_nodes.hpp"
#include "transform/migration/template_analysis.hpp"

namespace cfn_eks {

/// What phase 1 found and chose; phases 2, 3 and the plan build on it.
struct PhaseOneFacts {
  std::string old_group;            ///< The Auto Scaling group.
  std::string old_launch;           ///< Its launch template / configuration (logical id), or empty.
  /// The other launch templates an Fn::If chooses for the group (the first is old_launch).
  std::vector<std::string> other_old_launches;
  bool launch_configuration = false;
  std::string instance_profile;     ///< The old instance profile in this stack, or empty.
  std::string node_role;            ///< The node role in this stack, or empty.
  std::string new_nodegroup;
  std::string new_launch_template;
  /// One more new launch template per entry of other_old_launches, in the same order.
  std::vector<std::string> other_new_launch_templates;
  std::string new_parameter;        ///< A parameter phase 1 had to add (node role ARN), or empty.
  bool custom_ami = false;
  std::string ami_type;             ///< Empty for a custom AMI.
  std::string cluster;              ///< How the cluster is named ("parameter 'ClusterName'").
  std::string cluster_literal;      ///< The cluster's name when written literally, else empty.
  bool cluster_in_stack = false;
  std::vector<std::string> notes;
  std::vector<std::string> warnings;
};

struct PhaseOneResult {
  std::optional<std::string> refusal;  ///< Set: the group cannot be migrated (reason).
  const Node* refusal_at = nullptr;    ///< Where the reason is, when known.
  std::string text;                    ///< Phase 1 template text.
  PhaseOneFacts facts;
};

/// Builds phase 1 for `group` of `analysis`. `new_name` empty: `<Old>Managed`.
PhaseOneResult build_phase_one(const TemplateAnalysis& analysis, const SelfManagedNodeGroup& group,
                               const std::string& new_name);

/// `group` with the launch data of `launch` (a launch template or configuration in the stack):
/// its user data, bootstrap facts, AMI paths and, when the bootstrap names it, the cluster.
SelfManagedNodeGroup with_launch_resource(const TemplateAnalysis& analysis, const SelfManagedNodeGroup& group,
                                          const Resource& launch);

/// True when `resource` is a managed node group phase 1 added for `old_group` (its marker).
bool is_migrated_nodegroup_for(const Resource& resource, std::string_view old_group);

/// The metadata phase 1 writes on the node group it adds: `{cfn-eks-migration: {migrated-from: OLD}}`
/// (not `cfn-eks`, which holds suppressions).
inline constexpr std::string_view kMigrationMarkerKey = "cfn-eks-migration";
inline constexpr std::string_view kMigrationMarkerField = "migrated-from";

/// The shell variable the plan's phase 1 change set reads the new node role parameter from.
inline constexpr std::string_view kNodeRoleArnVariable = "NODE_ROLE_ARN";

}  // namespace cfn_eks
