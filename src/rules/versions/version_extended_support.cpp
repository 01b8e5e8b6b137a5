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
    for_each_cluster_version(context, [&](const VersionProperty& property, const VersionCandidate& c,
                                          const VersionStatus& status) {
      if (status.status != SupportStatus::Extended) return;
      const VersionInfo& info = *status.info;
      const auto types = support_types(context, *property.resource);
      const bool standard_only = !types.empty() && types.front() == "STANDARD";
      std::string message = "Kubernetes " + c.version->to_string() + " (" + c.where + ") is in extended support";
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
      once.report(report_node(c, *property.node), std::move(message));
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_version_extended_support() { return std::make_unique<VersionExtendedSupport>(); }

}  // namespace cfn_eks
