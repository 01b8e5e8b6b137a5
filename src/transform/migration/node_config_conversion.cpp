#include "transform/migration/node_config_conversion.hpp"

#include <algorithm>
#include <array>

#include "transform/migration/yaml_line_edits.hpp"

namespace cfn_eks {
namespace {

// The connection fields nodeadm needs on self-managed nodes and EKS supplies to managed ones.
constexpr std::array<std::string_view, 4> kClusterFields = {"name", "apiServerEndpoint", "certificateAuthority", "cidr"};

bool carried_flag(std::string_view flag) {
  return flag.starts_with("--node-labels=") || flag.starts_with("--register-with-taints=");
}

std::string list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

}  // namespace

NodeConfigConversion convert_node_config(std::string_view yaml, const std::string& label, std::vector<std::string>& notes) {
  NodeConfigConversion out;
  YamlLineEdits edits{std::string(yaml)};
  auto refuse = [&](std::string why) {
    out.refusal = label + " (a nodeadm NodeConfig) " + why;
    return out;
  };
  if (edits.error()) return refuse("cannot be read as YAML (" + *edits.error() + "); fix it first");
  const Node& root = *edits.root();
  const Node* kind = root.get("kind");
  if (kind == nullptr || !kind->is_string() || kind->text != "NodeConfig") {
    return refuse("has no 'kind: NodeConfig'; cfn-eks converts only nodeadm NodeConfig documents");
  }
  const MapEntry* spec_entry = root.find("spec");
  const Node* spec = spec_entry ? spec_entry->value : nullptr;
  if (spec == nullptr || !spec->is_mapping()) {
    notes.push_back("kept " + label + " (a nodeadm NodeConfig without spec) unchanged");
    out.text = std::string(yaml);
    return out;
  }
  std::size_t spec_left = spec->entries.size();
  auto cannot_edit = [&](const std::string& what) {
    return refuse("writes " + what + " in a form cfn-eks cannot remove line by line (flow style or several keys "
                  "on a line); write it in block style");
  };
  if (const MapEntry* cluster_entry = spec->find("cluster")) {
    const Node* cluster = cluster_entry->value;
    std::vector<std::string> removed;
    if (cluster != nullptr && cluster->is_mapping()) {
      for (const MapEntry& e : cluster->entries) {
        if (std::find(kClusterFields.begin(), kClusterFields.end(), e.key) == kClusterFields.end()) {
          return refuse("sets spec.cluster." + e.key + ", which is not part of the connection EKS supplies to "
                        "managed nodes; cfn-eks cannot tell whether it still applies; migrate this node group by hand");
        }
        removed.push_back(e.key);
      }
    }
    if (!edits.remove_entry(*cluster_entry)) return cannot_edit("spec.cluster");
    --spec_left;
    notes.push_back("removed spec.cluster (" + list(removed) + ") from " + label +
                    ": EKS supplies the cluster connection to managed nodes on its AL2023 AMIs and merges this "
                    "NodeConfig with its own");
  }
  if (const MapEntry* kubelet_entry = spec->find("kubelet"); kubelet_entry && kubelet_entry->value &&
                                                            kubelet_entry->value->is_mapping()) {
    const Node& kubelet = *kubelet_entry->value;
    const MapEntry* flags_entry = kubelet.find("flags");
    if (flags_entry != nullptr && flags_entry->value != nullptr && flags_entry->value->is_sequence()) {
      const Node& flags = *flags_entry->value;
      std::size_t flags_left = flags.items.size();
      std::vector<const Node*> moved;
      for (const Node* item : flags.items) {
        if (item == nullptr || !item->is_string()) continue;
        if (item->text == "--node-labels" || item->text == "--register-with-taints") {
          return refuse("passes " + item->text + " with its value in a separate list item; write it as " +
                        item->text + "=...");
        }
        if (carried_flag(item->text)) moved.push_back(item);
      }
      if (!moved.empty()) {
        if (moved.size() == flags_left) {
          const bool kubelet_empty = kubelet.entries.size() == 1;
          if (!edits.remove_entry(kubelet_empty ? *kubelet_entry : *flags_entry)) return cannot_edit("spec.kubelet.flags");
          if (kubelet_empty) --spec_left;
        } else {
          for (const Node* item : moved) {
            if (!edits.remove_item(*item)) return cannot_edit("spec.kubelet.flags");
          }
          flags_left -= moved.size();
        }
        std::vector<std::string> texts;
        for (const Node* item : moved) {
          out.carried_flags.push_back(item->text);
          texts.push_back(item->text);
        }
        notes.push_back("moved " + list(texts) + " from " + label +
                        " to the node group's Labels/Taints: EKS applies them through its API");
      }
    }
  }
  if (spec_left == 0) {
    notes.push_back("dropped " + label + ": nothing of the user's is left in the NodeConfig");
    return out;
  }
  out.text = edits.result();
  notes.push_back("kept the rest of " + label + " (a nodeadm NodeConfig); nodeadm merges it with the one EKS writes");
  return out;
}

}  // namespace cfn_eks
