// N006: an Auto Scaling group names its launch template version as $Latest or $Default.

#include "rules/common/quick_fix.hpp"
#include "rules/eks/common/launch_templates.hpp"
#include "rules/nodegroups/nodegroup_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "N006",
    .name = "asg-launch-template-version-keyword",
    .severity = Severity::Error,
    .summary = "An Auto Scaling group's launch template version is '$Latest' or '$Default', which CloudFormation does not accept.",
    .doc = R"md(An Auto Scaling group's launch template version is '$Latest' or '$Default', which CloudFormation does not accept.

## What it checks
`Version` of the `LaunchTemplate` (and of `MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification`)
of `AWS::AutoScaling::AutoScalingGroup` resources, through parameters, mappings and `Fn::If`.
Self-managed EKS node groups are Auto Scaling groups, and migrations from managed node groups
often copy `$Latest` from the EKS API, where it is at least tolerated.

## Why it matters
The CloudFormation resource documents that `$Latest` and `$Default` are not supported for the
template version: the stack operation fails. Even where the API accepts them, a keyword never
changes, so a launch template update would not roll the instances.

## Example
```yaml
LaunchTemplate:
  LaunchTemplateId: !Ref NodeLaunchTemplate
  Version: $Latest          # flagged
```
Fixed: `Version: !GetAtt NodeLaunchTemplate.LatestVersionNumber`.

## How to fix
Use `!GetAtt <LaunchTemplate>.LatestVersionNumber` or `DefaultVersionNumber` (quick fix,
`cfn-eks lint --fix`, when the keyword is written in the group and the launch template is in the
same template).

## References
- eks-facts §4.2, §6.9
- https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-autoscaling-autoscalinggroup-launchtemplatespecification.html
)md",
    .quick_fix = true,
};

constexpr std::string_view kAutoScalingGroupType = "AWS::AutoScaling::AutoScalingGroup";

class AsgLaunchTemplateVersionKeyword final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const std::string_view> resource_types() const override { return {&kAutoScalingGroupType, 1}; }

  void check_resource(const LintContext& context, const Resource& group, DiagnosticSink& sink) const override {
    const SourceFile& source = *context.document.source;
    for (const LaunchTemplateUse& use : auto_scaling_group_launch_templates(context.tmpl, group)) {
      if (use.version == nullptr) continue;
      const std::string target = use.resource ? std::string(use.resource->name) : "MyLaunchTemplate";
      for (const PossibleValue& value : context.resolver.resolve(*use.version).values) {
        if (value.text != "$Latest" && value.text != "$Default") continue;
        const std::string_view attribute = value.text == "$Latest" ? "LatestVersionNumber" : "DefaultVersionNumber";
        Diagnostic& d = sink.report(*use.version, "launch template version " + quoted_value(value, *use.version, source) +
                                                      " is not accepted for an Auto Scaling group; use '!GetAtt " + target +
                                                      "." + std::string(attribute) + "'");
        // The keyword written here and the launch template in this stack: its attribute is the
        // version the keyword meant.
        if (use.resource != nullptr && use.version->is_string()) {
          add_replacement_fix(d, "use '!GetAtt " + target + "." + std::string(attribute) + "'", use.version->range,
                              inline_get_att(context.document, target, attribute));
        }
        break;
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_asg_launch_template_version_keyword() {
  return std::make_unique<AsgLaunchTemplateVersionKeyword>();
}

}  // namespace cfn_eks
