// T302: an intrinsic function written where CloudFormation doesn't evaluate it.

#include <algorithm>
#include <unordered_set>

#include "rules/common/intrinsic_args.hpp"
#include "rules/common/names.hpp"
#include "rules/common/walk.hpp"
#include "rules/intrinsics/intrinsic_knowledge.hpp"
#include "rules/intrinsics/intrinsic_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "T302",
    .name = "intrinsic-not-allowed-here",
    .severity = Severity::Error,
    .summary = "An intrinsic function is written where CloudFormation does not evaluate it.",
    .doc = R"(An intrinsic function is written where CloudFormation does not evaluate it.

## What it checks
- No function in a resource's `DependsOn` or `Condition`, in `Parameters` or in `Mappings`;
  `DeletionPolicy` and `UpdateReplacePolicy` take functions only with the
  AWS::LanguageExtensions transform. (A function in a resource's `Type` is T108's finding, in
  a parameter's `Default` T109's, in `Description` T106's, in an output's `Condition` T503's.)
- In `Conditions`, only condition functions and the functions that compute their inputs
  (`Ref` to parameters, `Fn::FindInMap`, `Fn::Sub`, `Fn::Join`, `Fn::Select`, `Fn::Split`,
  `Fn::GetAZs`, `Fn::Cidr`): no `Fn::If`, `Fn::GetAtt`, `Fn::ImportValue`, `Fn::Base64`, and
  no `Ref` to a resource, because conditions are evaluated before any resource exists.
- Condition functions (`Fn::Equals`, `Fn::And`, `Fn::Or`, `Fn::Not`, `Condition`) are not
  allowed in resource properties or outputs; use `Fn::If` with a named condition.
- Functions nested where a reference page restricts them: the delimiters of `Fn::Join` and
  `Fn::Split`, the text of `Fn::Sub`, the condition of `Fn::If`, the name of `Ref` and
  `Condition` and the resource of `Fn::GetAtt` must be literals (AWS::LanguageExtensions lifts
  this for `Ref` and `Fn::GetAtt`); `Fn::GetAZs` takes only `Ref`; the keys of `Fn::FindInMap`
  and the index of `Fn::Select` only `Ref` and `Fn::FindInMap`; `Fn::ImportValue` no
  `Fn::GetAtt` and no `Ref` to a resource.
- The functions of the `Rules` section (`Fn::Contains`, `Fn::EachMemberIn`, `Fn::ValueOf`, ...)
  only there.
The `Rules`, `Metadata` and `Transform` sections are not checked.

## Why it matters
CloudFormation rejects these templates at validation; a function in `Parameters` or `Mappings`
is not evaluated at all.

## Example
```yaml
Conditions:
  UseSpot: !If [IsProd, !Equals [a, a], !Equals [a, b]]   # flagged
Resources:
  NodeGroup:
    Type: AWS::EKS::Nodegroup
    DependsOn: !Ref Cluster                               # flagged
```
Fixed: `UseSpot: !And [!Condition IsProd, !Equals [a, a]]`, `DependsOn: Cluster`.

## How to fix
Write a literal where the message says so, move computed choices into `Conditions` plus
`Fn::If`, or use the function the message lists for that position.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-conditions.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-importvalue.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/transform-aws-languageextensions.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/function-refs-in-policy-attributes.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/rules-section-structure.html
)",
};

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

std::string position_name(const Node& function, int index) {
  if (index < 0) return "the argument of " + function.text;
  return "argument " + std::to_string(index + 1) + " of " + function.text;
}

class IntrinsicNotAllowedHere final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const Template& tmpl = context.tmpl;
    const IntrinsicKnowledge& knowledge = intrinsic_knowledge();
    const bool extensions = has_language_extensions(tmpl);
    std::unordered_set<const Node*> reported;
    walk_template(tmpl, [&](const Node& node, const WalkContext& ctx) {
      if (!node.is_intrinsic() || is_condition_data(node)) return;
      // One finding per misplaced subtree.
      if (std::any_of(ctx.intrinsics.begin(), ctx.intrinsics.end(),
                      [&](const Node* outer) { return reported.count(outer) > 0; })) {
        return;
      }
      const std::string message = problem(node, ctx, tmpl, knowledge, extensions);
      if (message.empty()) return;
      reported.insert(&node);
      sink.report(node, message);
    });
  }

 private:
  static std::string problem(const Node& node, const WalkContext& ctx, const Template& tmpl,
                             const IntrinsicKnowledge& knowledge, bool extensions) {
    const std::string name = written_name(node);
    const bool outermost = ctx.intrinsics.empty();
    // Elsewhere owned: a parameter's Default (T109), Description (T106),
    // AWSTemplateFormatVersion (T103), a resource's Type (T108), an output's Condition (T503).
    if (ctx.section == "Parameters" || ctx.section == "Mappings") {
      if (!outermost || (ctx.section == "Parameters" && ctx.attribute == "Default")) return {};
      return name + " can't be used in " + std::string(ctx.section) + ", which CloudFormation doesn't evaluate; write a literal value";
    }
    if (ctx.section != "Resources" && ctx.section != "Outputs" && ctx.section != "Conditions") return {};
    if (ctx.section == "Resources" && outermost) {
      const std::string_view attribute = ctx.attribute;
      if (attribute == "DependsOn" || attribute == "Condition") {
        return name + " can't be used in a resource's " + std::string(attribute) + "; write the " +
               (attribute == "Condition" ? "condition name" : "logical id") + " literally";
      }
      if ((attribute == "DeletionPolicy" || attribute == "UpdateReplacePolicy") && !extensions) {
        return name + " in " + std::string(attribute) + " needs the AWS::LanguageExtensions transform; write the policy literally or add the transform";
      }
    }
    if (ctx.section == "Conditions") {
      if (!knowledge.allowed_in_conditions(node.text)) {
        return name + " can't be used in Conditions, which are evaluated before resources exist" +
               (node.text == "Fn::If" ? "; combine conditions with Fn::And, Fn::Or and Fn::Not"
                                      : "; compute the value from parameters instead");
      }
      if (node.text == "Ref" && node.argument && node.argument->is_string() && tmpl.resource(node.argument->text)) {
        return "'" + node.argument->text + "' is a resource, which Conditions can't Ref; reference parameters or pseudo-parameters only";
      }
    }
    const IntrinsicSpec* rules_spec = knowledge.find(node.text);
    if ((rules_spec == nullptr || rules_spec->rules_only) && knowledge.is_rule_function(node.text)) {
      return name + " can be used only in the Rules section; compute the value with template functions instead";
    }
    const bool evaluated_value = (ctx.section == "Resources" && ctx.attribute == "Properties") ||
                                 (ctx.section == "Outputs" && (ctx.attribute == "Value" || ctx.attribute == "Export"));
    const IntrinsicSpec* spec = knowledge.find(node.text);
    if (evaluated_value && spec != nullptr && spec->condition_function) {
      const bool in_condition_function = ctx.function != nullptr && knowledge.find(ctx.function->text) &&
                                         knowledge.find(ctx.function->text)->condition_function;
      if (!in_condition_function) {
        return name + " can't be used in " + std::string(ctx.section == "Outputs" ? "an output" : "resource properties") +
               "; define a condition in Conditions and choose values with Fn::If";
      }
    }
    if (ctx.function != nullptr) {
      const std::vector<std::string>* allowed = knowledge.nested_allowed(ctx.function->text, ctx.argument_index, extensions);
      if (allowed != nullptr && std::find(allowed->begin(), allowed->end(), node.text) == allowed->end()) {
        return name + " can't be used as " + position_name(*ctx.function, ctx.argument_index) +
               (allowed->empty() ? "; write a literal there" : "; only " + join_names(*allowed) + " may be used there");
      }
    }
    if (node.text == "Ref" && ctx.inside("Fn::ImportValue") && node.argument && node.argument->is_string() &&
        tmpl.resource(node.argument->text)) {
      return "Fn::ImportValue can't depend on resource '" + node.argument->text +
             "'; build the export name from parameters or literals";
    }
    return {};
  }
};

}  // namespace

std::unique_ptr<Rule> make_intrinsic_not_allowed_here() { return std::make_unique<IntrinsicNotAllowedHere>(); }

}  // namespace cfn_eks
