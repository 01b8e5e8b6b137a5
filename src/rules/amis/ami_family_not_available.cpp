// A003: an EKS AMI SSM path for a family/version combination that AWS does not build.

#include <set>

#include "rules/amis/ami_rules.hpp"
#include "rules/amis/ami_scan.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "A003",
    .name = "ami-family-not-available",
    .severity = Severity::Error,
    .summary = "An EKS AMI SSM path names an AMI family that is not built for its Kubernetes version.",
    .doc = R"(An EKS AMI SSM path names an AMI family that is not built for its Kubernetes version.

## What it checks
EKS-optimized AMI SSM paths (parameter defaults and AllowedValues, `{{resolve:ssm:...}}`
references) in launch templates and launch configurations. The family and variant in the path
(AL2, AL2023 standard/NVIDIA/Neuron, Bottlerocket, Windows 2019/2022/2025) must exist for the
Kubernetes version in the path, per `schemas/eks/ami-families.json`: for example there is no
Amazon Linux 2 AMI for 1.33 or later, and no Windows Server 2025 AMI before 1.35.

## Why it matters
The SSM parameter does not exist, so CloudFormation fails the stack operation with
`Parameter ... not found` (eks-facts §3.1, §3.2; AL2 end of support 2025-11-26).

## Example
```yaml
Default: /aws/service/eks/optimized-ami/1.33/amazon-linux-2/recommended/image_id   # flagged
```

## How to fix
Move to a family built for the version, e.g.
`/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/x86_64/standard/recommended/image_id`
(AL2023 boots with nodeadm, not bootstrap.sh: update the user data too).

## References
- eks-facts §1.3, §3.1, §3.2
- https://docs.aws.amazon.com/eks/latest/userguide/retrieve-ami-id.html
- https://docs.aws.amazon.com/eks/latest/userguide/eks-ami-deprecation-faqs.html
)",
};

class AmiFamilyNotAvailable final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    std::set<std::size_t> seen;
    for (const ImageUse& use : image_uses(context)) {
      for (const AmiPathValue& path : use.ami_paths) {
        if (!path.parsed) continue;
        const SsmAmiParameter& p = *path.parsed;
        const Availability a = p.ami_type ? context.eks.ami_type_availability(*p.ami_type, p.kubernetes)
                                          : context.eks.family_availability(p.family, p.kubernetes);
        if (a != Availability::Discontinued && a != Availability::NotYet) continue;
        if (!seen.insert(path.at->range.begin).second) continue;
        const AmiFamilyInfo* family = context.eks.ami_family(p.family);
        const std::string name = family ? family->name : std::string(ami_family_id(p.family));
        std::optional<KubeVersion> bound;
        if (a == Availability::Discontinued) bound = p.ami_type ? p.ami_type->last_version : (family ? family->last_version : std::nullopt);
        if (a == Availability::NotYet) bound = p.ami_type ? p.ami_type->first_version : (family ? family->first_version : std::nullopt);
        std::string why = a == Availability::Discontinued
                              ? "no " + name + " AMI is built for it" + (bound ? " (the last is for " + bound->to_string() + ")" : std::string())
                              : "the " + name + " AMI exists only" + (bound ? " from " + bound->to_string() : std::string(" for later versions"));
        sink.report(*path.at, "'" + path.path + "' names a Kubernetes " + p.kubernetes.to_string() + " AMI, but " + why +
                                  ", so the SSM parameter does not exist; use a family built for " +
                                  p.kubernetes.to_string() + (p.family == AmiFamily::AmazonLinux2 ? ", e.g. amazon-linux-2023" : ""));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_ami_family_not_available() { return std::make_unique<AmiFamilyNotAvailable>(); }

}  // namespace cfn_eks
