// Add-on versions, Kubernetes API removals, launch-template restrictions, security-group peers.

#include <algorithm>

#include "cfn_eks/eks_knowledge.hpp"
#include "knowledge/eks_patterns.hpp"

namespace cfn_eks {

// Add-ons ----------------------------------------------------------------------------------------

const AddonInfo* EksKnowledge::addon(std::string_view name) const {
  for (const AddonInfo& info : addons_) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

std::optional<AddonVersion> EksKnowledge::parse_addon_version(std::string_view text) const {
  if (!patterns_ || !patterns_->addon_version) return std::nullopt;
  std::vector<std::string> m;
  if (!patterns_->addon_version->regex.match(text, &m) || m.size() < 4) return std::nullopt;
  AddonVersion v;
  v.text = std::string(text);
  int* parts[] = {&v.major, &v.minor, &v.patch, &v.eksbuild};
  for (std::size_t i = 0; i < 4; ++i) {
    const std::string& digits = m[i];
    if (digits.empty() || digits.size() > 6) return std::nullopt;
    *parts[i] = std::stoi(digits);
  }
  return v;
}

std::optional<std::string> EksKnowledge::addon_version_hint(std::string_view text) const {
  if (!patterns_ || parse_addon_version(text)) return std::nullopt;
  for (const AddonHint& hint : patterns_->addon_hints) {
    if (hint.pattern.match(text)) return hint.message;
  }
  return std::nullopt;
}

std::string_view EksKnowledge::resolve_conflicts_meaning(std::string_view value) const {
  auto it = resolve_conflicts_.find(value);
  return it != resolve_conflicts_.end() ? std::string_view(it->second) : std::string_view();
}

AddonCheck EksKnowledge::check_addon(std::string_view name, const AddonVersion& version, KubeVersion cluster) const {
  AddonCheck out;
  const AddonInfo* info = addon(name);
  if (info == nullptr) return out;
  const std::string line = std::to_string(version.major) + "." + std::to_string(version.minor);
  const std::string quoted = "'" + std::string(name) + "' " + version.text;
  const auto row = std::find_if(info->by_kubernetes.begin(), info->by_kubernetes.end(),
                                [&](const AddonKubernetesEntry& e) { return e.kubernetes == cluster; });
  if (row != info->by_kubernetes.end()) out.latest_known = row->latest;

  if (addons_first_cluster_ && cluster < *addons_first_cluster_) {
    out.verdict = AddonCompatibility::Incompatible;
    out.reason = "EKS add-ons need Kubernetes " + addons_first_cluster_->to_string() + " or later";
    return out;
  }
  const std::string patch = "v" + line + "." + std::to_string(version.patch);
  if (std::find(info->never_existed.begin(), info->never_existed.end(), patch) != info->never_existed.end()) {
    out.verdict = AddonCompatibility::Incompatible;
    out.reason = quoted + " was never released (" + patch + " appears only in the documentation)";
    return out;
  }
  if (info->minor_must_match_cluster) {
    if (version.major != cluster.major || version.minor != cluster.minor) {
      out.verdict = AddonCompatibility::Incompatible;
      out.reason = quoted + " is built for Kubernetes " + line + ", not the cluster's " + cluster.to_string();
    } else {
      out.verdict = AddonCompatibility::Compatible;
    }
    return out;
  }
  if (row == info->by_kubernetes.end() || row->lines.empty()) {
    out.reason = "no known " + std::string(name) + " versions for Kubernetes " + cluster.to_string();
    return out;
  }
  if (std::find(row->lines.begin(), row->lines.end(), line) != row->lines.end()) {
    out.verdict = AddonCompatibility::Compatible;
    return out;
  }
  std::string known;
  for (const std::string& l : row->lines) known += (known.empty() ? "v" : ", v") + l;
  out.verdict = AddonCompatibility::NotKnown;
  out.reason = quoted + " is not a known line for Kubernetes " + cluster.to_string() + " (known: " + known + ")";
  return out;
}

// Kubernetes APIs ------------------------------------------------------------------------------

ApiLookup EksKnowledge::api_status(std::string_view api_version, std::string_view kind, KubeVersion cluster) const {
  ApiLookup out;
  for (const ApiDeprecation& entry : apis_) {
    if (entry.api_version != api_version || entry.kind != kind) continue;
    out.entry = &entry;
    if (!(cluster < entry.removed_in)) {
      out.status = ApiStatus::Removed;
    } else if (entry.deprecated_in && !(cluster < *entry.deprecated_in)) {
      out.status = ApiStatus::Deprecated;
    }
    return out;
  }
  return out;
}

// Launch templates -----------------------------------------------------------------------------

const LaunchTemplateRestriction* EksKnowledge::launch_template_restriction(std::string_view id) const {
  for (const LaunchTemplateRestriction& r : restrictions_) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

// Security groups ------------------------------------------------------------------------------

std::string_view sg_peer_name(SgPeer peer) {
  switch (peer) {
    case SgPeer::ControlPlane: return "control plane";
    case SgPeer::ClusterSecurityGroup: return "cluster security group";
    case SgPeer::Internet: return "internet";
    case SgPeer::Node: break;
  }
  return "nodes";
}

}  // namespace cfn_eks
