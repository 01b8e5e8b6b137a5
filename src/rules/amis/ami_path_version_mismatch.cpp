// A002: a managed node group's launch template boots an EKS AMI for another Kubernetes version.

#include <set>

#include "rules/amis/ami_rules.hpp"
#include "rules/amis/ami_scan.hpp"

namespace cfn_eks {

namespace {

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
Build the path from the cluster's version parameter with `!Sub`.

## References
- eks-facts §2.2, §3.2
- https://docs.aws.amazon.com/eks/latest/userguide/launch-templates.html
)",
};

class AmiPathVersionMismatch final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    std::set<std::pair<std::size_t, std::string>> seen;
    bool noted = false;
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
            if (seen.emplace(path.at->range.begin, message).second) sink.report(*path.at, std::move(message));
          }
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_ami_path_version_mismatch() { return std::make_unique<AmiPathVersionMismatch>(); }

}  // namespace cfn_eks
