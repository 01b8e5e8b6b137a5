#pragma once
// (self-managed node AMI version, cluster version) pairs for V009/V010.

#include <string>
#include <vector>

#include "rules/eks/common/self_managed_nodes.hpp"
#include "rules/versions/version_scan.hpp"

namespace cfn_eks {

/// One Kubernetes version a node group's AMI carries: from an EKS AMI SSM path or an AMI name.
struct SelfManagedAmiVersion {
  KubeVersion kubernetes;
  const Node* at = nullptr;
  std::string where;  ///< Where the path or name came from, for messages.
};

struct SelfManagedVersionPair {
  const SelfManagedNodeGroup* group = nullptr;
  SelfManagedAmiVersion ami;
  const VersionCandidate* cluster_version = nullptr;
  SkewVerdict verdict = SkewVerdict::Same;
};

/// The AMI versions of a group: its EKS AMI SSM paths, then the AMI names its ImageId is looked up by.
inline std::vector<SelfManagedAmiVersion> self_managed_ami_versions(const SelfManagedNodeGroup& group) {
  std::vector<SelfManagedAmiVersion> out;
  for (const AmiPathValue& ami : group.ami_paths) {
    if (!ami.parsed) continue;
    out.push_back({ami.parsed->kubernetes, ami.at, ami.where.empty() ? "'" + ami.path + "'" : ami.where});
  }
  for (const AmiNameValue& name : group.ami_names) out.push_back({name.parsed.kubernetes, name.at, name.where});
  return out;
}

template <class Visit>
void for_each_self_managed_pair(const LintContext& context, Visit&& visit) {
  for (const SelfManagedNodeGroup& group : self_managed_node_groups(context)) {
    const std::vector<SelfManagedAmiVersion> amis = self_managed_ami_versions(group);
    if (amis.empty()) continue;
    const ClusterVersions cluster = cluster_versions(context, group.cluster);
    for (const SelfManagedAmiVersion& ami : amis) {
      for (const VersionCandidate& cp : cluster.candidates) {
        if (cp.allowed_value) continue;
        const SkewVerdict verdict = context.eks.kubelet_skew(*cp.version, ami.kubernetes);
        visit(SelfManagedVersionPair{&group, ami, &cp, verdict});
      }
    }
  }
}

/// "self-managed nodes 'Nodes' boot the Kubernetes 1.29 AMI (parameter X's default at line 4)".
inline std::string self_managed_head(const SelfManagedVersionPair& p) {
  return "self-managed nodes '" + std::string(p.group->group->name) + "' boot the Kubernetes " +
         p.ami.kubernetes.to_string() + " AMI (" + p.ami.where + ")";
}

}  // namespace cfn_eks
