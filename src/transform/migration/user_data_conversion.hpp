#pragma once
// Self-managed node user data -> a managed node group launch template's user data: MIME
// multipart, without the `/etc/eks/bootstrap.sh` call when EKS bootstraps (EKS merges its own
// part after ours) and without `cfn-signal` (it signals the old Auto Scaling group).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cfn_eks {

struct BootstrapCall {
  std::string cluster;             // first positional argument, quotes removed, `${X}` kept
  std::string kubelet_extra_args;  // value of --kubelet-extra-args, one level of quotes removed
  std::vector<std::string> other_flags;  // every other argument, verbatim, in order
  /// Byte range of the call in the script: the whole logical line holding it (continuation
  /// lines included; `end` is past its last line break), also when other commands share it.
  std::size_t begin = 0, end = 0;
};

/// The first `/etc/eks/bootstrap.sh` call in a shell script (continuation lines joined), or none.
std::optional<BootstrapCall> find_bootstrap_call(std::string_view script);

struct ConvertedUserData {
  /// MIME multipart/mixed text (TOML settings when `toml`); empty when nothing remains.
  std::string mime;
  bool toml = false;                     // Bottlerocket settings, which EKS takes as TOML, not MIME
  std::vector<std::string> notes;        // one sentence per thing removed or kept, for the plan
  std::optional<std::string> refusal;    // set when the user data cannot be converted (reason)
  /// The first bootstrap call found (removed or kept); for MIME input its byte range is
  /// relative to the shell part's content.
  std::optional<BootstrapCall> bootstrap;
  /// `--node-labels=...` / `--register-with-taints=...` read from a NodeConfig's kubelet flags,
  /// eksctl's kubelet.env or Bottlerocket's node-labels/node-taints, for the node group's
  /// Labels/Taints (bootstrap.sh's `--kubelet-extra-args` are in `bootstrap`).
  std::vector<std::string> carried_kubelet_flags;
};

/// EC2's limit on user data, in bytes before base64.
inline constexpr std::size_t kMaxUserDataBytes = 16384;

/// The MIME boundary of the generated user data (the EKS docs' example shape).
inline constexpr std::string_view kUserDataBoundary = "==MYBOUNDARY==";

/// `script` is the user data text as the template writes it, Fn::Sub variables kept as `${X}`
/// and `${!X}`. `eks_bootstraps`: the managed node group uses an EKS AMI (no ImageId in the
/// launch template), so EKS adds the bootstrap itself.
ConvertedUserData convert_user_data_for_managed_nodegroup(std::string_view script, bool eks_bootstraps);

}  // namespace cfn_eks
