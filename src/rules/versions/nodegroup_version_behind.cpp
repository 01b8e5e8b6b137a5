// V008: a managed node group Version behind its cluster's (within the skew).

#include "rules/versions/nodegroup_pairs.hpp"
#include "rules/versions/version_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "V008",
    .name = "nodegroup-version-behind",
    .severity = Severity::Warning,
    .summary = "A managed node group's Version is behind its cluster's.",
    .doc = R"(A managed node group's Version is behind its cluster's.

## What it checks
Each `AWS::EKS::Nodegroup` `Version` older than the `Version` of its cluster in the same stack
(found through `ClusterName`; or `--cluster-version` for a cluster in another stack) but within
the kubelet skew (further behind is V007). Values are followed through parameters, mappings and
conditions.

## Why it matters
The nodes run an older kubelet than the control plane. For years EKS refused to upgrade a
cluster until every managed node group matched its current version (`Nodegroups ... must be
updated to match cluster version 1.18 before updating cluster version`); AWS relaxed this in
2023, but the documentation still asks for matching versions before an upgrade and the facts
conflict, so this is a warning (eks-facts §2.3 [CONFLICT]). Either way the node group is not
upgraded by the cluster upgrade.

## Example
```yaml
Cluster: {Type: AWS::EKS::Cluster, Properties: {Version: "1.31"}}
Nodes:
  Type: AWS::EKS::Nodegroup
  Properties: {ClusterName: !Ref Cluster, Version: "1.30"}   # flagged
```

## How to fix
Use one parameter for the cluster's and the node groups' `Version`. In one stack CloudFormation
updates the cluster before node groups that reference it, so raising both together by one minor
is a valid order.

## References
- eks-facts §2.2, §2.3
- https://docs.aws.amazon.com/eks/latest/userguide/update-managed-node-group.html
- https://github.com/aws/containers-roadmap/issues/1473
)",
};

class NodegroupVersionBehind final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    OnceReporter once(sink);
    for_each_nodegroup_pair(
        context,
        [&](const NodegroupVersionPair& p) {
          const KubeVersion ng = *p.nodegroup_version->version;
          const KubeVersion cp = *p.cluster_version->version;
          if (context.eks.kubelet_skew(cp, ng) != SkewVerdict::Behind) return;
          once.report(report_node(*p.nodegroup_version, *p.property),
                      "node group '" + std::string(p.nodegroup->name) + "' Version " + ng.to_string() + " (" +
                          p.nodegroup_version->where + ") lags the cluster's " + cp.to_string() + " (" +
                          p.cluster_version->where +
                          "), and EKS may refuse the next cluster upgrade until it matches; give the node group "
                          "the cluster's version");
        },
        [](const Resource&, const ClusterVersions&) {});
  }
};

}  // namespace

std::unique_ptr<Rule> make_nodegroup_version_behind() { return std::make_unique<NodegroupVersionBehind>(); }

}  // namespace cfn_eks
