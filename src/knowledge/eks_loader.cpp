// Builds EksKnowledge from the embedded schemas/eks files, optionally overridden by --data-dir.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

#include "cfn_eks/eks_knowledge.hpp"
#include "knowledge/eks_data_reader.hpp"
#include "knowledge/eks_patterns.hpp"
#include "knowledge/embedded_schemas.hpp"

namespace cfn_eks {

namespace {

constexpr std::string_view kVersions = "eks/versions.json";
constexpr std::string_view kSkew = "eks/skew.json";
constexpr std::string_view kAmis = "eks/ami-families.json";
constexpr std::string_view kKnownBad = "eks/known-bad-releases.json";
constexpr std::string_view kRestrictions = "eks/launch-template-restrictions.json";
constexpr std::string_view kAddons = "eks/addons.json";
constexpr std::string_view kApis = "eks/api-deprecations.json";
constexpr std::string_view kSecurityGroups = "eks/security-groups.json";

std::string_view embedded_text(std::string_view path) {
  for (const EmbeddedFile& file : embedded_schema_files()) {
    if (file.path == path) return file.content;
  }
  return {};
}

std::optional<Architecture> parse_architecture(std::string_view text) {
  if (text == "x86_64") return Architecture::X86_64;
  if (text == "arm64") return Architecture::Arm64;
  return std::nullopt;
}

std::optional<Accelerator> parse_accelerator(std::string_view text) {
  if (text == "none") return Accelerator::None;
  if (text == "nvidia") return Accelerator::Nvidia;
  if (text == "neuron") return Accelerator::Neuron;
  return std::nullopt;
}

std::optional<SgPeer> parse_peer(std::string_view text) {
  if (text == "control_plane") return SgPeer::ControlPlane;
  if (text == "node") return SgPeer::Node;
  if (text == "cluster_security_group") return SgPeer::ClusterSecurityGroup;
  if (text == "internet") return SgPeer::Internet;
  return std::nullopt;
}

bool is_name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

}  // namespace

/// Fills an EksKnowledge file by file; the first problem stops the build.
class EksKnowledgeBuilder {
 public:
  /// `check_patterns` compiles every pattern now and tries the examples against them, so a
  /// broken data file is reported when it is loaded. The embedded files skip that (the knowledge
  /// test checks them): their patterns are compiled on first use, which is most of the start-up
  /// time saved for a small template.
  KnowledgeResult<EksKnowledgePtr> build(const std::map<std::string, std::string>& overrides, std::string_view origin,
                                         bool check_patterns) {
    check_patterns_ = check_patterns;
    for (const auto& [path, text] : overrides) {
      (void)text;
      const auto& known = eks_data_files();
      if (std::find(known.begin(), known.end(), path) == known.end()) {
        return KnowledgeError{display(path, overrides, origin), std::nullopt,
                              "not a known EKS data file; expected one of " + known_list()};
      }
    }
    auto knowledge = std::make_shared<EksKnowledge>();
    auto patterns = std::make_shared<EksPatterns>();
    k_ = knowledge.get();
    p_ = patterns.get();
    using Step = void (EksKnowledgeBuilder::*)(DataReader&);
    const std::pair<std::string_view, Step> steps[] = {
        {kVersions, &EksKnowledgeBuilder::read_versions},   {kSkew, &EksKnowledgeBuilder::read_skew},
        {kAmis, &EksKnowledgeBuilder::read_amis},           {kKnownBad, &EksKnowledgeBuilder::read_known_bad},
        {kRestrictions, &EksKnowledgeBuilder::read_restrictions}, {kAddons, &EksKnowledgeBuilder::read_addons},
        {kApis, &EksKnowledgeBuilder::read_apis},           {kSecurityGroups, &EksKnowledgeBuilder::read_security_groups},
    };
    for (const auto& [path, step] : steps) {
      const std::string key(path);
      auto it = overrides.find(key);
      const bool replaced = it != overrides.end();
      std::string text = replaced ? it->second : std::string(embedded_text(path));
      const std::string shown = display(key, overrides, origin);
      if (!replaced && text.empty()) return KnowledgeError{shown, std::nullopt, "embedded data file is missing"};
      DataReader reader(shown, std::move(text));
      if (reader.failed()) return reader.error();
      k_->files_.push_back(reader.provenance(key, replaced ? shown : "embedded"));
      if (reader.failed()) return reader.error();
      (this->*step)(reader);
      if (reader.failed()) return reader.error();
    }
    k_->patterns_ = std::move(patterns);
    return EksKnowledgePtr(std::move(knowledge));
  }

 private:
  EksKnowledge* k_ = nullptr;
  EksPatterns* p_ = nullptr;
  bool check_patterns_ = true;
  std::map<std::string, std::string> placeholders_;

  static std::string display(const std::string& path, const std::map<std::string, std::string>& overrides,
                             std::string_view origin) {
    if (overrides.count(path) == 0) return "schemas/" + path;
    if (origin.empty()) return path;
    return std::string(origin) + "/" + path;
  }

  static std::string known_list() {
    std::string out;
    for (std::string_view file : eks_data_files()) {
      if (!out.empty()) out += ", ";
      out += std::string(file);
    }
    return out;
  }

  // versions.json ------------------------------------------------------------------------------
  void read_versions(DataReader& r) {
    const Node* root = r.root();
    const Node* lifecycle = r.object(root, "lifecycle", true);
    Lifecycle& l = k_->lifecycle_;
    l.standard_support_months = static_cast<int>(r.integer(lifecycle, "standard_support_months", std::nullopt));
    l.extended_support_months = static_cast<int>(r.integer(lifecycle, "extended_support_months", std::nullopt));
    l.extended_support_first_version = r.version(lifecycle, "extended_support_first_version", false);
    l.extended_support_enabled_by_default = r.boolean(lifecycle, "extended_support_enabled_by_default", true);
    l.end_of_support_notice_days = static_cast<int>(r.integer(lifecycle, "end_of_support_notice_days", 0L));
    l.min_versions_in_standard_support = static_cast<int>(r.integer(lifecycle, "min_versions_in_standard_support", 0L));
    l.note = r.optional_string(lifecycle, "note");
    l.support_types = r.strings(root, "support_types", false);

    const Node* pricing = r.object(root, "pricing", true);
    Pricing& p = k_->pricing_;
    p.currency = r.string(pricing, "currency");
    p.standard_per_cluster_hour = r.number(pricing, "standard_per_cluster_hour");
    p.extended_per_cluster_hour = r.number(pricing, "extended_per_cluster_hour");
    p.effective_from = r.date(pricing, "effective_from", false);
    p.note = r.optional_string(pricing, "note");

    for (const Node* item : r.array(root, "versions", true)) {
      VersionInfo v;
      if (auto version = r.version(item, "version", true)) v.version = *version;
      v.upstream_release = r.date(item, "upstream_release", false);
      v.eks_release = r.date(item, "eks_release", false);
      v.end_of_standard_support = r.date(item, "end_of_standard_support", false);
      v.end_of_extended_support = r.date(item, "end_of_extended_support", false);
      v.extended_support = r.boolean(item, "extended_support", std::nullopt);
      v.extended_support_retroactive = r.boolean(item, "extended_support_retroactive", false);
      v.confidence = r.confidence(item);
      v.note = r.optional_string(item, "note");
      if (r.failed()) return;
      // Dates must run forward, or every status computed from them is nonsense.
      const std::optional<Date> order[] = {v.eks_release, v.end_of_standard_support, v.end_of_extended_support};
      std::optional<Date> previous;
      for (const auto& d : order) {
        if (!d) continue;
        if (previous && *d < *previous) return r.fail(item, "version " + v.version.to_string() + " has dates out of order");
        previous = d;
      }
      if (v.end_of_extended_support && !v.extended_support) {
        return r.fail(item, "version " + v.version.to_string() + " has an end of extended support but \"extended_support\" is false");
      }
      if (!k_->versions_.empty() && !(k_->versions_.back().version < v.version)) {
        return r.fail(item, "versions must be listed in ascending order without duplicates");
      }
      k_->versions_.push_back(std::move(v));
    }
  }

  // skew.json ----------------------------------------------------------------------------------
  void read_skew(DataReader& r) {
    const Node* root = r.root();
    SkewRules& s = k_->skew_;
    const Node* cp = r.object(root, "control_plane", true);
    s.control_plane_max_minor_step = static_cast<int>(r.integer(cp, "max_minor_step_per_upgrade", std::nullopt));
    s.control_plane_downgrade_allowed = r.boolean(cp, "downgrade_allowed", std::nullopt);
    s.rollback_window_days = static_cast<int>(r.integer(cp, "rollback_window_days", 0L));
    s.control_plane_confidence = r.confidence(cp);
    s.control_plane_note = r.optional_string(cp, "note");

    const Node* kubelet = r.object(root, "kubelet", true);
    s.kubelet_max_minor_lag = static_cast<int>(r.integer(kubelet, "max_minor_lag", std::nullopt));
    if (auto v = r.version(kubelet, "max_minor_lag_since_control_plane", true)) s.kubelet_max_minor_lag_since = *v;
    s.kubelet_legacy_max_minor_lag = static_cast<int>(r.integer(kubelet, "legacy_max_minor_lag", std::nullopt));
    if (auto v = r.version(kubelet, "legacy_below_kubelet", true)) s.kubelet_legacy_below = *v;
    s.kubelet_note = r.optional_string(kubelet, "note");

    const Node* proxy = r.object(root, "kube_proxy", true);
    s.kube_proxy_max_minor_lag = static_cast<int>(r.integer(proxy, "max_minor_lag", std::nullopt));
    s.kube_proxy_legacy_max_minor_lag = static_cast<int>(r.integer(proxy, "legacy_max_minor_lag", std::nullopt));
    if (auto v = r.version(proxy, "legacy_below", true)) s.kube_proxy_legacy_below = *v;
    s.kube_proxy_max_distance_from_kubelet = static_cast<int>(r.integer(proxy, "max_minor_distance_from_kubelet", std::nullopt));
    s.kube_proxy_legacy_max_distance_from_kubelet =
        static_cast<int>(r.integer(proxy, "legacy_max_minor_distance_from_kubelet", std::nullopt));
    s.kube_proxy_note = r.optional_string(proxy, "note");

    const Node* managed = r.object(root, "managed_nodegroup", true);
    s.managed_version_must_equal_cluster_at_create = r.string(managed, "version_at_create") == "equal_to_cluster";
    s.managed_lag_severity = r.severity(managed, "lag_severity");
    s.managed_beyond_skew_severity = r.severity(managed, "lag_beyond_kubelet_skew_severity");
    s.managed_confidence = r.confidence(managed);
    s.managed_note = r.optional_string(managed, "note");

    const Node* self = r.object(root, "self_managed", true);
    s.self_managed_lag_severity = r.severity(self, "lag_severity");
    s.self_managed_beyond_skew_severity = r.severity(self, "lag_beyond_kubelet_skew_severity");
    s.self_managed_note = r.optional_string(self, "note");
    s.fargate_note = r.optional_string(r.object(root, "fargate", false), "note");
  }

  // ami-families.json --------------------------------------------------------------------------
  std::optional<AmiFamily> family(DataReader& r, const Node* object) {
    const Node* node = r.required(object, "family");
    const std::string text = r.string_value(node, "\"family\"");
    if (r.failed()) return std::nullopt;
    auto parsed = parse_ami_family_id(text);
    if (!parsed) r.fail(node, "unknown AMI family '" + text + "'; use al2, al2023, bottlerocket, windows or custom");
    return parsed;
  }

  AmiAttributes attributes(DataReader& r, const Node* object) {
    AmiAttributes out;
    if (const Node* arch = r.optional(object, "architecture")) {
      out.architecture = parse_architecture(r.string_value(arch, "\"architecture\""));
      if (!out.architecture && !r.failed()) r.fail(arch, "\"architecture\" must be x86_64 or arm64");
    }
    if (const Node* accel = r.optional(object, "accelerator")) {
      out.accelerator = parse_accelerator(r.string_value(accel, "\"accelerator\""));
      if (!out.accelerator && !r.failed()) r.fail(accel, "\"accelerator\" must be none, nvidia or neuron");
    }
    if (r.optional(object, "fips") != nullptr) out.fips = r.boolean(object, "fips", false);
    return out;
  }

  /// Replaces each {placeholder} by a capture group of its expression. A `plain` pattern has no
  /// placeholders and may use its own groups.
  std::optional<CompiledPattern> compile(DataReader& r, const Node* node, bool plain = false) {
    const std::string text = r.string_value(node, "a pattern");
    if (r.failed()) return std::nullopt;
    CompiledPattern out;
    out.text = text;
    std::string expression;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '{') {
        std::size_t end = i + 1;
        while (end < text.size() && is_name_char(text[end])) ++end;
        const std::string name = text.substr(i + 1, end - i - 1);
        const bool named = end < text.size() && text[end] == '}' && !name.empty() && name[0] >= 'a' && name[0] <= 'z';
        if (named) {
          auto it = placeholders_.find(name);
          if (it == placeholders_.end()) {
            r.fail(node, "unknown placeholder {" + name + "} in pattern");
            return std::nullopt;
          }
          expression += "(" + it->second + ")";
          out.groups.push_back(name);
          i = end;
          continue;
        }
      }
      expression += text[i];
    }
    out.regex = LazyRegex(std::move(expression));
    if (!check_patterns_) return out;
    if (!out.regex.compiles()) {
      r.fail(node, "invalid pattern: " + out.regex.error());
      return std::nullopt;
    }
    if (!plain && out.regex.mark_count() != out.groups.size()) {
      r.fail(node, "pattern has capture groups of its own; write (?:...) instead of (...)");
      return std::nullopt;
    }
    return out;
  }

  void read_amis(DataReader& r) {
    const Node* root = r.root();
    for (const Node* item : r.array(root, "families", true)) {
      AmiFamilyInfo f;
      const Node* id = r.required(item, "id");
      const std::string text = r.string_value(id, "\"id\"");
      if (r.failed()) return;
      auto parsed = parse_ami_family_id(text);
      if (!parsed) return r.fail(id, "unknown AMI family '" + text + "'");
      f.family = *parsed;
      f.name = r.string(item, "name");
      f.first_version = r.version(item, "first_version", false);
      f.last_version = r.version(item, "last_version", false);
      f.end_of_support = r.date(item, "end_of_support", false);
      f.final_release = r.optional_string(item, "final_release");
      f.user_data = r.optional_string(item, "user_data");
      f.bootstrap = r.optional_string(item, "bootstrap");
      f.default_disk_gib = static_cast<int>(r.integer(item, "default_disk_gib", 0L));
      f.note = r.optional_string(item, "note");
      k_->families_.push_back(std::move(f));
    }
    std::set<std::string> names;
    for (const Node* item : r.array(root, "ami_types", true)) {
      AmiTypeInfo t;
      t.name = r.string(item, "name");
      if (!r.failed() && !names.insert(t.name).second) return r.fail(item, "duplicate AmiType '" + t.name + "'");
      if (auto f = family(r, item)) t.family = *f;
      const AmiAttributes a = attributes(r, item);
      t.architecture = a.architecture.value_or(Architecture::Unknown);
      t.accelerator = a.accelerator.value_or(Accelerator::None);
      t.fips = a.fips.value_or(false);
      t.windows_year = static_cast<int>(r.integer(item, "windows_year", 0L));
      t.windows_edition = r.optional_string(item, "windows_edition");
      t.first_version = r.version(item, "first_version", false);
      t.last_version = r.version(item, "last_version", false);
      t.available_since = r.date(item, "available_since", false);
      t.confidence = r.confidence(item);
      t.note = r.optional_string(item, "note");
      if (r.failed()) return;
      k_->ami_types_.push_back(std::move(t));
    }

    const Node* placeholders = r.object(root, "placeholders", true);
    if (r.failed()) return;
    for (const MapEntry& entry : placeholders->entries) {
      placeholders_[entry.key] = r.string_value(entry.value, "a placeholder expression");
    }
    if (const Node* values = r.object(root, "placeholder_values", false)) {
      for (const MapEntry& entry : values->entries) {
        if (placeholders_.count(entry.key) == 0) return r.fail_at(entry.key_range, "no placeholder named '" + entry.key + "'");
        if (!entry.value->is_mapping()) return r.fail(entry.value, "expected a JSON object");
        for (const MapEntry& value : entry.value->entries) {
          p_->placeholder_values[entry.key][value.key] = attributes(r, value.value);
        }
      }
    }
    if (const Node* keywords = r.object(root, "release_keywords", false)) {
      for (const MapEntry& entry : keywords->entries) {
        const std::string kind = r.string_value(entry.value, "a release keyword");
        if (kind == "recommended") {
          p_->release_keywords[entry.key] = AmiRelease::Recommended;
        } else if (kind == "latest") {
          p_->release_keywords[entry.key] = AmiRelease::Latest;
        } else if (!r.failed()) {
          return r.fail(entry.value, "a release keyword means \"recommended\" or \"latest\"");
        }
      }
    }
    k_->ssm_prefixes_ = r.strings(root, "ssm_prefixes", true);

    for (const Node* item : r.array(root, "ssm_parameters", true)) {
      SsmPattern s;
      if (auto f = family(r, item)) s.family = *f;
      s.fixed = attributes(r, item);
      if (auto compiled = compile(r, r.required(item, "pattern"))) s.path = std::move(*compiled);
      if (const Node* pinned = r.optional(item, "pinned_release")) s.pinned_release = compile(r, pinned);
      const std::string implied = r.optional_string(item, "implied_release");
      if (implied == "latest") s.implied_release = AmiRelease::Latest;
      if (implied == "recommended") s.implied_release = AmiRelease::Recommended;
      s.confidence = r.confidence(item);
      if (r.failed()) return;
      const auto& groups = s.path.groups;
      if (std::find(groups.begin(), groups.end(), "k8s") == groups.end()) {
        return r.fail(item, "an SSM pattern needs a {k8s} placeholder");
      }
      if (!s.implied_release && std::find(groups.begin(), groups.end(), "release") == groups.end()) {
        return r.fail(item, "an SSM pattern needs a {release} placeholder or \"implied_release\"");
      }
      p_->ssm.push_back(std::move(s));
    }
    for (const Node* item : r.array(root, "ami_names", false)) {
      NamePattern n;
      if (auto f = family(r, item)) n.family = *f;
      n.fixed = attributes(r, item);
      if (auto compiled = compile(r, r.required(item, "pattern"))) n.name = std::move(*compiled);
      n.filter = r.boolean(item, "filter", false);
      if (r.failed()) return;
      p_->ami_names.push_back(std::move(n));
    }
    for (const Node* item : r.array(root, "release_versions", true)) {
      ReleasePattern rp;
      if (auto f = family(r, item)) rp.format.family = *f;
      if (auto compiled = compile(r, r.required(item, "pattern"))) rp.pattern = std::move(*compiled);
      rp.format.format = r.string(item, "format");
      rp.format.example = r.string(item, "example");
      rp.format.kubernetes_minor_must_match = r.boolean(item, "kubernetes_minor_must_match", std::nullopt);
      rp.format.confidence = r.confidence(item);
      rp.format.note = r.optional_string(item, "note");
      if (r.failed()) return;
      if (check_patterns_ && !rp.pattern.match(rp.format.example)) return r.fail(item, "the example does not match the pattern");
      k_->release_formats_.push_back(rp.format);
      p_->release_versions.push_back(std::move(rp));
    }
    // Instance family -> architecture/accelerator (optional: older data files lack it).
    if (const Node* families = r.object(root, "instance_families", false)) {
      for (const Node* item : r.array(families, "patterns", true)) {
        InstanceFamilyPattern f;
        if (auto compiled = compile(r, r.required(item, "pattern"))) f.pattern = std::move(*compiled);
        f.attributes = attributes(r, item);
        if (r.failed()) return;
        p_->instance_families.push_back(std::move(f));
      }
    }
  }

  // known-bad-releases.json --------------------------------------------------------------------
  void read_known_bad(DataReader& r) {
    for (const Node* item : r.array(r.root(), "releases", true)) {
      KnownBadRelease b;
      b.id = r.string(item, "id");
      for (const Node* f : r.array(item, "families", true)) {
        const std::string text = r.string_value(f, "a family");
        auto parsed = parse_ami_family_id(text);
        if (!parsed && !r.failed()) return r.fail(f, "unknown AMI family '" + text + "'");
        if (parsed) b.families.push_back(*parsed);
      }
      if (auto d = r.date(item, "first_bad", true)) b.first_bad = *d;
      if (auto d = r.date(item, "last_bad", true)) b.last_bad = *d;
      b.first_version = r.version(item, "first_version", false);
      b.last_version = r.version(item, "last_version", false);
      b.problem = r.string(item, "problem");
      b.fixed_by = r.optional_string(item, "fixed_by");
      b.links = r.strings(item, "links", true);
      b.confidence = r.confidence(item);
      b.note = r.optional_string(item, "note");
      if (r.failed()) return;
      if (b.last_bad < b.first_bad) return r.fail(item, "\"last_bad\" is before \"first_bad\"");
      k_->known_bad_.push_back(std::move(b));
    }
  }

  // launch-template-restrictions.json ----------------------------------------------------------
  void read_restrictions(DataReader& r) {
    for (const Node* item : r.array(r.root(), "restrictions", true)) {
      LaunchTemplateRestriction x;
      x.id = r.string(item, "id");
      x.kind = r.string(item, "kind");
      if (!r.failed() && x.kind != "forbidden" && x.kind != "exclusive" && x.kind != "conflict") {
        return r.fail(r.required(item, "kind"), "\"kind\" must be forbidden, exclusive or conflict");
      }
      x.launch_template_paths = r.strings(item, "launch_template_paths", true);
      x.nodegroup_properties = r.strings(item, "nodegroup_properties", true);
      x.condition = r.string(item, "condition");
      x.severity = r.severity(item, "severity");
      x.message = r.string(item, "message");
      x.fix = r.optional_string(item, "fix");
      x.confidence = r.confidence(item);
      x.note = r.optional_string(item, "note");
      if (r.failed()) return;
      if (!x.message.empty() && (x.message.back() == '.' || (x.message[0] >= 'A' && x.message[0] <= 'Z'))) {
        return r.fail(item, "messages start lowercase and have no trailing period");
      }
      k_->restrictions_.push_back(std::move(x));
    }
  }

  // addons.json --------------------------------------------------------------------------------
  void read_addons(DataReader& r) {
    const Node* root = r.root();
    placeholders_.clear();  // Add-on patterns are plain expressions.
    if (auto compiled = compile(r, r.required(root, "version_pattern"), true)) p_->addon_version = std::move(*compiled);
    k_->addon_version_format_ = r.string(root, "version_format");
    const std::string example = r.string(root, "version_example");
    if (check_patterns_ && !r.failed() && !p_->addon_version->match(example)) {
      return r.fail(r.required(root, "version_example"), "the example does not match \"version_pattern\"");
    }
    if (check_patterns_ && !r.failed() && p_->addon_version->regex.mark_count() != 4) {
      return r.fail(r.required(root, "version_pattern"), "\"version_pattern\" needs four groups: major, minor, patch, build");
    }
    for (const Node* item : r.array(root, "invalid_version_hints", false)) {
      AddonHint hint;
      if (auto compiled = compile(r, r.required(item, "pattern"), true)) hint.pattern = std::move(*compiled);
      hint.message = r.string(item, "message");
      if (r.failed()) return;
      p_->addon_hints.push_back(std::move(hint));
    }
    k_->addons_first_cluster_ = r.version(root, "first_cluster_version", false);
    if (const Node* resolve = r.object(root, "resolve_conflicts", false)) {
      for (const MapEntry& entry : resolve->entries) {
        k_->resolve_conflicts_[entry.key] = r.string_value(entry.value, "a ResolveConflicts meaning");
      }
    }
    for (const Node* item : r.array(root, "addons", true)) {
      AddonInfo a;
      a.name = r.string(item, "name");
      a.minor_must_match_cluster = r.boolean(item, "minor_must_match_cluster", false);
      a.one_line_for_all_clusters = r.boolean(item, "one_line_for_all_clusters", false);
      a.upgrade_one_minor_at_a_time = r.boolean(item, "upgrade_one_minor_at_a_time", false);
      a.required_from_kubernetes = r.version(item, "required_from_kubernetes", false);
      a.never_existed = r.strings(item, "never_existed", false);
      a.confidence = r.confidence(item);
      a.note = r.optional_string(item, "note");
      for (const Node* row : r.array(item, "by_kubernetes", false)) {
        AddonKubernetesEntry e;
        if (auto v = r.version(row, "kubernetes", true)) e.kubernetes = *v;
        e.latest = r.optional_string(row, "latest");
        e.lines = r.strings(row, "lines", false);
        if (check_patterns_ && !r.failed() && !e.latest.empty() && !p_->addon_version->match(e.latest)) {
          return r.fail(r.required(row, "latest"), "'" + e.latest + "' is not an add-on version");
        }
        a.by_kubernetes.push_back(std::move(e));
      }
      for (const Node* row : r.array(item, "minimums", false)) {
        AddonMinimum m;
        m.feature = r.string(row, "feature");
        m.version = r.string(row, "version");
        m.note = r.optional_string(row, "note");
        a.minimums.push_back(std::move(m));
      }
      if (r.failed()) return;
      k_->addons_.push_back(std::move(a));
    }
  }

  // api-deprecations.json ----------------------------------------------------------------------
  void read_apis(DataReader& r) {
    for (const Node* item : r.array(r.root(), "apis", true)) {
      ApiDeprecation d;
      d.api_version = r.string(item, "api_version");
      d.deprecated_in = r.version(item, "deprecated_in", false);
      if (auto v = r.version(item, "removed_in", true)) d.removed_in = *v;
      d.replacement = r.optional_string(item, "replacement");
      d.replacement_since = r.version(item, "replacement_since", false);
      d.alpha = r.boolean(item, "alpha", false);
      d.confidence = r.confidence(item);
      d.note = r.optional_string(item, "note");
      const std::vector<std::string> kinds = r.strings(item, "kinds", true);
      if (r.failed()) return;
      if (kinds.empty()) return r.fail(item, "\"kinds\" must not be empty");
      for (const std::string& kind : kinds) {
        ApiDeprecation one = d;
        one.kind = kind;
        k_->apis_.push_back(std::move(one));
      }
    }
  }

  // security-groups.json -----------------------------------------------------------------------
  void read_security_groups(DataReader& r) {
    const Node* root = r.root();
    SecurityGroupFacts& s = k_->security_groups_;
    for (const Node* item : r.array(root, "flows", true)) {
      SecurityGroupFlow f;
      f.id = r.string(item, "id");
      f.model = r.string(item, "model");
      for (auto [key, target] : {std::pair{"from", &f.from}, std::pair{"to", &f.to}}) {
        const Node* node = r.required(item, key);
        const std::string text = r.string_value(node, key);
        if (r.failed()) return;
        auto peer = parse_peer(text);
        if (!peer) return r.fail(node, "unknown peer '" + text + "'; use control_plane, node, cluster_security_group or internet");
        *target = *peer;
      }
      f.protocol = r.string(item, "protocol");
      f.from_port = static_cast<int>(r.integer(item, "from_port", std::nullopt));
      f.to_port = static_cast<int>(r.integer(item, "to_port", std::nullopt));
      const std::string level = r.string(item, "level");
      f.purpose = r.optional_string(item, "purpose");
      if (r.failed()) return;
      if (level != "minimum" && level != "recommended") return r.fail(item, "\"level\" must be minimum or recommended");
      if (f.from_port > f.to_port) return r.fail(item, "\"from_port\" is above \"to_port\"");
      f.minimum = level == "minimum";
      s.flows.push_back(std::move(f));
    }
    for (const Node* port : r.array(root, "remote_admin_ports", false)) s.remote_admin_ports.push_back(static_cast<int>(r.integer_value(port)));
    if (const Node* range = r.object(root, "node_port_range", false)) {
      s.node_port_from = static_cast<int>(r.integer(range, "from_port", std::nullopt));
      s.node_port_to = static_cast<int>(r.integer(range, "to_port", std::nullopt));
    }
    if (const Node* ports = r.object(root, "data_store_default_ports", false)) {
      for (const MapEntry& entry : ports->entries) s.data_store_default_ports[entry.key] = static_cast<int>(r.integer_value(entry.value));
    }
    const Node* cluster_sg = r.object(root, "cluster_security_group", true);
    s.cluster_security_group_get_att = r.string(cluster_sg, "get_att");
    s.node_security_group_owned_tag = r.optional_string(root, "node_security_group_owned_tag");
    if (const Node* pods = r.object(root, "security_groups_for_pods", false)) {
      s.pod_security_groups_min_kubernetes = r.version(pods, "min_kubernetes", false);
      s.pod_security_groups_min_vpc_cni = r.optional_string(pods, "min_vpc_cni");
    }
  }
};

const std::vector<std::string_view>& eks_data_files() {
  static const std::vector<std::string_view> files = {kVersions, kSkew, kAmis, kKnownBad,
                                                      kRestrictions, kAddons, kApis, kSecurityGroups};
  return files;
}

KnowledgeResult<EksKnowledgePtr> load_eks_knowledge_from(const std::map<std::string, std::string>& files,
                                                         std::string_view origin) {
  EksKnowledgeBuilder builder;
  return builder.build(files, origin, true);
}

EksKnowledgePtr embedded_eks_knowledge() {
  // Parsed once on first use; initialising a function-local static is thread-safe.
  static const EksKnowledgePtr knowledge = [] {
    EksKnowledgeBuilder builder;
    auto result = builder.build({}, "override", false);
    return result ? result.value() : std::make_shared<const EksKnowledge>();
  }();
  return knowledge;
}

KnowledgeResult<EksKnowledgePtr> load_eks_knowledge(const std::optional<std::string>& data_dir_text) {
  if (!data_dir_text) return embedded_eks_knowledge();
  const std::string& shown = *data_dir_text;
  const std::optional<std::filesystem::path> data_dir = std::filesystem::path(shown);
  std::error_code ec;
  if (!std::filesystem::is_directory(*data_dir, ec)) {
    return KnowledgeError{shown, std::nullopt, "--data-dir is not a directory"};
  }
  const std::filesystem::path eks_dir = *data_dir / "eks";
  if (!std::filesystem::is_directory(eks_dir, ec)) {
    // A common slip: the files put directly into DIR instead of DIR/eks/.
    for (std::string_view known : eks_data_files()) {
      const auto name = std::filesystem::path(std::string(known)).filename();
      if (std::filesystem::exists(*data_dir / name, ec)) {
        return KnowledgeError{(*data_dir / name).string(), std::nullopt,
                              "EKS data files belong in a subdirectory: move it to " + (eks_dir / name).string()};
      }
    }
    return embedded_eks_knowledge();
  }
  std::map<std::string, std::string> overrides;
  for (auto it = std::filesystem::directory_iterator(eks_dir, ec); !ec && it != std::filesystem::directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->path().extension() != ".json") continue;
    const std::string relative = "eks/" + it->path().filename().string();
    std::ifstream in(it->path(), std::ios::binary);
    if (!in.is_open()) return KnowledgeError{it->path().string(), std::nullopt, "cannot read the file"};
    std::ostringstream buffer;
    buffer << in.rdbuf();
    overrides[relative] = std::move(buffer).str();
  }
  if (ec) return KnowledgeError{eks_dir.string(), std::nullopt, "cannot list the directory: " + ec.message()};
  return load_eks_knowledge_from(overrides, shown);
}

}  // namespace cfn_eks
