// V003: a Kubernetes version that is malformed or that EKS never offered.

#include "rules/versions/version_rules.hpp"
#include "rules/versions/version_scan.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "V003",
    .name = "unknown-kubernetes-version",
    .severity = Severity::Error,
    .summary = "A cluster or node group Version is malformed or not a Kubernetes version EKS offers.",
    .doc = R"(A cluster or node group Version is malformed or not a Kubernetes version EKS offers.

## What it checks
The values of `Version` on `AWS::EKS::Cluster` and `AWS::EKS::Nodegroup`, through parameters,
mappings and conditions. A value must be `major.minor` (`"1.34"`: no `v`, no patch, no spaces)
and a version in the EKS release calendar of the bundled data (`schemas/eks/versions.json`).
A well-formed version newer than every version in the data is reported as a warning: the data
may be older than the version (refresh it with `--data-dir`). Numbers mangled by YAML
(`1.30` read as `1.3`) are left to V002.

## Why it matters
CloudFormation accepts the template, then EKS rejects the create or update with
`InvalidParameterException: unsupported Kubernetes version`, after the stack has already
created the resources before it, and rolls everything back.

## Example
```yaml
Version: "v1.31"     # flagged: malformed
Version: "1.9"       # flagged: EKS never offered 1.9
```

## How to fix
Write a supported version as a quoted string, e.g. `"1.34"`.

## References
- eks-facts §1.2 (release calendar), §2.1 (schema pattern `1\.\d\d`)
- https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html
)",
};

class UnknownKubernetesVersion final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    OnceReporter once(sink);
    const auto& versions = context.eks.versions();
    for (const VersionProperty& property : version_properties(context)) {
      for (const VersionCandidate& c : property.values.candidates) {
        if (c.mangled_number) continue;
        const Node& at = report_node(c, *property.node);
        if (!c.version) {
          once.report(at, c.where + " is not a Kubernetes version; write major.minor, e.g. \"1.34\"");
          continue;
        }
        if (context.eks.version(*c.version) != nullptr || versions.empty()) continue;
        if (*c.version > versions.back().version) {
          const auto as_of = context.eks.as_of();
          if (Diagnostic* d = once.report(at, "Kubernetes " + c.version->to_string() + " (" + c.where +
                                                  ") is newer than the EKS data (as of " +
                                                  (as_of ? as_of->to_string() : std::string("unknown")) +
                                                  "); check it is released on EKS, or pass --data-dir with newer data")) {
            d->severity = Severity::Warning;
          }
          continue;
        }
        const auto latest = context.eks.latest_released(context.as_of);
        once.report(at, "Kubernetes " + c.version->to_string() + " (" + c.where + ") was never an EKS version; " +
                            (latest ? "use a supported version such as " + latest->to_string()
                                    : std::string("use a supported version")));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_unknown_kubernetes_version() { return std::make_unique<UnknownKubernetesVersion>(); }

}  // namespace cfn_eks
