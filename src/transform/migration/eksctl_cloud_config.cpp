#include "transform/migration/eksctl_cloud_config.hpp"

#include <array>

#include "transform/migration/yaml_line_edits.hpp"

namespace cfn_eks {
namespace {

constexpr std::string_view kEksctlScripts = "/var/lib/cloud/scripts/eksctl/";
// Where eksctl's bootstrap writes: its config directory, its scripts, the kubelet drop-in.
constexpr std::array<std::string_view, 3> kBootstrapPaths = {"/etc/eksctl/", kEksctlScripts,
                                                             "/etc/systemd/system/kubelet.service.d/"};

bool is_bootstrap_path(std::string_view path) {
  for (std::string_view prefix : kBootstrapPaths) {
    if (path.starts_with(prefix)) return true;
  }
  return false;
}

// Every scalar of a runcmd entry (a string or a list of words), joined by spaces.
std::string command_text(const Node& node) {
  if (node.is_scalar()) return node.text;
  std::string out;
  for (const Node* item : node.items) {
    if (item != nullptr) out += (out.empty() ? "" : " ") + command_text(*item);
  }
  return out;
}

// NODE_LABELS=... / NODE_TAINTS=... lines of eksctl's kubelet.env.
void read_kubelet_env(std::string_view content, std::vector<std::string>& flags, std::vector<std::string>& other) {
  std::size_t at = 0;
  while (at < content.size()) {
    std::size_t end = content.find('\n', at);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(at, end - at);
    at = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const auto eq = line.find('=');
    const std::string_view name = line.substr(0, eq);
    const std::string_view value = eq == std::string_view::npos ? std::string_view() : line.substr(eq + 1);
    if (name == "NODE_LABELS") {
      if (!value.empty()) flags.push_back("--node-labels=" + std::string(value));
    } else if (name == "NODE_TAINTS") {
      if (!value.empty()) flags.push_back("--register-with-taints=" + std::string(value));
    } else {
      other.emplace_back(line);
    }
  }
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

}  // namespace

bool is_eksctl_cloud_config(std::string_view text) {
  return text.find("#cloud-config") != std::string_view::npos && text.find(kEksctlScripts) != std::string_view::npos;
}

CloudConfigConversion convert_eksctl_cloud_config(std::string_view yaml, const std::string& label,
                                                  std::vector<std::string>& notes) {
  CloudConfigConversion out;
  YamlLineEdits edits{std::string(yaml)};
  auto refuse = [&](std::string why) {
    out.refusal = label + " (eksctl's cloud-config) " + why;
    return out;
  };
  if (edits.error()) return refuse("cannot be read as YAML (" + *edits.error() + ")");
  const Node& root = *edits.root();
  bool lists_left = false;  // a write_files or runcmd keeps some items
  std::vector<std::string> removed_files, other_settings;
  for (const MapEntry& entry : root.entries) {
    const Node* value = entry.value;
    if ((entry.key != "write_files" && entry.key != "runcmd") || value == nullptr) continue;
    if (!value->is_sequence()) return refuse("has a '" + entry.key + "' that is not a list");
    std::vector<const Node*> drop;
    for (const Node* item : value->items) {
      if (item == nullptr) continue;
      if (entry.key == "write_files") {
        const Node* path = item->is_mapping() ? item->get("path") : nullptr;
        if (path == nullptr || !path->is_string() || !is_bootstrap_path(path->text)) continue;
        if (path->text == "/etc/eksctl/kubelet.env") {
          const Node* encoding = item->get("encoding");
          const Node* content = item->get("content");
          if (encoding != nullptr || content == nullptr || !content->is_string()) {
            return refuse("writes /etc/eksctl/kubelet.env encoded or without text content, so its node labels and "
                          "taints cannot be read");
          }
          read_kubelet_env(content->text, out.carried_flags, other_settings);
        }
        removed_files.push_back(path->text);
        drop.push_back(item);
      } else if (command_text(*item).find(kEksctlScripts) != std::string::npos) {
        drop.push_back(item);
      }
    }
    if (drop.size() < value->items.size()) lists_left = true;
    if (drop.empty()) continue;
    if (drop.size() == value->items.size()) {
      if (!edits.remove_entry(entry)) return refuse("writes '" + entry.key + "' in flow style; write it in block style");
    } else {
      for (const Node* item : drop) {
        if (!edits.remove_item(*item)) return refuse("writes '" + entry.key + "' in flow style; write it in block style");
      }
    }
    if (entry.key == "runcmd") {
      notes.push_back("removed eksctl's bootstrap command from the runcmd of " + label + ": EKS bootstraps managed nodes");
    }
  }
  if (!removed_files.empty()) {
    notes.push_back("removed eksctl's node bootstrap files from " + label + " (" + joined(removed_files) +
                    "): EKS writes the kubelet configuration of managed nodes itself");
  }
  if (!other_settings.empty()) {
    notes.push_back("eksctl's kubelet settings " + joined(other_settings) +
                    " are dropped with its bootstrap (EKS computes them for managed nodes)");
  }
  // What is left: settings with a value (eksctl writes `packages: null`).
  bool does_something = false;
  for (const MapEntry& entry : root.entries) {
    if (entry.key == "write_files" || entry.key == "runcmd") continue;
    if (entry.value != nullptr && entry.value->kind != NodeKind::Null) does_something = true;
  }
  if (!does_something && !lists_left) {
    notes.push_back("dropped " + label + ": nothing but eksctl's bootstrap was in it");
    return out;
  }
  notes.push_back("kept the rest of " + label + " (eksctl's cloud-config without its bootstrap)");
  out.text = edits.result();
  return out;
}

}  // namespace cfn_eks
