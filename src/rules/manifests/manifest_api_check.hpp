#pragma once
// Shared by K001 and K002: the status of each embedded object's apiVersion on the versions its
// cluster can have, and the message parts.

#include <optional>
#include <string>

#include "cfn_eks/rule.hpp"
#include "rules/manifests/embedded_manifests.hpp"

namespace cfn_eks {

struct ManifestApiFinding {
  ApiStatus status = ApiStatus::Served;
  const ApiDeprecation* entry = nullptr;
  std::string at;  ///< "Kubernetes 1.25 (cluster version '1.25' from ...)" for the message.
};

/// The worst status of `object` over the versions of `manifest` (Removed before Deprecated);
/// without a known version, only "removed in every version EKS still runs on the lint date".
ManifestApiFinding check_manifest_api(const LintContext& context, const EmbeddedManifest& manifest,
                                      const ManifestObject& object);

/// "'extensions/v1beta1' Deployment 'web' in 'Manifest' of 'App'".
std::string describe_manifest_object(const EmbeddedManifest& manifest, const ManifestObject& object);

/// "; use 'apps/v1' (served since 1.9)" or "; remove it (no replacement: ...)".
std::string manifest_api_remedy(const ApiDeprecation& entry);

}  // namespace cfn_eks
