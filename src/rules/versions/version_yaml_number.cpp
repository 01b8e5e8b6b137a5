// V002: a Kubernetes version written as a YAML number that reads as another version (1.30 -> 1.3).

#include "rules/common/quick_fix.hpp"
#include "rules/versions/version_rules.hpp"
#include "rules/versions/version_scan.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "V002",
    .name = "version-yaml-number",
    .severity = Severity::Error,
    .summary = "A Kubernetes version is written as a number that loses its trailing zero (1.30 becomes 1.3).",
    .doc = R"(A Kubernetes version is written as a number that loses its trailing zero (1.30 becomes 1.3).

## What it checks
The values of `Version` on `AWS::EKS::Cluster` and `AWS::EKS::Nodegroup`, followed through
parameters (Default and AllowedValues), mappings and conditions. A plain (unquoted) YAML or
JSON number whose decimal text ends in zero — `1.30`, `1.20`, `1.10` — is flagged.

## Why it matters
YAML reads an unquoted `1.30` as the floating-point number 1.3, and CloudFormation passes it on
as the string "1.3". EKS then rejects the version (the schema pattern is `1\.\d\d`), or, for a
parameter with AllowedValues, the value no longer matches; the version you meant is never used
(eks-facts §2.1, §10.2).

## Example
```yaml
Parameters:
  KubernetesVersion:
    Type: String
    Default: 1.30        # flagged: read as '1.3'
```

## How to fix
Quote the version: `Default: "1.30"` (quick fix: `cfn-eks lint --fix`).

## References
- eks-facts §2.1, §10.2
- https://yaml.org/spec/1.2.2/#10214-floating-point
)",
    .quick_fix = true,
};

class VersionYamlNumber final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    OnceReporter once(sink);
    auto check = [&](const Node& node) {
      if (node.kind != NodeKind::Number || node.style != ScalarStyle::Plain) return;
      PossibleValue value;
      value.kind = PossibleValue::Kind::Number;
      value.text = node.text;
      const std::string text = effective_scalar_text(value);
      if (text == node.text) return;
      Diagnostic* d = once.report(node, "Kubernetes version " + node.text + " is a number, so CloudFormation reads it as '" +
                                            text + "'; quote it: \"" + node.text + "\"");
      // The digits as written are the version meant; quoting keeps them (YAML and JSON alike).
      if (d != nullptr) add_replacement_fix(*d, "quote the version: \"" + node.text + "\"", node.range, "\"" + node.text + "\"");
    };
    for (const VersionProperty& property : version_properties(context)) {
      for (const VersionCandidate& c : property.values.candidates) {
        if (c.mangled_number) check(report_node(c, *property.node));
      }
      // The resolver merges equal values; every AllowedValues entry of a Ref'd parameter counts.
      const Node& n = *property.node;
      if (!n.is_intrinsic("Ref") || n.argument == nullptr || !n.argument->is_string()) continue;
      const Parameter* parameter = context.tmpl.parameter(n.argument->text);
      if (parameter == nullptr) continue;
      if (parameter->default_value) check(*parameter->default_value);
      if (parameter->allowed_values && parameter->allowed_values->is_sequence()) {
        for (const Node* item : parameter->allowed_values->items) {
          if (item) check(*item);
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_version_yaml_number() { return std::make_unique<VersionYamlNumber>(); }

}  // namespace cfn_eks
