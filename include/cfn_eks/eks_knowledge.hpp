#pragma once
/// EKS domain knowledge from schemas/eks/*.json: Kubernetes versions and support dates, version
/// skew, AMI families and AmiTypes, SSM parameter paths, ReleaseVersion formats, known-bad AMI
/// releases, launch-template restrictions, add-on versions, Kubernetes API removals and the
/// control-plane/node security-group flows.
///
/// The files are compiled in; `load_eks_knowledge(data_dir)` lets newer files replace them without
/// a rebuild. The result is immutable and shared: rules read it through `LintContext::eks`.
/// Every time-dependent answer is computed from the dates in the data and a date passed in.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

#include "cfn_eks/date.hpp"
#include "cfn_eks/diagnostic.hpp"
#include "cfn_eks/source.hpp"

namespace cfn_eks {

// ---------------------------------------------------------------------------------------------
// Loading

/// A data file that could not be used: where and why.
struct KnowledgeError {
  std::string file;                   ///< "schemas/eks/versions.json" (embedded) or the --data-dir path.
  std::optional<Position> position;   ///< 1-based line and column, when the problem has one.
  std::string message;
  /// "file:line:column: message" (or "file: message").
  std::string to_string() const;
};

/// A value or the error that prevented it (std::expected is C++23).
template <typename T>
class KnowledgeResult {
 public:
  KnowledgeResult(T value) : state_(std::move(value)) {}                // NOLINT: implicit on purpose
  KnowledgeResult(KnowledgeError error) : state_(std::move(error)) {}   // NOLINT: implicit on purpose
  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const T& value() const { return std::get<0>(state_); }
  T& value() { return std::get<0>(state_); }
  const KnowledgeError& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, KnowledgeError> state_;
};

class EksKnowledge;
struct EksPatterns;  // Compiled regular expressions (internal).
using EksKnowledgePtr = std::shared_ptr<const EksKnowledge>;

/// The embedded files, parsed once; their regular expressions (AMI names, SSM paths, add-on
/// versions) are compiled the first time each is matched. Never null: if the embedded data were
/// broken (the knowledge test catches that) this is an empty knowledge object for which every
/// lookup is "unknown".
EksKnowledgePtr embedded_eks_knowledge();

/// The embedded files with those in `data_dir` laid over them: DIR/eks/versions.json replaces
/// schemas/eks/versions.json. A missing directory, an unknown file under DIR/eks/ or a broken
/// file is an error naming the file (and the line and column when there is one).
/// (A plain string, not std::filesystem::path: this header is included by every rule, and
/// <filesystem> would bring std::quoted into their argument-dependent lookup.)
KnowledgeResult<EksKnowledgePtr> load_eks_knowledge(const std::optional<std::string>& data_dir = {});

/// Builds knowledge from file texts keyed by their path below schemas/ ("eks/versions.json");
/// files not given come from the embedded set. `origin` names the texts in errors. Every
/// pattern is compiled and the data's examples matched here, so a broken pattern is an error.
KnowledgeResult<EksKnowledgePtr> load_eks_knowledge_from(const std::map<std::string, std::string>& files,
                                                         std::string_view origin = "override");

/// The data files this layer reads, below schemas/.
const std::vector<std::string_view>& eks_data_files();

// ---------------------------------------------------------------------------------------------
// Shared vocabulary

/// How sure the facts are: [UNSURE]/[CONFLICT] facts give warnings, not errors.
enum class Confidence : std::uint8_t { Confirmed, Unsure };

/// A Kubernetes minor version such as 1.31.
struct KubeVersion {
  int major = 1;
  int minor = 0;
  auto operator<=>(const KubeVersion&) const = default;
  std::string to_string() const;  ///< "1.31"
};

/// Parses "1.31" strictly: digits, one dot, no sign, space, "v" or patch. "1.3" parses (as
/// minor 3), so a YAML-float mangled "1.30" is caught by the version lookup, not here.
std::optional<KubeVersion> parse_kube_version(std::string_view text);

/// Minors from `from` to `to` (positive when `to` is newer). Majors other than 1 count 1000.
int minor_distance(KubeVersion from, KubeVersion to);

/// Facts about one data file.
struct DataFileInfo {
  std::string path;                  ///< Below schemas/: "eks/versions.json".
  std::string origin;                ///< "embedded" or the file that replaced it.
  Date as_of;
  std::vector<std::string> sources;
};

// ---------------------------------------------------------------------------------------------
// Versions (versions.json)

enum class SupportStatus : std::uint8_t {
  NotYetReleased,  ///< Before its EKS release (or newer than any known version, up to the data's as_of).
  Standard,        ///< [eks_release, end_of_standard_support)
  Extended,        ///< [end_of_standard_support, end_of_extended_support)
  EndOfSupport,    ///< Past the end of extended support (or of standard support when there was none).
  Unknown,         ///< Never an EKS version, or its dates are not known (e.g. newer than the data).
};
std::string_view support_status_name(SupportStatus status);  ///< "standard support", ...

struct VersionInfo {
  KubeVersion version;
  std::optional<Date> upstream_release;
  std::optional<Date> eks_release;               ///< Null when not (yet) on EKS.
  std::optional<Date> end_of_standard_support;
  std::optional<Date> end_of_extended_support;   ///< Null when there is (was) no extended support.
  bool extended_support = false;
  bool extended_support_retroactive = false;     ///< 1.21/1.22: existing clusters only.
  Confidence confidence = Confidence::Confirmed;
  std::string note;
};

struct Lifecycle {
  int standard_support_months = 0;
  int extended_support_months = 0;
  std::optional<KubeVersion> extended_support_first_version;
  bool extended_support_enabled_by_default = true;
  int end_of_support_notice_days = 0;
  int min_versions_in_standard_support = 0;
  std::vector<std::string> support_types;        ///< UpgradePolicy.SupportType values.
  std::string note;
};

struct Pricing {
  std::string currency;
  double standard_per_cluster_hour = 0;
  double extended_per_cluster_hour = 0;
  std::optional<Date> effective_from;
  std::string note;
};

/// A version's status on a date, with the date the current phase ends.
struct VersionStatus {
  SupportStatus status = SupportStatus::Unknown;
  const VersionInfo* info = nullptr;   ///< Null for versions not in the data.
  std::optional<Date> phase_ends;      ///< Release / end of standard / end of extended, as applicable.
  std::optional<long> days_left;       ///< Days from the date asked to phase_ends.
};

// ---------------------------------------------------------------------------------------------
// Skew (skew.json)

enum class SkewVerdict : std::uint8_t {
  Same,          ///< Same minor.
  Behind,        ///< Older, within the allowed skew (rules warn for managed/self-managed lag).
  TooFarBehind,  ///< Older than the skew policy allows.
  Newer,         ///< Newer than the control plane: never allowed.
};

enum class UpgradeStep : std::uint8_t { Same, OneMinor, TooManyMinors, Downgrade };

struct SkewRules {
  // kubelet vs control plane
  int kubelet_max_minor_lag = 0;                   ///< 3
  KubeVersion kubelet_max_minor_lag_since;         ///< control plane 1.28
  int kubelet_legacy_max_minor_lag = 0;            ///< 2
  KubeVersion kubelet_legacy_below;                ///< kubelet older than 1.25 may only lag 2
  // kube-proxy vs control plane and kubelet
  int kube_proxy_max_minor_lag = 0;
  int kube_proxy_legacy_max_minor_lag = 0;
  KubeVersion kube_proxy_legacy_below;
  int kube_proxy_max_distance_from_kubelet = 0;
  int kube_proxy_legacy_max_distance_from_kubelet = 0;
  // control plane
  int control_plane_max_minor_step = 1;
  bool control_plane_downgrade_allowed = false;
  int rollback_window_days = 0;
  Confidence control_plane_confidence = Confidence::Confirmed;
  // node groups
  bool managed_version_must_equal_cluster_at_create = true;
  Severity managed_lag_severity = Severity::Warning;
  Severity managed_beyond_skew_severity = Severity::Error;
  Confidence managed_confidence = Confidence::Unsure;
  Severity self_managed_lag_severity = Severity::Warning;
  Severity self_managed_beyond_skew_severity = Severity::Error;
  std::string control_plane_note, kubelet_note, kube_proxy_note, managed_note, self_managed_note, fargate_note;
};

// ---------------------------------------------------------------------------------------------
// AMIs (ami-families.json, known-bad-releases.json)

enum class AmiFamily : std::uint8_t { AmazonLinux2, AmazonLinux2023, Bottlerocket, Windows, Custom };
enum class Architecture : std::uint8_t { X86_64, Arm64, Unknown };
enum class Accelerator : std::uint8_t { None, Nvidia, Neuron };
std::string_view ami_family_id(AmiFamily family);      ///< "al2", "al2023", "bottlerocket", "windows", "custom"
std::optional<AmiFamily> parse_ami_family_id(std::string_view id);
std::string_view architecture_name(Architecture arch);  ///< "x86_64", "arm64", "unknown"
std::string_view accelerator_name(Accelerator accel);   ///< "none", "nvidia", "neuron"

struct AmiFamilyInfo {
  AmiFamily family = AmiFamily::Custom;
  std::string name;                                   ///< "Amazon Linux 2"
  std::optional<KubeVersion> first_version, last_version;
  std::optional<Date> end_of_support;
  std::string final_release;                          ///< "v20251209"
  std::string user_data;                              ///< "mime-multipart", "toml", "powershell", "any"
  std::string bootstrap;                              ///< "bootstrap.sh", "nodeadm", ...
  int default_disk_gib = 0;
  std::string note;
};

struct AmiTypeInfo {
  std::string name;                                   ///< "AL2023_x86_64_STANDARD"
  AmiFamily family = AmiFamily::Custom;
  Architecture architecture = Architecture::Unknown;
  Accelerator accelerator = Accelerator::None;
  bool fips = false;
  int windows_year = 0;                               ///< 2019/2022/2025; 0 when not Windows.
  std::string windows_edition;                        ///< "Core" or "Full".
  std::optional<KubeVersion> first_version;           ///< Null: no lower bound known.
  std::optional<KubeVersion> last_version;            ///< Null: still built.
  std::optional<Date> available_since;
  Confidence confidence = Confidence::Confirmed;
  std::string note;
};

enum class Availability : std::uint8_t {
  Available,     ///< Within the known bounds (or no bounds known).
  NotYet,        ///< The version is older than the first one it exists for.
  Discontinued,  ///< The version is newer than the last one it exists for (AL2 on 1.33+).
  UnknownType,   ///< Not an AmiType in the data.
};

enum class AmiRelease : std::uint8_t { Recommended, Latest, Pinned };
std::string_view ami_release_name(AmiRelease release);  ///< "recommended", "latest", "pinned"

/// What an EKS-optimized AMI SSM parameter path says.
struct SsmAmiParameter {
  AmiFamily family = AmiFamily::Custom;
  KubeVersion kubernetes;
  Architecture architecture = Architecture::Unknown;
  Accelerator accelerator = Accelerator::None;
  bool fips = false;
  int windows_year = 0;
  std::string windows_edition;
  AmiRelease release = AmiRelease::Recommended;
  std::string pinned_release;                 ///< The release segment when Pinned ("amazon-eks-node-1.31-v20250101").
  std::optional<Date> pinned_date;            ///< The date inside a pinned AL release, when present.
  std::string parameter;                      ///< "image_id", "release_version", ...; empty for the JSON blob.
  const AmiTypeInfo* ami_type = nullptr;      ///< The managed node group AmiType with the same AMI, if any.
  Confidence confidence = Confidence::Confirmed;
};

/// What an EKS-optimized AMI name (amazon-eks-node-1.31-v20250101) says.
struct AmiName {
  AmiFamily family = AmiFamily::Custom;
  KubeVersion kubernetes;
  Architecture architecture = Architecture::Unknown;
  Accelerator accelerator = Accelerator::None;
  std::optional<Date> date;
  bool filter = false;  ///< Parsed from a name filter with wildcards.
};

/// A managed node group ReleaseVersion, parsed for its family.
struct ReleaseVersion {
  AmiFamily family = AmiFamily::Custom;
  std::string text;
  std::optional<KubeVersion> kubernetes;      ///< The minor it implies (AL2, AL2023, Windows).
  std::string kubernetes_patch;               ///< "1.31.3" (AL2, AL2023).
  std::optional<Date> date;                   ///< The AMI release date (AL2, AL2023, Windows).
  std::string os_version;                     ///< Bottlerocket "1.34.0".
  std::string commit;                         ///< Bottlerocket "18d04e52".
  bool kubernetes_minor_must_match = false;   ///< Its minor must equal the node group's Version.
  Confidence confidence = Confidence::Confirmed;  ///< Unsure for Bottlerocket's short form.
};

struct ReleaseVersionFormat {
  AmiFamily family = AmiFamily::Custom;
  std::string format;    ///< "<major>.<minor>.<patch>-<YYYYMMDD>"
  std::string example;   ///< "1.31.3-20250101"
  bool kubernetes_minor_must_match = false;
  Confidence confidence = Confidence::Confirmed;
  std::string note;
};

struct KnownBadRelease {
  std::string id;                             ///< "v20201112"
  std::vector<AmiFamily> families;
  Date first_bad;                             ///< Inclusive.
  Date last_bad;                              ///< Inclusive: the day before the fix.
  std::optional<KubeVersion> first_version, last_version;  ///< Null: every minor.
  std::string problem;
  std::string fixed_by;                       ///< "v20201117"; empty when not named.
  std::vector<std::string> links;
  Confidence confidence = Confidence::Confirmed;
  std::string note;
};

// ---------------------------------------------------------------------------------------------
// Managed node groups and launch templates (launch-template-restrictions.json)

struct LaunchTemplateRestriction {
  std::string id;                                  ///< "instance-profile-in-launch-template"
  std::string kind;                                ///< "forbidden", "exclusive", "conflict"
  std::vector<std::string> launch_template_paths;  ///< Below LaunchTemplateData; "A|B" = either; "[]" = each item.
  std::vector<std::string> nodegroup_properties;   ///< AWS::EKS::Nodegroup properties ("LaunchTemplate.Id").
  std::string condition;                           ///< "always", "both_present", "launch_template_has_image_id", ...
  Severity severity = Severity::Error;
  std::string message;                             ///< Style-conformant; may hold {placeholders}.
  std::string fix;
  Confidence confidence = Confidence::Confirmed;
  std::string note;
};

// ---------------------------------------------------------------------------------------------
// Add-ons (addons.json)

struct AddonVersion {
  int major = 0, minor = 0, patch = 0, eksbuild = 0;
  std::string text;
  auto operator<=>(const AddonVersion& other) const {
    return std::tie(major, minor, patch, eksbuild) <=> std::tie(other.major, other.minor, other.patch, other.eksbuild);
  }
  bool operator==(const AddonVersion& other) const { return (*this <=> other) == 0; }
};

struct AddonKubernetesEntry {
  KubeVersion kubernetes;
  std::string latest;                              ///< Newest known add-on version; may be empty.
  std::vector<std::string> lines;                  ///< Known add-on major.minor lines ("1.11").
};

struct AddonMinimum {
  std::string feature;                             ///< "security-groups-for-pods"
  std::string version;                             ///< "1.7.7"
  std::string note;
};

struct AddonInfo {
  std::string name;                                ///< AddonName: "kube-proxy", "coredns", ...
  bool minor_must_match_cluster = false;
  bool one_line_for_all_clusters = false;
  bool upgrade_one_minor_at_a_time = false;
  std::optional<KubeVersion> required_from_kubernetes;
  std::vector<AddonKubernetesEntry> by_kubernetes;
  std::vector<std::string> never_existed;          ///< "v1.28.5": documented but never released.
  std::vector<AddonMinimum> minimums;
  Confidence confidence = Confidence::Confirmed;
  std::string note;
};

enum class AddonCompatibility : std::uint8_t {
  Compatible,    ///< A rule or the known lines say it fits.
  Incompatible,  ///< A hard rule says no (kube-proxy minor != cluster minor).
  NotKnown,      ///< Data exists for this cluster version but does not list this line: warn.
  Unknown,       ///< No data for this add-on or cluster version.
};

struct AddonCheck {
  AddonCompatibility verdict = AddonCompatibility::Unknown;
  std::string reason;          ///< Lowercase, for messages: "kube-proxy v1.30 is built for cluster 1.30, not 1.31".
  std::string latest_known;    ///< Newest known version for the cluster version, if any.
};

// ---------------------------------------------------------------------------------------------
// Kubernetes API removals (api-deprecations.json)

struct ApiDeprecation {
  std::string api_version;                         ///< "extensions/v1beta1"
  std::string kind;                                ///< "Deployment"
  std::optional<KubeVersion> deprecated_in;        ///< Inferred (replacement availability); may be null.
  KubeVersion removed_in;
  std::string replacement;                         ///< "apps/v1"; empty when there is none (PSP).
  std::optional<KubeVersion> replacement_since;
  bool alpha = false;                              ///< Not enabled on EKS: low severity.
  Confidence confidence = Confidence::Confirmed;
  std::string note;
};

enum class ApiStatus : std::uint8_t { Served, Deprecated, Removed };

struct ApiLookup {
  ApiStatus status = ApiStatus::Served;
  const ApiDeprecation* entry = nullptr;           ///< Null when the API is not in the data.
};

// ---------------------------------------------------------------------------------------------
// Security-group flows (security-groups.json)

enum class SgPeer : std::uint8_t { ControlPlane, Node, ClusterSecurityGroup, Internet };
std::string_view sg_peer_name(SgPeer peer);

struct SecurityGroupFlow {
  std::string id;             ///< "kubelet-from-control-plane"
  std::string model;          ///< "cluster-security-group" or "legacy"
  SgPeer from = SgPeer::Node;
  SgPeer to = SgPeer::Node;
  std::string protocol;       ///< "tcp", "udp", "-1"
  int from_port = 0;
  int to_port = 0;
  bool minimum = true;        ///< false: recommended
  std::string purpose;
};

struct SecurityGroupFacts {
  std::vector<SecurityGroupFlow> flows;
  std::vector<int> remote_admin_ports;             ///< 22, 3389
  int node_port_from = 0, node_port_to = 0;        ///< 30000-32767
  std::map<std::string, int> data_store_default_ports;  ///< engine -> port
  std::string cluster_security_group_get_att;      ///< "ClusterSecurityGroupId"
  std::string node_security_group_owned_tag;       ///< "kubernetes.io/cluster/<cluster>"
  std::optional<KubeVersion> pod_security_groups_min_kubernetes;
  std::string pod_security_groups_min_vpc_cni;
};

// ---------------------------------------------------------------------------------------------

/// The EKS knowledge, immutable once built. Lookups never throw; "don't know" is a value.
class EksKnowledge {
 public:
  EksKnowledge() = default;  ///< Empty: every lookup answers unknown.

  // Data files and their age.
  const std::vector<DataFileInfo>& files() const { return files_; }
  const DataFileInfo* file(std::string_view path) const;  ///< "eks/versions.json"
  /// The oldest as_of over all files (the age of the knowledge); nullopt when empty.
  std::optional<Date> as_of() const;
  /// True when some file's as_of is more than `max_age_days` before `at`.
  bool is_stale(const Date& at, long max_age_days = 180) const;
  /// A one-line warning ("EKS data is 181 days old (as of 2026-11-27); ...") when stale.
  std::optional<std::string> data_staleness_warning(const Date& at, long max_age_days = 180) const;

  // Versions.
  const std::vector<VersionInfo>& versions() const { return versions_; }  ///< Ascending.
  const VersionInfo* version(KubeVersion version) const;
  const VersionInfo* version(std::string_view text) const;  ///< Null when malformed or unknown.
  VersionStatus status(KubeVersion version, const Date& at) const;
  SupportStatus support_status(KubeVersion version, const Date& at) const { return status(version, at).status; }
  /// Days from `at` to the end of standard support (negative once past); nullopt when unknown.
  std::optional<long> days_until_end_of_standard_support(KubeVersion version, const Date& at) const;
  std::optional<long> days_until_end_of_extended_support(KubeVersion version, const Date& at) const;
  /// The newest version released on EKS by `at`.
  std::optional<KubeVersion> latest_released(const Date& at) const;
  /// Versions in a status on `at`, ascending.
  std::vector<KubeVersion> versions_in(SupportStatus status, const Date& at) const;
  const Lifecycle& lifecycle() const { return lifecycle_; }
  const Pricing& pricing() const { return pricing_; }

  // Skew.
  const SkewRules& skew() const { return skew_; }
  /// Allowed kubelet lag for this control plane and kubelet (3, or 2 before 1.28 / below 1.25).
  int max_kubelet_lag(KubeVersion control_plane, KubeVersion kubelet) const;
  SkewVerdict kubelet_skew(KubeVersion control_plane, KubeVersion kubelet) const;
  SkewVerdict kube_proxy_skew(KubeVersion control_plane, KubeVersion kube_proxy) const;
  UpgradeStep control_plane_step(KubeVersion from, KubeVersion to) const;

  // AMIs.
  const std::vector<AmiFamilyInfo>& ami_families() const { return families_; }
  const AmiFamilyInfo* ami_family(AmiFamily family) const;
  const std::vector<AmiTypeInfo>& ami_types() const { return ami_types_; }
  const AmiTypeInfo* ami_type(std::string_view name) const;  ///< Exact, case-sensitive.
  Availability ami_type_availability(std::string_view name, KubeVersion version) const;
  Availability ami_type_availability(const AmiTypeInfo& type, KubeVersion version) const;
  Availability family_availability(AmiFamily family, KubeVersion version) const;
  /// Parses an EKS AMI SSM path, bare or as a dynamic reference ("{{resolve:ssm:/aws/...}}",
  /// optionally with ":N" version). nullopt when it is not a known EKS AMI path.
  std::optional<SsmAmiParameter> parse_ssm_ami_path(std::string_view path) const;
  /// True when the path starts like an EKS AMI parameter (so a failed parse means malformed).
  bool looks_like_eks_ami_ssm_path(std::string_view path) const;
  /// Parses an EKS-optimized AMI name; with `allow_filter`, also an EC2 name filter whose
  /// wildcards leave the Kubernetes minor fixed ("amazon-eks-node-1.16-v20??????").
  std::optional<AmiName> parse_ami_name(std::string_view name, bool allow_filter = false) const;
  /// What an EC2 instance type needs from its AMI, from its family ("m7g.large" -> arm64,
  /// "g5.xlarge" -> x86_64 + nvidia); Unknown architecture for names that are not instance types.
  struct InstanceTypeTraits {
    Architecture architecture = Architecture::Unknown;
    Accelerator accelerator = Accelerator::None;
  };
  InstanceTypeTraits instance_type_traits(std::string_view instance_type) const;
  std::optional<ReleaseVersion> parse_release_version(std::string_view text, AmiFamily family) const;
  const ReleaseVersionFormat* release_version_format(AmiFamily family) const;  ///< The main format.
  const std::vector<KnownBadRelease>& known_bad_releases() const { return known_bad_; }
  /// Known-bad entries matching a release of `family` made on `date` for `kubernetes` (any minor when null).
  std::vector<const KnownBadRelease*> known_bad(AmiFamily family, const Date& date,
                                                std::optional<KubeVersion> kubernetes) const;
  std::vector<const KnownBadRelease*> known_bad(const ReleaseVersion& release) const;

  // Launch templates.
  const std::vector<LaunchTemplateRestriction>& launch_template_restrictions() const { return restrictions_; }
  const LaunchTemplateRestriction* launch_template_restriction(std::string_view id) const;

  // Add-ons.
  const std::vector<AddonInfo>& addons() const { return addons_; }
  const AddonInfo* addon(std::string_view name) const;
  std::optional<AddonVersion> parse_addon_version(std::string_view text) const;
  /// Why a malformed add-on version is wrong ("add-on versions start with 'v'"), or nullopt.
  std::optional<std::string> addon_version_hint(std::string_view text) const;
  const std::string& addon_version_format() const { return addon_version_format_; }
  std::optional<KubeVersion> addons_first_cluster_version() const { return addons_first_cluster_; }
  /// The meaning of a ResolveConflicts value ("OVERWRITE"), or empty.
  std::string_view resolve_conflicts_meaning(std::string_view value) const;
  AddonCheck check_addon(std::string_view addon, const AddonVersion& version, KubeVersion cluster) const;

  // Kubernetes API removals.
  const std::vector<ApiDeprecation>& api_deprecations() const { return apis_; }
  /// Status of `api_version`/`kind` on a cluster version; Served with null entry when unknown.
  ApiLookup api_status(std::string_view api_version, std::string_view kind, KubeVersion cluster) const;

  // Security groups.
  const SecurityGroupFacts& security_groups() const { return security_groups_; }

 private:
  friend class EksKnowledgeBuilder;

  std::vector<DataFileInfo> files_;
  std::vector<VersionInfo> versions_;
  Lifecycle lifecycle_;
  Pricing pricing_;
  SkewRules skew_;
  std::vector<AmiFamilyInfo> families_;
  std::vector<AmiTypeInfo> ami_types_;
  std::vector<ReleaseVersionFormat> release_formats_;
  std::vector<KnownBadRelease> known_bad_;
  std::vector<LaunchTemplateRestriction> restrictions_;
  std::vector<AddonInfo> addons_;
  std::string addon_version_format_;
  std::optional<KubeVersion> addons_first_cluster_;
  std::map<std::string, std::string, std::less<>> resolve_conflicts_;
  std::vector<ApiDeprecation> apis_;
  SecurityGroupFacts security_groups_;
  std::vector<std::string> ssm_prefixes_;
  // Compiled patterns live behind a pointer so the header needs no regex details.
  std::shared_ptr<const EksPatterns> patterns_;
};

}  // namespace cfn_eks
