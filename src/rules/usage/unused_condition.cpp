// T403 unused-condition: a condition that nothing uses.

#include "rules/structure/template_keys.hpp"
#include "rules/usage/usage_rules.hpp"
#include "rules/usage/usage_scan.hpp"

namespace cfn_eks {
namespace {

constexpr RuleInfo kInfo{
    .id = "T403",
    .name = "unused-condition",
    .severity = Severity::Warning,
    .summary = "A condition is declared but no resource, output, Fn::If or other condition uses it.",
    .doc = R"md(A condition is declared but no resource, output, Fn::If or other condition uses it.

## What it checks
A condition counts as used when it is named by a resource's or output's `Condition`
attribute, as the first argument of an `Fn::If`, or by a `Condition` function inside another
condition (or anywhere else, such as Rules). Uses inside `Fn::ForEach` bodies count. The rule
stays silent when a condition name is computed and when the template uses a transform other
than `AWS::LanguageExtensions`.

## Why it matters
An unused condition is usually a sign that a `Condition:` line was forgotten on the resource
it was written for, so the resource is created unconditionally.

## Example
```yaml
Conditions:
  IsProd: !Equals [!Ref Env, prod]      # flagged
Resources:
  Alarm:
    Type: AWS::CloudWatch::Alarm
```
Fixed:
```yaml
Resources:
  Alarm:
    Type: AWS::CloudWatch::Alarm
    Condition: IsProd
```

## How to fix
Attach the condition where it was meant to apply, or delete it.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-conditions.html
)md",
};

class UnusedCondition final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const Node* conditions = context.tmpl.section("Conditions");
    if (!conditions || !conditions->is_mapping() || conditions->entries.empty()) return;
    const UsageScan& scan = usage_scan(context);
    if (scan.opaque_transform || scan.dynamic_conditions) return;
    for (const MapEntry& entry : conditions->entries) {
      if (is_expansion_key(entry.key) || scan.conditions.contains(entry.key)) continue;
      sink.report_key(entry, "condition " + quote_name(entry.key) +
                                 " is not used; attach it to a resource or output, or remove it");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_unused_condition_rule() { return std::make_unique<UnusedCondition>(); }

}  // namespace cfn_eks
