// A001: a launch template or launch configuration whose ImageId is a hard-coded ami-... id.

#include <set>

#include "rules/amis/ami_rules.hpp"
#include "rules/amis/ami_scan.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "A001",
    .name = "hard-coded-ami-id",
    .severity = Severity::Warning,
    .summary = "A node launch template or launch configuration uses a hard-coded AMI id.",
    .doc = R"(A node launch template or launch configuration uses a hard-coded AMI id.

## What it checks
The `ImageId` of every `AWS::EC2::LaunchTemplate` (`LaunchTemplateData.ImageId`) and
`AWS::AutoScaling::LaunchConfiguration` that boots EKS nodes (used by a managed node group or a
recognised self-managed node group, or whose user data bootstraps EKS), followed through parameters (Default and
AllowedValues), mappings and conditions. A value `ami-...` is flagged where it is written: the
literal, the parameter default, or once per `ImageId` for a region mapping of ids.

## Why it matters
AMI ids are region-specific and never change: the template works in one region only and keeps
booting the same, ageing image, with old kernels, container runtimes and kubelets, long after
its Kubernetes version moved on. Windows EKS-optimized AMIs are made private about four months
after release, so a hard-coded Windows id stops resolving (eks-facts §3.1).

## Example
```yaml
LaunchTemplateData:
  ImageId: ami-0123456789abcdef0   # flagged
```

## How to fix
Use the EKS-optimized AMI public SSM parameter for the cluster's version, either as a parameter
of type `AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>` with default
`/aws/service/eks/optimized-ami/1.34/amazon-linux-2023/x86_64/standard/recommended/image_id`, or
inline: `{{resolve:ssm:/aws/service/eks/optimized-ami/1.34/amazon-linux-2023/x86_64/standard/recommended/image_id}}`.
For a custom AMI, publish its id in your own SSM parameter.

## References
- eks-facts §3.1, §3.2
- https://docs.aws.amazon.com/eks/latest/userguide/retrieve-ami-id.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references-ssm.html
)",
};

class HardCodedAmiId final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    std::set<std::size_t> seen;
    for (const ImageUse& use : image_uses(context)) {
      const Node* image = use.launch.image_id;
      if (image == nullptr || !use.eks) continue;
      const Resolution resolution = context.resolver.resolve(*image);
      std::size_t mapped = 0;
      std::string mapping;
      for (const PossibleValue& v : resolution.values) {
        if (v.kind != PossibleValue::Kind::String || !v.text.starts_with("ami-")) continue;
        const Provenance* hop = v.source_hop();
        if (hop != nullptr && hop->description.starts_with("mapping ")) {
          ++mapped;
          if (mapping.empty()) mapping = hop->description.substr(8, hop->description.find('.') - 8);
          continue;
        }
        const Node& at = v.origin ? *v.origin : *image;
        if (!seen.insert(at.range.begin).second) continue;
        sink.report(at, (v.origin == image ? "'" + v.text + "'" : v.describe(*context.document.source)) +
                            " is a hard-coded AMI id for the ImageId of '" + std::string(use.launch.resource->name) +
                            "': it works in one region only and is never updated; use the EKS-optimized AMI SSM "
                            "parameter for the cluster's version");
      }
      if (mapped > 0 && seen.insert(image->range.begin).second) {
        sink.report(*image, "the ImageId of '" + std::string(use.launch.resource->name) + "' comes from " +
                                std::to_string(mapped) + " hard-coded AMI ids in mapping '" + mapping +
                                "', which are never updated; use the EKS-optimized AMI SSM parameter for the "
                                "cluster's version");
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_hard_coded_ami_id() { return std::make_unique<HardCodedAmiId>(); }

}  // namespace cfn_eks
