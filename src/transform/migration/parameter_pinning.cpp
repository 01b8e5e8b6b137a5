#include "transform/migration/parameter_pinning.hpp"

#include <algorithm>
#include <set>

#include "model/resolve_context.hpp"
#include "rules/common/intrinsic_args.hpp"
#include "rules/eks/common/launch_templates.hpp"
#include "util/edit_distance.hpp"

namespace cfn_eks {

namespace {

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

// The parameters a condition reads, through nested Condition references.
void condition_parameters(const Template& tmpl, const Node& node, std::set<std::string>& params,
                          std::set<std::string>& seen) {
  if (node.is_intrinsic("Ref") && node.argument && node.argument->is_string()) {
    if (tmpl.parameter(node.argument->text)) params.insert(node.argument->text);
    return;
  }
  if (node.is_intrinsic("Condition") && node.argument && node.argument->is_string()) {
    const NamedNode* condition = tmpl.condition(node.argument->text);
    if (condition && condition->node && seen.insert(std::string(condition->name)).second) {
      condition_parameters(tmpl, *condition->node, params, seen);
    }
    return;
  }
  if (node.argument) condition_parameters(tmpl, *node.argument, params, seen);
  for (const Node* item : node.items) {
    if (item) condition_parameters(tmpl, *item, params, seen);
  }
  for (const MapEntry& e : node.entries) {
    if (e.value) condition_parameters(tmpl, *e.value, params, seen);
  }
}

// The branch an Fn::If on a decided condition takes, or nullptr (not an Fn::If, not decided).
const Node* chosen_branch(const Node* node, const std::map<std::string, bool>& decided) {
  if (node == nullptr || !node->is_intrinsic("Fn::If")) return nullptr;
  const Node* condition = argument_item(*node, 0);
  if (condition == nullptr || !condition->is_string() || argument_item(*node, 2) == nullptr) return nullptr;
  const auto found = decided.find(condition->text);
  if (found == decided.end()) return nullptr;
  return argument_item(*node, found->second ? 1 : 2);
}

// Follows decided Fn::Ifs down to the value that is deployed.
Node* fold_slot(Node* node, const std::map<std::string, bool>& decided) {
  while (const Node* branch = chosen_branch(node, decided)) node = const_cast<Node*>(branch);  // our own arena
  return node;
}

void fold(Node* node, const std::map<std::string, bool>& decided, unsigned depth) {
  if (node == nullptr || depth > 256) return;
  if (node->argument) {
    node->argument = fold_slot(node->argument, decided);
    fold(node->argument, decided, depth + 1);
  }
  std::vector<Node*> items;
  for (Node* item : node->items) {
    Node* value = fold_slot(item, decided);
    // Only a decided Fn::If that chose AWS::NoValue removes the item: a NoValue written there
    // (a branch of an undecided Fn::If, say) is an argument, not a removal.
    if (value != item && value != nullptr && is_no_value(*value)) continue;
    fold(value, decided, depth + 1);
    items.push_back(value);
  }
  node->items = std::move(items);
  std::vector<MapEntry> entries;
  for (MapEntry& e : node->entries) {
    Node* written = e.value;
    e.value = fold_slot(e.value, decided);
    if (e.value != written && e.value != nullptr && is_no_value(*e.value)) continue;
    fold(e.value, decided, depth + 1);
    entries.push_back(std::move(e));
  }
  node->entries = std::move(entries);
}

// The conditions of the Fn::Ifs whose range holds `at`, innermost last.
void enclosing_conditions(const Node* node, const Node* at, std::vector<std::string>& out, unsigned depth) {
  if (node == nullptr || at == nullptr || depth > 256) return;
  if (at->range.begin < node->range.begin || at->range.end > node->range.end) return;
  if (node->is_intrinsic("Fn::If")) {
    const Node* condition = argument_item(*node, 0);
    if (condition && condition->is_string()) out.push_back(condition->text);
  }
  enclosing_conditions(node->argument, at, out, depth + 1);
  for (const Node* item : node->items) enclosing_conditions(item, at, out, depth + 1);
  for (const MapEntry& e : node->entries) enclosing_conditions(e.value, at, out, depth + 1);
}

}  // namespace

std::optional<std::string> check_pinned_parameters(const Template& tmpl, const PinnedParameters& pinned) {
  for (std::size_t i = 0; i < pinned.size(); ++i) {
    // Named references, not a structured binding: clang before 16 cannot capture bindings in lambdas.
    const std::string& key = pinned[i].first;
    const std::string& value = pinned[i].second;
    const Parameter* param = tmpl.parameter(key);
    if (param == nullptr) {
      std::vector<std::string_view> names;
      for (const Parameter& p : tmpl.parameters()) names.push_back(p.name);
      std::string message = "--parameter " + quoted(key) + " is not a parameter of the template";
      if (auto hint = closest_match(key, names); !hint.empty()) return message + "; did you mean " + quoted(hint) + "?";
      return message + (names.empty() ? "; it has no Parameters" : "");
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (pinned[j].first == key && pinned[j].second != value) {
        return "--parameter " + quoted(key) + " is given twice (" + quoted(pinned[j].second) + " and " + quoted(value) +
               "); give the deployed stack's value once";
      }
    }
    const Node* allowed = param->allowed_values;
    if (allowed != nullptr && allowed->is_sequence() && !allowed->items.empty()) {
      const bool ok = std::any_of(allowed->items.begin(), allowed->items.end(),
                                  [&](const Node* item) { return item && item->is_scalar() && item->text == value; });
      if (!ok) {
        std::string list;
        for (const Node* item : allowed->items) {
          if (item && item->is_scalar()) list += (list.empty() ? "" : ", ") + quoted(item->text);
        }
        return "--parameter " + key + "=" + value + ": " + quoted(value) + " is not one of the AllowedValues of " +
               quoted(key) + " (" + list + "); give the deployed stack's value";
      }
    }
  }
  return std::nullopt;
}

std::map<std::string, bool> decided_conditions(const Template& tmpl, const PinnedParameters& pinned) {
  std::map<std::string, bool> out;
  if (pinned.empty()) return out;
  std::vector<Binding> fixed;
  for (const auto& [key, value] : pinned) {
    if (const Parameter* p = tmpl.parameter(key)) fixed.push_back(Binding{p->name, value});
  }
  const ResolverLimits limits;
  detail::ResolveContext context(tmpl, limits, &fixed);
  for (const NamedNode& c : tmpl.conditions()) {
    const unsigned mask = context.condition_mask(c.name);
    if (mask == detail::kCanBeTrue) out.emplace(std::string(c.name), true);
    if (mask == detail::kCanBeFalse) out.emplace(std::string(c.name), false);
  }
  return out;
}

void fold_decided_conditions(Document& document, const std::map<std::string, bool>& decided) {
  if (decided.empty() || document.root == nullptr) return;
  fold(document.root, decided, 0);
}

std::string pinning_hint(const Document& original, const std::string& message, const Node* at,
                         const PinnedParameters& pinned) {
  const Template tmpl(original);
  std::vector<std::string> conditions;
  for (const NamedNode& c : tmpl.conditions()) {
    if (message.find("condition " + quoted(c.name)) != std::string::npos) conditions.emplace_back(c.name);
  }
  enclosing_conditions(original.root, at, conditions, 0);
  std::set<std::string> params, seen;
  for (const std::string& name : conditions) {
    const NamedNode* c = tmpl.condition(name);
    if (c && c->node) condition_parameters(tmpl, *c->node, params, seen);
  }
  std::string names;
  std::size_t count = 0;
  for (const std::string& p : params) {
    if (std::any_of(pinned.begin(), pinned.end(), [&](const auto& kv) { return kv.first == p; })) continue;
    names += (names.empty() ? "" : " ") + ("--parameter " + p + "=VALUE");
    ++count;
  }
  if (names.empty()) return {};
  return "; pass " + names + " with the deployed stack's " + (count == 1 ? "value" : "values");
}

Fragment pinning_rule(const PinnedParameters& pinned, const std::string& old_group, const std::string& new_nodegroup) {
  std::vector<Fragment> assertions;
  std::set<std::string> done;
  for (const auto& [key, value] : pinned) {
    if (!done.insert(key).second) continue;
    assertions.push_back(
        Fragment::mapping()
            .add("Assert", Fragment::intrinsic("Fn::Equals", Fragment::sequence({Fragment::ref(key), Fragment::string(value)})))
            .add("AssertDescription",
                 Fragment::string("cfn-eks migrated " + old_group + " to " + new_nodegroup + " for " + key + " = '" +
                                  value + "' only; migrate again for other parameter values")));
  }
  return Fragment::mapping().add("Assertions", Fragment::sequence(std::move(assertions)));
}

}  // namespace cfn_eks
