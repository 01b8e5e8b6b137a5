// V009: self-managed nodes whose AMI's Kubernetes version is newer than the cluster's or beyond
// the kubelet skew.

#include "rules/versions/self_managed_pairs.hpp"
#include "rules/versions/version_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "V009",
    .name = "self-managed-nodes-beyond-skew",
    .severity = Severity::Error,
    .summary = "Self-managed nodes boot an AMI for a Kubernetes version the cluster's skew policy does not allow.",
    .doc = R"(Self-managed nodes boot an AMI for a Kubernetes version the cluster's skew policy does not allow.

## What it checks
Auto Scaling groups recognised as self-managed EKS nodes (their launch template or launch
configuration runs `/etc/eks/bootstrap.sh` or nodeadm, uses an EKS AMI SSM parameter, or the
group carries the `kubernetes.io/cluster/<name>` tag) whose `ImageId` is an EKS-optimized AMI
SSM parameter (`AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>` parameter default, or
`{{resolve:ssm:/aws/service/eks/optimized-ami/1.31/...}}`; a release-specific path names the
AMI, `.../amazon-linux-2/amazon-eks-node-1.29-v20240117/image_id`), or is looked up by an
EKS-optimized AMI name: the `name` filter of the Mappings row its `Fn::FindInMap` selects (the
AWS Quick Start's `Filters` row, `amazon-eks-node-1.16-v20??????`), or a property of the custom
resource whose `Ref`/`GetAtt` is the ImageId (`Name: !Ref NodeAmiName`). Names and name filters
are recognised from the AMI name patterns in `schemas/eks/ami-families.json` (AL2, AL2 arm64/GPU,
AL2023, Bottlerocket, Windows; a filter counts only when its wildcards leave the Kubernetes minor
fixed). A name anywhere else (a parameter description, a parameter no ImageId uses, a choice
among AllowedValues other than the default) is not attributed to the nodes; CloudFormation has
no dynamic reference to an AMI by name. The Kubernetes version in the path or name is
compared with the version of the cluster the nodes join (found through the bootstrap argument or
the tag; `--cluster-version` for a cluster in another stack). Flagged: a kubelet newer than the
control plane, or older than the skew allows (3 minors from control plane 1.28, 2 before).

## Why it matters
Self-managed nodes have no EKS-side check (eks-facts §2.4): they boot, and then the kubelet is
refused or runs unsupported; a kubelet too far behind blocks the next control-plane upgrade
(eks-facts §2.2).

## Example
```yaml
NodeImageIdSSMParam:
  Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
  Default: /aws/service/eks/optimized-ami/1.27/amazon-linux-2/recommended/image_id  # flagged: cluster is 1.31
```

## How to fix
Use the SSM path for the cluster's version, built from the same parameter:
`!Sub "{{resolve:ssm:/aws/service/eks/optimized-ami/${KubernetesVersion}/amazon-linux-2023/x86_64/standard/recommended/image_id}}"`,
and roll the nodes one minor at a time.

## References
- eks-facts §2.2, §2.4, §3.2
- https://kubernetes.io/releases/version-skew-policy/
- https://docs.aws.amazon.com/eks/latest/userguide/retrieve-ami-id.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html
)",
};

class SelfManagedNodesBeyondSkew final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    OnceReporter once(sink);
    for_each_self_managed_pair(context, [&](const SelfManagedVersionPair& p) {
      const KubeVersion node = p.ami.kubernetes;
      const KubeVersion cp = *p.cluster_version->version;
      const std::string cluster = "the cluster's " + cp.to_string() + " (" + p.cluster_version->where + ")";
      if (p.verdict == SkewVerdict::Newer) {
        once.report(*p.ami.at, self_managed_head(p) + ", newer than " + cluster +
                                    ", and a kubelet may not be newer than the control plane; use the " +
                                    cp.to_string() + " AMI");
      } else if (p.verdict == SkewVerdict::TooFarBehind) {
        once.report(*p.ami.at, self_managed_head(p) + ", " + std::to_string(minor_distance(node, cp)) +
                                    " minors behind " + cluster + ", more than the kubelet skew of " +
                                    std::to_string(context.eks.max_kubelet_lag(cp, node)) + " allows; use the " +
                                    cp.to_string() + " AMI");
      }
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_self_managed_nodes_beyond_skew() { return std::make_unique<SelfManagedNodesBeyondSkew>(); }

}  // namespace cfn_eks
