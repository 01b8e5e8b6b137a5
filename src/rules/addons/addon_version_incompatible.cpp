// D002: an EKS add-on version is not built for the cluster's Kubernetes version.

#include "rules/addons/addon_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "D002",
    .name = "addon-version-incompatible",
    .severity = Severity::Error,
    .summary = "An EKS add-on version is not built for the cluster's Kubernetes version.",
    .doc = R"md(An EKS add-on version is not built for the cluster's Kubernetes version.

## What it checks
`AddonVersion` of `AWS::EKS::Addon` against the version of its cluster (`ClusterName: !Ref Cluster`
in the same stack, or `--cluster-version` when the cluster is elsewhere), using the compatibility
rules of `schemas/eks/addons.json`: kube-proxy's minor must equal the cluster's (`v1.31.x` for
1.31), documented versions that were never released (kube-proxy v1.28.5, v1.27.9, v1.26.12), and
clusters older than the first version with add-ons (1.18). Versions and cluster versions are
followed through parameters, mappings and conditions with parameters at their defaults; a
version chosen through a mapping keyed by the cluster version parameter is paired with it.

## Why it matters
EKS refuses the add-on (`Addon version specified is not supported` or "not supported in 1.xx
kubernetes version"). The usual cause is a cluster upgrade that raised `Version` and left the
add-on pinned: the stack update then fails half-way, with the control plane already upgraded.

## Example
```yaml
Cluster:
  Type: AWS::EKS::Cluster
  Properties:
    Version: "1.31"
KubeProxy:
  Type: AWS::EKS::Addon
  Properties:
    ClusterName: !Ref Cluster
    AddonName: kube-proxy
    AddonVersion: v1.30.14-eksbuild.8   # flagged: built for 1.30, not 1.31
```
Fixed: `AddonVersion: v1.31.13-eksbuild.2`.

## How to fix
Upgrade the add-on together with the cluster: pick the version from
`aws eks describe-addon-versions --addon-name <name> --kubernetes-version <cluster version>`, or
drive both from one mapping keyed by the Kubernetes version.

## References
- eks-facts §7 (add-on compatibility), §2 (kube-proxy skew)
- https://docs.aws.amazon.com/eks/latest/userguide/managing-kube-proxy.html
- https://docs.aws.amazon.com/eks/latest/userguide/update-cluster.html
)md",
};

constexpr std::string_view kAddonType = "AWS::EKS::Addon";

class AddonVersionIncompatible final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const std::string_view> resource_types() const override { return {&kAddonType, 1}; }

  void check_resource(const LintContext& context, const Resource& addon, DiagnosticSink& sink) const override {
    for (const AddonVersionVerdict& verdict : check_addon_versions(context, addon).problems) {
      if (verdict.check.verdict != AddonCompatibility::Incompatible) continue;
      const std::string cluster = verdict.cluster.to_string();
      sink.report(*verdict.at, verdict.check.reason + " (cluster version " + verdict.cluster_where + "); use " +
                                   (verdict.check.latest_known.empty() ? std::string("a version")
                                                                       : verdict.check.latest_known) +
                                   " from 'aws eks describe-addon-versions --kubernetes-version " + cluster + "'");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_addon_version_incompatible() { return std::make_unique<AddonVersionIncompatible>(); }

}  // namespace cfn_eks
