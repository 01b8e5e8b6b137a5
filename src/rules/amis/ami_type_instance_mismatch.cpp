// A006: a managed node group AmiType whose architecture or accelerator does not fit its instance types.

#include <set>

#include "rules/amis/ami_rules.hpp"
#include "rules/amis/ami_scan.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "A006",
    .name = "ami-type-instance-mismatch",
    .severity = Severity::Error,
    .summary = "A managed node group's AmiType does not fit its instance types (architecture or GPU).",
    .doc = R"(A managed node group's AmiType does not fit its instance types (architecture or GPU).

## What it checks
`AmiType` of each `AWS::EKS::Nodegroup` against its `InstanceTypes` and the `InstanceType` of
its launch template, using the instance-family table in `schemas/eks/ami-families.json`:
- an arm64 AMI type (`AL2023_ARM_64_STANDARD`, `BOTTLEROCKET_ARM_64`, ...) on x86_64 instance
  types, or the reverse: an error;
- a GPU AMI type (`..._NVIDIA`, `AL2_x86_64_GPU`) on instance types without NVIDIA GPUs, or
  NVIDIA/Neuron instance types with a standard AMI type (no drivers): a warning.

## Why it matters
EKS rejects a node group whose AMI type and instance types disagree on the architecture; with a
standard AMI on GPU instances the nodes join but pods requesting GPUs never schedule, and a GPU
AMI on plain instances costs the larger image for nothing (eks-facts §3.1).

## Example
```yaml
AmiType: AL2023_ARM_64_STANDARD
InstanceTypes: [m5.large]   # flagged: x86_64
```

## How to fix
Match the AMI type to the instance types: `AL2023_x86_64_STANDARD` for m5, `AL2023_ARM_64_STANDARD`
for m7g, `AL2023_x86_64_NVIDIA` for g5, `AL2023_x86_64_NEURON` for inf2/trn1.

## References
- eks-facts §3.1
- https://docs.aws.amazon.com/eks/latest/APIReference/API_Nodegroup.html#AmazonEKS-Type-Nodegroup-amiType
- https://docs.aws.amazon.com/eks/latest/userguide/ml-eks-optimized-ami.html
)",
};

class AmiTypeInstanceMismatch final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const std::string_view> resource_types() const override { return kTypes; }

  void check_resource(const LintContext& context, const Resource& resource, DiagnosticSink& sink) const override {
    const Node* ami_type = resource.property("AmiType");
    if (ami_type == nullptr) return;
    std::vector<std::string> types = nodegroup_instance_types(context, resource);
    if (const Resource* lt = launch_template_of(context.tmpl, resource.property("LaunchTemplate"))) {
      if (auto data = launch_data(*lt); data && data->instance_type) {
        for (const std::string& t : deployed_strings(context, *data->instance_type)) types.push_back(t);
      }
    }
    std::set<std::pair<std::size_t, std::string>> seen;
    for (const PossibleValue& v : string_values_of(context, *ami_type)) {
      const AmiTypeInfo* info = context.eks.ami_type(v.text);
      if (info == nullptr || info->architecture == Architecture::Unknown || !deployed(v)) continue;
      const Node& at = value_node(v, *ami_type);
      for (const std::string& type : types) {
        const auto traits = context.eks.instance_type_traits(type);
        if (traits.architecture == Architecture::Unknown) continue;
        std::string message;
        bool error = false;
        if (traits.architecture != info->architecture) {
          error = true;
          message = "AmiType '" + v.text + "' is " + std::string(architecture_name(info->architecture)) +
                    ", but instance type '" + type + "' is " + std::string(architecture_name(traits.architecture)) +
                    "; use an " + std::string(architecture_name(traits.architecture)) + " AMI type";
        } else if (info->accelerator != Accelerator::None && traits.accelerator != info->accelerator) {
          message = "AmiType '" + v.text + "' is built for " + std::string(accelerator_name(info->accelerator)) +
                    " accelerators, but instance type '" + type + "' has none; use the standard AMI type";
        } else if (traits.accelerator != Accelerator::None && info->accelerator != traits.accelerator) {
          message = "instance type '" + type + "' has " + std::string(accelerator_name(traits.accelerator)) +
                    " accelerators, but AmiType '" + v.text + "' has no drivers for them; use the " +
                    std::string(accelerator_name(traits.accelerator)) + " AMI type";
        } else {
          continue;
        }
        if (!seen.emplace(at.range.begin, message).second) continue;
        Diagnostic& d = sink.report(at, message);
        if (!error && d.severity == Severity::Error) d.severity = Severity::Warning;
      }
    }
  }

 private:
  static constexpr std::string_view kTypeList[] = {"AWS::EKS::Nodegroup"};
  static constexpr std::span<const std::string_view> kTypes{kTypeList};
};

}  // namespace

std::unique_ptr<Rule> make_ami_type_instance_mismatch() { return std::make_unique<AmiTypeInstanceMismatch>(); }

}  // namespace cfn_eks
