#pragma once
// Finding the AWS::EKS::Cluster a node group, add-on or launch template belongs to, and the
// Kubernetes versions that cluster can have. Shared by the EKS rule areas (V, A, N, G, D, K, M).
//
// A `ClusterName: !Ref Cluster` (or GetAtt/Sub of it) names a cluster in the same stack. A
// parameter or a literal names it too when some cluster in the stack has that same `Name`;
// otherwise the cluster lives in another stack and its version is known only from
// `--cluster-version` (LintContext::cluster_version).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cfn_eks/rule.hpp"

namespace cfn_eks {

/// One value a Kubernetes version property can take, as CloudFormation will see it.
struct VersionCandidate {
  /// What CloudFormation receives: a plain YAML/JSON number loses its trailing zeros
  /// (`1.30` becomes "1.3"); strings are unchanged.
  std::string text;
  /// As written in the template ("1.30").
  std::string written;
  /// Written as a number whose text changes when read as one (1.30 -> 1.3, 1.20 -> 1.2).
  bool mangled_number = false;
  /// `text` parsed strictly; nullopt when malformed ("v1.31", "1.31.2", "latest").
  std::optional<KubeVersion> version;
  /// One of a parameter's AllowedValues rather than its default or a literal: a choice the
  /// user may make, not what deploys by default.
  bool allowed_value = false;
  /// The resolver's value (origin, provenance); origin may be null for --cluster-version.
  PossibleValue value;
  /// For messages: "'1.28' from parameter KubernetesVersion's default at line 6".
  std::string where;
};

/// The values a version property can take.
struct VersionValues {
  std::vector<VersionCandidate> candidates;
  /// Why some values could not be known (a GetAtt, an import); empty when complete.
  std::string unknown_reason;
};

/// The text CloudFormation sees for a scalar value: numbers are normalised the way a YAML/JSON
/// reader prints a float (1.30 -> "1.3", 1.0 -> "1.0" kept, integers unchanged).
std::string effective_scalar_text(const PossibleValue& value);

/// The possible values of a version-like node (Version, a parameter default, ...).
VersionValues version_values(const LintContext& context, const Node& node);

/// The distinct parsed versions among candidates, ascending.
std::vector<KubeVersion> distinct_versions(const std::vector<VersionCandidate>& candidates);

enum class ClusterLocation : std::uint8_t {
  SameStack,   ///< `cluster` is set.
  OtherStack,  ///< A parameter, import or literal naming no cluster of this stack.
  Unknown,     ///< No ClusterName, or one we cannot follow.
};

/// Where the cluster of something is.
struct ClusterLink {
  ClusterLocation location = ClusterLocation::Unknown;
  const Resource* cluster = nullptr;     ///< The AWS::EKS::Cluster when in the same stack.
  const Node* name_node = nullptr;       ///< The ClusterName (or tag, bootstrap argument) node.
  std::string how;                       ///< "parameter 'ClusterName'", "Fn::ImportValue", "'prod'".
};

/// The cluster a ClusterName-like node designates: Ref/GetAtt/Sub of a cluster resource; a
/// parameter or literal that some cluster's Name also uses; else another stack.
ClusterLink find_cluster(const LintContext& context, const Node* cluster_name);

/// The cluster named by a token found in user data or a tag: "${Cluster}", "${ClusterName}",
/// a literal name. `at` is the node the token was read from (for reports).
ClusterLink find_cluster_by_token(const LintContext& context, std::string_view token, const Node* at);

/// The cluster of a resource with a ClusterName property (Nodegroup, Addon, FargateProfile,
/// AccessEntry, PodIdentityAssociation, ...).
ClusterLink cluster_of(const LintContext& context, const Resource& resource);

/// The Kubernetes versions a cluster can run, from its Version or from --cluster-version.
struct ClusterVersions {
  enum class Source : std::uint8_t { Template, Option, None };
  Source source = Source::None;
  const Resource* cluster = nullptr;
  /// Candidates with a parsed version (malformed ones are V-rule findings on the cluster itself).
  std::vector<VersionCandidate> candidates;
  /// When Source::None: why ("the cluster is in another stack (parameter 'ClusterName')").
  std::string why_unknown;

  bool known() const { return !candidates.empty(); }
  std::vector<KubeVersion> versions() const { return distinct_versions(candidates); }
};

/// The cluster's possible versions. A same-stack cluster without a Version (it gets the newest
/// version at creation), or one whose versions cannot be resolved, falls back to
/// --cluster-version when given.
ClusterVersions cluster_versions(const LintContext& context, const ClusterLink& link);

/// "; pass --cluster-version X.Y to check it" style remedy used by the "could not check" notes.
std::string could_not_check_message(std::string_view what, const ClusterVersions& versions);

}  // namespace cfn_eks
