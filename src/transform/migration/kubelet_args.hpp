#pragma once
// Labels and taints carried by a self-managed node group's `--kubelet-extra-args`, parsed so the
// migration can move them into `AWS::EKS::Nodegroup` `Labels` / `Taints` (managed node groups
// set them through the EKS API; kubelet flags in merged user data are not the way there).

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cfn_eks {

struct NodeTaint {
  std::string key, value, effect;  // effect as kubelet writes it (NoSchedule)
};

struct KubeletArgs {
  std::vector<std::pair<std::string, std::string>> labels;  // in order of appearance
  std::vector<NodeTaint> taints;
  /// Every other flag, verbatim (one flag with its value per entry, e.g. `--max-pods=110`).
  /// Managed node groups compute max-pods themselves; a custom AMI must keep passing these.
  std::vector<std::string> other;
  /// Malformed pieces and managed node group limit violations, one message each.
  std::vector<std::string> problems;
};

/// Parses the text given to `bootstrap.sh --kubelet-extra-args` (after the shell removed one
/// level of quoting, or with the quotes still there). `${Var}` Fn::Sub placeholders are kept
/// as text inside keys and values.
KubeletArgs parse_kubelet_extra_args(std::string_view args);

/// NoSchedule -> NO_SCHEDULE, NoExecute -> NO_EXECUTE, PreferNoSchedule -> PREFER_NO_SCHEDULE;
/// an empty string for anything else.
std::string managed_taint_effect(std::string_view kubelet_effect);

/// EKS API limits on node group labels and taints (API_UpdateLabelsPayload: label keys and
/// values 1-63 characters; API_Taint: keys 1-63, values 0-63; at most 50 taints per node
/// group). Pieces holding a `${...}` placeholder are not length-checked (their value is only
/// known at deploy time).
inline constexpr std::size_t kMaxNodegroupTaints = 50;
inline constexpr std::size_t kMaxLabelKeyLength = 63;
inline constexpr std::size_t kMaxLabelValueLength = 63;
inline constexpr std::size_t kMaxTaintKeyLength = 63;
inline constexpr std::size_t kMaxTaintValueLength = 63;

}  // namespace cfn_eks
