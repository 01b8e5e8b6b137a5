// V006: a cluster Version whose standard support ends within N days.

#include "rules/versions/lifecycle_text.hpp"
#include "rules/versions/version_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "V006",
    .name = "version-standard-support-ending",
    .severity = Severity::Warning,
    .summary = "A cluster's Kubernetes version leaves standard support soon.",
    .doc = R"(A cluster's Kubernetes version leaves standard support soon.

## What it checks
The `Version` of each `AWS::EKS::Cluster` (through parameters, mappings and conditions;
AllowedValues alternatives are not reported) whose end of standard support is within `days`
days of the lint date (`--as-of`; rule option `days`, default 60, the notice AWS gives). What
happens then depends on `UpgradePolicy.SupportType`, and the message says which:
- `EXTENDED` or not set: the cluster moves to extended support, billed at the extended rate.
- `STANDARD`: EKS upgrades the control plane automatically on that date.

The same dates apply to the nodes: the `Version` of each `AWS::EKS::Nodegroup` and the Kubernetes
version in the EKS AMI SSM path of each self-managed node group (launch template or launch
configuration `ImageId`). A value written once and used by several resources (one
`!Ref KubernetesVersion` feeding the cluster and its node groups) is reported once, at the value
(the parameter's default or the literal), in the cluster's words; a node version written
elsewhere is reported where it is written, naming the node group.

Configure the window in `.cfn-eks.yaml`:
```yaml
rules:
  V006: {days: 90}
```

## Why it matters
An upgrade takes planning: one minor at a time, node groups and add-ons after each step, API
removals checked (see the K rules). Starting after the date means paying for extended support
or being upgraded by EKS (eks-facts §1.1).

## Example
```yaml
Version: "1.34"   # flagged on 2026-11-28: standard support ends 2026-12-02
```

## How to fix
Plan the upgrade to the next minor before the date, or accept the extended-support price
knowingly (and suppress this finding).

## References
- eks-facts §1.1, §1.2
- https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html
- https://docs.aws.amazon.com/eks/latest/userguide/disable-extended-support.html
)",
};

constexpr long kDefaultDays = 60;

class VersionStandardSupportEnding final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    std::string error;
    long days = sink.options().get_int("days", kDefaultDays, &error);
    if (!error.empty() || days < 0) days = kDefaultDays;
    OnceReporter once(sink);
    const std::string price = extended_price_text(context.eks);
    for_each_lifecycle_version(context, [&](const LifecycleSubject& subject, const VersionStatus& status) {
      if (status.status != SupportStatus::Standard || !status.info->end_of_standard_support) return;
      const auto left = context.eks.days_until_end_of_standard_support(subject.version, context.as_of);
      if (!left || *left > days) return;
      const VersionInfo& info = *status.info;
      const auto types = subject.cluster ? support_types(context, *subject.resource) : std::vector<std::string>{};
      const bool standard_only = !types.empty() && types.front() == "STANDARD";
      std::string message = subject.who + "Kubernetes " + subject.version.to_string() + " (" + subject.where + ")" +
                            (subject.cluster ? " leaves" : ", which leaves") + " standard support on " +
                            info.end_of_standard_support->to_string() + " (in " + std::to_string(*left) +
                            (*left == 1 ? " day)" : " days)");
      if (!subject.cluster) {
        // Pricing and SupportType are the cluster's business.
      } else if (standard_only) {
        message += ", when EKS upgrades the control plane automatically because UpgradePolicy.SupportType is STANDARD";
      } else if (info.extended_support) {
        message += ", then extended support";
        if (!price.empty()) message += " costs " + price;
        if (info.end_of_extended_support) message += " until " + info.end_of_extended_support->to_string();
      }
      KubeVersion next = subject.version;
      ++next.minor;
      message += "; plan the upgrade to " + next.to_string();
      once.report(*subject.at, std::move(message));
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_version_standard_support_ending() {
  return std::make_unique<VersionStandardSupportEnding>();
}

}  // namespace cfn_eks
