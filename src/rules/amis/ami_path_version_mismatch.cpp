// A002: a managed node group's launch template boots an EKS AMI for another Kubernetes version.

#include <map>
#include <set>

#include "rules/amis/ami_rules.hpp"
#include "rules/amis/ami_scan.hpp"
#include "rules/common/quick_fix.hpp"

namespace cfn_eks {

namespace {

/// The one cluster version every node group of `use` joins, or nullopt when they differ or a
/// version is a choice (AllowedValues) or mangled by YAML (V002 first).
std::optional<KubeVersion> single_cluster_version(const LintContext& context, const ImageUse& use) {
  std::optional<KubeVersion> found;
  for (const Resource* ng : use.nodegroups) {
    const ClusterVersions cluster = cluster_versions(context, cluster_of(context, *ng));
    if (!cluster.known()) return std::nullopt;
    for (const VersionCandidate& c : cluster.candidates) {
      if (c.allowed_value) continue;
      if (!c.version || c.mangled_number || (found && *found != *c.version)) return std::nullopt;
      found = *c.version;
    }
  }
  return found;
}

/// For each place a path is written (by offset): the version to fix it to, or nullopt when its
/// users disagree, or one is not a managed node group (a self-managed group, another stack's
/// launch template), whose version is V009/V010's business.
std::map<std::uint32_t, std::optional<KubeVersion>> fix_targets(const LintContext& context) {
  std::map<std::uint32_t, std::optional<KubeVersion>> targets;
  for (const ImageUse& use : image_uses(context)) {
    std::optional<KubeVersion> version;
    if (!use.nodegroups.empty() && use.groups.empty()) version = single_cluster_version(context, use);
    for (const AmiPathValue& path : use.ami_paths) {
      if (path.at == nullptr) continue;
      const auto [it, inserted] = targets.emplace(path.at->range.begin, version);
      if (!inserted && it->second != version) it->second = std::nullopt;
    }
  }
  return targets;
}

/// Replaces the version inside the path where it is written, when the path appears there
/// exactly once and holds `/<version>/` once: everything else of the string stays.
void add_path_fix(Diagnostic& d, const LintContext& context, const AmiPathValue& path, const KubeVersion& to) {
  if (!path.at->is_string()) return;
  const std::string_view text = context.document.source->text();
  const std::string_view written = text.substr(path.at->range.begin, path.at->range.end - path.at->range.begin);
  const std::size_t at = written.find(path.path);
  if (at == std::string_view::npos || written.find(path.path, at + 1) != std::string_view::npos) return;
  const std::string segment = "/" + path.parsed->kubernetes.to_string() + "/";
  const std::size_t in_path = path.path.find(segment);
  if (in_path == std::string::npos || path.path.find(segment, in_path + 1) != std::string::npos) return;
  const auto begin = static_cast<std::uint32_t>(path.at->range.begin + at + in_path + 1);
  const std::string old_version = path.parsed->kubernetes.to_string();
  add_replacement_fix(d, "use the " + to.to_string() + " AMI path",
                      ByteRange{begin, begin + static_cast<std::uint32_t>(old_version.size())}, to.to_string());
}

constexpr RuleInfo kInfo{
    .id = "A002",
    .name = "ami-path-version-mismatch",
    .severity = Severity::Error,
    .summary = "A managed node group's launch template uses an EKS AMI SSM path for another Kubernetes version.",
    .doc = R"(A managed node group's launch template uses an EKS AMI SSM path for another Kubernetes version.

## What it checks
Launch templates used by `AWS::EKS::Nodegroup` whose `ImageId` is an EKS-optimized AMI SSM path
(parameter default, `{{resolve:ssm:...}}`): the Kubernetes version in the path must equal the
cluster's version (same stack, or `--cluster-version`). When the cluster is in another stack and
`--cluster-version` is not given, the rule says once per template (info) that it could not
check. Self-managed node groups are checked by V009/V010 against the skew policy instead.

## Why it matters
With a custom `ImageId` EKS does not manage the node version: the kubelet is whatever the AMI
carries. A path left at the old version after a cluster upgrade keeps the nodes behind (and one
newer than the control plane is refused by the skew policy) (eks-facts §2.2, §3.2).

## Example
```yaml
Cluster: {Type: AWS::EKS::Cluster, Properties: {Version: "1.35"}}
Template:
  Type: AWS::EC2::LaunchTemplate
  Properties:
    LaunchTemplateData:
      ImageId: "{{resolve:ssm:/aws/service/eks/optimized-ami/1.34/amazon-linux-2023/x86_64/standard/recommended/image_id}}"  # flagged
```

## How to fix
Build the path from the cluster's version parameter with `!Sub`. When every node group using
the path joins one cluster of one known version, the quick fix (`cfn-eks lint --fix`) writes
that version into the path.

## References
- eks-facts §2.2, §3.2
- https://docs.aws.amazon.com/eks/latest/userguide/launch-templates.html
)",
    .quick_fix = true,
};

class AmiPathVersionMismatch final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    std::set<std::pair<std::size_t, std::string>> seen;
    bool noted = false;
    std::map<std::uint32_t, std::optional<KubeVersion>> targets;  // Only computed when something is reported.
    for (const ImageUse& use : image_uses(context)) {
      for (const Resource* ng : use.nodegroups) {
        const ClusterLink link = cluster_of(context, *ng);
        const ClusterVersions cluster = cluster_versions(context, link);
        for (const AmiPathValue& path : use.ami_paths) {
          if (!path.parsed) continue;
          if (!cluster.known() && link.location == ClusterLocation::OtherStack && !noted) {
            noted = true;  // once per template, like the V rules
            Diagnostic& d = sink.report(*path.at, could_not_check_message("AMI path '" + path.path + "' of node group '" +
                                                                              std::string(ng->name) +
                                                                              "' against its cluster's Kubernetes version",
                                                                          cluster));
            d.severity = Severity::Info;
          }
          for (const VersionCandidate& c : cluster.candidates) {
            if (c.allowed_value || *c.version == path.parsed->kubernetes) continue;
            std::string message = "'" + path.path + "' is the Kubernetes " + path.parsed->kubernetes.to_string() +
                                  " AMI, but node group '" + std::string(ng->name) + "' joins a " + c.version->to_string() +
                                  " cluster (" + c.where + "); use the " + c.version->to_string() +
                                  " path, built from the cluster's version parameter";
            if (!seen.emplace(path.at->range.begin, message).second) continue;
            Diagnostic& d = sink.report(*path.at, std::move(message));
            if (targets.empty()) targets = fix_targets(context);
            if (const auto& to = targets[path.at->range.begin]) add_path_fix(d, context, path, *to);
          }
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_ami_path_version_mismatch() { return std::make_unique<AmiPathVersionMismatch>(); }

}  // namespace cfn_eks
