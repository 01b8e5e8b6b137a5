// D006: add-on versions could not be checked because the cluster's version is not known.

#include "rules/addons/addon_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "D006",
    .name = "addon-cluster-version-unknown",
    .severity = Severity::Info,
    .summary = "Add-on versions could not be checked because the cluster's Kubernetes version is not known.",
    .doc = R"md(Add-on versions could not be checked because the cluster's Kubernetes version is not known.

## What it checks
Once per template: an `AWS::EKS::Addon` with a well-formed `AddonVersion` of an add-on the data
knows (kube-proxy, CoreDNS, ...) whose cluster is in another stack (`ClusterName` is a parameter
or an import), has no `Version`, or has a version that cannot be resolved. D002 and D003 then
stay silent; this note says so instead of passing quietly.

## Why it matters
A clean result should mean "checked", not "could not look". Add-on templates are often deployed
separately from the cluster stack, exactly where a cluster upgrade leaves them behind.

## Example
```yaml
Parameters:
  ClusterName: {Type: String}
Resources:
  KubeProxy:
    Type: AWS::EKS::Addon
    Properties:
      ClusterName: !Ref ClusterName
      AddonName: kube-proxy
      AddonVersion: v1.31.13-eksbuild.2    # flagged (info): could not check
```

## How to fix
Pass `--cluster-version X.Y` (the version of the cluster the stack is deployed to), or ignore
the rule.

## References
- eks-facts §7
- https://docs.aws.amazon.com/eks/latest/userguide/managing-add-ons.html
)md",
};

class AddonClusterVersionUnknown final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    for (const Resource* addon : context.tmpl.resources_of_type("AWS::EKS::Addon")) {
      const AddonVersionChecks checks = check_addon_versions(context, *addon);
      if (!checks.unchecked) continue;
      sink.report(*addon->property("AddonVersion"), *checks.unchecked);
      return;
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_addon_cluster_version_unknown() { return std::make_unique<AddonClusterVersionUnknown>(); }

}  // namespace cfn_eks
