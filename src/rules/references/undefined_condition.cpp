// T205: a Condition attribute, Fn::If or Condition function naming a condition that doesn't exist.

#include "rules/common/intrinsic_args.hpp"
#include "rules/common/names.hpp"
#include "rules/common/walk.hpp"
#include "rules/references/reference_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "T205",
    .name = "undefined-condition",
    .severity = Severity::Error,
    .summary = "A resource or output Condition, Fn::If or Condition function names an undefined condition.",
    .doc = R"(A resource or output Condition, Fn::If or Condition function names an undefined condition.

## What it checks
Every place that names a condition: the `Condition` attribute of resources and outputs, the
first argument of `Fn::If`, and the `Condition` function (`!Condition Name`, used inside
`Fn::And`, `Fn::Or` and `Fn::Not`). Each name must be a key of `Conditions`. Templates with a
macro transform are skipped; names an `Fn::ForEach` loop may generate are accepted.

## Why it matters
CloudFormation rejects the template ("Template format error: Unresolved dependencies [X].
Cannot reference resources in the Conditions block of the template", or "Condition X is not
defined").

## Example
```yaml
Conditions:
  CreateNodeGroup: !Equals [!Ref NodeCount, "0"]
Resources:
  NodeGroup:
    Type: AWS::EKS::Nodegroup
    Condition: CreateNodegroup   # flagged: did you mean 'CreateNodeGroup'?
```
Fixed: `Condition: CreateNodeGroup`.

## How to fix
Correct the name or add the condition to `Conditions`.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-conditions.html
)",
};

// The node holding a condition name, when `node` is one.
const Node* condition_name(const Node& node, const WalkContext& ctx) {
  if (node.is_intrinsic("Condition")) return node.argument;
  if (node.is_intrinsic("Fn::If")) return argument_item(node, 0);
  const bool condition_attribute = (ctx.section == "Resources" || ctx.section == "Outputs") &&
                                   ctx.attribute == "Condition" && ctx.parent != nullptr &&
                                   ctx.parent->is_mapping() && ctx.parent->get("Condition") == &node;
  return condition_attribute ? &node : nullptr;
}

class UndefinedCondition final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const Template& tmpl = context.tmpl;
    if (macro_may_add_names(context)) return;
    const LoopNames& loops = loop_names(context);
    std::vector<std::string_view> candidates;
    for (const NamedNode& condition : tmpl.conditions()) candidates.push_back(condition.name);
    walk_template(tmpl, [&](const Node& node, const WalkContext& ctx) {
      const Node* name_node = condition_name(node, ctx);
      if (name_node == nullptr || !name_node->is_string()) return;
      const std::string& name = name_node->text;
      if (tmpl.condition(name) || mentions_loop_identifier(name, ctx) || loops.may_generate(name)) return;
      sink.report(*name_node, "'" + name + "' is not a condition" +
                                  did_you_mean(name, candidates, "define it in Conditions or correct the name"));
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_undefined_condition() { return std::make_unique<UndefinedCondition>(); }

}  // namespace cfn_eks
