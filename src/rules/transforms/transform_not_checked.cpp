// T601 transform-not-checked: parts of the template that a transform generates are not linted.

#include "rules/structure/template_keys.hpp"
#include "rules/transforms/transform_rules.hpp"

namespace cfn_eks {
namespace {

constexpr std::string_view kLanguageExtensions = "AWS::LanguageExtensions";

constexpr RuleInfo kInfo{
    .id = "T601",
    .name = "transform-not-checked",
    .severity = Severity::Info,
    .summary = "The template uses a transform or macro whose output is not checked.",
    .doc = R"md(The template uses a transform or macro whose output is not checked.

## What it checks
Reports, for information, each transform named in the `Transform` section (for example
`AWS::Serverless-2016-10-31`, `AWS::Include`, or a macro), each `Fn::Transform`, and each
`Fn::ForEach` loop of `AWS::LanguageExtensions`. `AWS::LanguageExtensions` itself is not
reported: its functions are understood, and its loops are reported one by one.

## Why it matters
CloudFormation expands transforms and macros at deploy time. cfn-eks checks the template as
written; resources that a transform generates, snippets that `AWS::Include` inserts and the
entries that a loop produces are not checked, so a clean result says nothing about them.
Rules that would need the expanded template stay silent (for example unused-parameter).

## Example
```yaml
Transform: AWS::Serverless-2016-10-31    # reported
Resources:
  Function:
    Type: AWS::Serverless::Function
```

## How to fix
Nothing needs fixing. To check the generated template, let CloudFormation expand it (create a
change set and download the processed template with `aws cloudformation get-template
--template-stage Processed`) and lint that; or suppress this rule.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/transform-section-structure.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-transform.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/transform-aws-languageextensions.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-foreach.html
)md",
};

/// The transform name of a `Transform` section item or an `Fn::Transform` argument.
std::string_view transform_name(const Node* node) {
  if (!node) return {};
  if (node->is_string()) return node->text;
  if (node->is_mapping()) {
    const Node* name = node->get("Name");
    if (name && name->is_string()) return name->text;
  }
  return {};
}

class TransformNotChecked final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const Node* root = context.document.root;
    if (!root || !root->is_mapping()) return;
    if (const Node* section = root->get("Transform")) {
      if (section->is_sequence()) {
        for (const Node* item : section->items) report_transform(item, sink);
      } else {
        report_transform(section, sink);
      }
    }
    walk(root, sink);
  }

 private:
  static void report_transform(const Node* node, DiagnosticSink& sink) {
    std::string_view name = transform_name(node);
    if (!node || name.empty() || name == kLanguageExtensions) return;  // T106 reports malformed items
    sink.report(*node, "transform " + quote_name(name) +
                           " is expanded by CloudFormation; what it generates is not checked");
  }

  static void walk(const Node* node, DiagnosticSink& sink) {
    if (!node) return;
    if (node->is_mapping()) {
      for (const MapEntry& entry : node->entries) {
        if (is_foreach_key(entry.key)) {
          sink.report_key(entry, "loop " + quote_name(entry.key) +
                                     " is expanded by CloudFormation; the entries it generates are not checked");
        } else if (entry.key == "Fn::Transform") {
          report_fn_transform(entry.key_range, entry.value, sink);
        }
        walk(entry.value, sink);
      }
    } else if (node->is_sequence()) {
      for (const Node* item : node->items) walk(item, sink);
    } else if (node->is_intrinsic()) {
      if (node->text == "Fn::Transform") report_fn_transform(node->name_range, node->argument, sink);
      walk(node->argument, sink);
    }
  }

  static void report_fn_transform(ByteRange at, const Node* argument, DiagnosticSink& sink) {
    std::string_view name = transform_name(argument);
    sink.report(at, "Fn::Transform" + (name.empty() ? std::string() : " " + quote_name(name)) +
                        " is expanded by CloudFormation; what it inserts is not checked");
  }
};

}  // namespace

std::unique_ptr<Rule> make_transform_not_checked_rule() { return std::make_unique<TransformNotChecked>(); }

}  // namespace cfn_eks
