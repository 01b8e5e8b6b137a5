#pragma once
// drain.sh for phase 2 of a migration: taint and drain the old self-managed nodes once the
// new managed nodes are Ready, then verify that workloads moved. Rendered from the template's
// logical ids; the stack name is a run-time argument.

#include <string>

namespace cfn_eks {

struct DrainScriptInput {
  std::string old_group_logical_id;      // the self-managed AWS::AutoScaling::AutoScalingGroup
  std::string new_nodegroup_logical_id;  // the AWS::EKS::Nodegroup added in phase 1
  /// Cluster name when the template states it literally; empty: taken at run time from the
  /// node group's physical id (Ref of AWS::EKS::Nodegroup is `<cluster>/<nodegroup>`).
  std::string cluster_name;
  unsigned default_timeout_seconds = 600;       // --timeout, per node drain
  unsigned default_grace_period_seconds = 120;  // --grace-period before force-deleting stuck pods
  std::string input_file;                       // shown in the header comment only
};

/// A self-contained bash script (see --help in the output for its options).
std::string render_drain_script(const DrainScriptInput& input);

}  // namespace cfn_eks
