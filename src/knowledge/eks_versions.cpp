// Kubernetes versions, support status, skew and data age: everything here is computed from the
// dates in schemas/eks and the date asked about.

#include <algorithm>
#include <charconv>

#include "cfn_eks/eks_knowledge.hpp"

namespace cfn_eks {

std::string KnowledgeError::to_string() const {
  std::string out = file;
  if (position) out += ":" + std::to_string(position->line) + ":" + std::to_string(position->column);
  return out + ": " + message;
}

std::string KubeVersion::to_string() const { return std::to_string(major) + "." + std::to_string(minor); }

std::optional<KubeVersion> parse_kube_version(std::string_view text) {
  const auto dot = text.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == text.size()) return std::nullopt;
  auto number = [](std::string_view part, int& out) {
    if (part.size() > 4 || (part.size() > 1 && part[0] == '0')) return false;
    for (char c : part) {
      if (c < '0' || c > '9') return false;
    }
    std::from_chars(part.data(), part.data() + part.size(), out);
    return true;
  };
  KubeVersion v;
  if (!number(text.substr(0, dot), v.major) || !number(text.substr(dot + 1), v.minor)) return std::nullopt;
  return v;
}

int minor_distance(KubeVersion from, KubeVersion to) { return (to.major - from.major) * 1000 + (to.minor - from.minor); }

std::string_view support_status_name(SupportStatus status) {
  switch (status) {
    case SupportStatus::NotYetReleased: return "not yet released";
    case SupportStatus::Standard: return "standard support";
    case SupportStatus::Extended: return "extended support";
    case SupportStatus::EndOfSupport: return "end of support";
    case SupportStatus::Unknown: break;
  }
  return "unknown";
}

// Data files ----------------------------------------------------------------------------------

const DataFileInfo* EksKnowledge::file(std::string_view path) const {
  for (const DataFileInfo& info : files_) {
    if (info.path == path) return &info;
  }
  return nullptr;
}

std::optional<Date> EksKnowledge::as_of() const {
  std::optional<Date> oldest;
  for (const DataFileInfo& info : files_) {
    if (!oldest || info.as_of < *oldest) oldest = info.as_of;
  }
  return oldest;
}

bool EksKnowledge::is_stale(const Date& at, long max_age_days) const {
  const auto oldest = as_of();
  return oldest && days_between(*oldest, at) > max_age_days;
}

std::optional<std::string> EksKnowledge::data_staleness_warning(const Date& at, long max_age_days) const {
  if (!is_stale(at, max_age_days)) return std::nullopt;
  const Date oldest = *as_of();
  // Name the oldest file when --data-dir replaced only some of them.
  std::string which;
  for (const DataFileInfo& info : files_) {
    if (info.as_of != oldest) which = " in " + info.path;
  }
  if (!which.empty()) {
    for (const DataFileInfo& info : files_) {
      if (info.as_of == oldest) {
        which = " in " + info.path;
        break;
      }
    }
  }
  return "the EKS data" + which + " (as of " + oldest.to_string() + ") is " + std::to_string(days_between(oldest, at)) +
         " days older than the lint date " + at.to_string() + "; support dates, AMIs and add-on versions may have " +
         "changed since: update cfn-eks or pass newer data files with --data-dir";
}

// Versions ------------------------------------------------------------------------------------

const VersionInfo* EksKnowledge::version(KubeVersion version) const {
  auto it = std::lower_bound(versions_.begin(), versions_.end(), version,
                             [](const VersionInfo& info, KubeVersion v) { return info.version < v; });
  return it != versions_.end() && it->version == version ? &*it : nullptr;
}

const VersionInfo* EksKnowledge::version(std::string_view text) const {
  auto parsed = parse_kube_version(text);
  return parsed ? version(*parsed) : nullptr;
}

VersionStatus EksKnowledge::status(KubeVersion v, const Date& at) const {
  VersionStatus out;
  auto phase = [&](SupportStatus status, std::optional<Date> ends) {
    out.status = status;
    out.phase_ends = ends;
    if (ends) out.days_left = days_between(at, *ends);
    return out;
  };
  // What the versions file knew: "not released" is only a fact up to its research date.
  const DataFileInfo* data = file("eks/versions.json");
  const bool within_data = data != nullptr && at <= data->as_of;
  out.info = version(v);
  if (out.info == nullptr) {
    const bool newer = !versions_.empty() && versions_.back().version < v;
    return phase(newer && within_data ? SupportStatus::NotYetReleased : SupportStatus::Unknown, std::nullopt);
  }
  const VersionInfo& info = *out.info;
  if (!info.eks_release) return phase(within_data ? SupportStatus::NotYetReleased : SupportStatus::Unknown, std::nullopt);
  if (at < *info.eks_release) return phase(SupportStatus::NotYetReleased, info.eks_release);
  if (!info.end_of_standard_support) return phase(SupportStatus::Standard, std::nullopt);
  if (at < *info.end_of_standard_support) return phase(SupportStatus::Standard, info.end_of_standard_support);
  if (info.extended_support && info.end_of_extended_support) {
    if (at < *info.end_of_extended_support) return phase(SupportStatus::Extended, info.end_of_extended_support);
    return phase(SupportStatus::EndOfSupport, info.end_of_extended_support);
  }
  if (info.extended_support) return phase(SupportStatus::Extended, std::nullopt);
  return phase(SupportStatus::EndOfSupport, info.end_of_standard_support);
}

std::optional<long> EksKnowledge::days_until_end_of_standard_support(KubeVersion v, const Date& at) const {
  const VersionInfo* info = version(v);
  if (info == nullptr || !info->end_of_standard_support) return std::nullopt;
  return days_between(at, *info->end_of_standard_support);
}

std::optional<long> EksKnowledge::days_until_end_of_extended_support(KubeVersion v, const Date& at) const {
  const VersionInfo* info = version(v);
  if (info == nullptr || !info->end_of_extended_support) return std::nullopt;
  return days_between(at, *info->end_of_extended_support);
}

std::optional<KubeVersion> EksKnowledge::latest_released(const Date& at) const {
  std::optional<KubeVersion> latest;
  for (const VersionInfo& info : versions_) {
    if (info.eks_release && *info.eks_release <= at) latest = info.version;
  }
  return latest;
}

std::vector<KubeVersion> EksKnowledge::versions_in(SupportStatus wanted, const Date& at) const {
  std::vector<KubeVersion> out;
  for (const VersionInfo& info : versions_) {
    if (status(info.version, at).status == wanted) out.push_back(info.version);
  }
  return out;
}

// Skew ----------------------------------------------------------------------------------------

int EksKnowledge::max_kubelet_lag(KubeVersion control_plane, KubeVersion kubelet) const {
  int limit = control_plane < skew_.kubelet_max_minor_lag_since ? skew_.kubelet_legacy_max_minor_lag
                                                                 : skew_.kubelet_max_minor_lag;
  if (kubelet < skew_.kubelet_legacy_below) limit = std::min(limit, skew_.kubelet_legacy_max_minor_lag);
  return limit;
}

namespace {
SkewVerdict verdict(int lag, int limit) {
  if (lag < 0) return SkewVerdict::Newer;
  if (lag == 0) return SkewVerdict::Same;
  return lag <= limit ? SkewVerdict::Behind : SkewVerdict::TooFarBehind;
}
}  // namespace

SkewVerdict EksKnowledge::kubelet_skew(KubeVersion control_plane, KubeVersion kubelet) const {
  return verdict(minor_distance(kubelet, control_plane), max_kubelet_lag(control_plane, kubelet));
}

SkewVerdict EksKnowledge::kube_proxy_skew(KubeVersion control_plane, KubeVersion kube_proxy) const {
  const int limit = kube_proxy < skew_.kube_proxy_legacy_below ? skew_.kube_proxy_legacy_max_minor_lag
                                                               : skew_.kube_proxy_max_minor_lag;
  return verdict(minor_distance(kube_proxy, control_plane), limit);
}

UpgradeStep EksKnowledge::control_plane_step(KubeVersion from, KubeVersion to) const {
  const int step = minor_distance(from, to);
  if (step == 0) return UpgradeStep::Same;
  if (step < 0) return UpgradeStep::Downgrade;
  return step <= skew_.control_plane_max_minor_step ? UpgradeStep::OneMinor : UpgradeStep::TooManyMinors;
}

}  // namespace cfn_eks
