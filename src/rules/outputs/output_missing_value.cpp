// T501 output-missing-value: an output without a Value.

#include "rules/outputs/output_rules.hpp"
#include "rules/structure/template_keys.hpp"

namespace cfn_eks {
namespace {

constexpr RuleInfo kInfo{
    .id = "T501",
    .name = "output-missing-value",
    .severity = Severity::Error,
    .summary = "An output has no Value, or an empty one.",
    .doc = R"md(An output has no Value, or an empty one.

## What it checks
Every entry of `Outputs` must have a `Value` that is not empty (null). `Fn::ForEach` loops
are skipped; an output that is not a mapping at all is reported by T106.

## Why it matters
CloudFormation rejects the template ("Template format error: Every Outputs member must
contain a Value object"). A missing value is usually an indentation slip that moved `Value`
under `Export` or `Description`.

## Example
```yaml
Outputs:
  ClusterName:          # flagged
    Description: Name of the cluster
```
Fixed:
```yaml
Outputs:
  ClusterName:
    Description: Name of the cluster
    Value: !Ref Cluster
```

## How to fix
Add the `Value` (or fix its indentation), or remove the output.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/outputs-section-structure.html
)md",
};

class OutputMissingValue final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const Node* outputs = context.tmpl.section("Outputs");
    if (!outputs || !outputs->is_mapping()) return;
    for (const MapEntry& entry : outputs->entries) {
      if (is_expansion_key(entry.key) || !entry.value || !entry.value->is_mapping()) continue;
      const MapEntry* value = entry.value->find("Value");
      if (!value) {
        sink.report_key(entry, "output " + quote_name(entry.key) + " has no Value; add one or remove the output");
      } else if (!value->value || value->value->kind == NodeKind::Null) {
        sink.report_key(*value, "output " + quote_name(entry.key) + " has an empty Value; write a value");
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_output_missing_value_rule() { return std::make_unique<OutputMissingValue>(); }

}  // namespace cfn_eks
