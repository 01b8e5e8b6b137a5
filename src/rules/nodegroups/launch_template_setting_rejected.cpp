// N001: a managed node group's launch template sets something EKS rejects.

#include <set>

#include "rules/eks/common/launch_templates.hpp"
#include "rules/nodegroups/nodegroup_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "N001",
    .name = "launch-template-setting-rejected",
    .severity = Severity::Error,
    .summary = "A managed node group's launch template sets something EKS rejects.",
    .doc = R"md(A managed node group's launch template sets something EKS rejects.

## What it checks
Launch templates in the same stack that an `AWS::EKS::Nodegroup` names (`Id: !Ref LT`,
`!GetAtt LT.LaunchTemplateId`, or the same `Name`). Their `LaunchTemplateData` must not set:
`IamInstanceProfile` (EKS makes the instance profile from `NodeRole`), `NetworkInterfaces[].SubnetId`
(use the node group's `Subnets`), `InstanceMarketOptions` (use `CapacityType: SPOT`),
`HibernationOptions`, `InstanceInitiatedShutdownBehavior`, and security groups both on the
instance (`SecurityGroupIds`/`SecurityGroups`) and in a network interface
(`NetworkInterfaces[].Groups`). The list comes from `schemas/eks/launch-template-restrictions.json`
(entries of kind `forbidden` and the launch-template-only `exclusive` ones), so newer data
(`--data-dir`) changes it without a rebuild. Launch templates used only by self-managed Auto
Scaling groups are not checked: these settings are fine there.

## Why it matters
EKS validates the launch template when the node group is created or updated; the stack fails
with `InvalidRequestException` and, on update, rolls back.

## Example
```yaml
NodeLaunchTemplate:
  Type: AWS::EC2::LaunchTemplate
  Properties:
    LaunchTemplateData:
      IamInstanceProfile:            # flagged
        Arn: !GetAtt NodeInstanceProfile.Arn
Nodes:
  Type: AWS::EKS::Nodegroup
  Properties:
    LaunchTemplate: {Id: !Ref NodeLaunchTemplate, Version: !GetAtt NodeLaunchTemplate.LatestVersionNumber}
```
Fixed: remove `IamInstanceProfile` and give the node group `NodeRole: !GetAtt NodeRole.Arn`.

## How to fix
Move the setting to the node group (`NodeRole`, `Subnets`, `CapacityType`) or drop it.

## References
- eks-facts §4.1 (forbidden launch template settings)
- https://docs.aws.amazon.com/eks/latest/userguide/launch-templates.html
- https://docs.aws.amazon.com/eks/latest/APIReference/API_LaunchTemplateSpecification.html
)md",
};

constexpr std::string_view kNodegroupType = "AWS::EKS::Nodegroup";

// Restrictions that look at the launch template alone.
bool launch_template_only(const LaunchTemplateRestriction& r) {
  if (!r.nodegroup_properties.empty() || r.launch_template_paths.empty()) return false;
  if (r.kind == "forbidden") return r.condition == "always";
  return r.kind == "exclusive" && r.condition == "both_present" && r.launch_template_paths.size() == 2;
}

class LaunchTemplateSettingRejected final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    // One report per launch template, however many node groups share it.
    std::set<const Resource*> seen;
    for (const Resource* nodegroup : context.tmpl.resources_of_type(kNodegroupType)) {
      const auto use = nodegroup_launch_template(context.tmpl, *nodegroup);
      if (!use || use->data == nullptr || !seen.insert(use->resource).second) continue;
      for (const LaunchTemplateRestriction& restriction : context.eks.launch_template_restrictions()) {
        if (!launch_template_only(restriction)) continue;
        check(restriction, *use, *nodegroup, sink);
      }
    }
  }

 private:
  static void check(const LaunchTemplateRestriction& restriction, const LaunchTemplateUse& use,
                    const Resource& nodegroup, DiagnosticSink& sink) {
    std::vector<const MapEntry*> found = entries_at_path(use.data, restriction.launch_template_paths.front());
    if (restriction.kind == "exclusive") {
      if (found.empty()) return;
      found = entries_at_path(use.data, restriction.launch_template_paths.back());
      if (found.empty()) return;
      found.resize(1);
    }
    for (const MapEntry* entry : found) {
      Diagnostic& diagnostic = sink.report_key(*entry, restriction.message);
      sink.relate(diagnostic, nodegroup.entry->key_range,
                  "used by managed node group '" + std::string(nodegroup.name) + "'");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_launch_template_setting_rejected() {
  return std::make_unique<LaunchTemplateSettingRejected>();
}

}  // namespace cfn_eks
