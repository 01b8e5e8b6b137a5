#pragma once
// Pairs of (node group version, cluster version) values that can hold together, for V007/V008.

#include <string>
#include <vector>

#include "rules/versions/version_scan.hpp"

namespace cfn_eks {

struct NodegroupVersionPair {
  const Resource* nodegroup = nullptr;
  const Node* property = nullptr;
  const VersionCandidate* nodegroup_version = nullptr;
  const VersionCandidate* cluster_version = nullptr;
};

/// Calls `visit(pair)` for each node-group/cluster version combination; calls `unknown(nodegroup,
/// versions)` for node groups whose cluster version is not known.
template <class Visit, class Unknown>
void for_each_nodegroup_pair(const LintContext& context, Visit&& visit, Unknown&& unknown) {
  for (const VersionProperty& property : version_properties(context)) {
    if (property.cluster()) continue;
    const ClusterVersions cluster = cluster_versions(context, cluster_of(context, *property.resource));
    if (!cluster.known()) {
      unknown(*property.resource, cluster);
      continue;
    }
    for (const VersionCandidate& ng : property.values.candidates) {
      if (!ng.version || ng.mangled_number || ng.allowed_value) continue;
      for (const VersionCandidate& cp : cluster.candidates) {
        if (cp.allowed_value || !compatible(ng.value, cp.value)) continue;
        visit(NodegroupVersionPair{property.resource, property.node, &ng, &cp});
      }
    }
  }
}

}  // namespace cfn_eks
