// V001: a cluster or managed node group without a Version.

#include "rules/eks/common/self_managed_nodes.hpp"
#include "rules/versions/version_rules.hpp"
#include "rules/versions/version_scan.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "V001",
    .name = "version-not-pinned",
    .severity = Severity::Warning,
    .summary = "An EKS cluster or managed node group does not pin its Kubernetes Version.",
    .doc = R"(An EKS cluster or managed node group does not pin its Kubernetes Version.

## What it checks
`AWS::EKS::Cluster` and `AWS::EKS::Nodegroup` resources without a `Version` property. A node
group whose launch template sets a custom `ImageId` is skipped: EKS rejects `Version` there.

## Why it matters
Without `Version`, EKS creates the cluster on the newest version of the day, so two stacks made
from the same template a month apart differ, and the template no longer says what runs. A node
group without `Version` takes the cluster's version when created and then stays there: a later
cluster upgrade in the same template leaves the nodes behind, and nothing in the template shows
it (eks-facts §2.3).

## Example
```yaml
Cluster:
  Type: AWS::EKS::Cluster
  Properties:
    RoleArn: !GetAtt ClusterRole.Arn   # flagged: no Version
```

## How to fix
Set `Version: "1.34"` (quoted), usually through one parameter shared by the cluster and its node
groups, and upgrade by changing it.

## References
- eks-facts §1.1, §2.3
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-eks-cluster.html
- https://docs.aws.amazon.com/eks/latest/userguide/update-managed-node-group.html
)",
};

// True when the node group's launch template (in this stack) sets an ImageId.
bool has_custom_image(const Template& tmpl, const Resource& nodegroup) {
  const Resource* lt = launch_template_of(tmpl, nodegroup.property("LaunchTemplate"));
  if (lt == nullptr) return false;
  const auto data = launch_data(*lt);
  return data && data->image_id != nullptr;
}

class VersionNotPinned final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const std::string_view> resource_types() const override { return kTypes; }

  void check_resource(const LintContext& context, const Resource& resource, DiagnosticSink& sink) const override {
    if (resource.entry == nullptr || resource.property("Version") != nullptr) return;
    if (resource.type == kClusterType) {
      sink.report_key(*resource.entry, "cluster '" + std::string(resource.name) +
                                           "' has no Version, so EKS creates it on whatever version is newest that "
                                           "day; set Version, e.g. \"1.34\", quoted");
      return;
    }
    if (has_custom_image(context.tmpl, resource)) return;
    sink.report_key(*resource.entry, "node group '" + std::string(resource.name) +
                                         "' has no Version, so it keeps the cluster's version at creation and is "
                                         "left behind by later cluster upgrades; set Version to the cluster's");
  }

 private:
  static constexpr std::string_view kTypeList[] = {kClusterType, kNodegroupType};
  static constexpr std::span<const std::string_view> kTypes{kTypeList};
};

}  // namespace

std::unique_ptr<Rule> make_version_not_pinned() { return std::make_unique<VersionNotPinned>(); }

}  // namespace cfn_eks
