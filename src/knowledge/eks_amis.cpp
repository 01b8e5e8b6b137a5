// AMI families and types, SSM parameter paths, AMI names, ReleaseVersions and known-bad releases.

#include <algorithm>

#include "cfn_eks/eks_knowledge.hpp"
#include "knowledge/eks_patterns.hpp"

namespace cfn_eks {

std::optional<std::map<std::string, std::string>> CompiledPattern::match(std::string_view input) const {
  std::vector<std::string> captured;
  if (!regex.match(input, &captured)) return std::nullopt;
  std::map<std::string, std::string> out;
  for (std::size_t i = 0; i < groups.size() && i < captured.size(); ++i) {
    // A placeholder used twice must capture the same text both times.
    const std::string& value = captured[i];
    auto [it, inserted] = out.emplace(groups[i], value);
    if (!inserted && it->second != value) return std::nullopt;
  }
  return out;
}

std::string_view ami_family_id(AmiFamily family) {
  switch (family) {
    case AmiFamily::AmazonLinux2: return "al2";
    case AmiFamily::AmazonLinux2023: return "al2023";
    case AmiFamily::Bottlerocket: return "bottlerocket";
    case AmiFamily::Windows: return "windows";
    case AmiFamily::Custom: break;
  }
  return "custom";
}

std::optional<AmiFamily> parse_ami_family_id(std::string_view id) {
  for (AmiFamily f : {AmiFamily::AmazonLinux2, AmiFamily::AmazonLinux2023, AmiFamily::Bottlerocket, AmiFamily::Windows,
                      AmiFamily::Custom}) {
    if (ami_family_id(f) == id) return f;
  }
  return std::nullopt;
}

std::string_view architecture_name(Architecture arch) {
  switch (arch) {
    case Architecture::X86_64: return "x86_64";
    case Architecture::Arm64: return "arm64";
    case Architecture::Unknown: break;
  }
  return "unknown";
}

std::string_view accelerator_name(Accelerator accel) {
  switch (accel) {
    case Accelerator::Nvidia: return "nvidia";
    case Accelerator::Neuron: return "neuron";
    case Accelerator::None: break;
  }
  return "none";
}

std::string_view ami_release_name(AmiRelease release) {
  switch (release) {
    case AmiRelease::Recommended: return "recommended";
    case AmiRelease::Latest: return "latest";
    case AmiRelease::Pinned: break;
  }
  return "pinned";
}

namespace {

// "20250101" or "2025.01.01" -> a real calendar date.
std::optional<Date> compact_date(std::string_view text) {
  std::string iso;
  if (text.size() == 8) {
    iso = std::string(text.substr(0, 4)) + "-" + std::string(text.substr(4, 2)) + "-" + std::string(text.substr(6, 2));
  } else if (text.size() == 10 && text[4] == '.' && text[7] == '.') {
    iso = std::string(text);
    iso[4] = iso[7] = '-';
  } else {
    return std::nullopt;
  }
  return parse_date(iso);
}

void apply(const AmiAttributes& a, Architecture& arch, Accelerator& accel, bool& fips) {
  if (a.architecture) arch = *a.architecture;
  if (a.accelerator) accel = *a.accelerator;
  if (a.fips) fips = *a.fips;
}

// Applies what each captured placeholder value means (arch, flavor, variant).
bool apply_captures(const EksPatterns& patterns, const std::map<std::string, std::string>& captures,
                    Architecture& arch, Accelerator& accel, bool& fips) {
  for (const auto& [name, value] : captures) {
    auto values = patterns.placeholder_values.find(name);
    if (values == patterns.placeholder_values.end()) continue;
    auto attrs = values->second.find(value);
    if (attrs == values->second.end()) return false;
    apply(attrs->second, arch, accel, fips);
  }
  return true;
}

}  // namespace

// Families and types ----------------------------------------------------------------------------

const AmiFamilyInfo* EksKnowledge::ami_family(AmiFamily family) const {
  for (const AmiFamilyInfo& info : families_) {
    if (info.family == family) return &info;
  }
  return nullptr;
}

const AmiTypeInfo* EksKnowledge::ami_type(std::string_view name) const {
  for (const AmiTypeInfo& info : ami_types_) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

namespace {
Availability within(std::optional<KubeVersion> first, std::optional<KubeVersion> last, KubeVersion v) {
  if (first && v < *first) return Availability::NotYet;
  if (last && *last < v) return Availability::Discontinued;
  return Availability::Available;
}
}  // namespace

Availability EksKnowledge::ami_type_availability(const AmiTypeInfo& type, KubeVersion version) const {
  const Availability own = within(type.first_version, type.last_version, version);
  if (own != Availability::Available) return own;
  const AmiFamilyInfo* family = ami_family(type.family);
  return family != nullptr ? within(family->first_version, family->last_version, version) : own;
}

Availability EksKnowledge::ami_type_availability(std::string_view name, KubeVersion version) const {
  const AmiTypeInfo* type = ami_type(name);
  return type != nullptr ? ami_type_availability(*type, version) : Availability::UnknownType;
}

Availability EksKnowledge::family_availability(AmiFamily family, KubeVersion version) const {
  const AmiFamilyInfo* info = ami_family(family);
  return info != nullptr ? within(info->first_version, info->last_version, version) : Availability::Available;
}

// SSM paths and AMI names -----------------------------------------------------------------------

bool EksKnowledge::looks_like_eks_ami_ssm_path(std::string_view path) const {
  if (path.rfind("{{resolve:ssm:", 0) == 0) path.remove_prefix(14);
  return std::any_of(ssm_prefixes_.begin(), ssm_prefixes_.end(),
                     [&](const std::string& prefix) { return path.rfind(prefix, 0) == 0; });
}

std::optional<SsmAmiParameter> EksKnowledge::parse_ssm_ami_path(std::string_view path) const {
  if (!patterns_) return std::nullopt;
  // {{resolve:ssm:NAME}} or {{resolve:ssm:NAME:VERSION}}
  if (path.rfind("{{resolve:ssm:", 0) == 0) {
    if (path.size() < 16 || path.substr(path.size() - 2) != "}}") return std::nullopt;
    path = path.substr(14, path.size() - 16);
    const auto colon = path.rfind(':');
    if (colon != std::string_view::npos) {
      const std::string_view label = path.substr(colon + 1);
      if (label.empty() || !std::all_of(label.begin(), label.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
      }
      path = path.substr(0, colon);
    }
  }
  for (const SsmPattern& pattern : patterns_->ssm) {
    auto captures = pattern.path.match(path);
    if (!captures) continue;
    SsmAmiParameter out;
    out.family = pattern.family;
    out.confidence = pattern.confidence;
    auto k8s = parse_kube_version((*captures)["k8s"]);
    if (!k8s) continue;
    out.kubernetes = *k8s;
    apply(pattern.fixed, out.architecture, out.accelerator, out.fips);
    if (!apply_captures(*patterns_, *captures, out.architecture, out.accelerator, out.fips)) continue;
    if (auto year = captures->find("windows_year"); year != captures->end()) out.windows_year = std::stoi(year->second);
    if (auto edition = captures->find("windows_edition"); edition != captures->end()) out.windows_edition = edition->second;
    if (auto parameter = captures->find("parameter"); parameter != captures->end()) out.parameter = parameter->second;
    if (pattern.implied_release) {
      out.release = *pattern.implied_release;
    } else {
      const std::string& release = (*captures)["release"];
      if (auto keyword = patterns_->release_keywords.find(release); keyword != patterns_->release_keywords.end()) {
        out.release = keyword->second;
      } else {
        // A pinned release must have the documented shape (and name the same version), or
        // the path is a typo such as ".../recomended/image_id".
        if (pattern.pinned_release) {
          auto pinned = pattern.pinned_release->match(release);
          if (!pinned) return std::nullopt;
          if (auto k = pinned->find("k8s"); k != pinned->end() && parse_kube_version(k->second) != out.kubernetes) {
            return std::nullopt;
          }
          for (const auto& [name, value] : *pinned) {
            if (auto same = captures->find(name); name != "release" && same != captures->end() && same->second != value) {
              return std::nullopt;
            }
          }
          if (auto d = pinned->find("date"); d != pinned->end()) out.pinned_date = compact_date(d->second);
        }
        out.release = AmiRelease::Pinned;
        out.pinned_release = release;
      }
    }
    for (const AmiTypeInfo& type : ami_types_) {
      if (type.family == out.family && type.architecture == out.architecture && type.accelerator == out.accelerator &&
          type.fips == out.fips && type.windows_year == out.windows_year && type.windows_edition == out.windows_edition) {
        out.ami_type = &type;
        break;
      }
    }
    return out;
  }
  return std::nullopt;
}

std::optional<AmiName> EksKnowledge::parse_ami_name(std::string_view name, bool allow_filter) const {
  if (!patterns_) return std::nullopt;
  for (const NamePattern& pattern : patterns_->ami_names) {
    if (pattern.filter && !allow_filter) continue;
    auto captures = pattern.name.match(name);
    if (!captures) continue;
    AmiName out;
    out.family = pattern.family;
    auto k8s = parse_kube_version((*captures)["k8s"]);
    if (!k8s) continue;
    out.kubernetes = *k8s;
    out.filter = pattern.filter;
    bool fips = false;
    apply(pattern.fixed, out.architecture, out.accelerator, fips);
    if (!apply_captures(*patterns_, *captures, out.architecture, out.accelerator, fips)) continue;
    if (auto d = captures->find("date"); d != captures->end()) {
      out.date = compact_date(d->second);
      if (!out.date) continue;
    }
    return out;
  }
  return std::nullopt;
}

EksKnowledge::InstanceTypeTraits EksKnowledge::instance_type_traits(std::string_view instance_type) const {
  InstanceTypeTraits out;
  if (!patterns_) return out;
  const auto dot = instance_type.find('.');
  if (dot == std::string_view::npos || dot == 0) return out;
  const std::string_view family = instance_type.substr(0, dot);
  for (const InstanceFamilyPattern& pattern : patterns_->instance_families) {
    if (!pattern.pattern.match(family)) continue;
    out.architecture = pattern.attributes.architecture.value_or(Architecture::Unknown);
    out.accelerator = pattern.attributes.accelerator.value_or(Accelerator::None);
    return out;
  }
  return out;
}

// Release versions ------------------------------------------------------------------------------

std::optional<ReleaseVersion> EksKnowledge::parse_release_version(std::string_view text, AmiFamily family) const {
  if (!patterns_) return std::nullopt;
  for (const ReleasePattern& pattern : patterns_->release_versions) {
    if (pattern.format.family != family) continue;
    auto captures = pattern.pattern.match(text);
    if (!captures) continue;
    ReleaseVersion out;
    out.family = family;
    out.text = std::string(text);
    out.kubernetes_minor_must_match = pattern.format.kubernetes_minor_must_match;
    out.confidence = pattern.format.confidence;
    if (auto k = captures->find("k8s"); k != captures->end()) {
      out.kubernetes = parse_kube_version(k->second);
      if (!out.kubernetes) continue;
      if (auto patch = captures->find("patch"); patch != captures->end()) out.kubernetes_patch = k->second + "." + patch->second;
    }
    for (const char* key : {"date", "dotted_date"}) {
      if (auto d = captures->find(key); d != captures->end()) {
        out.date = compact_date(d->second);
        if (!out.date) return std::nullopt;  // 20251345 is not a day.
      }
    }
    if (auto os = captures->find("os_version"); os != captures->end()) out.os_version = os->second;
    if (auto commit = captures->find("commit"); commit != captures->end()) out.commit = commit->second;
    return out;
  }
  return std::nullopt;
}

const ReleaseVersionFormat* EksKnowledge::release_version_format(AmiFamily family) const {
  for (const ReleaseVersionFormat& format : release_formats_) {
    if (format.family == family) return &format;
  }
  return nullptr;
}

// Known-bad releases ----------------------------------------------------------------------------

std::vector<const KnownBadRelease*> EksKnowledge::known_bad(AmiFamily family, const Date& date,
                                                            std::optional<KubeVersion> kubernetes) const {
  std::vector<const KnownBadRelease*> out;
  for (const KnownBadRelease& bad : known_bad_) {
    if (std::find(bad.families.begin(), bad.families.end(), family) == bad.families.end()) continue;
    if (date < bad.first_bad || bad.last_bad < date) continue;
    if (kubernetes && bad.first_version && *kubernetes < *bad.first_version) continue;
    if (kubernetes && bad.last_version && *bad.last_version < *kubernetes) continue;
    out.push_back(&bad);
  }
  return out;
}

std::vector<const KnownBadRelease*> EksKnowledge::known_bad(const ReleaseVersion& release) const {
  if (!release.date) return {};
  return known_bad(release.family, *release.date, release.kubernetes);
}

}  // namespace cfn_eks
