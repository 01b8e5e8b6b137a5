// A004: an EKS AMI SSM path whose architecture does not match the instance types.

#include <set>

#include "rules/amis/ami_rules.hpp"
#include "rules/amis/ami_scan.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "A004",
    .name = "ami-architecture-mismatch",
    .severity = Severity::Error,
    .summary = "An EKS AMI SSM path is for another CPU architecture than the instance types it runs on.",
    .doc = R"(An EKS AMI SSM path is for another CPU architecture than the instance types it runs on.

## What it checks
EKS-optimized AMI SSM paths in launch templates and launch configurations (parameter defaults,
`{{resolve:ssm:...}}`), against the instance types of the launch data, of the managed node
groups using the launch template (`InstanceTypes`), and of the Auto Scaling groups'
`MixedInstancesPolicy` overrides. The architecture of an instance type comes from its family,
using the table in `schemas/eks/ami-families.json` (`instance_families`): Graviton families
carry a `g` after the generation digit (`m7g`, `c7gn`, `r8g`, `t4g`) and are arm64; `a1` too.
Paths chosen by `Fn::If` conditions (templates that pick the arm64 path when the instance type
is Graviton) and AllowedValues alternatives are not paired with instance types: only default
and literal values are compared.

## Why it matters
EC2 refuses to launch an arm64 image on an x86_64 instance type (and the reverse): the Auto
Scaling group or node group never gets a node, and the error shows only in the scaling
activity (eks-facts §3.2).

## Example
```yaml
ImageId: "{{resolve:ssm:/aws/service/eks/optimized-ami/1.34/amazon-linux-2023/arm64/standard/recommended/image_id}}"
InstanceType: m5.large    # flagged: x86_64
```

## How to fix
Use the path for the instance types' architecture, or Graviton instance types for an arm64 AMI.
Mixed architectures need one launch template per architecture.

## References
- eks-facts §3.2
- https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html
- https://docs.aws.amazon.com/eks/latest/userguide/retrieve-ami-id.html
)",
};

class AmiArchitectureMismatch final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    std::set<std::pair<std::size_t, std::string>> seen;
    for (const ImageUse& use : image_uses(context)) {
      for (const AmiPathValue& path : use.ami_paths) {
        if (!path.parsed || path.parsed->architecture == Architecture::Unknown) continue;
        if (path.conditional || path.where.find("allowed value") != std::string::npos) continue;
        for (const std::string& type : use.instance_types) {
          const Architecture arch = context.eks.instance_type_traits(type).architecture;
          if (arch == Architecture::Unknown || arch == path.parsed->architecture) continue;
          if (!seen.emplace(path.at->range.begin, type).second) continue;
          sink.report(*path.at, "'" + path.path + "' is an " + std::string(architecture_name(path.parsed->architecture)) +
                                    " AMI, but '" + std::string(use.launch.resource->name) + "' runs instance type '" + type +
                                    "', which is " + std::string(architecture_name(arch)) + "; use the " +
                                    std::string(architecture_name(arch)) + " AMI path or " +
                                    std::string(architecture_name(path.parsed->architecture)) + " instance types");
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_ami_architecture_mismatch() { return std::make_unique<AmiArchitectureMismatch>(); }

}  // namespace cfn_eks
