// A005: a managed node group AmiType that does not exist, or not for the node group's version.

#include <set>

#include "rules/amis/ami_rules.hpp"
#include "rules/amis/ami_scan.hpp"
#include "rules/common/names.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "A005",
    .name = "invalid-ami-type",
    .severity = Severity::Error,
    .summary = "A managed node group's AmiType is not an EKS AMI type, or not one built for its Kubernetes version.",
    .doc = R"(A managed node group's AmiType is not an EKS AMI type, or not one built for its Kubernetes version.

## What it checks
`AmiType` of each `AWS::EKS::Nodegroup` (through parameters, mappings and conditions) against
the AMI types in `schemas/eks/ami-families.json`, and against the versions each type exists
for: the node group's `Version`, else its cluster's (same stack, or `--cluster-version`).
Examples: the AL2 types (`AL2_x86_64`, `AL2_x86_64_GPU`, `AL2_ARM_64`) do not exist for 1.33
and later; the Windows Server 2025 types not before 1.35; `CUSTOM` is what EKS reports for a
launch template with an `ImageId`, not a value to set. When the node group has no `Version`
and its cluster is in another stack (a `ClusterName` parameter or import), the version check is
not possible: the rule says so once per template (info), unless `--cluster-version` is given.

## Why it matters
The CloudFormation schema types `AmiType` as a free string, so nothing catches a typo or a
retired family until EKS rejects the create or update halfway through the stack operation
(eks-facts §3.1).

## Example
```yaml
Nodes:
  Type: AWS::EKS::Nodegroup
  Properties:
    Version: "1.34"
    AmiType: AL2_x86_64   # flagged: no AL2 AMIs for 1.33+
```

## How to fix
Use an AMI type built for the version, e.g. `AL2023_x86_64_STANDARD` or `BOTTLEROCKET_x86_64`.
Moving from AL2 to AL2023 changes the bootstrap (nodeadm instead of bootstrap.sh): check
custom user data.

## References
- eks-facts §1.3, §3.1
- https://docs.aws.amazon.com/eks/latest/APIReference/API_Nodegroup.html#AmazonEKS-Type-Nodegroup-amiType
- https://docs.aws.amazon.com/eks/latest/userguide/eks-ami-deprecation-faqs.html
)",
};

class InvalidAmiType final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const std::string_view> resource_types() const override { return kTypes; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    note_cluster_in_other_stack(context, sink, "AmiType", "against its cluster's Kubernetes version (AMI types exist for some versions only)");
  }

  void check_resource(const LintContext& context, const Resource& resource, DiagnosticSink& sink) const override {
    const Node* ami_type = resource.property("AmiType");
    if (ami_type == nullptr) return;
    std::vector<std::string_view> names;
    for (const AmiTypeInfo& t : context.eks.ami_types()) names.push_back(t.name);
    const auto versions = nodegroup_versions(context, resource);
    std::set<std::pair<std::size_t, std::string>> seen;
    for (const PossibleValue& v : string_values_of(context, *ami_type)) {
      const Node& at = value_node(v, *ami_type);
      const AmiTypeInfo* info = context.eks.ami_type(v.text);
      if (info == nullptr) {
        if (seen.emplace(at.range.begin, v.text).second) {
          sink.report(at, "'" + v.text + "' is not an EKS AmiType" + did_you_mean(v.text, names, "use one of the AMI types EKS lists, e.g. AL2023_x86_64_STANDARD"));
        }
        continue;
      }
      if (info->family == AmiFamily::Custom) {
        if (seen.emplace(at.range.begin, v.text).second) {
          sink.report(at, "AmiType CUSTOM is what EKS reports for a launch template with an ImageId, not a value to "
                          "set; remove AmiType and set the ImageId in the launch template");
        }
        continue;
      }
      for (const VersionCandidate& c : versions) {
        if (!compatible_values(v, c.value)) continue;
        const Availability a = context.eks.ami_type_availability(*info, *c.version);
        std::string why;
        if (a == Availability::Discontinued && info->last_version) {
          why = "the last version it was built for is " + info->last_version->to_string();
        } else if (a == Availability::NotYet && info->first_version) {
          why = "it exists from " + info->first_version->to_string();
        } else {
          continue;
        }
        std::string message = "AmiType '" + v.text + "' is not available for Kubernetes " + c.version->to_string() +
                              " (" + c.where + "): " + why + "; use an AMI type built for " + c.version->to_string();
        if (info->family == AmiFamily::AmazonLinux2) message += ", e.g. the AL2023 equivalent";
        if (seen.emplace(at.range.begin, message).second) sink.report(at, message);
      }
    }
  }

 private:
  static bool compatible_values(const PossibleValue& a, const PossibleValue& b) {
    for (const Binding& x : a.bindings) {
      for (const Binding& y : b.bindings) {
        if (x.parameter == y.parameter && x.value != y.value) return false;
      }
    }
    for (const Assumption& x : a.assumptions) {
      for (const Assumption& y : b.assumptions) {
        if (x.condition == y.condition && x.holds != y.holds) return false;
      }
    }
    return true;
  }
  static constexpr std::string_view kTypeList[] = {"AWS::EKS::Nodegroup"};
  static constexpr std::span<const std::string_view> kTypes{kTypeList};
};

}  // namespace

std::unique_ptr<Rule> make_invalid_ami_type() { return std::make_unique<InvalidAmiType>(); }

}  // namespace cfn_eks
