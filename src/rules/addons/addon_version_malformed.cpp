// D001: an EKS add-on version is not in the v<major>.<minor>.<patch>-eksbuild.<N> form.

#include "rules/addons/addon_rules.hpp"
#include "rules/common/quick_fix.hpp"
#include "rules/eks/common/launch_templates.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "D001",
    .name = "addon-version-malformed",
    .severity = Severity::Error,
    .summary = "An EKS add-on version is not in the 'v<major>.<minor>.<patch>-eksbuild.<N>' form.",
    .doc = R"md(An EKS add-on version is not in the 'v<major>.<minor>.<patch>-eksbuild.<N>' form.

## What it checks
`AddonVersion` of `AWS::EKS::Addon`, literal or through parameters, mappings and `Fn::If`, against
the format in `schemas/eks/addons.json` (`v1.19.0-eksbuild.1`). Common mistakes get a specific
hint: the kube-proxy image tag `v1.29.0-minimal-eksbuild.1` (an image, not an add-on version), a
missing `v`, a missing `-eksbuild.N` suffix.

## Why it matters
EKS answers `Addon version specified is not supported` and the stack fails. The kube-proxy
image tags look like add-on versions and are copied from the EKS documentation by mistake.

## Example
```yaml
KubeProxy:
  Type: AWS::EKS::Addon
  Properties:
    ClusterName: !Ref Cluster
    AddonName: kube-proxy
    AddonVersion: v1.31.3-minimal-eksbuild.2   # flagged
```
Fixed: `AddonVersion: v1.31.3-eksbuild.2`.

## How to fix
Use a version that `aws eks describe-addon-versions --addon-name <name> --kubernetes-version <v>`
lists. A version written without its leading `v` has a quick fix (`cfn-eks lint --fix`).

## References
- eks-facts §7 (add-on version format)
- https://docs.aws.amazon.com/eks/latest/userguide/managing-kube-proxy.html
- https://github.com/hashicorp/terraform-provider-aws/issues/33385
)md",
    .quick_fix = true,
};

constexpr std::string_view kAddonType = "AWS::EKS::Addon";

class AddonVersionMalformed final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const std::string_view> resource_types() const override { return {&kAddonType, 1}; }

  void check_resource(const LintContext& context, const Resource& addon, DiagnosticSink& sink) const override {
    const Node* version = addon.property("AddonVersion");
    if (version == nullptr) return;
    const SourceFile& source = *context.document.source;
    for (const PossibleValue& value : context.resolver.resolve(*version).values) {
      if (!value.is_scalar() || value.text.starts_with("{{resolve:")) continue;
      if (context.eks.parse_addon_version(value.text)) continue;
      const auto hint = context.eks.addon_version_hint(value.text);
      Diagnostic& d = sink.report(*version, "add-on version " + quoted_value(value, *version, source) + " is malformed; " +
                                                (hint ? *hint : "use the form " + context.eks.addon_version_format()));
      // Only the missing 'v' has one answer; a kube-proxy image tag's build number is not the add-on's.
      if (version->is_string() && !value.text.starts_with('v') && context.eks.parse_addon_version("v" + value.text)) {
        add_scalar_fix(d, context.document, *version, "v" + value.text, "write 'v" + value.text + "'");
      }
      return;
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_addon_version_malformed() { return std::make_unique<AddonVersionMalformed>(); }

}  // namespace cfn_eks
