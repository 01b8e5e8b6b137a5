// A008: a ReleaseVersion or pinned AMI SSM path on the known-bad release list.

#include <set>

#include "rules/amis/ami_rules.hpp"
#include "rules/amis/ami_scan.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "A008",
    .name = "known-bad-ami-release",
    .severity = Severity::Warning,
    .summary = "A node group pins an EKS AMI release that is known to be broken or was recalled.",
    .doc = R"(A node group pins an EKS AMI release that is known to be broken or was recalled.

## What it checks
`ReleaseVersion` of `AWS::EKS::Nodegroup` (family from `AmiType`), and pinned EKS AMI SSM paths
(`.../amazon-linux-2/amazon-eks-node-1.18-v20201112/image_id`) in launch templates and launch
configurations, against `schemas/eks/known-bad-releases.json`: releases recalled or with
published breakage (containerd 1.4.0 and stuck pods in v20201112, runc rc93 node flapping in
v20210329, the containerd exit-event bug from v20240807, ...). The message names the problem,
the fixing release and the issue.

## Why it matters
A pinned release is what every new node boots, including the replacement nodes of a scaling
event at night. Some of these releases break pods (stuck `Terminating`, failed exec probes) or
nodes (NotReady flapping) (eks-facts §9).

## Example
```yaml
ReleaseVersion: 1.18.9-20201112   # flagged: fixed by v20201117
```

## How to fix
Pin the fixing release or a later one.

## References
- eks-facts §9
- https://github.com/awslabs/amazon-eks-ami/blob/main/CHANGELOG.md
- https://github.com/awslabs/amazon-eks-ami/issues/563
)",
};

std::string describe_bad(const KnownBadRelease& bad) {
  std::string text = "known-bad AMI release " + bad.id + " (" + bad.problem + ")";
  std::string fix = bad.fixed_by.empty() ? "pin a later release" : "pin " + bad.fixed_by + " or later";
  if (!bad.links.empty()) fix += " (" + bad.links.front() + ")";
  return text + "; " + fix;
}

class KnownBadAmiRelease final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    std::set<std::pair<std::size_t, std::string>> seen;
    auto report = [&](const Node& at, std::string message) {
      if (seen.emplace(at.range.begin, message).second) sink.report(at, std::move(message));
    };
    for (const Resource* ng : context.tmpl.resources_of_type("AWS::EKS::Nodegroup")) {
      const Node* release = ng->property("ReleaseVersion");
      if (release == nullptr) continue;
      std::vector<AmiFamily> families;
      if (const Node* ami_type = ng->property("AmiType")) {
        for (const std::string& t : context.resolver.strings(*ami_type)) {
          if (const AmiTypeInfo* info = context.eks.ami_type(t)) families.push_back(info->family);
        }
      }
      if (families.empty()) families = {AmiFamily::AmazonLinux2023, AmiFamily::AmazonLinux2};
      for (const PossibleValue& v : string_values_of(context, *release)) {
        for (AmiFamily family : families) {
          const auto parsed = context.eks.parse_release_version(v.text, family);
          if (!parsed) continue;
          for (const KnownBadRelease* bad : context.eks.known_bad(*parsed)) {
            report(value_node(v, *release), "ReleaseVersion '" + v.text + "' is the " + describe_bad(*bad));
          }
        }
      }
    }
    for (const ImageUse& use : image_uses(context)) {
      for (const AmiPathValue& path : use.ami_paths) {
        if (!path.parsed || path.parsed->release != AmiRelease::Pinned || !path.parsed->pinned_date) continue;
        for (const KnownBadRelease* bad :
             context.eks.known_bad(path.parsed->family, *path.parsed->pinned_date, path.parsed->kubernetes)) {
          report(*path.at, "AMI parameter '" + path.path + "' pins the " + describe_bad(*bad));
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_known_bad_ami_release() { return std::make_unique<KnownBadAmiRelease>(); }

}  // namespace cfn_eks
