#pragma once
// Kubernetes objects written inside CloudFormation string properties: the manifests of
// AWSQS::Kubernetes::Resource, Custom::AWSCDK-EKS-KubernetesResource and the quick starts'
// Custom::KubeManifest, and the literal values of AWSQS::Kubernetes::Helm. The text is taken
// from a literal string, an Fn::Sub template (variables kept as written) or the literal parts
// of an Fn::Join, split into YAML documents and read with our loader; each object's apiVersion
// is positioned back in the template where the text allows it.

#include <optional>
#include <string>
#include <vector>

#include "cfn_eks/eks_knowledge.hpp"
#include "cfn_eks/resolver.hpp"
#include "cfn_eks/template.hpp"

namespace cfn_eks {

/// One Kubernetes object (a mapping with apiVersion and kind) found in a manifest.
struct ManifestObject {
  std::string api_version;
  std::string kind;
  std::string name;   ///< metadata.name when a string, else empty.
  ByteRange range;    ///< The apiVersion value in the template, or the property when not mappable.
};

/// A cluster version a manifest will be applied to, with where it came from.
struct ManifestClusterVersion {
  KubeVersion version;
  std::string origin;  ///< "'1.21' from parameter KubernetesVersion's default at line 6"
};

struct EmbeddedManifest {
  const Resource* resource = nullptr;
  const MapEntry* property = nullptr;      ///< Manifest / Values / ValueYaml.
  std::vector<ManifestObject> objects;
  /// The ClusterName (ClusterID for Helm) value, for the shared cluster lookup.
  const Node* cluster_name = nullptr;
  /// The logical id of the AWS::EKS::Cluster in this stack it targets (`!Ref`), or empty.
  std::string cluster;
  /// The versions that cluster can have (empty when unknown).
  std::vector<ManifestClusterVersion> versions;
};

/// Every embedded manifest of the template with its objects.
std::vector<EmbeddedManifest> embedded_manifests(const Template& tmpl, const Resolver& resolver);

/// The oldest EKS version still running on `at` (not past the end of extended support): an API
/// removed in it is removed on every cluster the manifest could meet.
std::optional<KubeVersion> oldest_running_version(const EksKnowledge& eks, const Date& at);

}  // namespace cfn_eks
