// T401 unused-parameter: a parameter that nothing references.

#include "rules/structure/template_keys.hpp"
#include "rules/usage/usage_rules.hpp"
#include "rules/usage/usage_scan.hpp"

namespace cfn_eks {
namespace {

constexpr RuleInfo kInfo{
    .id = "T401",
    .name = "unused-parameter",
    .severity = Severity::Warning,
    .summary = "A parameter is declared but nothing in the template references it.",
    .doc = R"md(A parameter is declared but nothing in the template references it.

## What it checks
A parameter counts as used when it is named by a `Ref` anywhere in the template (resources,
outputs, conditions, metadata, Rules, inside `Fn::ForEach` loops), by a `${Name}` variable of
an `Fn::Sub` string (in both the string and the list form; a variable bound by the list
form's variable map hides a parameter of the same name), or by `Fn::ValueOf` in Rules.
Mentions in `AWS::CloudFormation::Interface` metadata (parameter groups and labels) are not
uses.

The rule stays silent when the template uses a transform other than
`AWS::LanguageExtensions` (for example `AWS::Serverless-2016-10-31`, `AWS::Include` or a
macro, in the Transform section or as `Fn::Transform`): the transform receives the parameter
values and what it generates may use any of them. It is also silent when a `Ref` target is
computed (`${Id}` in an `Fn::ForEach` body).

## Why it matters
Unused parameters are asked for at every deployment and mislead readers into thinking they
change something. They are often left over after a refactoring, or a sign that a `Ref` was
forgotten.

## Example
```yaml
Parameters:
  Env:              # flagged: not referenced
    Type: String
Resources:
  Bucket:
    Type: AWS::S3::Bucket
```
Fixed: remove `Env`, or use it (`BucketName: !Sub "logs-${Env}"`).

## How to fix
Delete the parameter, or reference it where it was meant to be used. If it is kept on purpose
(a stable interface for callers), suppress the finding for it.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-ref.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html
)md",
};

class UnusedParameter final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const Node* parameters = context.tmpl.section("Parameters");
    if (!parameters || !parameters->is_mapping() || parameters->entries.empty()) return;
    const UsageScan& scan = usage_scan(context);
    if (scan.opaque_transform || scan.dynamic_refs) return;
    for (const MapEntry& entry : parameters->entries) {
      if (scan.refs.contains(entry.key)) continue;
      sink.report_key(entry, "parameter " + quote_name(entry.key) +
                                 " is not used; reference it with Ref or Fn::Sub, or remove it");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_unused_parameter_rule() { return std::make_unique<UnusedParameter>(); }

}  // namespace cfn_eks
