#pragma once
// Bottlerocket user data (TOML settings) of a self-managed node group, made fit for a managed
// node group with AmiType BOTTLEROCKET_*. EKS user guide, "Customize managed nodes with launch
// templates", Bottlerocket user data: the user data is TOML (not MIME) and is merged with the
// user data EKS provides, the user's settings overriding EKS's; node labels and taints can be
// set there, but EKS recommends the node group's Labels/Taints ("Amazon EKS applies these
// configurations when you do so"); and EKS does not support every valid TOML (quotes within
// quoted keys, escaped quotes in values, mixed floats and integers, mixed types in arrays,
// bracketed headers with quoted keys). So: the connection settings EKS supplies
// (settings.kubernetes cluster-name, api-server, cluster-certificate) are removed,
// node-labels / node-taints move to the node group, the rest is kept byte for byte, and the
// forms EKS cannot merge are refused.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cfn_eks {

/// TOML user data whose first setting is a `[settings...]` table or a `settings.` key.
bool is_bottlerocket_settings(std::string_view text);

struct BottlerocketConversion {
  std::string text;                        ///< What is left; empty when nothing is.
  std::vector<std::string> carried_flags;  ///< `--node-labels=...`, `--register-with-taints=...`
  std::optional<std::string> refusal;
};

BottlerocketConversion convert_bottlerocket_settings(std::string_view toml, std::vector<std::string>& notes);

}  // namespace cfn_eks
