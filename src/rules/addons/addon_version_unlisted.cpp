// D003: an EKS add-on version is not among the lines known for the cluster's version.

#include "rules/addons/addon_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "D003",
    .name = "addon-version-unlisted",
    .severity = Severity::Warning,
    .summary = "An EKS add-on version is not among the versions known for the cluster's Kubernetes version.",
    .doc = R"md(An EKS add-on version is not among the versions known for the cluster's Kubernetes version.

## What it checks
For add-ons whose compatibility is a list rather than a rule (CoreDNS: v1.11 for clusters 1.29 to
1.32, v1.12 for 1.33 and 1.34, ...), an `AddonVersion` whose major.minor line is not listed for the
cluster's version in `schemas/eks/addons.json`. The cluster version comes from the same-stack
cluster or `--cluster-version`, through parameters, mappings and conditions. The data is a
snapshot of the EKS documentation and marked UNSURE for CoreDNS, so this is a warning: a newer
line may exist that the data does not know yet (load newer data with `--data-dir`).

## Why it matters
EKS rejects an add-on version it does not offer for the cluster version, typically after a
cluster upgrade that left CoreDNS on an older line. The stack update fails after the control
plane has already been upgraded.

## Example
```yaml
CoreDns:
  Type: AWS::EKS::Addon
  Properties:
    ClusterName: !Ref Cluster        # Version: "1.33"
    AddonName: coredns
    AddonVersion: v1.10.1-eksbuild.38   # flagged: known for 1.33 is v1.12
```

## How to fix
Check `aws eks describe-addon-versions --addon-name coredns --kubernetes-version <v>` and pick a
listed version.

## References
- eks-facts §7 (CoreDNS versions per cluster version)
- https://docs.aws.amazon.com/eks/latest/userguide/managing-coredns.html
)md",
};

constexpr std::string_view kAddonType = "AWS::EKS::Addon";

class AddonVersionUnlisted final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const std::string_view> resource_types() const override { return {&kAddonType, 1}; }

  void check_resource(const LintContext& context, const Resource& addon, DiagnosticSink& sink) const override {
    for (const AddonVersionVerdict& verdict : check_addon_versions(context, addon).problems) {
      if (verdict.check.verdict != AddonCompatibility::NotKnown) continue;
      sink.report(*verdict.at, verdict.check.reason + " (cluster version " + verdict.cluster_where +
                                   "); check 'aws eks describe-addon-versions --kubernetes-version " +
                                   verdict.cluster.to_string() + "'");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_addon_version_unlisted() { return std::make_unique<AddonVersionUnlisted>(); }

}  // namespace cfn_eks
