// T301: an intrinsic function whose argument doesn't have the shape the function takes.

#include <algorithm>
#include <optional>

#include "rules/common/intrinsic_args.hpp"
#include "rules/common/walk.hpp"
#include "rules/intrinsics/intrinsic_knowledge.hpp"
#include "rules/intrinsics/intrinsic_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "T301",
    .name = "invalid-intrinsic-arguments",
    .severity = Severity::Error,
    .summary = "An intrinsic function's argument does not have the shape the function takes.",
    .doc = R"(An intrinsic function's argument does not have the shape the function takes.

## What it checks
The literal shape of each function's argument: `Ref` and `Condition` take a name;
`Fn::GetAtt` takes `Resource.Attribute` or `[Resource, Attribute]`; `Fn::Sub` a string or
`[string, {variables}]`; `Fn::Join` `[delimiter, [values]]`; `Fn::Select` `[index, list]`
(a literal index must be inside a literal list); `Fn::Split` `[delimiter, string]`;
`Fn::FindInMap` three keys, or four with `{DefaultValue: ...}`; `Fn::If` `[condition, then,
else]`; `Fn::Equals` two values; `Fn::And` and `Fn::Or` 2 to 10 conditions; `Fn::Not` one
condition; `Fn::Base64` and `Fn::ImportValue` one value; `Fn::Cidr` `[ipBlock, count,
cidrBits]`; `Fn::GetAZs` a region string; `Fn::ToJsonString` a mapping or list; `Fn::Length` a
list. Where an argument position holds another function, only its result type is checked here;
whether that function may be nested there is T302's concern.

## Why it matters
CloudFormation rejects a malformed function at validation ("Template error: every Fn::Join
object requires two parameters, (1) a string delimiter and (2) a list of strings to be joined
or a function that returns a list of strings"), so the whole change fails.

## Example
```yaml
SubnetIds: !Join [",", !Ref PrivateSubnet1, !Ref PrivateSubnet2]   # flagged: 3 items
```
Fixed: `SubnetIds: !Join [",", [!Ref PrivateSubnet1, !Ref PrivateSubnet2]]`.

## How to fix
Write the argument in the documented form; the message names the expected shape.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-conditions.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-join.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-select.html
)",
};

// "a mapping", "a list of 3 items", "an empty string", "a Fn::Sub" for messages.
std::string describe(const Node* node) {
  if (node == nullptr || node->kind == NodeKind::Null) return "empty";
  switch (node->kind) {
    case NodeKind::Sequence:
      return node->items.size() == 1 ? "a list of 1 item" : "a list of " + std::to_string(node->items.size()) + " items";
    case NodeKind::Mapping: return "a mapping";
    case NodeKind::Intrinsic: return "a " + node->text + " result";
    case NodeKind::String: return node->text.empty() ? "an empty string" : "a string";
    case NodeKind::Number: return "a number";
    case NodeKind::Bool: return "a boolean";
    default: return "a value";
  }
}

bool is_scalar_value(const Node* node) {
  return node != nullptr && (node->is_string() || node->kind == NodeKind::Number || node->kind == NodeKind::Bool);
}

bool is_index(const Node* node) {
  if (node == nullptr) return false;
  if (node->kind != NodeKind::Number && !node->is_string()) return false;
  return !node->text.empty() && std::all_of(node->text.begin(), node->text.end(),
                                            [](char c) { return c >= '0' && c <= '9'; });
}

// Functions whose result is never a list, so they can't stand where a list is needed.
bool returns_scalar_only(const Node& node) {
  static constexpr std::string_view kScalar[] = {"Fn::Join",  "Fn::Sub",    "Fn::Base64", "Fn::ToJsonString",
                                                 "Fn::Length", "Fn::Equals", "Fn::And",    "Fn::Or",
                                                 "Fn::Not",    "Condition"};
  return std::find(std::begin(kScalar), std::end(kScalar), node.text) != std::end(kScalar);
}

bool is_list_like(const Node* node) {
  return node != nullptr && (node->is_sequence() || (node->is_intrinsic() && !returns_scalar_only(*node)));
}

bool is_condition(const Node* node, const IntrinsicKnowledge& knowledge) {
  if (node == nullptr || !node->is_intrinsic()) return false;
  const IntrinsicSpec* spec = knowledge.find(node->text);
  return spec != nullptr && spec->condition_function;
}

struct Problem {
  std::string what;   // the problem
  std::string shape;  // the expected form
};

std::optional<Problem> list_arity(const Node* argument, std::size_t low, std::size_t high, std::string shape) {
  if (argument == nullptr || !argument->is_sequence() || argument->items.size() < low || argument->items.size() > high) {
    return Problem{"is " + describe(argument), std::move(shape)};
  }
  return std::nullopt;
}

std::optional<Problem> check(const Node& node, const WalkContext& ctx, const IntrinsicKnowledge& knowledge) {
  const Node* arg = node.argument;
  const auto item = [&](std::size_t i) { return argument_item(node, i); };
  const std::string_view fn = node.text;
  static constexpr std::string_view kListTaking[] = {"Fn::Join", "Fn::Select", "Fn::Split", "Fn::FindInMap",
                                                     "Fn::If",   "Fn::Equals", "Fn::And",   "Fn::Or",
                                                     "Fn::Not",  "Fn::Cidr"};
  // A list computed by another function can't be checked here.
  const bool takes_list = std::find(std::begin(kListTaking), std::end(kListTaking), fn) != std::end(kListTaking);
  if (takes_list && arg != nullptr && arg->is_intrinsic()) return std::nullopt;
  if (fn == "Ref" || fn == "Condition") {
    const std::string shape = fn == "Ref" ? "a logical id or parameter name" : "a condition name";
    if (arg != nullptr && (arg->is_intrinsic() || (arg->is_string() && !arg->text.empty()))) return std::nullopt;
    return Problem{"is " + describe(arg), shape};
  }
  if (fn == "Fn::GetAtt") {
    const std::string shape = "'Resource.Attribute' or [Resource, Attribute]";
    if (arg != nullptr && arg->is_intrinsic()) return std::nullopt;
    if (arg != nullptr && arg->is_string()) {
      const std::size_t dot = arg->text.find('.');
      if (dot != std::string::npos && dot > 0 && dot + 1 < arg->text.size()) return std::nullopt;
      return Problem{"'" + arg->text + "' has no attribute after a dot", shape};
    }
    if (auto problem = list_arity(arg, 2, 2, shape)) return problem;
    for (std::size_t i = 0; i < 2; ++i) {
      const Node* part = item(i);
      if (part == nullptr || part->is_intrinsic() || (part->is_string() && !part->text.empty())) continue;
      return Problem{std::string(i == 0 ? "resource name" : "attribute name") + " is " + describe(part), shape};
    }
    return std::nullopt;
  }
  if (fn == "Fn::Sub") {
    const std::string shape = "a string or [string, {Name: value}]";
    if (arg != nullptr && (arg->is_string() || arg->is_intrinsic())) return std::nullopt;
    if (auto problem = list_arity(arg, 2, 2, shape)) return problem;
    if (!item(0)->is_string() && !item(0)->is_intrinsic()) return Problem{"text is " + describe(item(0)), shape};
    if (!item(1)->is_mapping()) return Problem{"variables are " + describe(item(1)), shape};
    return std::nullopt;
  }
  if (fn == "Fn::Join") {
    const std::string shape = "[delimiter, [value, ...]]";
    if (auto problem = list_arity(arg, 2, 2, shape)) return problem;
    if (!item(0)->is_string() && !item(0)->is_intrinsic()) return Problem{"delimiter is " + describe(item(0)), shape};
    if (!is_list_like(item(1))) return Problem{"values are " + describe(item(1)), shape};
    return std::nullopt;
  }
  if (fn == "Fn::Select") {
    const std::string shape = "[index, list]";
    if (auto problem = list_arity(arg, 2, 2, shape)) return problem;
    if (!is_index(item(0)) && !item(0)->is_intrinsic()) return Problem{"index is " + describe(item(0)), shape};
    if (!is_list_like(item(1))) return Problem{"list is " + describe(item(1)), shape};
    if (is_index(item(0)) && item(1)->is_sequence() && item(0)->text.size() < 10 &&
        std::stoul(item(0)->text) >= item(1)->items.size()) {
      return Problem{"index " + item(0)->text + " is past the end of " + describe(item(1)),
                     "an index below " + std::to_string(item(1)->items.size())};
    }
    return std::nullopt;
  }
  if (fn == "Fn::Split") {
    const std::string shape = "[delimiter, string]";
    if (auto problem = list_arity(arg, 2, 2, shape)) return problem;
    if (!item(0)->is_string() && !item(0)->is_intrinsic()) return Problem{"delimiter is " + describe(item(0)), shape};
    if (!item(1)->is_string() && !item(1)->is_intrinsic()) return Problem{"source is " + describe(item(1)), shape};
    return std::nullopt;
  }
  if (fn == "Fn::FindInMap") {
    const std::string shape = "[MapName, TopLevelKey, SecondLevelKey] or with a 4th {DefaultValue: value}";
    if (auto problem = list_arity(arg, 3, 4, shape)) return problem;
    for (std::size_t i = 0; i < 3; ++i) {
      if (!is_scalar_value(item(i)) && !item(i)->is_intrinsic()) {
        return Problem{std::string(i == 0 ? "map name" : i == 1 ? "top-level key" : "second-level key") + " is " +
                           describe(item(i)),
                       shape};
      }
    }
    const Node* fallback = item(3);
    if (fallback != nullptr && !(fallback->is_mapping() && fallback->entries.size() == 1 &&
                                 fallback->entries.front().key == "DefaultValue")) {
      return Problem{"4th item is " + describe(fallback) + " without only a DefaultValue key", shape};
    }
    return std::nullopt;
  }
  if (fn == "Fn::If") {
    const std::string shape = "[ConditionName, value if true, value if false]";
    if (auto problem = list_arity(arg, 3, 3, shape)) return problem;
    if (!(item(0)->is_string() && !item(0)->text.empty()) && !item(0)->is_intrinsic()) {
      return Problem{"condition name is " + describe(item(0)), shape};
    }
    return std::nullopt;
  }
  if (fn == "Fn::Equals") return list_arity(arg, 2, 2, "[value, value]");
  if (fn == "Fn::And" || fn == "Fn::Or" || fn == "Fn::Not") {
    const bool is_not = fn == "Fn::Not";
    const std::string shape = is_not ? "[condition]" : "a list of 2 to 10 conditions";
    if (auto problem = list_arity(arg, is_not ? 1 : 2, is_not ? 1 : 10, shape)) return problem;
    if (ctx.section == "Rules") return std::nullopt;  // rule functions (Fn::Contains, ...) stay mappings
    for (const Node* condition : arg->items) {
      if (condition == nullptr || is_condition(condition, knowledge)) continue;
      return Problem{"holds " + describe(condition) + ", which is not a condition",
                     "conditions (Fn::Equals, Fn::And, Fn::Or, Fn::Not, !Condition Name)"};
    }
    return std::nullopt;
  }
  if (fn == "Fn::Base64" || fn == "Fn::ImportValue") {
    if (arg != nullptr && (arg->is_intrinsic() || (arg->is_string() && !arg->text.empty()))) return std::nullopt;
    if (fn == "Fn::Base64" && is_scalar_value(arg)) return std::nullopt;
    return Problem{"is " + describe(arg), fn == "Fn::Base64" ? "a string" : "an export name"};
  }
  if (fn == "Fn::Cidr") {
    const std::string shape = "[ipBlock, count, cidrBits]";
    if (auto problem = list_arity(arg, 3, 3, shape)) return problem;
    if (!item(0)->is_string() && !item(0)->is_intrinsic()) return Problem{"ipBlock is " + describe(item(0)), shape};
    for (std::size_t i = 1; i < 3; ++i) {
      if (!is_index(item(i)) && !item(i)->is_intrinsic()) {
        return Problem{std::string(i == 1 ? "count" : "cidrBits") + " is " + describe(item(i)), shape};
      }
    }
    return std::nullopt;
  }
  if (fn == "Fn::GetAZs") {
    if (arg == nullptr || arg->kind == NodeKind::Null || arg->is_string() || arg->is_intrinsic()) return std::nullopt;
    return Problem{"is " + describe(arg), "a region name, '' or !Ref AWS::Region"};
  }
  if (fn == "Fn::ToJsonString") {
    if (arg != nullptr && (arg->is_mapping() || arg->is_sequence() || arg->is_intrinsic())) return std::nullopt;
    return Problem{"is " + describe(arg), "a mapping or a list"};
  }
  if (fn == "Fn::Length") {
    if (is_list_like(arg)) return std::nullopt;
    return Problem{"is " + describe(arg), "a list"};
  }
  if (fn == "Fn::Transform") {
    if (arg != nullptr && arg->is_mapping() && arg->find("Name") != nullptr) return std::nullopt;
    return Problem{"is " + describe(arg) + " without a Name", "{Name: MacroName, Parameters: {...}}"};
  }
  return std::nullopt;
}

class InvalidIntrinsicArguments final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const IntrinsicKnowledge& knowledge = intrinsic_knowledge();
    walk_template(context.tmpl, [&](const Node& node, const WalkContext& ctx) {
      if (!node.is_intrinsic() || is_condition_data(node)) return;
      const std::optional<Problem> problem = check(node, ctx, knowledge);
      if (!problem) return;
      sink.report(node, written_name(node) + " argument " + problem->what + "; expected " + problem->shape);
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_invalid_intrinsic_arguments() { return std::make_unique<InvalidIntrinsicArguments>(); }

}  // namespace cfn_eks
