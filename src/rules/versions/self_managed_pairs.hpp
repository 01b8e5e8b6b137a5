#pragma once
// (self-managed node AMI version, cluster version) pairs for V009/V010.

#include <string>

#include "rules/eks/common/self_managed_nodes.hpp"
#include "rules/versions/version_scan.hpp"

namespace cfn_eks {

struct SelfManagedVersionPair {
  const SelfManagedNodeGroup* group = nullptr;
  const AmiPathValue* ami = nullptr;
  const VersionCandidate* cluster_version = nullptr;
  SkewVerdict verdict = SkewVerdict::Same;
};

template <class Visit>
void for_each_self_managed_pair(const LintContext& context, Visit&& visit) {
  for (const SelfManagedNodeGroup& group : self_managed_node_groups(context)) {
    if (group.ami_paths.empty()) continue;
    const ClusterVersions cluster = cluster_versions(context, group.cluster);
    for (const AmiPathValue& ami : group.ami_paths) {
      if (!ami.parsed) continue;
      for (const VersionCandidate& cp : cluster.candidates) {
        if (cp.allowed_value) continue;
        const SkewVerdict verdict = context.eks.kubelet_skew(*cp.version, ami.parsed->kubernetes);
        visit(SelfManagedVersionPair{&group, &ami, &cp, verdict});
      }
    }
  }
}

/// "self-managed nodes 'Nodes' boot the Kubernetes 1.29 AMI (parameter X's default at line 4)".
inline std::string self_managed_head(const SelfManagedVersionPair& p) {
  return "self-managed nodes '" + std::string(p.group->group->name) + "' boot the Kubernetes " +
         p.ami->parsed->kubernetes.to_string() + " AMI (" +
         (p.ami->where.empty() ? "'" + p.ami->path + "'" : p.ami->where) + ")";
}

}  // namespace cfn_eks
