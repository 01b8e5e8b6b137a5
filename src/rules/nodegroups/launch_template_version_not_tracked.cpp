// N005: a node group's launch template version will not follow changes to the template.

#include "rules/eks/common/launch_templates.hpp"
#include "rules/nodegroups/nodegroup_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "N005",
    .name = "launch-template-version-not-tracked",
    .severity = Severity::Warning,
    .summary = "A node group's launch template version will not follow changes to the template.",
    .doc = R"md(A node group's launch template version will not follow changes to the template.

## What it checks
The `LaunchTemplate.Version` of managed node groups (`AWS::EKS::Nodegroup`) and of Auto Scaling
groups (`LaunchTemplate` and `MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification`):
- a literal version number (written in place or coming from a parameter or mapping) while the
  launch template is defined in the same stack;
- `$Latest` or `$Default` on a managed node group. Whether EKS accepts these is not established
  (the facts are marked UNSURE: Terraform users report that EKS resolves them once and stores the
  number), hence a warning; the rule's message comes from
  `schemas/eks/launch-template-restrictions.json` (`launch-template-version-keyword`).
`$Latest`/`$Default` on an Auto Scaling group are N006's finding.

## Why it matters
A change to `LaunchTemplateData` makes CloudFormation create a new launch template version. The
node group or Auto Scaling group changes only when its `Version` changes, so with a pinned
number the nodes keep booting the old version: the AMI, user data or security-group fix you
deployed never reaches them, and nothing fails to tell you.

## Example
```yaml
LaunchTemplate:
  Id: !Ref NodeLaunchTemplate
  Version: "1"          # flagged
```
Fixed: `Version: !GetAtt NodeLaunchTemplate.LatestVersionNumber`.

## How to fix
Use `!GetAtt <LaunchTemplate>.LatestVersionNumber` (or `DefaultVersionNumber`): each template
change then gives a new number and rolls the nodes.

## References
- eks-facts §4.2 (launch template version), §6.8, §6.9
- https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-eks-nodegroup-launchtemplatespecification.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-autoscaling-autoscalinggroup-launchtemplatespecification.html
)md",
};

constexpr std::string_view kTypes[] = {"AWS::EKS::Nodegroup", "AWS::AutoScaling::AutoScalingGroup"};

bool is_version_number(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string fill(std::string message, std::string_view placeholder, std::string_view value) {
  const std::size_t at = message.find(placeholder);
  if (at != std::string::npos) message.replace(at, placeholder.size(), value);
  return message;
}

class LaunchTemplateVersionNotTracked final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const std::string_view> resource_types() const override { return kTypes; }

  void check_resource(const LintContext& context, const Resource& resource, DiagnosticSink& sink) const override {
    if (resource.type == kTypes[0]) {
      if (const auto use = nodegroup_launch_template(context.tmpl, resource)) check(context, *use, true, sink);
      return;
    }
    for (const LaunchTemplateUse& use : auto_scaling_group_launch_templates(context.tmpl, resource)) {
      check(context, use, false, sink);
    }
  }

 private:
  static void check(const LintContext& context, const LaunchTemplateUse& use, bool managed, DiagnosticSink& sink) {
    if (use.version == nullptr) return;
    const SourceFile& source = *context.document.source;
    const std::string template_name = use.resource ? std::string(use.resource->name) : "MyLaunchTemplate";
    for (const PossibleValue& value : context.resolver.resolve(*use.version).values) {
      if (!value.is_scalar()) continue;
      if (use.resource != nullptr && is_version_number(value.text)) {
        sink.report(*use.version, "launch template version " + quoted_value(value, *use.version, source) + " is pinned while '" +
                                      template_name + "' is in this stack, so its changes never reach the nodes; use '!GetAtt " +
                                      template_name + ".LatestVersionNumber'");
        return;
      }
      if (!managed || (value.text != "$Latest" && value.text != "$Default")) continue;
      const LaunchTemplateRestriction* restriction = context.eks.launch_template_restriction("launch-template-version-keyword");
      if (restriction == nullptr) return;
      sink.report(*use.version, fill(fill(restriction->message, "{value}", value.text), "{template}", template_name));
      return;
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_launch_template_version_not_tracked() {
  return std::make_unique<LaunchTemplateVersionNotTracked>();
}

}  // namespace cfn_eks
