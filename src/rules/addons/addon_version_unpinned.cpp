// D004: an EKS add-on without AddonVersion.

#include "rules/addons/addon_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "D004",
    .name = "addon-version-unpinned",
    .severity = Severity::Info,
    .summary = "An EKS add-on has no AddonVersion, so the template does not say what runs.",
    .doc = R"md(An EKS add-on has no AddonVersion, so the template does not say what runs.

## What it checks
`AWS::EKS::Addon` resources without `AddonVersion` (or whose `AddonVersion` is
`AWS::NoValue` in every case).

## Why it matters
EKS installs its default version for the cluster's Kubernetes version at creation. Afterwards
nothing in the template changes when the cluster is upgraded, and EKS does not upgrade add-ons
with the control plane: kube-proxy must match the cluster's minor, so an unpinned kube-proxy
silently falls behind and the next cluster upgrade may be refused. Two stacks from one template
can run different versions. This is informational: some teams prefer EKS's default.

## Example
```yaml
VpcCni:
  Type: AWS::EKS::Addon
  Properties:
    ClusterName: !Ref Cluster
    AddonName: vpc-cni          # flagged: no AddonVersion
```
Fixed: add `AddonVersion: v1.19.0-eksbuild.1` (from `aws eks describe-addon-versions`).

## How to fix
Pin `AddonVersion` and raise it together with the cluster `Version`, or raise the severity to
warning in the configuration if every add-on must be pinned.

## References
- eks-facts §7 (add-ons are not upgraded with the cluster), §6.3
- https://docs.aws.amazon.com/eks/latest/userguide/updating-an-add-on.html
)md",
};

constexpr std::string_view kAddonType = "AWS::EKS::Addon";

bool all_no_value(const LintContext& context, const Node& node) {
  const Resolution resolution = context.resolver.resolve(node);
  if (!resolution.complete() || resolution.values.empty()) return false;
  for (const PossibleValue& value : resolution.values) {
    if (value.kind != PossibleValue::Kind::NoValue) return false;
  }
  return true;
}

class AddonVersionUnpinned final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const std::string_view> resource_types() const override { return {&kAddonType, 1}; }

  void check_resource(const LintContext& context, const Resource& addon, DiagnosticSink& sink) const override {
    const Node* version = addon.property("AddonVersion");
    if (version != nullptr && !all_no_value(context, *version)) return;
    const Node* name = addon.property("AddonName");
    if (name == nullptr) return;
    const std::vector<std::string> names = context.resolver.strings(*name);
    const std::string label = names.size() == 1 ? "'" + names.front() + "'" : "'" + std::string(addon.name) + "'";
    sink.report(*name, "add-on " + label + " has no 'AddonVersion', so EKS picks its default and never upgrades it with the "
                       "cluster; pin 'AddonVersion' and raise it with the cluster version");
  }
};

}  // namespace

std::unique_ptr<Rule> make_addon_version_unpinned() { return std::make_unique<AddonVersionUnpinned>(); }

}  // namespace cfn_eks
