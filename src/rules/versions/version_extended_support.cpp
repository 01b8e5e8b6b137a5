// V005: a cluster Version in extended support (extra cost, forced upgrade ahead).

#include "rules/versions/lifecycle_text.hpp"
#include "rules/versions/version_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "V005",
    .name = "version-extended-support",
    .severity = Severity::Warning,
    .summary = "A cluster's Kubernetes version is in extended support: it costs more and will be upgraded by force.",
    .doc = R"(A cluster's Kubernetes version is in extended support: it costs more and will be upgraded by force.

## What it checks
The `Version` of each `AWS::EKS::Cluster` (through parameters, mappings and conditions;
AllowedValues alternatives are not reported) that is between its end of standard support and
its end of extended support on the lint date (`--as-of`). The message gives the price from
`schemas/eks/versions.json` and the date EKS will upgrade the control plane itself, and explains
the cluster's `UpgradePolicy.SupportType`:
- `EXTENDED` or not set (extended support is on by default): the cluster stays, billed at the
  extended rate, until the end of extended support.
- `STANDARD`: EKS upgrades the control plane automatically once standard support has ended, so
  the version in the template no longer describes the cluster.

The same dates apply to the nodes: the `Version` of each `AWS::EKS::Nodegroup` and the Kubernetes
version in the EKS AMI SSM path of each self-managed node group (launch template or launch
configuration `ImageId`). A value written once and used by several resources (one
`!Ref KubernetesVersion` feeding the cluster and its node groups) is reported once, at the value
(the parameter's default or the literal), in the cluster's words; a node version written
elsewhere is reported where it is written, naming the node group.

## Why it matters
Extended support costs six times the standard price per cluster-hour (eks-facts §1.1, list
prices; they may change). At the end of extended support EKS upgrades the control plane at a
time it chooses and leaves nodes and add-ons behind.

## Example
```yaml
Cluster:
  Type: AWS::EKS::Cluster
  Properties:
    Version: "1.32"   # flagged on 2026-11-28: extended support until 2027-03-23
```

## How to fix
Upgrade one minor at a time to a version in standard support, node groups and add-ons after
each step.

## References
- eks-facts §1.1, §1.2
- https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions-extended.html
- https://docs.aws.amazon.com/eks/latest/userguide/disable-extended-support.html
- https://aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing/
)",
};

class VersionExtendedSupport final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    OnceReporter once(sink);
    const std::string price = extended_price_text(context.eks);
    const std::string target = oldest_standard(context.eks, context.as_of);
    for_each_lifecycle_version(context, [&](const LifecycleSubject& subject, const VersionStatus& status) {
      if (status.status != SupportStatus::Extended) return;
      const VersionInfo& info = *status.info;
      if (!subject.cluster) {
        // Extended support is billed per cluster; for nodes it means a shorter patch horizon.
        std::string message = subject.who + "Kubernetes " + subject.version.to_string() + " (" + subject.where +
                              "), which is in extended support";
        if (info.end_of_standard_support) message += " since " + info.end_of_standard_support->to_string();
        if (info.end_of_extended_support) {
          message += ": its AMIs get fixes only until " + info.end_of_extended_support->to_string();
        }
        message += "; upgrade the nodes with their cluster, one minor at a time";
        if (!target.empty()) message += ", to a version in standard support (" + target + " or newer)";
        once.report(*subject.at, std::move(message));
        return;
      }
      const auto types = support_types(context, *subject.resource);
      const bool standard_only = !types.empty() && types.front() == "STANDARD";
      std::string message = "Kubernetes " + subject.version.to_string() + " (" + subject.where + ") is in extended support";
      if (info.end_of_standard_support) message += " since " + info.end_of_standard_support->to_string();
      if (standard_only) {
        message += ", but UpgradePolicy.SupportType is STANDARD, so EKS upgrades the control plane automatically "
                   "now that standard support has ended";
      } else {
        if (!price.empty()) message += " at " + price;
        if (info.end_of_extended_support) {
          message += ", and EKS upgrades the control plane by force after " + info.end_of_extended_support->to_string();
        }
        message += types.empty() ? " (UpgradePolicy.SupportType is not set: extended support is on by default)"
                                 : " (UpgradePolicy.SupportType EXTENDED)";
      }
      message += "; upgrade one minor at a time";
      if (!target.empty()) message += " to a version in standard support (" + target + " or newer)";
      once.report(*subject.at, std::move(message));
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_version_extended_support() { return std::make_unique<VersionExtendedSupport>(); }

}  // namespace cfn_eks
