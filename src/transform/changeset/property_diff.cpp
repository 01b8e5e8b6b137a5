#include "transform/changeset/property_diff.hpp"

#include <algorithm>
#include <set>

#include "cfn_eks/resolver.hpp"
#include "transform/changeset/changeset_values.hpp"

namespace cfn_eks::changeset {

namespace {

constexpr unsigned kMaxDepth = 64;

// A key that would be ambiguous in a dotted path ("kubernetes.io/role") is shown as ["key"].
bool plain_key(std::string_view key) {
  return !key.empty() && key.find_first_of(".[]\" ") == std::string_view::npos;
}

std::string child_path(const std::string& path, std::string_view key) {
  if (!plain_key(key)) return path + "[\"" + std::string(key) + "\"]";
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

// Schema paths use '/' and skip keys a schema cannot name (map keys, list items).
std::string schema_child(const std::string& spath, std::string_view key) {
  const std::string part = plain_key(key) && key.find('/') == std::string_view::npos ? std::string(key) : "*";
  return spath.empty() ? part : spath + "/" + part;
}

std::string dotted_steps(const std::string& spath) {
  std::string out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= spath.size(); ++i) {
    if (i == spath.size() || spath[i] == '/') {
      const std::string part = spath.substr(start, i - start);
      if (!part.empty() && part != "*") out += (out.empty() ? "" : ".") + part;
      start = i + 1;
    }
  }
  return out;
}

// The answer for a whole subtree added, removed or replaced: when a create-only path lies
// inside `spath`, what is inside `node` decides (a KubernetesNetworkConfig added with only
// ServiceIpv4Cidr replaces the cluster; one with only ElasticLoadBalancing does not).
ReplacementAnswer subtree_answer(const ResourceSchema& schema, const std::string& spath, const Node* node, unsigned depth) {
  ReplacementAnswer here = schema.replacement(spath);
  if (here.replacement != Replacement::Conditional || node == nullptr || !node->is_mapping() || depth > kMaxDepth) {
    return here;
  }
  const std::string shown = dotted_steps(spath);
  if (!shown.empty() && !here.decided_by.starts_with(shown + ".")) return here;  // a conditionally create-only entry itself
  ReplacementAnswer best;
  best.reason = "'" + shown + "' is updated in place: no create-only property inside it is set";
  for (const MapEntry& entry : node->entries) {
    ReplacementAnswer inner = subtree_answer(schema, schema_child(spath, entry.key), entry.value, depth + 1);
    if (inner.replacement > best.replacement) best = std::move(inner);
    if (best.replacement == Replacement::Always) break;
  }
  return best;
}

// Parameters a subtree reads: `Ref: P` and `${P}` of Fn::Sub (not the Sub's own variables).
void referenced_parameters(const Node* node, const Template& tmpl, std::set<std::string>& out, unsigned depth) {
  if (node == nullptr || depth > kMaxDepth) return;
  if (node->is_intrinsic("Ref") && node->argument && node->argument->is_string()) {
    if (tmpl.parameter(node->argument->text)) out.insert(node->argument->text);
    return;
  }
  if (node->is_intrinsic("Fn::Sub") && node->argument) {
    const Node* text = node->argument->is_string() ? node->argument
                       : node->argument->is_sequence() && !node->argument->items.empty() ? node->argument->items[0]
                                                                                           : nullptr;
    const Node* vars = node->argument->is_sequence() && node->argument->items.size() > 1 ? node->argument->items[1] : nullptr;
    if (text && text->is_string()) {
      for (const SubVariable& v : sub_variables(text->text)) {
        if (v.name.find('.') != std::string::npos) continue;
        if (vars && vars->is_mapping() && vars->get(v.name)) continue;
        if (tmpl.parameter(v.name)) out.insert(v.name);
      }
    }
    if (vars) referenced_parameters(vars, tmpl, out, depth + 1);
    return;
  }
  if (node->argument) referenced_parameters(node->argument, tmpl, out, depth + 1);
  for (const Node* item : node->items) referenced_parameters(item, tmpl, out, depth + 1);
  for (const MapEntry& e : node->entries) referenced_parameters(e.value, tmpl, out, depth + 1);
}

// Mappings a subtree reads with Fn::FindInMap (literal mapping names).
void referenced_mappings(const Node* node, std::set<std::string>& out, unsigned depth) {
  if (node == nullptr || depth > kMaxDepth) return;
  if (node->is_intrinsic("Fn::FindInMap") && node->argument && node->argument->is_sequence() &&
      !node->argument->items.empty() && node->argument->items[0] && node->argument->items[0]->is_string()) {
    out.insert(node->argument->items[0]->text);
  }
  if (node->argument) referenced_mappings(node->argument, out, depth + 1);
  for (const Node* item : node->items) referenced_mappings(item, out, depth + 1);
  for (const MapEntry& e : node->entries) referenced_mappings(e.value, out, depth + 1);
}

// The values a node resolves to, joined for display and comparison; empty when unknown.
std::string resolved_text(const Resolver* resolver, const Node& node) {
  if (resolver == nullptr) return {};
  std::vector<std::string> values = resolver->strings(node);
  std::string out;
  for (std::size_t i = 0; i < values.size() && i < 4; ++i) out += (i ? " | " : "") + values[i];
  if (values.size() > 4) out += " | ...";
  return out;
}

class PropertyWalker {
 public:
  PropertyWalker(const DiffInputs& in, std::string_view type)
      : in_(in), type_(type), schema_(in.schemas.find(type)) {}

  void walk(const Node* a, const Node* b, const std::string& path, const std::string& spath, unsigned depth) {
    if (a == nullptr && b == nullptr) return;
    if (a == nullptr || b == nullptr) {
      record(a ? ChangeAction::Remove : ChangeAction::Add, a, b, path, spath, {});
      return;
    }
    if (depth < kMaxDepth && a->is_mapping() && b->is_mapping()) {
      for (const MapEntry& old_entry : a->entries) {
        if (b->find(old_entry.key) == nullptr) {
          record(ChangeAction::Remove, old_entry.value, nullptr, child_path(path, old_entry.key),
                 schema_child(spath, old_entry.key), {});
        }
      }
      for (const MapEntry& entry : b->entries) {
        const MapEntry* old_entry = a->find(entry.key);
        walk(old_entry ? old_entry->value : nullptr, entry.value, child_path(path, entry.key),
             schema_child(spath, entry.key), depth + 1);
      }
      return;
    }
    if (depth < kMaxDepth && a->is_sequence() && b->is_sequence() && a->items.size() == b->items.size()) {
      for (std::size_t i = 0; i < a->items.size(); ++i) {
        walk(a->items[i], b->items[i], path + "[" + std::to_string(i) + "]", spath + (spath.empty() ? "*" : "/*"),
             depth + 1);
      }
      return;
    }
    if (canonical(a) != canonical(b)) {
      record(ChangeAction::Modify, a, b, path, spath, {});
      return;
    }
    // Same text: a value read from a parameter still changes when the parameter's Default does.
    if ((in_.changed_defaults.empty() && in_.changed_mappings.empty()) || b->is_scalar()) return;
    std::set<std::string> names;
    if (!in_.changed_defaults.empty()) referenced_parameters(b, in_.after, names, 0);
    for (const std::string& name : names) {
      auto it = in_.changed_defaults.find(name);
      if (it == in_.changed_defaults.end()) continue;
      record(ChangeAction::Modify, a, b, path, spath, name);
      return;
    }
    // ... and a value read from a mapping when the entries it can read changed.
    if (in_.changed_mappings.empty()) return;
    std::set<std::string> mappings;
    referenced_mappings(b, mappings, 0);
    for (const std::string& name : mappings) {
      if (!in_.changed_mappings.contains(name)) continue;
      const std::string old_value = resolved_text(in_.before_resolver, *a);
      const std::string new_value = resolved_text(in_.after_resolver, *b);
      if (old_value == new_value) continue;
      record(ChangeAction::Modify, a, b, path, spath, {});
      out_.back().via_mapping = name;
      out_.back().before_value = old_value;
      out_.back().after_value = new_value;
      out_.back().reason += " (the value comes from mapping '" + name + "', whose entries change)";
      return;
    }
  }

  std::vector<PropertyChange> take() { return std::move(out_); }

 private:
  void record(ChangeAction action, const Node* a, const Node* b, const std::string& path, const std::string& spath,
              const std::string& via) {
    PropertyChange c;
    c.scope = ChangeScope::Property;
    c.path = path;
    c.action = action;
    c.before_at = position_of(in_.before, a);
    c.after_at = position_of(in_.after, b);
    if (!via.empty()) {
      const auto& [old_default, new_default] = in_.changed_defaults.at(via);
      c.via_parameter = via;
      c.before_value = old_default;
      c.after_value = new_default;
    } else {
      c.before_value = a ? compact(a) : std::string();
      c.after_value = b ? compact(b) : std::string();
    }
    if (schema_ == nullptr) {
      c.replacement = Replacement::Conditional;
      c.reason = "no schema for " + std::string(type_.empty() ? "this type" : type_) +
                 ": whether changing '" + path + "' replaces the resource is unknown";
    } else {
      // An added or removed subtree is judged by what it holds; a changed one by both sides.
      ReplacementAnswer answer = subtree_answer(*schema_, spath, a ? a : b, 0);
      if (a != nullptr && b != nullptr && answer.replacement != Replacement::Always) {
        ReplacementAnswer other = subtree_answer(*schema_, spath, b, 0);
        if (other.replacement > answer.replacement) answer = std::move(other);
      }
      c.replacement = answer.replacement;
      c.reason = answer.reason;
    }
    if (!via.empty()) {
      c.reason += " (the value comes from parameter '" + via + "', whose Default changes; it applies when the update uses the default)";
    }
    out_.push_back(std::move(c));
  }

  const DiffInputs& in_;
  std::string_view type_;
  const ResourceSchema* schema_;
  std::vector<PropertyChange> out_;
};

// DependsOn as a set: a string or a list, order does not matter.
std::string depends_on_key(const Node* node) {
  if (node == nullptr) return "";
  std::vector<std::string> names;
  if (node->is_string()) names.push_back(node->text);
  if (node->is_sequence()) {
    for (const Node* item : node->items) names.push_back(canonical(item));
  } else if (!node->is_string()) {
    return canonical(node);
  }
  for (std::string& n : names) {
    if (!n.starts_with("\"")) n = "\"" + n + "\"";
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::string out;
  for (const std::string& n : names) out += n + ",";
  return out;
}

struct AttributeInfo {
  std::string_view name;
  const Node* Resource::*member;
  std::string_view effect;
};

const AttributeInfo kAttributes[] = {
    {"Condition", &Resource::condition,
     "Condition decides whether the resource exists: when it now evaluates to false the resource is deleted, "
     "when it turns true it is created; an existing resource is not replaced by it"},
    {"DependsOn", &Resource::depends_on, "DependsOn changes only the order of operations; nothing is updated by it"},
    {"Metadata", &Resource::metadata,
     "Metadata is stored with the stack and read by cfn-init/cfn-hup; it updates no property of the resource"},
    {"UpdatePolicy", &Resource::update_policy,
     "UpdatePolicy governs how later updates roll out; it does not update the resource by itself"},
    {"CreationPolicy", &Resource::creation_policy,
     "CreationPolicy applies when the resource is created (or replaced); it does not update the resource by itself"},
    {"DeletionPolicy", &Resource::deletion_policy,
     "DeletionPolicy decides what happens when the resource is later removed or the stack deleted; it does not update the resource"},
    {"UpdateReplacePolicy", &Resource::update_replace_policy,
     "UpdateReplacePolicy decides what happens to the old resource when a later change replaces it; it does not update the resource"},
};

}  // namespace

std::optional<Position> position_of(const Template& tmpl, const Node* node) {
  if (node == nullptr || !tmpl.document().source) return std::nullopt;
  return tmpl.document().source->position(node->range.begin);
}

std::vector<PropertyChange> diff_properties(const DiffInputs& in, std::string_view type, const Node* before,
                                            const Node* after) {
  PropertyWalker walker(in, type);
  // A missing Properties is an empty one, so added properties are listed one by one; a
  // Properties that is not a mapping (an Fn::If, a broken template) is one value.
  static const Node kEmpty = [] {
    Node node;
    node.kind = NodeKind::Mapping;
    return node;
  }();
  if (before == nullptr && after != nullptr && after->is_mapping()) before = &kEmpty;
  if (after == nullptr && before != nullptr && before->is_mapping()) after = &kEmpty;
  walker.walk(before, after, "", "", 0);
  std::vector<PropertyChange> out = walker.take();
  for (PropertyChange& c : out) {
    if (c.path.empty()) c.path = "Properties";
  }
  return out;
}

std::vector<PropertyChange> diff_attributes(const DiffInputs& in, const Resource& before, const Resource& after) {
  std::vector<PropertyChange> out;
  for (const AttributeInfo& attribute : kAttributes) {
    const Node* a = before.*(attribute.member);
    const Node* b = after.*(attribute.member);
    const bool same = attribute.name == "DependsOn" ? depends_on_key(a) == depends_on_key(b) : canonical(a) == canonical(b);
    if (same || (a == nullptr && b == nullptr)) continue;
    PropertyChange c;
    c.scope = ChangeScope::Attribute;
    c.path = std::string(attribute.name);
    c.action = a == nullptr ? ChangeAction::Add : b == nullptr ? ChangeAction::Remove : ChangeAction::Modify;
    c.replacement = Replacement::Never;
    c.reason = std::string(attribute.effect);
    c.before_value = a ? compact(a) : std::string();
    c.after_value = b ? compact(b) : std::string();
    c.before_at = position_of(in.before, a);
    c.after_at = position_of(in.after, b);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace cfn_eks::changeset
