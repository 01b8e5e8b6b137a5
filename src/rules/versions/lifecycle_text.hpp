#pragma once
// Message parts shared by the support-lifecycle rules V004-V006.

#include <set>
#include <string>
#include <vector>

#include "cfn_eks/rule.hpp"
#include "rules/eks/common/self_managed_nodes.hpp"
#include "rules/versions/version_scan.hpp"

namespace cfn_eks {

/// "$0.60 instead of $0.10 per cluster-hour" from the pricing data; empty when unknown.
std::string extended_price_text(const EksKnowledge& eks);

/// The oldest version in standard support on `at` ("1.34"), or empty.
std::string oldest_standard(const EksKnowledge& eks, const Date& at);

/// One version whose support status V004-V006 judge: a cluster's or managed node group's
/// `Version` value, or the Kubernetes version of a self-managed node group's EKS AMI path.
struct LifecycleSubject {
  const Resource* resource = nullptr;  ///< The cluster, node group or Auto Scaling group.
  bool cluster = false;
  KubeVersion version;
  std::string where;                   ///< "'1.28' from parameter KubernetesVersion's default at line 6".
  const Node* at = nullptr;            ///< Where to report: the value's origin (default, literal).
  /// "" for a cluster (messages keep their cluster wording); "node group 'Nodes' runs " or
  /// "self-managed nodes 'Nodes' boot " otherwise.
  std::string who;
};

/// Calls `visit(subject, status)` for each version that deploys (not an AllowedValues alternative)
/// and is a known version: clusters first, then managed node groups, then self-managed nodes.
/// A value written once and used by several (one `!Ref KubernetesVersion` feeding the cluster
/// and its node groups) is visited once, at its origin, as the first user (the cluster) sees it.
template <class Visit>
void for_each_lifecycle_version(const LintContext& context, Visit&& visit) {
  std::set<std::size_t> places;
  auto offer = [&](LifecycleSubject subject) {
    if (!places.insert(subject.at->range.begin).second) return;
    const VersionStatus status = context.eks.status(subject.version, context.as_of);
    if (status.info != nullptr) visit(subject, status);
  };
  for (const bool clusters : {true, false}) {
    for (const VersionProperty& property : version_properties(context)) {
      if (property.cluster() != clusters) continue;
      for (const VersionCandidate& c : property.values.candidates) {
        if (c.allowed_value || c.mangled_number || !c.version) continue;
        offer(LifecycleSubject{property.resource, clusters, *c.version, c.where, &report_node(c, *property.node),
                               clusters ? std::string() : "node group '" + std::string(property.resource->name) + "' runs "});
      }
    }
  }
  for (const SelfManagedNodeGroup& group : find_self_managed_node_groups(context)) {
    for (const AmiPathValue& ami : group.ami_paths) {
      if (!ami.parsed || ami.at == nullptr) continue;
      offer(LifecycleSubject{group.group, false, ami.parsed->kubernetes,
                             ami.where.empty() ? "'" + ami.path + "'" : ami.where, ami.at,
                             "self-managed nodes '" + std::string(group.group->name) + "' boot "});
    }
  }
}

}  // namespace cfn_eks
