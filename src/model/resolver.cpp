#include "cfn_eks/resolver.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_set>

#include "model/resolve_context.hpp"
#include "model/sub_string.hpp"

namespace cfn_eks {

namespace detail {

namespace {

PossibleValue::Kind kind_of(const Node& node) {
  switch (node.kind) {
    case NodeKind::Number: return PossibleValue::Kind::Number;
    case NodeKind::Bool: return PossibleValue::Kind::Bool;
    case NodeKind::Null: return PossibleValue::Kind::Null;
    default: return PossibleValue::Kind::String;
  }
}

PossibleValue literal_value(const Node& node) {
  PossibleValue value;
  value.kind = kind_of(node);
  value.text = node.text;
  value.origin = &node;
  value.style = node.style;
  return value;
}

void prepend_hop(PossibleValue& value, const Node* node, std::string description, bool passthrough) {
  value.via.insert(value.via.begin(), Provenance{node, std::move(description), passthrough});
}

void append_hops(PossibleValue& value, const std::vector<Provenance>& hops) {
  value.via.insert(value.via.end(), hops.begin(), hops.end());
}

bool is_text_value(const PossibleValue& value) {
  return value.kind == PossibleValue::Kind::String || value.kind == PossibleValue::Kind::Number ||
         value.kind == PossibleValue::Kind::Bool;
}

/// The two items of a `[a, b]` argument, or nullptr.
const Node* pair_argument(const Node& node, std::size_t size) {
  const Node* arg = node.argument;
  if (!arg || !arg->is_sequence() || arg->items.size() != size) return nullptr;
  for (const Node* item : arg->items) {
    if (!item) return nullptr;
  }
  return arg;
}

bool has_intrinsic(const Node& node) {
  if (node.is_intrinsic()) return true;
  for (const Node* item : node.items) {
    if (item && has_intrinsic(*item)) return true;
  }
  for (const MapEntry& entry : node.entries) {
    if (entry.value && has_intrinsic(*entry.value)) return true;
  }
  return false;
}

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static constexpr char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out += kHex[(c >> 4) & 0xF];
          out += kHex[c & 0xF];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

/// Compact JSON of a literal tree, as Fn::ToJsonString writes it.
void append_json(std::string& out, const Node& node) {
  switch (node.kind) {
    case NodeKind::Null: out += "null"; return;
    case NodeKind::Bool: out += comparable_text(literal_value(node)); return;
    case NodeKind::Number: out += node.text; return;
    case NodeKind::String: append_json_string(out, node.text); return;
    case NodeKind::Sequence:
      out += '[';
      for (std::size_t i = 0; i < node.items.size(); ++i) {
        if (i > 0) out += ',';
        if (node.items[i]) append_json(out, *node.items[i]);
      }
      out += ']';
      return;
    case NodeKind::Mapping:
      out += '{';
      for (std::size_t i = 0; i < node.entries.size(); ++i) {
        if (i > 0) out += ',';
        append_json_string(out, node.entries[i].key);
        out += ':';
        if (node.entries[i].value) append_json(out, *node.entries[i].value);
      }
      out += '}';
      return;
    case NodeKind::Intrinsic: return;
  }
}

std::string getatt_name(const Node& node) {
  const Node* arg = node.argument;
  if (arg && arg->is_string()) return arg->text;
  if (arg && arg->is_sequence() && arg->items.size() == 2 && arg->items[0] && arg->items[1] &&
      arg->items[0]->is_string() && arg->items[1]->is_string()) {
    return arg->items[0]->text + "." + arg->items[1]->text;
  }
  return "";
}

}  // namespace

bool same_value(const PossibleValue& a, const PossibleValue& b) {
  if (a.kind != b.kind || a.text != b.text || a.origin != b.origin ||
      a.assumptions != b.assumptions || a.bindings != b.bindings ||
      a.elements.size() != b.elements.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.elements.size(); ++i) {
    if (!same_value(a.elements[i], b.elements[i])) return false;
  }
  return true;
}

std::string comparable_text(const PossibleValue& value) {
  if (value.kind == PossibleValue::Kind::Bool) {
    static constexpr std::string_view kTrue[] = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"};
    for (std::string_view t : kTrue) {
      if (value.text == t) return "true";
    }
    return "false";
  }
  if (value.kind == PossibleValue::Kind::List) {
    std::string out;
    for (std::size_t i = 0; i < value.elements.size(); ++i) {
      if (i > 0) out += ',';
      out += comparable_text(value.elements[i]);
    }
    return out;
  }
  return value.text;
}

void ResolveContext::add_value(Resolution& out, PossibleValue value) const {
  for (const PossibleValue& existing : out.values) {
    if (same_value(existing, value)) return;
  }
  if (out.values.size() >= limits_.max_values) {
    out.truncated = true;
    return;
  }
  out.values.push_back(std::move(value));
}

void ResolveContext::add_unknown(Resolution& out, const Node* at, std::string reason) {
  // A handful of reasons is enough to explain; a list without end is not.
  static constexpr std::size_t kMaxUnknowns = 16;
  for (const Unknown& existing : out.unknowns) {
    if (existing.at == at && existing.reason == reason) return;
  }
  if (out.unknowns.size() >= kMaxUnknowns) return;
  out.unknowns.push_back(Unknown{at, std::move(reason)});
}

void ResolveContext::add_unknowns(Resolution& out, const Resolution& from) {
  for (const Unknown& unknown : from.unknowns) add_unknown(out, unknown.at, unknown.reason);
  out.truncated = out.truncated || from.truncated;
}

bool ResolveContext::merge_constraints(PossibleValue& into, const PossibleValue& other) {
  for (const Assumption& assumption : other.assumptions) {
    bool present = false;
    for (const Assumption& mine : into.assumptions) {
      if (mine.condition != assumption.condition) continue;
      if (mine.holds != assumption.holds) return false;
      present = true;
    }
    if (!present) into.assumptions.push_back(assumption);
  }
  for (const Binding& binding : other.bindings) {
    bool present = false;
    for (const Binding& mine : into.bindings) {
      if (mine.parameter != binding.parameter) continue;
      if (mine.value != binding.value) return false;
      present = true;
    }
    if (!present) into.bindings.push_back(binding);
  }
  return true;
}

Resolution ResolveContext::resolve(const Node& node, unsigned depth) {
  Resolution out;
  if (depth > limits_.max_depth) {
    add_unknown(out, &node,
                "functions nested deeper than " + std::to_string(limits_.max_depth) + " levels are not followed");
    return out;
  }
  switch (node.kind) {
    case NodeKind::Null:
    case NodeKind::Bool:
    case NodeKind::Number:
    case NodeKind::String: add_value(out, literal_value(node)); return out;
    case NodeKind::Sequence: return resolve_sequence(node, depth);
    case NodeKind::Mapping: {
      PossibleValue value;
      value.kind = PossibleValue::Kind::Mapping;
      value.origin = &node;
      value.style = node.style;
      add_value(out, std::move(value));
      return out;
    }
    case NodeKind::Intrinsic: return resolve_intrinsic(node, depth);
  }
  return out;
}

Resolution ResolveContext::combine(const std::vector<Resolution>& parts) {
  // Folding part by part keeps the work at (values so far) x (values of the part), each
  // bounded by max_values, instead of enumerating the full product and filtering it.
  Resolution out;
  std::vector<PossibleValue> acc(1);
  acc.front().kind = PossibleValue::Kind::List;
  for (const Resolution& part : parts) {
    add_unknowns(out, part);
    std::vector<PossibleValue> next;
    for (const PossibleValue& so_far : acc) {
      for (const PossibleValue& value : part.values) {
        PossibleValue combined = so_far;
        if (!merge_constraints(combined, value)) continue;
        const bool both_constrained = (!so_far.assumptions.empty() || !so_far.bindings.empty()) &&
                                      (!value.assumptions.empty() || !value.bindings.empty());
        if (both_constrained && !combined.assumptions.empty() &&
            !feasible(combined.assumptions, combined.bindings)) {
          continue;
        }
        // A list element that is AWS::NoValue is removed from the list.
        if (value.kind != PossibleValue::Kind::NoValue) combined.elements.push_back(value);
        if (next.size() >= limits_.max_values) {
          out.truncated = true;
          break;
        }
        next.push_back(std::move(combined));
      }
    }
    acc = std::move(next);
    if (acc.empty()) break;
  }
  for (PossibleValue& value : acc) add_value(out, std::move(value));
  return out;
}

Resolution ResolveContext::resolve_sequence(const Node& node, unsigned depth) {
  std::vector<Resolution> parts;
  parts.reserve(node.items.size());
  for (const Node* item : node.items) {
    if (item) parts.push_back(resolve(*item, depth + 1));
  }
  Resolution out = combine(parts);
  for (PossibleValue& value : out.values) {
    value.origin = &node;
    value.style = node.style;
  }
  return out;
}

Resolution ResolveContext::resolve_intrinsic(const Node& node, unsigned depth) {
  const std::string& fn = node.text;
  Resolution out;
  if (fn == "Ref") {
    const Node* arg = node.argument;
    if (arg && arg->is_string()) return resolve_ref(arg->text, &node, depth);
    if (!arg || !arg->is_intrinsic()) {
      add_unknown(out, &node, "Ref needs a name");
      return out;
    }
    // A computed name (AWS::LanguageExtensions): follow each name it can take.
    Resolution names = resolve(*arg, depth + 1);
    add_unknowns(out, names);
    for (const PossibleValue& name : names.values) {
      if (!is_text_value(name)) continue;
      Resolution target = resolve_ref(name.text, &node, depth + 1);
      add_unknowns(out, target);
      for (PossibleValue& value : target.values) {
        if (merge_constraints(value, name)) add_value(out, std::move(value));
      }
    }
    return out;
  }
  if (fn == "Fn::If") return resolve_if(node, depth);
  if (fn == "Fn::FindInMap") return resolve_find_in_map(node, depth);
  if (fn == "Fn::Sub") return resolve_sub(node, depth);
  if (fn == "Fn::Join") return resolve_join(node, depth);
  if (fn == "Fn::Select") return resolve_select(node, depth);
  if (fn == "Fn::Split") return resolve_split(node, depth);
  if (fn == "Fn::Length") return resolve_length(node, depth);
  if (fn == "Fn::ToJsonString") return resolve_to_json_string(node);
  if (fn == "Fn::Base64") {
    if (!node.argument) {
      add_unknown(out, &node, "Fn::Base64 needs a value");
      return out;
    }
    // The value passes through unencoded: rules check the text that gets encoded (UserData).
    Resolution inner = resolve(*node.argument, depth + 1);
    add_unknowns(out, inner);
    for (PossibleValue& value : inner.values) {
      prepend_hop(value, &node, "Fn::Base64 of", true);
      add_value(out, std::move(value));
    }
    return out;
  }
  if (fn == "Fn::GetAtt") {
    const std::string name = getatt_name(node);
    add_unknown(out, &node,
                name.empty() ? "Fn::GetAtt values are known only after deployment"
                             : "attribute " + name + " is known only after deployment");
    return out;
  }
  if (fn == "Fn::ImportValue") {
    add_unknown(out, &node, "Fn::ImportValue values are known only at deployment");
    return out;
  }
  if (fn == "Fn::GetAZs") {
    add_unknown(out, &node, "Fn::GetAZs values are known only at deployment");
    return out;
  }
  if (fn == "Fn::Cidr") {
    add_unknown(out, &node, "Fn::Cidr is not evaluated");
    return out;
  }
  if (fn == "Fn::Transform") {
    add_unknown(out, &node, "Fn::Transform values are known only after the macro runs");
    return out;
  }
  if (fn == "Condition" || fn == "Fn::Equals" || fn == "Fn::And" || fn == "Fn::Or" || fn == "Fn::Not") {
    const unsigned mask = condition_node_mask(node, depth);
    for (bool truth : {true, false}) {
      if (!(mask & (truth ? kCanBeTrue : kCanBeFalse))) continue;
      PossibleValue value;
      value.kind = PossibleValue::Kind::Bool;
      value.text = truth ? "true" : "false";
      value.via.push_back(Provenance{&node, fn + " of", true});
      add_value(out, std::move(value));
    }
    return out;
  }
  add_unknown(out, &node, fn + " is not evaluated");
  return out;
}

Resolution ResolveContext::resolve_ref(std::string_view name, const Node* at, unsigned depth) {
  (void)depth;
  Resolution out;
  if (name == "AWS::NoValue") {
    PossibleValue value;
    value.kind = PossibleValue::Kind::NoValue;
    value.origin = at;
    add_value(out, std::move(value));
    return out;
  }
  if (fixed_) {
    for (const Binding& binding : *fixed_) {
      if (binding.parameter != name) continue;
      PossibleValue value;
      value.text = binding.value;
      value.bindings.push_back(binding);
      add_value(out, std::move(value));
      return out;
    }
  }
  const std::string shown(name);
  if (is_pseudo_parameter(name)) {
    // Region, account, partition and the rest differ per deployment; even AWS::URLSuffix is
    // "amazonaws.com.cn" in China, so none of them is guessed.
    add_unknown(out, at, "pseudo parameter " + shown + " is known only at deployment");
    return out;
  }
  if (const Parameter* param = tmpl_.parameter(name)) return parameter_values(*param, at, true);
  if (tmpl_.resource(name)) {
    add_unknown(out, at, "Ref to resource " + shown + " is known only after deployment");
    return out;
  }
  add_unknown(out, at, shown + " is not a parameter, resource or pseudo parameter");
  return out;
}

Resolution ResolveContext::parameter_values(const Parameter& param, const Node* at, bool as_ref) {
  Resolution out;
  const std::string name(param.name);
  if (as_ref && param.type.starts_with("AWS::SSM::Parameter::Value<")) {
    add_unknown(out, at, "parameter " + name + " is read from SSM Parameter Store at deployment");
    return out;
  }
  const bool list_type =
      as_ref && (param.type == "CommaDelimitedList" || param.type.starts_with("List<"));
  const bool has_allowed = param.allowed_values && param.allowed_values->is_sequence() &&
                           !param.allowed_values->items.empty();
  out.values.reserve(std::min<std::size_t>(limits_.max_values,
                                           1 + (has_allowed ? param.allowed_values->items.size() : 0)));
  // A parameter has few values: a linear search beats hashing, up to a point (a hostile list
  // of thousands of AllowedValues must stay linear in time).
  constexpr std::size_t kLinearSeen = 16;
  std::vector<std::string_view> seen;
  std::unordered_set<std::string_view> seen_many;
  auto first_time = [&](std::string_view text) {
    if (seen.size() < kLinearSeen) {
      if (std::find(seen.begin(), seen.end(), text) != seen.end()) return false;
      seen.push_back(text);
      if (seen.size() == kLinearSeen) seen_many.insert(seen.begin(), seen.end());
      return true;
    }
    return seen_many.insert(text).second;
  };
  auto add = [&](const Node& node, const std::string& description) {
    if (!node.is_scalar() || node.kind == NodeKind::Null) {
      add_unknown(out, &node, description + " is not a literal");
      return;
    }
    if (!first_time(node.text)) return;
    PossibleValue value = literal_value(node);
    value.via.push_back(Provenance{&node, description, false});
    value.bindings.push_back(Binding{param.name, node.text});
    if (list_type) {
      // `Ref` to a list parameter is the list of its comma-separated items.
      value.kind = PossibleValue::Kind::List;
      std::string_view rest = node.text;
      while (true) {
        const std::size_t comma = rest.find(',');
        PossibleValue element;
        element.text = std::string(rest.substr(0, comma));
        element.origin = &node;
        element.style = node.style;
        value.elements.push_back(std::move(element));
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
      }
      value.text.clear();
    }
    add_value(out, std::move(value));
  };
  if (param.default_value) add(*param.default_value, "parameter " + name + "'s default");
  if (has_allowed) {
    const std::string allowed = "parameter " + name + "'s allowed value";  // once, not per value
    for (const Node* item : param.allowed_values->items) {
      if (item) add(*item, allowed);
    }
  }
  if (!param.default_value && !has_allowed) {
    add_unknown(out, at, "parameter " + name + " has no default or allowed values");
  } else if (!has_allowed) {
    add_unknown(out, at, "parameter " + name + " has no AllowedValues, so other values may be given at deployment");
  }
  return out;
}

Resolution ResolveContext::resolve_if(const Node& node, unsigned depth) {
  Resolution out;
  const Node* arg = pair_argument(node, 3);
  if (!arg || !arg->items[0]->is_string()) {
    add_unknown(out, &node, "Fn::If needs [condition, value if true, value if false]");
    return out;
  }
  const std::string_view name = arg->items[0]->text;
  const unsigned mask = condition_mask(name);
  for (bool truth : {true, false}) {
    // A branch the condition can never take is not resolved at all.
    if (!(mask & (truth ? kCanBeTrue : kCanBeFalse))) continue;
    Resolution branch = resolve(*arg->items[truth ? 1 : 2], depth + 1);
    add_unknowns(out, branch);
    for (PossibleValue& value : branch.values) {
      PossibleValue assumed;
      assumed.assumptions.push_back(Assumption{name, truth});
      const bool was_free = value.assumptions.size() + value.bindings.size() == 0;
      if (!merge_constraints(value, assumed)) continue;  // an inner Fn::If took the other way
      if (!was_free && !feasible(value.assumptions, value.bindings)) continue;
      add_value(out, std::move(value));
    }
  }
  return out;
}

Resolution ResolveContext::resolve_find_in_map(const Node& node, unsigned depth) {
  Resolution out;
  const Node* arg = node.argument;
  if (!arg || !arg->is_sequence() || (arg->items.size() != 3 && arg->items.size() != 4)) {
    add_unknown(out, &node, "Fn::FindInMap needs [mapping, top-level key, second-level key]");
    return out;
  }
  for (const Node* item : arg->items) {
    if (!item) return out;
  }
  const Node* default_node = nullptr;
  if (arg->items.size() == 4) default_node = arg->items[3]->get("DefaultValue");

  Resolution keys[3];
  bool any_key[3] = {false, false, false};
  for (std::size_t i = 0; i < 3; ++i) {
    keys[i] = resolve(*arg->items[i], depth + 1);
    out.truncated = out.truncated || keys[i].truncated;
    // A key that is not known (AWS::Region, an open parameter) can be any key of the mapping;
    // deployments with another key fail, so listing every entry is the complete answer.
    any_key[i] = !keys[i].unknowns.empty();
  }
  if (any_key[0]) {
    add_unknowns(out, keys[0]);
    return out;
  }

  // The keys one level offers: every entry when the key is not known, else the key values.
  struct Choice {
    std::string_view key;
    const Node* node = nullptr;
    const PossibleValue* from = nullptr;
  };
  auto choices = [&](const Node& level, std::size_t index) {
    std::vector<Choice> result;
    if (any_key[index]) {
      for (const MapEntry& entry : level.entries) result.push_back({entry.key, entry.value, nullptr});
      return result;
    }
    for (const PossibleValue& value : keys[index].values) {
      if (!is_text_value(value)) continue;
      result.push_back({value.text, level.get(value.text), &value});
    }
    return result;
  };
  auto emit = [&](const Node& value_node, const std::string& description, bool passthrough,
                  const std::vector<const PossibleValue*>& from) {
    Resolution found = resolve(value_node, depth + 1);
    add_unknowns(out, found);
    for (PossibleValue& value : found.values) {
      bool consistent = true;
      bool constrained = false;
      for (const PossibleValue* key : from) {
        if (!key) continue;
        constrained = constrained || !key->assumptions.empty() || !key->bindings.empty();
        if (!merge_constraints(value, *key)) consistent = false;
      }
      if (!consistent) continue;
      if (constrained && !value.assumptions.empty() && !feasible(value.assumptions, value.bindings)) continue;
      prepend_hop(value, &value_node, description, passthrough);
      add_value(out, std::move(value));
    }
  };

  auto full = [&] {
    if (out.values.size() < limits_.max_values) return false;
    out.truncated = true;
    return true;
  };
  for (const PossibleValue& map_name : keys[0].values) {
    if (full()) break;
    if (!is_text_value(map_name)) continue;
    const NamedNode* mapping = tmpl_.mapping(map_name.text);
    if (!mapping || !mapping->node || !mapping->node->is_mapping()) {
      if (default_node) emit(*default_node, "Fn::FindInMap's DefaultValue", false, {&map_name});
      continue;
    }
    for (const Choice& top : choices(*mapping->node, 1)) {
      if (full()) break;
      if (!top.node || !top.node->is_mapping()) {
        if (default_node) emit(*default_node, "Fn::FindInMap's DefaultValue", false, {&map_name, top.from});
        continue;
      }
      for (const Choice& second : choices(*top.node, 2)) {
        if (full()) break;
        if (!second.node) {
          if (default_node) {
            emit(*default_node, "Fn::FindInMap's DefaultValue", false, {&map_name, top.from, second.from});
          }
          continue;
        }
        emit(*second.node,
             "mapping " + map_name.text + "." + std::string(top.key) + "." + std::string(second.key), false,
             {&map_name, top.from, second.from});
      }
    }
  }
  return out;
}

Resolution ResolveContext::resolve_sub(const Node& node, unsigned depth) {
  Resolution out;
  const Node* arg = node.argument;
  const Node* text_node = nullptr;
  const Node* variables = nullptr;
  if (arg && arg->is_string()) {
    text_node = arg;
  } else if (arg && arg->is_sequence() && arg->items.size() == 2 && arg->items[0] && arg->items[1] &&
             arg->items[0]->is_string() && arg->items[1]->is_mapping()) {
    text_node = arg->items[0];
    variables = arg->items[1];
  } else {
    add_unknown(out, &node, "Fn::Sub needs a string or [string, {variables}]");
    return out;
  }

  std::vector<std::string_view> names;
  for (const SubVariable& variable : sub_variables(text_node->text)) {
    // Views into the node's own text, so they outlive this call.
    const std::string_view name = std::string_view(text_node->text).substr(variable.offset + 2, variable.name.size());
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  std::vector<Resolution> parts;
  for (std::string_view name : names) {
    Resolution variable;
    const std::string shown(name);
    if (const Node* given = variables ? variables->get(name) : nullptr) {
      variable = resolve(*given, depth + 1);
    } else if (name.find('.') != std::string_view::npos) {
      add_unknown(variable, &node, "attribute " + shown + " is known only after deployment");
    } else {
      variable = resolve_ref(name, &node, depth + 1);
    }
    Resolution kept;
    for (Unknown& unknown : variable.unknowns) {
      add_unknown(out, unknown.at, "Fn::Sub variable " + shown + ": " + unknown.reason);
    }
    out.truncated = out.truncated || variable.truncated;
    for (PossibleValue& value : variable.values) {
      if (is_text_value(value)) {
        kept.values.push_back(std::move(value));
      } else {
        add_unknown(out, &node, "Fn::Sub variable " + shown + " is not a string");
      }
    }
    parts.push_back(std::move(kept));
  }

  Resolution combos = combine(parts);
  out.truncated = out.truncated || combos.truncated;
  for (PossibleValue& combo : combos.values) {
    std::unordered_map<std::string_view, std::string_view> chosen;
    for (std::size_t i = 0; i < names.size(); ++i) chosen.emplace(names[i], combo.elements[i].text);
    PossibleValue value;
    value.text = substitute(text_node->text, chosen);
    if (names.empty()) {
      value.origin = text_node;
      value.style = text_node->style;
    }
    value.via.push_back(Provenance{&node, "Fn::Sub of", true});
    for (const PossibleValue& element : combo.elements) append_hops(value, element.via);
    value.assumptions = std::move(combo.assumptions);
    value.bindings = std::move(combo.bindings);
    add_value(out, std::move(value));
  }
  return out;
}

std::optional<ResolveContext::TwoItems> ResolveContext::resolve_two_items(const Node& node, unsigned depth,
                                                                          std::string_view shape, Resolution& out) {
  TwoItems items;
  items.arg = pair_argument(node, 2);
  if (!items.arg) {
    add_unknown(out, &node, std::string(shape));
    return std::nullopt;
  }
  items.first = resolve(*items.arg->items[0], depth + 1);
  items.second = resolve(*items.arg->items[1], depth + 1);
  add_unknowns(out, items.first);
  add_unknowns(out, items.second);
  return items;
}

Resolution ResolveContext::resolve_join(const Node& node, unsigned depth) {
  Resolution out;
  std::optional<TwoItems> items = resolve_two_items(node, depth, "Fn::Join needs [delimiter, list]", out);
  if (!items) return out;
  const Node* arg = items->arg;
  const Resolution& delimiters = items->first;
  const Resolution& lists = items->second;
  for (const PossibleValue& delimiter : delimiters.values) {
    if (!is_text_value(delimiter)) continue;
    for (const PossibleValue& list : lists.values) {
      if (out.values.size() >= limits_.max_values) {
        out.truncated = true;
        return out;
      }
      if (list.kind != PossibleValue::Kind::List) {
        add_unknown(out, arg->items[1], "Fn::Join needs a list");
        continue;
      }
      PossibleValue value;
      if (!merge_constraints(value, delimiter) || !merge_constraints(value, list)) continue;
      if (!delimiter.assumptions.empty() && !list.assumptions.empty() &&
          !feasible(value.assumptions, value.bindings)) {
        continue;
      }
      bool ok = true;
      for (std::size_t i = 0; i < list.elements.size(); ++i) {
        const PossibleValue& element = list.elements[i];
        if (!is_text_value(element) && element.kind != PossibleValue::Kind::Null) {
          add_unknown(out, &node, "Fn::Join list element is not a string");
          ok = false;
          break;
        }
        if (i > 0) value.text += delimiter.text;
        value.text += element.text;
      }
      if (!ok) continue;
      value.via.push_back(Provenance{&node, "Fn::Join of", true});
      for (const PossibleValue& element : list.elements) append_hops(value, element.via);
      add_value(out, std::move(value));
    }
  }
  return out;
}

Resolution ResolveContext::resolve_select(const Node& node, unsigned depth) {
  Resolution out;
  const Node* arg = pair_argument(node, 2);
  if (!arg) {
    add_unknown(out, &node, "Fn::Select needs [index, list]");
    return out;
  }
  Resolution indexes = resolve(*arg->items[0], depth + 1);
  add_unknowns(out, indexes);
  const Node& list_node = *arg->items[1];
  // A literal list is indexed directly, so only the chosen element is resolved, unless an
  // element may vanish (Fn::If with AWS::NoValue) and shift the indexes.
  bool direct = list_node.is_sequence();
  for (const Node* item : list_node.items) {
    if (item && item->is_intrinsic("Fn::If")) direct = false;
  }
  Resolution lists;
  if (!direct) {
    lists = resolve(list_node, depth + 1);
    add_unknowns(out, lists);
  }
  for (const PossibleValue& index_value : indexes.values) {
    std::size_t index = 0;
    const std::string& text = index_value.text;
    const auto parsed = std::from_chars(text.data(), text.data() + text.size(), index);
    if (!is_text_value(index_value) || parsed.ec != std::errc() || parsed.ptr != text.data() + text.size()) {
      add_unknown(out, arg->items[0], "Fn::Select index " + text + " is not a number");
      continue;
    }
    auto pick = [&](PossibleValue value, const PossibleValue* list) {
      if (!merge_constraints(value, index_value)) return;
      if (list) {
        if (!merge_constraints(value, *list)) return;
        value.via.insert(value.via.begin(), list->via.begin(), list->via.end());
      }
      prepend_hop(value, &node, "Fn::Select of", true);
      add_value(out, std::move(value));
    };
    if (direct) {
      // An index past the end fails the deployment: no value.
      if (index >= list_node.items.size() || !list_node.items[index]) continue;
      Resolution element = resolve(*list_node.items[index], depth + 1);
      add_unknowns(out, element);
      for (PossibleValue& value : element.values) pick(std::move(value), nullptr);
      continue;
    }
    for (const PossibleValue& list : lists.values) {
      if (list.kind != PossibleValue::Kind::List) {
        add_unknown(out, &list_node, "Fn::Select needs a list");
        continue;
      }
      if (index < list.elements.size()) pick(list.elements[index], &list);
    }
  }
  return out;
}

Resolution ResolveContext::resolve_split(const Node& node, unsigned depth) {
  Resolution out;
  std::optional<TwoItems> items = resolve_two_items(node, depth, "Fn::Split needs [delimiter, string]", out);
  if (!items) return out;
  const Node* arg = items->arg;
  const Resolution& delimiters = items->first;
  const Resolution& sources = items->second;
  for (const PossibleValue& delimiter : delimiters.values) {
    if (!is_text_value(delimiter) || delimiter.text.empty()) {
      add_unknown(out, arg->items[0], "Fn::Split needs a non-empty delimiter");
      continue;
    }
    for (const PossibleValue& source : sources.values) {
      if (!is_text_value(source)) continue;
      PossibleValue value;
      value.kind = PossibleValue::Kind::List;
      if (!merge_constraints(value, delimiter) || !merge_constraints(value, source)) continue;
      std::string_view rest = source.text;
      while (true) {
        const std::size_t at = rest.find(delimiter.text);
        PossibleValue element;
        element.text = std::string(rest.substr(0, at));
        element.origin = source.origin;
        element.style = source.style;
        value.elements.push_back(std::move(element));
        if (at == std::string_view::npos) break;
        rest.remove_prefix(at + delimiter.text.size());
      }
      value.via.push_back(Provenance{&node, "Fn::Split of", true});
      append_hops(value, source.via);
      add_value(out, std::move(value));
    }
  }
  return out;
}

Resolution ResolveContext::resolve_length(const Node& node, unsigned depth) {
  Resolution out;
  if (!node.argument) {
    add_unknown(out, &node, "Fn::Length needs a list");
    return out;
  }
  Resolution lists = resolve(*node.argument, depth + 1);
  add_unknowns(out, lists);
  for (const PossibleValue& list : lists.values) {
    if (list.kind != PossibleValue::Kind::List) {
      add_unknown(out, &node, "Fn::Length needs a list");
      continue;
    }
    PossibleValue value;
    value.kind = PossibleValue::Kind::Number;
    value.text = std::to_string(list.elements.size());
    value.assumptions = list.assumptions;
    value.bindings = list.bindings;
    value.via.push_back(Provenance{&node, "Fn::Length of", true});
    add_value(out, std::move(value));
  }
  return out;
}

Resolution ResolveContext::resolve_to_json_string(const Node& node) {
  Resolution out;
  if (!node.argument || has_intrinsic(*node.argument)) {
    // CloudFormation serialises after resolving the functions inside; we do not guess
    // its formatting of computed values.
    add_unknown(out, &node, "Fn::ToJsonString of values with functions is not evaluated");
    return out;
  }
  PossibleValue value;
  append_json(value.text, *node.argument);
  value.via.push_back(Provenance{&node, "Fn::ToJsonString of", true});
  add_value(out, std::move(value));
  return out;
}

}  // namespace detail

Resolver::Resolver(const Template& tmpl, ResolverLimits limits) : tmpl_(&tmpl), limits_(limits) {}

Resolution Resolver::resolve(const Node& node) const {
  detail::ResolveContext context(*tmpl_, limits_);
  return context.resolve(node, 0);
}

std::vector<bool> Resolver::condition_values(std::string_view name) const {
  detail::ResolveContext context(*tmpl_, limits_);
  const unsigned mask = context.condition_mask(name);
  std::vector<bool> values;
  if (mask & detail::kCanBeTrue) values.push_back(true);
  if (mask & detail::kCanBeFalse) values.push_back(false);
  return values;
}

Resolution Resolver::parameter_values(std::string_view name) const {
  detail::ResolveContext context(*tmpl_, limits_);
  const Parameter* param = tmpl_->parameter(name);
  if (!param) {
    Resolution out;
    detail::ResolveContext::add_unknown(out, nullptr, std::string(name) + " is not a parameter");
    return out;
  }
  return context.parameter_values(*param, param->node, false);
}

std::vector<std::string> Resolver::strings(const Node& node) const {
  std::vector<std::string> texts;
  for (const PossibleValue& value : resolve(node).values) {
    if (!detail::is_text_value(value)) continue;
    if (std::find(texts.begin(), texts.end(), value.text) == texts.end()) texts.push_back(value.text);
  }
  return texts;
}

}  // namespace cfn_eks
