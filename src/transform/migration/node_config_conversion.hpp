#pragma once
// An AL2023 nodeadm `NodeConfig` (MIME part `application/node.eks.aws`) of a self-managed node
// group, made fit for a managed node group on an EKS AL2023 AMI: EKS writes its own NodeConfig
// with the cluster's connection (name, apiServerEndpoint, certificateAuthority, cidr) and
// nodeadm merges the user's NodeConfig parts with it (eksctl user guide, "Node bootstrapping":
// "For EKS-managed nodes based on native AMIs, the default NodeConfig is being added by EKS MNG
// under the hood"; EKS user guide, launch templates: the cluster metadata is required "if
// you're using self-managed node groups or an AMI with a launch template"). So the cluster
// fields go, the user's kubelet config and flags stay, and `--node-labels` /
// `--register-with-taints` flags move to the node group's Labels / Taints.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cfn_eks {

struct NodeConfigConversion {
  std::string text;                        ///< What is left; empty when nothing of the user's is.
  std::vector<std::string> carried_flags;  ///< `--node-labels=...`, `--register-with-taints=...`
  std::optional<std::string> refusal;
};

/// `label` names the part in messages ("MIME part 1").
NodeConfigConversion convert_node_config(std::string_view yaml, const std::string& label, std::vector<std::string>& notes);

}  // namespace cfn_eks
