// V004: a cluster Version past the end of (extended) support.

#include "rules/versions/lifecycle_text.hpp"
#include "rules/versions/version_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "V004",
    .name = "version-end-of-support",
    .severity = Severity::Error,
    .summary = "A cluster's Kubernetes version is past the end of EKS support.",
    .doc = R"(A cluster's Kubernetes version is past the end of EKS support.

## What it checks
The `Version` of each `AWS::EKS::Cluster` (literal, parameter default, mapping or condition
value; AllowedValues alternatives are not reported) against the release calendar in
`schemas/eks/versions.json` on the lint date (`--as-of`, default today). A version is past the end of
support after its end of extended support, or after its end of standard support when it never
had extended support (1.22 and older for new clusters). The status is computed from the dates;
nothing is hard-coded, so the finding appears on the day the support ends.

The same dates apply to the nodes: the `Version` of each `AWS::EKS::Nodegroup` and the Kubernetes
version in the EKS AMI SSM path of each self-managed node group (launch template or launch
configuration `ImageId`). A value written once and used by several resources (one
`!Ref KubernetesVersion` feeding the cluster and its node groups) is reported once, at the value
(the parameter's default or the literal), in the cluster's words; a node version written
elsewhere is reported where it is written, naming the node group.

## Why it matters
EKS no longer creates clusters on that version, so the stack cannot be re-created (a new
region, a disaster recovery). Existing control planes are upgraded automatically, one minor, at
a time AWS chooses; only the control plane moves: node groups, self-managed nodes and add-ons
stay behind and must be upgraded by hand (eks-facts §1.1).

## Example
```yaml
Cluster:
  Type: AWS::EKS::Cluster
  Properties:
    Version: "1.29"   # flagged from 2026-03-24: end of extended support was 2026-03-23
```

## How to fix
Upgrade one minor at a time (the control plane cannot skip minors), node groups and add-ons
after each step, until the version is in standard support.

## References
- eks-facts §1.1, §1.2
- https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html
- https://docs.aws.amazon.com/eks/latest/userguide/update-cluster.html
)",
};

class VersionEndOfSupport final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    OnceReporter once(sink);
    const std::string target = oldest_standard(context.eks, context.as_of);
    for_each_lifecycle_version(context, [&](const LifecycleSubject& subject, const VersionStatus& status) {
      if (status.status != SupportStatus::EndOfSupport) return;
      const VersionInfo& info = *status.info;
      const bool extended = info.end_of_extended_support.has_value();
      const auto ended = extended ? info.end_of_extended_support : info.end_of_standard_support;
      std::string message = subject.who + "Kubernetes " + subject.version.to_string() + " (" + subject.where + ")" +
                            (subject.cluster ? " reached" : ", which reached") + " the end of " +
                            (extended ? "extended " : "") + "support" +
                            (ended ? " on " + ended->to_string() : std::string());
      if (subject.cluster) {
        message += ": EKS no longer creates clusters on it and upgrades existing control planes "
                   "automatically, leaving nodes and add-ons behind; upgrade one minor at a time";
      } else {
        message += ": EKS publishes no AMIs or fixes for it, and upgrades the control plane without these nodes, "
                   "which then lag it; upgrade the nodes with their cluster, one minor at a time";
      }
      if (!target.empty()) message += " to a version in standard support (" + target + " or newer)";
      once.report(*subject.at, std::move(message));
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_version_end_of_support() { return std::make_unique<VersionEndOfSupport>(); }

}  // namespace cfn_eks
