// Conditions are evaluated to the set of truth values they can take, memoised per name, so a
// chain of N conditions costs O(N) however often each is referenced. Whether a value's
// assumptions can hold together is then checked per parameter scenario, with a cap.

#include <algorithm>
#include <map>

#include "model/resolve_context.hpp"

namespace cfn_eks::detail {

namespace {

unsigned bit(bool holds) { return holds ? kCanBeTrue : kCanBeFalse; }

bool is_true_literal(std::string_view text) {
  return text == "true" || text == "True" || text == "TRUE";
}
bool is_false_literal(std::string_view text) {
  return text == "false" || text == "False" || text == "FALSE";
}

}  // namespace

unsigned ResolveContext::condition_mask(std::string_view name) {
  const NamedNode* condition = tmpl_.condition(name);
  if (!condition || !condition->node) return kEitherWay;
  if (auto found = condition_memo_.find(condition->name); found != condition_memo_.end()) {
    return found->second;
  }
  // A condition that reaches itself is an error another rule reports; here it can be anything.
  if (!conditions_in_progress_.insert(condition->name).second) return kEitherWay;
  const unsigned mask = condition_node_mask(*condition->node, 0);
  conditions_in_progress_.erase(condition->name);
  condition_memo_.emplace(condition->name, mask);
  return mask;
}

unsigned ResolveContext::condition_node_mask(const Node& node, unsigned depth) {
  if (depth > limits_.max_depth) return kEitherWay;
  switch (node.kind) {
    case NodeKind::Bool: {
      PossibleValue value;
      value.kind = PossibleValue::Kind::Bool;
      value.text = node.text;
      return bit(comparable_text(value) == "true");
    }
    case NodeKind::String:
      if (is_true_literal(node.text)) return kCanBeTrue;
      if (is_false_literal(node.text)) return kCanBeFalse;
      return kEitherWay;
    case NodeKind::Intrinsic: break;
    default: return kEitherWay;
  }
  const Node* arg = node.argument;
  if (!arg) return kEitherWay;
  if (node.text == "Condition") return arg->is_string() ? condition_mask(arg->text) : kEitherWay;
  if (node.text == "Fn::Not") {
    const Node* operand = arg->is_sequence() ? (arg->items.size() == 1 ? arg->items[0] : nullptr) : arg;
    if (!operand) return kEitherWay;
    const unsigned mask = condition_node_mask(*operand, depth + 1);
    return ((mask & kCanBeTrue) ? kCanBeFalse : 0) | ((mask & kCanBeFalse) ? kCanBeTrue : 0);
  }
  if (node.text == "Fn::And" || node.text == "Fn::Or") {
    if (!arg->is_sequence() || arg->items.empty()) return kEitherWay;
    const bool is_and = node.text == "Fn::And";
    // And can be true only if every operand can, and false if any can; Or the other way.
    bool all = true;
    bool any = false;
    const unsigned decisive = is_and ? kCanBeFalse : kCanBeTrue;
    const unsigned required = is_and ? kCanBeTrue : kCanBeFalse;
    for (const Node* item : arg->items) {
      const unsigned mask = item ? condition_node_mask(*item, depth + 1) : kEitherWay;
      all = all && (mask & required);
      any = any || (mask & decisive);
    }
    return (all ? required : 0) | (any ? decisive : 0);
  }
  if (node.text == "Fn::Equals") {
    if (!arg->is_sequence() || arg->items.size() != 2 || !arg->items[0] || !arg->items[1]) return kEitherWay;
    const Resolution left = resolve(*arg->items[0], depth + 1);
    const Resolution right = resolve(*arg->items[1], depth + 1);
    unsigned mask = (left.complete() && right.complete()) ? 0 : kEitherWay;
    for (const PossibleValue& a : left.values) {
      for (const PossibleValue& b : right.values) {
        if (mask == kEitherWay) break;
        PossibleValue both;
        // `Fn::Equals [!Ref A, !Ref A]` compares A with itself, never two values of A.
        if (!merge_constraints(both, a) || !merge_constraints(both, b)) continue;
        mask |= bit(comparable_text(a) == comparable_text(b));
      }
    }
    return mask == 0 ? kEitherWay : mask;
  }
  return kEitherWay;
}

void ResolveContext::collect_parameters(const Node& node, std::unordered_set<std::string_view>& params,
                                        std::unordered_set<std::string_view>& seen_conditions) const {
  if (node.is_intrinsic("Ref") && node.argument && node.argument->is_string()) {
    if (const Parameter* param = tmpl_.parameter(node.argument->text)) params.insert(param->name);
    return;
  }
  if (node.is_intrinsic("Condition") && node.argument && node.argument->is_string()) {
    const NamedNode* condition = tmpl_.condition(node.argument->text);
    if (condition && condition->node && seen_conditions.insert(condition->name).second) {
      collect_parameters(*condition->node, params, seen_conditions);
    }
    return;
  }
  if (node.argument) collect_parameters(*node.argument, params, seen_conditions);
  for (const Node* item : node.items) {
    if (item) collect_parameters(*item, params, seen_conditions);
  }
  for (const MapEntry& entry : node.entries) {
    if (entry.value) collect_parameters(*entry.value, params, seen_conditions);
  }
}

bool ResolveContext::feasible(const std::vector<Assumption>& assumptions, const std::vector<Binding>& bindings) {
  for (std::size_t i = 0; i < assumptions.size(); ++i) {
    for (std::size_t j = i + 1; j < assumptions.size(); ++j) {
      if (assumptions[i].condition == assumptions[j].condition && assumptions[i].holds != assumptions[j].holds) {
        return false;
      }
    }
  }
  for (std::size_t i = 0; i < bindings.size(); ++i) {
    for (std::size_t j = i + 1; j < bindings.size(); ++j) {
      if (bindings[i].parameter == bindings[j].parameter && bindings[i].value != bindings[j].value) return false;
    }
  }
  if (assumptions.empty()) return true;
  if (fixed_) {
    // Already inside a scenario: its parameters are pinned, so evaluate directly.
    return std::all_of(assumptions.begin(), assumptions.end(), [&](const Assumption& a) {
      return (condition_mask(a.condition) & bit(a.holds)) != 0;
    });
  }

  std::vector<std::string> parts;
  for (const Assumption& a : assumptions) parts.push_back("c" + std::string(a.condition) + (a.holds ? "=1" : "=0"));
  for (const Binding& b : bindings) parts.push_back("p" + std::string(b.parameter) + "=" + b.value);
  std::sort(parts.begin(), parts.end());
  std::string key;
  for (const std::string& part : parts) key.append(part).push_back('\n');
  if (auto found = feasible_memo_.find(key); found != feasible_memo_.end()) return found->second;

  // Parameters the assumed conditions read, in a stable order.
  std::unordered_set<std::string_view> params;
  std::unordered_set<std::string_view> seen;
  for (const Assumption& a : assumptions) {
    const NamedNode* condition = tmpl_.condition(a.condition);
    if (condition && condition->node && seen.insert(condition->name).second) {
      collect_parameters(*condition->node, params, seen);
    }
  }
  std::vector<std::string_view> ordered(params.begin(), params.end());
  std::sort(ordered.begin(), ordered.end());

  // Parameters with AllowedValues can take only those, so each is tried in turn; parameters
  // open to any value stay free (their conditions can go either way).
  std::vector<std::pair<std::string_view, std::vector<std::string>>> choices;
  for (std::string_view name : ordered) {
    const bool bound = std::any_of(bindings.begin(), bindings.end(),
                                   [&](const Binding& b) { return b.parameter == name; });
    if (bound) continue;
    // Read AllowedValues directly: max_values limits answers, not the scenarios tried.
    const Parameter& param = *tmpl_.parameter(name);
    const Node* allowed = param.allowed_values;
    if (param.type.starts_with("AWS::SSM::Parameter::Value<") || !allowed || !allowed->is_sequence() ||
        allowed->items.empty()) {
      continue;
    }
    std::vector<std::string> texts;
    for (const Node* item : allowed->items) {
      if (!item || !item->is_scalar()) {
        texts.clear();
        break;
      }
      if (std::find(texts.begin(), texts.end(), item->text) == texts.end()) texts.push_back(item->text);
    }
    if (!texts.empty()) choices.emplace_back(name, std::move(texts));
  }
  // Keep the scenario count under the cap, preferring parameters with few values.
  std::stable_sort(choices.begin(), choices.end(),
                   [](const auto& a, const auto& b) { return a.second.size() < b.second.size(); });
  std::size_t scenarios = 1;
  std::size_t used = 0;
  while (used < choices.size() && scenarios * choices[used].second.size() <= limits_.max_scenarios) {
    scenarios *= choices[used].second.size();
    ++used;
  }
  choices.resize(used);

  bool result = false;
  std::vector<std::size_t> odometer(choices.size(), 0);
  for (std::size_t n = 0; n < scenarios && !result; ++n) {
    std::vector<Binding> fixed = bindings;
    for (std::size_t i = 0; i < choices.size(); ++i) {
      fixed.push_back(Binding{choices[i].first, choices[i].second[odometer[i]]});
    }
    ResolveContext scenario(tmpl_, limits_, &fixed);
    result = std::all_of(assumptions.begin(), assumptions.end(), [&](const Assumption& a) {
      return (scenario.condition_mask(a.condition) & bit(a.holds)) != 0;
    });
    for (std::size_t i = 0; i < odometer.size(); ++i) {
      if (++odometer[i] < choices[i].second.size()) break;
      odometer[i] = 0;
    }
  }
  feasible_memo_.emplace(std::move(key), result);
  return result;
}

}  // namespace cfn_eks::detail
