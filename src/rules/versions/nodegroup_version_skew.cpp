// V007: a managed node group Version newer than its cluster's, or beyond the kubelet skew.

#include "rules/versions/nodegroup_pairs.hpp"
#include "rules/versions/version_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "V007",
    .name = "nodegroup-version-skew",
    .severity = Severity::Error,
    .summary = "A managed node group's Version is newer than its cluster's, or further behind than the kubelet skew allows.",
    .doc = R"(A managed node group's Version is newer than its cluster's, or further behind than the kubelet skew allows.

## What it checks
Each `AWS::EKS::Nodegroup` `Version` against the `Version` of its cluster: the cluster in the
same stack found through `ClusterName` (`!Ref Cluster`, `!GetAtt`, `!Sub`, or a parameter that
the cluster's `Name` also uses). Values are followed through parameters, mappings and conditions;
combinations that cannot happen together (one parameter with two values) are skipped. When the
cluster is in another stack the rule says once, as information, that it could not check, unless
`--cluster-version X.Y` gives the cluster's version.

## Why it matters
EKS refuses a node group newer than the control plane (eks-facts §2.3: "the node group version
can't be greater than the control plane's"), and a kubelet older than the skew policy allows
(3 minors from control plane 1.28, 2 before; eks-facts §2.2) is unsupported and blocks the next
cluster upgrade. CloudFormation finds out in the middle of the update and rolls back.

## Example
```yaml
Cluster:   {Type: AWS::EKS::Cluster, Properties: {Version: "1.31"}}
Nodes:
  Type: AWS::EKS::Nodegroup
  Properties:
    ClusterName: !Ref Cluster
    Version: "1.32"   # flagged: newer than the cluster
```

## How to fix
Give the node group the cluster's version, ideally through the same parameter. Upgrade the
cluster first, then the node groups, one minor at a time.

## References
- eks-facts §2.2, §2.3
- https://docs.aws.amazon.com/eks/latest/userguide/update-managed-node-group.html
- https://kubernetes.io/releases/version-skew-policy/
)",
};

class NodegroupVersionSkew final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    OnceReporter once(sink);
    bool noted = false;
    for_each_nodegroup_pair(
        context,
        [&](const NodegroupVersionPair& p) {
          const KubeVersion ng = *p.nodegroup_version->version;
          const KubeVersion cp = *p.cluster_version->version;
          const SkewVerdict verdict = context.eks.kubelet_skew(cp, ng);
          const std::string head = "node group '" + std::string(p.nodegroup->name) + "' Version " + ng.to_string() +
                                   " (" + p.nodegroup_version->where + ")";
          const std::string cluster = "the cluster's " + cp.to_string() + " (" + p.cluster_version->where + ")";
          if (verdict == SkewVerdict::Newer) {
            once.report(report_node(*p.nodegroup_version, *p.property),
                        head + " is newer than " + cluster +
                            ", and EKS refuses node groups newer than the control plane; set it to " + cp.to_string());
          } else if (verdict == SkewVerdict::TooFarBehind) {
            once.report(report_node(*p.nodegroup_version, *p.property),
                        head + " is " + std::to_string(minor_distance(ng, cp)) + " minors behind " + cluster +
                            ", more than the kubelet skew of " + std::to_string(context.eks.max_kubelet_lag(cp, ng)) +
                            " allows; upgrade the node group one minor at a time to " + cp.to_string());
          }
        },
        [&](const Resource& nodegroup, const ClusterVersions& versions) {
          if (noted || nodegroup.entry == nullptr || nodegroup.property("Version") == nullptr) return;
          noted = true;
          Diagnostic& d = sink.report(*nodegroup.property("Version"),
                                      could_not_check_message("node group '" + std::string(nodegroup.name) +
                                                                  "' Version against its cluster",
                                                              versions));
          d.severity = Severity::Info;
        });
  }
};

}  // namespace

std::unique_ptr<Rule> make_nodegroup_version_skew() { return std::make_unique<NodegroupVersionSkew>(); }

}  // namespace cfn_eks
