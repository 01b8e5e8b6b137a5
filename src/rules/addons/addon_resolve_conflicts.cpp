// D005: an add-on's ResolveConflicts drops manual changes (OVERWRITE) or may fail (NONE).

#include "rules/addons/addon_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "D005",
    .name = "addon-resolve-conflicts",
    .severity = Severity::Info,
    .summary = "An add-on's ResolveConflicts silently drops manual changes (OVERWRITE) or can fail updates (NONE).",
    .doc = R"md(An add-on's ResolveConflicts silently drops manual changes (OVERWRITE) or can fail updates (NONE).

## What it checks
`ResolveConflicts` of `AWS::EKS::Addon`, through parameters and conditions. `OVERWRITE` and
`NONE` are reported with their trade-off (the meanings come from `schemas/eks/addons.json`);
`PRESERVE` is not reported.

## Why it matters
- `OVERWRITE` resets every field changed outside EKS to EKS's defaults on each create and update:
  a `kubectl` patch to the aws-node DaemonSet (for example `ENABLE_PREFIX_DELEGATION`) disappears
  at the next stack update, and pods may stop getting IP addresses.
- `NONE` changes nothing, so an update over such fields fails and the stack rolls back.
The property is write-only: CloudFormation cannot show what was used last time.

## Example
```yaml
VpcCni:
  Type: AWS::EKS::Addon
  Properties:
    ClusterName: !Ref Cluster
    AddonName: vpc-cni
    AddonVersion: v1.19.0-eksbuild.1
    ResolveConflicts: OVERWRITE     # flagged (info)
```

## How to fix
Put your changes into `ConfigurationValues` so they are part of the add-on, then `OVERWRITE` is
safe; or use `PRESERVE` to keep changes made outside the template.

## References
- eks-facts §7 (ResolveConflicts), §6.3
- https://docs.aws.amazon.com/eks/latest/userguide/vpc-add-on-update.html
- https://docs.aws.amazon.com/eks/latest/APIReference/API_UpdateAddon.html
)md",
};

constexpr std::string_view kAddonType = "AWS::EKS::Addon";

class AddonResolveConflicts final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const std::string_view> resource_types() const override { return {&kAddonType, 1}; }

  void check_resource(const LintContext& context, const Resource& addon, DiagnosticSink& sink) const override {
    const Node* node = addon.property("ResolveConflicts");
    if (node == nullptr) return;
    for (const std::string& value : context.resolver.strings(*node)) {
      const std::string_view meaning = context.eks.resolve_conflicts_meaning(value);
      if (meaning.empty()) continue;
      if (value == "OVERWRITE") {
        sink.report(*node, "'ResolveConflicts: OVERWRITE' " + std::string(meaning) +
                               " on every update, silently dropping changes made outside the template; move them "
                               "into 'ConfigurationValues' or use PRESERVE");
        return;
      }
      if (value == "NONE") {
        sink.report(*node, "'ResolveConflicts: NONE' " + std::string(meaning) +
                               "; use PRESERVE to keep changes made outside the template, or OVERWRITE to reset them");
        return;
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_addon_resolve_conflicts() { return std::make_unique<AddonResolveConflicts>(); }

}  // namespace cfn_eks
