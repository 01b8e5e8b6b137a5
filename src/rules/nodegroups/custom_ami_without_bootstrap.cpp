// N004: a managed node group's custom AMI has user data that does not bootstrap the node.

#include <set>

#include "rules/eks/common/launch_templates.hpp"
#include "rules/eks/common/self_managed_nodes.hpp"
#include "rules/nodegroups/nodegroup_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "N004",
    .name = "custom-ami-without-bootstrap",
    .severity = Severity::Error,
    .summary = "A managed node group's custom AMI has no user data that bootstraps the node.",
    .doc = R"md(A managed node group's custom AMI has no user data that bootstraps the node.

## What it checks
Launch templates (in the same stack) of `AWS::EKS::Nodegroup` resources that set `ImageId`. EKS
then does not merge its bootstrap into the user data, so the user data must do it: run
`/etc/eks/bootstrap.sh <cluster>` (Amazon Linux 2), carry a nodeadm `NodeConfig`
(`apiVersion: node.eks.aws/v1alpha1`, Amazon Linux 2023), Bottlerocket `[settings.kubernetes]`
or call `Start-EKSBootstrap.ps1` (Windows). The user data is decoded through `Fn::Base64` of a
literal, `Fn::Sub` text and `Fn::Join` literal parts; user data with parts that cannot be read
(a parameter, a GetAtt) is not judged. The message comes from
`schemas/eks/launch-template-restrictions.json` (`custom-ami-without-bootstrap`).

## Why it matters
The instances start but never register with the cluster; the node group ends in
`NodeCreationFailure` ("Instances failed to join the kubernetes cluster") after CloudFormation
has waited for it, typically 20 minutes or more.

## Example
```yaml
LaunchTemplateData:
  ImageId: ami-0123456789abcdef0
  UserData:
    Fn::Base64: |          # flagged: no bootstrap
      #!/bin/bash
      yum install -y amazon-ssm-agent
```
Fixed: end the script with `/etc/eks/bootstrap.sh my-cluster` (AL2) or give a nodeadm NodeConfig
part (AL2023).

## How to fix
Add the bootstrap, or drop the `ImageId` and let EKS choose the AMI through `AmiType` and
`ReleaseVersion`.

## References
- eks-facts §4.2, §4.3 (custom AMI, bootstrap.sh, nodeadm)
- https://docs.aws.amazon.com/eks/latest/userguide/launch-templates.html
- https://awslabs.github.io/amazon-eks-ami/nodeadm/
)md",
};

constexpr std::string_view kNodegroupType = "AWS::EKS::Nodegroup";

class CustomAmiWithoutBootstrap final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const LaunchTemplateRestriction* restriction = context.eks.launch_template_restriction("custom-ami-without-bootstrap");
    if (restriction == nullptr) return;
    std::set<const Resource*> seen;
    for (const Resource* nodegroup : context.tmpl.resources_of_type(kNodegroupType)) {
      const auto use = nodegroup_launch_template(context.tmpl, *nodegroup);
      if (!use || use->data == nullptr || !seen.insert(use->resource).second) continue;
      const auto image = entries_at_path(use->data, "ImageId");
      if (image.empty()) continue;
      const MapEntry* user_data = use->data->find("UserData");
      Diagnostic* diagnostic = nullptr;
      if (user_data == nullptr || !is_set(user_data->value)) {
        const std::string& message = restriction->message;
        const std::size_t remedy = message.find("; ");
        diagnostic = &sink.report_key(*image.front(),
                                      "the launch template's custom 'ImageId' has no user data to bootstrap the node" +
                                          (remedy == std::string::npos ? std::string() : message.substr(remedy)));
      } else {
        const auto text = decode_user_data(user_data->value);
        if (!text || !text->complete || inspect_user_data(text->text).boots_eks()) continue;
        diagnostic = &sink.report_key(*user_data, restriction->message);
      }
      sink.relate(*diagnostic, nodegroup->entry->key_range,
                  "used by managed node group '" + std::string(nodegroup->name) + "'");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_custom_ami_without_bootstrap() { return std::make_unique<CustomAmiWithoutBootstrap>(); }

}  // namespace cfn_eks
