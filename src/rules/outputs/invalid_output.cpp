// T503 invalid-output: unknown keys in an output or its Export, and values of the wrong kind.

#include <algorithm>

#include "rules/outputs/output_rules.hpp"
#include "rules/structure/template_keys.hpp"
#include "util/edit_distance.hpp"

namespace cfn_eks {
namespace {

constexpr RuleInfo kInfo{
    .id = "T503",
    .name = "invalid-output",
    .severity = Severity::Error,
    .summary = "An output has an unknown key, or an Export, Description or Condition of the wrong shape.",
    .doc = R"md(An output has an unknown key, or an Export, Description or Condition of the wrong shape.

## What it checks
- An output's keys must be Value, Description, Export and Condition (a misspelt key gets a
  "did you mean" suggestion).
- `Export` must be a mapping whose only key is `Name`.
- `Description` must be a literal string and `Condition` a condition name.

`Fn::ForEach` loops are skipped; a missing Value is reported by T501.

## Why it matters
CloudFormation rejects the template ("Invalid template property or properties [Exports]").
`Export: MyName` written without `Name:` is a common slip that fails only at deploy time.

## Example
```yaml
Outputs:
  VpcId:
    Value: !Ref Vpc
    Export: VpcId            # flagged: write Export: {Name: ...}
```
Fixed:
```yaml
Outputs:
  VpcId:
    Value: !Ref Vpc
    Export:
      Name: !Sub "${AWS::StackName}-VpcId"
```

## How to fix
Use only the documented keys and shapes.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/outputs-section-structure.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-stack-exports.html
)md",
};

const std::vector<std::string_view>& output_keys() {
  static const std::vector<std::string_view> keys = {"Value", "Description", "Export", "Condition"};
  return keys;
}

class InvalidOutput final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const Node* outputs = context.tmpl.section("Outputs");
    if (!outputs || !outputs->is_mapping()) return;
    for (const MapEntry& entry : outputs->entries) {
      if (is_expansion_key(entry.key) || !entry.value || !entry.value->is_mapping()) continue;
      check_output(*entry.value, sink);
    }
  }

 private:
  static void check_output(const Node& output, DiagnosticSink& sink) {
    for (const MapEntry& key : output.entries) {
      const auto& keys = output_keys();
      if (std::find(keys.begin(), keys.end(), key.key) != keys.end()) continue;
      std::string message = quote_name(key.key) + " is not an output key";
      std::string_view suggestion = closest_match(key.key, keys);
      if (!suggestion.empty()) {
        message += "; did you mean " + quote_name(suggestion) + "?";
      } else {
        message += "; use Value, Description, Export or Condition";
      }
      sink.report_key(key, std::move(message));
    }

    if (const Node* description = output.get("Description");
        description && !description->is_string()) {
      sink.report(*description, "output Description is " + kind_with_article(description->kind) +
                                    "; write a literal string");
    }
    if (const Node* condition = output.get("Condition"); condition && !condition->is_string()) {
      sink.report(*condition, "output Condition is " + kind_with_article(condition->kind) +
                                  "; write the name of a condition");
    }
    check_export(output.find("Export"), sink);
  }

  static void check_export(const MapEntry* entry, DiagnosticSink& sink) {
    if (!entry) return;
    const Node* value = entry->value;
    if (!value || value->kind == NodeKind::Null) {
      sink.report_key(*entry, "Export is empty; write Export: {Name: ...} or remove it");
      return;
    }
    if (!value->is_mapping()) {
      sink.report(*value, "Export is " + kind_with_article(value->kind) + "; write Export: {Name: ...}");
      return;
    }
    bool misspelt = false;
    for (const MapEntry& key : value->entries) {
      if (key.key == "Name") continue;
      misspelt = true;
      std::string message = quote_name(key.key) + " is not an Export key";
      message += edit_distance(key.key, "Name", 2) <= 2 ? "; did you mean 'Name'?" : "; Export takes only Name";
      sink.report_key(key, std::move(message));
    }
    if (!misspelt && !value->find("Name")) sink.report_key(*entry, "Export has no Name; add Name");
  }
};

}  // namespace

std::unique_ptr<Rule> make_invalid_output_rule() { return std::make_unique<InvalidOutput>(); }

}  // namespace cfn_eks
