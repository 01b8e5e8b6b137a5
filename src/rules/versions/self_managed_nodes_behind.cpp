// V010: self-managed nodes whose AMI's Kubernetes version is behind the cluster's.

#include "rules/versions/self_managed_pairs.hpp"
#include "rules/versions/version_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "V010",
    .name = "self-managed-nodes-behind",
    .severity = Severity::Warning,
    .summary = "Self-managed nodes boot an AMI for an older Kubernetes version than the cluster's.",
    .doc = R"(Self-managed nodes boot an AMI for an older Kubernetes version than the cluster's.

## What it checks
Like V009 (self-managed node groups whose `ImageId` is an EKS-optimized AMI SSM parameter or is
looked up by an EKS-optimized AMI name, through a Mappings name filter or a lookup custom
resource, compared with their cluster's `Version`), but for nodes behind the control plane within the
allowed kubelet skew.

## Why it matters
Self-managed nodes are never upgraded by EKS (eks-facts §2.4). Nodes that lag keep old kubelet
bugs and API behaviour, and each further cluster upgrade moves them closer to the skew limit,
where they block the upgrade (eks-facts §2.2). A template that raises the cluster's `Version`
but keeps a hard-wired AMI path is the usual cause.

## Example
```yaml
Cluster: {Type: AWS::EKS::Cluster, Properties: {Version: "1.31"}}
NodeImage:
  Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
  Default: /aws/service/eks/optimized-ami/1.30/amazon-linux-2/recommended/image_id  # flagged
```

## How to fix
Build the SSM path from the cluster's version parameter, so both move together.

## References
- eks-facts §2.2, §2.4, §3.2
- https://docs.aws.amazon.com/eks/latest/userguide/update-workers.html
)",
};

class SelfManagedNodesBehind final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    OnceReporter once(sink);
    for_each_self_managed_pair(context, [&](const SelfManagedVersionPair& p) {
      if (p.verdict != SkewVerdict::Behind) return;
      const KubeVersion cp = *p.cluster_version->version;
      once.report(*p.ami.at, self_managed_head(p) + ", behind the cluster's " + cp.to_string() + " (" +
                                  p.cluster_version->where + "); use the " + cp.to_string() +
                                  " AMI path, built from the cluster's version parameter");
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_self_managed_nodes_behind() { return std::make_unique<SelfManagedNodesBehind>(); }

}  // namespace cfn_eks
