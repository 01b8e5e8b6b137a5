// A007: a managed node group ReleaseVersion malformed for its AMI family, or for another minor.

#include <set>

#include "rules/amis/ami_rules.hpp"
#include "rules/amis/ami_scan.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "A007",
    .name = "release-version-mismatch",
    .severity = Severity::Error,
    .summary = "A managed node group's ReleaseVersion is malformed for its AMI family or belongs to another Kubernetes minor.",
    .doc = R"(A managed node group's ReleaseVersion is malformed for its AMI family or belongs to another Kubernetes minor.

## What it checks
`ReleaseVersion` of each `AWS::EKS::Nodegroup` (through parameters, mappings and conditions),
parsed with the format of its AMI family (from `AmiType`; without one, AL2023 from 1.30 and AL2
before, the EKS defaults):
- AL2 and AL2023: `<major>.<minor>.<patch>-<YYYYMMDD>`, e.g. `1.31.3-20250101`;
- Bottlerocket: `<os-version>-<commit>`, e.g. `1.34.0-18d04e52`;
- Windows: `<major>.<minor>-<YYYY.MM.DD>`, e.g. `1.31-2024.11.12`.
For AL2, AL2023 and Windows the Kubernetes minor inside must equal the node group's `Version`
(or the cluster's when `Version` is not set). When `Version` is not set and the cluster is in
another stack, the rule says once per template (info) that it could not compare, unless
`--cluster-version` is given.

## Why it matters
EKS rejects the update: `Requested release version 1.31.3-20250103 is not valid for kubernetes
version 1.30` (eks-facts §3.3). A `ReleaseVersion` pinned by hand is easily left behind when
`Version` is raised.

## Example
```yaml
Version: "1.30"
ReleaseVersion: 1.31.3-20250103   # flagged: for 1.31
```

## How to fix
Pin the release of the node group's version (the AMI release notes list them), or remove
`ReleaseVersion` to get the latest release for `Version`.

## References
- eks-facts §3.3, §3.4
- https://github.com/eksctl-io/eksctl/issues/7976
- https://docs.aws.amazon.com/eks/latest/userguide/eks-linux-ami-versions.html
)",
};

class ReleaseVersionMismatch final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const std::string_view> resource_types() const override { return kTypes; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    note_cluster_in_other_stack(context, sink, "ReleaseVersion", "against its cluster's Kubernetes version");
  }

  void check_resource(const LintContext& context, const Resource& resource, DiagnosticSink& sink) const override {
    const Node* release = resource.property("ReleaseVersion");
    if (release == nullptr) return;
    const auto versions = nodegroup_versions(context, resource);
    std::vector<const AmiTypeInfo*> types;
    if (const Node* ami_type = resource.property("AmiType")) {
      for (const std::string& t : context.resolver.strings(*ami_type)) {
        if (const AmiTypeInfo* info = context.eks.ami_type(t)) types.push_back(info);
      }
    }
    std::set<std::pair<std::size_t, std::string>> seen;
    auto report = [&](const Node& at, std::string message) {
      if (seen.emplace(at.range.begin, message).second) sink.report(at, std::move(message));
    };
    for (const PossibleValue& v : string_values_of(context, *release)) {
      const Node& at = value_node(v, *release);
      std::vector<AmiFamily> families;
      for (const AmiTypeInfo* t : types) families.push_back(t->family);
      if (families.empty()) {
        for (const VersionCandidate& c : versions) {
          families.push_back(*c.version >= KubeVersion{1, 30} ? AmiFamily::AmazonLinux2023 : AmiFamily::AmazonLinux2);
        }
      }
      if (families.empty()) families.push_back(AmiFamily::AmazonLinux2023);
      for (AmiFamily family : families) {
        const auto parsed = context.eks.parse_release_version(v.text, family);
        if (!parsed) {
          const ReleaseVersionFormat* format = context.eks.release_version_format(family);
          const AmiFamilyInfo* info = context.eks.ami_family(family);
          report(at, "ReleaseVersion '" + v.text + "' is not in the " +
                         (info ? info->name : std::string(ami_family_id(family))) + " release version format" +
                         (format ? "; write " + format->format + ", e.g. " + format->example : std::string()));
          continue;
        }
        if (!parsed->kubernetes_minor_must_match || !parsed->kubernetes) continue;
        for (const VersionCandidate& c : versions) {
          if (*parsed->kubernetes == *c.version) continue;
          report(at, "ReleaseVersion '" + v.text + "' is a Kubernetes " + parsed->kubernetes->to_string() +
                         " release, but the node group runs " + c.version->to_string() + " (" + c.where +
                         "); pin a " + c.version->to_string() + " release or remove ReleaseVersion");
        }
      }
    }
  }

 private:
  static constexpr std::string_view kTypeList[] = {"AWS::EKS::Nodegroup"};
  static constexpr std::span<const std::string_view> kTypes{kTypeList};
};

}  // namespace

std::unique_ptr<Rule> make_release_version_mismatch() { return std::make_unique<ReleaseVersionMismatch>(); }

}  // namespace cfn_eks
