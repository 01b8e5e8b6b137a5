#pragma once
// eksctl's AL2 node user data: a cloud-config (gzip-compressed in the template) whose
// write_files put eksctl's own kubelet unit, kubeconfig, CA, kubelet config and bootstrap
// script on the node and whose runcmd runs /var/lib/cloud/scripts/eksctl/bootstrap.*.sh. It is
// the node's bootstrap, not bootstrap.sh: when EKS bootstraps a managed node on its AMI, these
// pieces are removed (EKS user guide, launch templates: "Don't specify any commands in your
// user data that starts or modifies kubelet"), the node labels and taints eksctl passes in
// /etc/eksctl/kubelet.env move to the node group, and every other file or command is kept.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cfn_eks {

/// A cloud-config eksctl bootstraps nodes with (runs a script under /var/lib/cloud/scripts/eksctl/).
bool is_eksctl_cloud_config(std::string_view text);

struct CloudConfigConversion {
  std::string text;                        ///< What is left; empty when nothing is.
  std::vector<std::string> carried_flags;  ///< `--node-labels=...`, `--register-with-taints=...`
  std::optional<std::string> refusal;
};

CloudConfigConversion convert_eksctl_cloud_config(std::string_view yaml, const std::string& label,
                                                  std::vector<std::string>& notes);

}  // namespace cfn_eks
