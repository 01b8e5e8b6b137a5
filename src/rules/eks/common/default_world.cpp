#include "rules/eks/common/default_world.hpp"

namespace cfn_eks {

namespace {
constexpr int kMaxDepth = 32;
}  // namespace

bool DefaultWorld::admits(const PossibleValue& value) const {
  for (const Binding& binding : value.bindings) {
    const Parameter* parameter = tmpl_.parameter(binding.parameter);
    if (parameter == nullptr || parameter->default_value == nullptr) continue;
    if (!parameter->default_value->is_scalar() || parameter->default_value->text != binding.value) return false;
  }
  for (const Assumption& assumption : value.assumptions) {
    const auto truth = condition(assumption.condition);
    if (truth && *truth != assumption.holds) return false;
  }
  return true;
}

std::optional<bool> DefaultWorld::condition(std::string_view name, int depth) const {
  const NamedNode* entry = tmpl_.condition(name);
  if (entry == nullptr || entry->node == nullptr || depth > kMaxDepth) return std::nullopt;
  return evaluate(*entry->node, depth + 1);
}

std::optional<std::string> DefaultWorld::scalar(const Node& node) const {
  if (node.is_string() || node.kind == NodeKind::Number || node.kind == NodeKind::Bool) return node.text;
  if (node.is_intrinsic("Ref") && node.argument != nullptr && node.argument->is_string()) {
    const Parameter* parameter = tmpl_.parameter(node.argument->text);
    if (parameter != nullptr && parameter->default_value != nullptr && parameter->default_value->is_scalar()) {
      return parameter->default_value->text;
    }
  }
  return std::nullopt;
}

std::optional<bool> DefaultWorld::evaluate(const Node& node, int depth) const {
  if (depth > kMaxDepth) return std::nullopt;
  const Node* args = node.argument;
  if (node.is_intrinsic("Condition") && args != nullptr && args->is_string()) return condition(args->text, depth);
  if (args == nullptr || !args->is_sequence()) return std::nullopt;
  if (node.is_intrinsic("Fn::Equals") && args->items.size() == 2) {
    const auto a = scalar(*args->items[0]);
    const auto b = scalar(*args->items[1]);
    if (!a || !b) return std::nullopt;
    return *a == *b;
  }
  if (node.is_intrinsic("Fn::Not") && args->items.size() == 1) {
    const auto inner = evaluate(*args->items[0], depth + 1);
    if (!inner) return std::nullopt;
    return !*inner;
  }
  const bool is_and = node.is_intrinsic("Fn::And");
  if (!is_and && !node.is_intrinsic("Fn::Or")) return std::nullopt;
  bool unknown = false;
  for (const Node* item : args->items) {
    const auto truth = evaluate(*item, depth + 1);
    if (!truth) {
      unknown = true;
    } else if (*truth != is_and) {
      return !is_and;
    }
  }
  if (unknown) return std::nullopt;
  return is_and;
}

bool consistent(const PossibleValue& a, const PossibleValue& b) {
  for (const Assumption& x : a.assumptions) {
    for (const Assumption& y : b.assumptions) {
      if (x.condition == y.condition && x.holds != y.holds) return false;
    }
  }
  for (const Binding& x : a.bindings) {
    for (const Binding& y : b.bindings) {
      if (x.parameter == y.parameter && x.value != y.value) return false;
    }
  }
  return true;
}

}  // namespace cfn_eks
