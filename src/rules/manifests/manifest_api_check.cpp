#include "rules/manifests/manifest_api_check.hpp"

#include "rules/eks/common/cluster_lookup.hpp"

namespace cfn_eks {

ManifestApiFinding check_manifest_api(const LintContext& context, const EmbeddedManifest& manifest,
                                      const ManifestObject& object) {
  ManifestApiFinding worst;
  // The shared lookup follows Ref/GetAtt/Sub and parameters naming a cluster of this stack, and
  // --cluster-version for a cluster of another stack.
  const ClusterVersions versions = cluster_versions(context, find_cluster(context, manifest.cluster_name));
  for (const VersionCandidate& candidate : versions.candidates) {
    if (!candidate.version) continue;
    const ApiLookup lookup = context.eks.api_status(object.api_version, object.kind, *candidate.version);
    if (lookup.entry == nullptr || lookup.status == ApiStatus::Served) continue;
    if (worst.status == ApiStatus::Removed) break;
    if (lookup.status == ApiStatus::Removed || worst.status == ApiStatus::Served) {
      worst.status = lookup.status;
      worst.entry = lookup.entry;
      const std::string whose = versions.source == ClusterVersions::Source::Option || versions.cluster == nullptr
                                    ? std::string("the cluster, --cluster-version")
                                    : "the version of '" + std::string(versions.cluster->name) + "', " + candidate.where;
      worst.at = "Kubernetes " + candidate.version->to_string() + " (" + whose + ")";
    }
  }
  if (versions.known()) return worst;
  // The cluster is not in this stack or has no version: every version EKS still runs.
  const std::optional<KubeVersion> oldest = oldest_running_version(context.eks, context.as_of);
  if (!oldest) return worst;
  const ApiLookup lookup = context.eks.api_status(object.api_version, object.kind, *oldest);
  if (lookup.entry == nullptr || lookup.status != ApiStatus::Removed) return worst;
  worst.status = ApiStatus::Removed;
  worst.entry = lookup.entry;
  worst.at = "every EKS version still supported on " + context.as_of.to_string() + " (" + oldest->to_string() +
             " and later)";
  return worst;
}

std::string describe_manifest_object(const EmbeddedManifest& manifest, const ManifestObject& object) {
  std::string text = "'" + object.api_version + "' " + object.kind;
  if (!object.name.empty()) text += " '" + object.name + "'";
  text += " in '" + manifest.property->key + "' of '" + std::string(manifest.resource->name) + "'";
  return text;
}

std::string manifest_api_remedy(const ApiDeprecation& entry) {
  if (entry.replacement.empty()) {
    return "; remove it" + (entry.note.empty() ? std::string() : " (" + entry.note + ")");
  }
  std::string text = "; use '" + entry.replacement + "'";
  if (entry.replacement_since) text += " (served since " + entry.replacement_since->to_string() + ")";
  return text;
}

}  // namespace cfn_eks
