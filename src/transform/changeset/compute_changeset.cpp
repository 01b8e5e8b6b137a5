// compute_changeset: resources, parameters and outputs of two templates compared by name.

#include <algorithm>
#include <map>

#include "cfn_eks/changeset.hpp"
#include "cfn_eks/resolver.hpp"
#include "transform/changeset/changeset_values.hpp"
#include "transform/changeset/hazards.hpp"
#include "transform/changeset/property_diff.hpp"

namespace cfn_eks {

namespace {

using changeset::canonical;
using changeset::compact;
using changeset::position_of;

std::optional<Position> key_position(const Template& tmpl, const MapEntry* entry) {
  if (entry == nullptr || !tmpl.document().source) return std::nullopt;
  return tmpl.document().source->position(entry->key_range.begin);
}

// Keys of a mapping node whose values differ (or exist on one side only), in a fixed order.
std::vector<std::string> changed_fields(const Node* a, const Node* b, const std::vector<std::string_view>& order) {
  std::vector<std::string> keys;
  auto add_key = [&](const std::string& key) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  };
  if (a && a->is_mapping()) for (const MapEntry& e : a->entries) add_key(e.key);
  if (b && b->is_mapping()) for (const MapEntry& e : b->entries) add_key(e.key);
  std::vector<std::string> out;
  for (const std::string& key : keys) {
    const Node* x = a && a->is_mapping() ? a->get(key) : nullptr;
    const Node* y = b && b->is_mapping() ? b->get(key) : nullptr;
    if (canonical(x) != canonical(y)) out.push_back(key);
  }
  auto rank = [&](const std::string& key) {
    const auto it = std::find(order.begin(), order.end(), key);
    return it == order.end() ? order.size() : static_cast<std::size_t>(it - order.begin());
  };
  std::stable_sort(out.begin(), out.end(), [&](const std::string& x, const std::string& y) { return rank(x) < rank(y); });
  return out;
}

const std::vector<std::string_view> kParameterFieldOrder = {"Type", "Default", "AllowedValues", "AllowedPattern", "NoEcho",
                                                            "MinLength", "MaxLength", "MinValue", "MaxValue"};

// An output's fields, with Export.Name flattened so a renamed export is named as such.
std::vector<std::string> output_fields(const Output& a, const Output& b) {
  std::vector<std::string> out;
  if (canonical(a.value) != canonical(b.value)) out.push_back("Value");
  if (canonical(a.export_name) != canonical(b.export_name)) out.push_back("Export.Name");
  if (canonical(a.condition) != canonical(b.condition)) out.push_back("Condition");
  const Node* da = a.node && a.node->is_mapping() ? a.node->get("Description") : nullptr;
  const Node* db = b.node && b.node->is_mapping() ? b.node->get("Description") : nullptr;
  if (canonical(da) != canonical(db)) out.push_back("Description");
  return out;
}

Replacement strongest(const std::vector<PropertyChange>& changes, std::string& reason) {
  Replacement best = Replacement::Never;
  for (const PropertyChange& c : changes) {
    if (c.replacement > best) {
      best = c.replacement;
      reason = c.reason;
    }
  }
  return best;
}

void diff_resources(ChangeSet& out, const changeset::DiffInputs& in) {
  const Template& before = in.before;
  const Template& after = in.after;
  std::vector<const Resource*> removed, added;
  for (const Resource& old_resource : before.resources()) {
    if (after.resource(old_resource.name) == nullptr) removed.push_back(&old_resource);
  }
  for (const Resource& resource : after.resources()) {
    const Resource* old_resource = before.resource(resource.name);
    if (old_resource == nullptr) {
      added.push_back(&resource);
      continue;
    }
    ResourceChange change;
    change.logical_id = std::string(resource.name);
    change.action = ChangeAction::Modify;
    change.type = std::string(resource.type);
    change.before_at = key_position(before, old_resource->entry);
    change.after_at = key_position(after, resource.entry);
    if (canonical(old_resource->type_node) != canonical(resource.type_node)) {
      change.before_type = std::string(old_resource->type);
      PropertyChange c;
      c.scope = ChangeScope::Type;
      c.path = "Type";
      c.action = ChangeAction::Modify;
      c.replacement = Replacement::Always;
      c.reason = "the Type changes from " + std::string(old_resource->type) + " to " + std::string(resource.type) +
                 ": a resource of another type is another resource";
      c.before_value = compact(old_resource->type_node);
      c.after_value = compact(resource.type_node);
      c.before_at = position_of(before, old_resource->type_node);
      c.after_at = position_of(after, resource.type_node);
      change.changes.push_back(std::move(c));
      // Properties of different types are not comparable path by path.
    } else {
      std::vector<PropertyChange> props = diff_properties(in, resource.type, old_resource->properties, resource.properties);
      for (PropertyChange& c : props) change.changes.push_back(std::move(c));
    }
    for (PropertyChange& c : diff_attributes(in, *old_resource, resource)) change.changes.push_back(std::move(c));
    if (change.changes.empty()) continue;
    change.replacement = strongest(change.changes, change.replacement_reason);
    out.resources.push_back(std::move(change));
  }

  // A removed resource that reappears, identical, under a new id is a rename.
  std::map<const Resource*, const Resource*> rename_of;  // added -> removed
  // Keyed by Type and Properties, so many additions and removals stay linear.
  std::multimap<std::string, std::size_t> removed_by_body;
  for (std::size_t i = 0; i < removed.size(); ++i) {
    removed_by_body.emplace(canonical(removed[i]->type_node) + "|" + canonical(removed[i]->properties), i);
  }
  for (const Resource* resource : added) {
    if (removed_by_body.empty()) break;
    const auto it = removed_by_body.find(canonical(resource->type_node) + "|" + canonical(resource->properties));
    if (it == removed_by_body.end()) continue;
    rename_of[resource] = removed[it->second];
    removed_by_body.erase(it);
  }
  std::map<const Resource*, const Resource*> renamed_to;
  for (const auto& [to, from] : rename_of) renamed_to[from] = to;

  for (const Resource* resource : added) {
    ResourceChange change;
    change.logical_id = std::string(resource->name);
    change.action = ChangeAction::Add;
    change.type = std::string(resource->type);
    change.after_at = key_position(after, resource->entry);
    if (auto it = rename_of.find(resource); it != rename_of.end()) {
      change.renamed_from = std::string(it->second->name);
      change.replacement = Replacement::Always;
      change.replacement_reason = "renamed from '" + change.renamed_from + "': CloudFormation creates '" + change.logical_id +
                                  "' and then deletes '" + change.renamed_from +
                                  "', a replacement (new physical resource, new id and generated name)";
    }
    out.resources.push_back(std::move(change));
  }
  for (const Resource* resource : removed) {
    ResourceChange change;
    change.logical_id = std::string(resource->name);
    change.action = ChangeAction::Remove;
    change.type = std::string(resource->type);
    change.before_at = key_position(before, resource->entry);
    if (auto it = renamed_to.find(resource); it != renamed_to.end()) {
      change.renamed_to = std::string(it->second->name);
      change.replacement = Replacement::Always;
      change.replacement_reason = "renamed to '" + change.renamed_to + "': deleted after '" + change.renamed_to + "' is created";
    }
    out.resources.push_back(std::move(change));
  }
  std::sort(out.resources.begin(), out.resources.end(),
            [](const ResourceChange& a, const ResourceChange& b) { return a.logical_id < b.logical_id; });
}

void diff_parameters(ChangeSet& out, const Template& before, const Template& after) {
  for (const Parameter& p : after.parameters()) {
    const Parameter* old_p = before.parameter(p.name);
    ParameterChange change;
    change.name = std::string(p.name);
    change.after_at = key_position(after, p.entry);
    change.after_default = p.default_value ? compact(p.default_value) : std::string();
    if (old_p == nullptr) {
      change.action = ChangeAction::Add;
    } else {
      change.fields = changed_fields(old_p->node, p.node, kParameterFieldOrder);
      std::erase(change.fields, "Description");
      std::erase(change.fields, "ConstraintDescription");
      if (change.fields.empty()) continue;
      change.action = ChangeAction::Modify;
      change.before_at = key_position(before, old_p->entry);
      change.before_default = old_p->default_value ? compact(old_p->default_value) : std::string();
    }
    out.parameters.push_back(std::move(change));
  }
  for (const Parameter& old_p : before.parameters()) {
    if (after.parameter(old_p.name)) continue;
    ParameterChange change;
    change.name = std::string(old_p.name);
    change.action = ChangeAction::Remove;
    change.before_at = key_position(before, old_p.entry);
    change.before_default = old_p.default_value ? compact(old_p.default_value) : std::string();
    out.parameters.push_back(std::move(change));
  }
  std::sort(out.parameters.begin(), out.parameters.end(),
            [](const ParameterChange& a, const ParameterChange& b) { return a.name < b.name; });
}

void diff_outputs(ChangeSet& out, const Template& before, const Template& after) {
  for (const Output& o : after.outputs()) {
    const Output* old_o = before.output(o.name);
    OutputChange change;
    change.name = std::string(o.name);
    change.after_at = key_position(after, o.entry);
    change.after_export = o.export_name ? compact(o.export_name) : std::string();
    if (old_o == nullptr) {
      change.action = ChangeAction::Add;
    } else {
      change.fields = output_fields(*old_o, o);
      if (change.fields.empty()) continue;
      change.action = ChangeAction::Modify;
      change.before_at = key_position(before, old_o->entry);
      change.before_export = old_o->export_name ? compact(old_o->export_name) : std::string();
    }
    out.outputs.push_back(std::move(change));
  }
  for (const Output& old_o : before.outputs()) {
    if (after.output(old_o.name)) continue;
    OutputChange change;
    change.name = std::string(old_o.name);
    change.action = ChangeAction::Remove;
    change.before_at = key_position(before, old_o.entry);
    change.before_export = old_o.export_name ? compact(old_o.export_name) : std::string();
    out.outputs.push_back(std::move(change));
  }
  std::sort(out.outputs.begin(), out.outputs.end(), [](const OutputChange& a, const OutputChange& b) { return a.name < b.name; });
}

}  // namespace

std::string_view change_action_name(ChangeAction action) {
  switch (action) {
    case ChangeAction::Add: return "Add";
    case ChangeAction::Remove: return "Remove";
    case ChangeAction::Modify: return "Modify";
  }
  return "Modify";
}

std::string_view change_scope_name(ChangeScope scope) {
  switch (scope) {
    case ChangeScope::Property: return "property";
    case ChangeScope::Attribute: return "attribute";
    case ChangeScope::Type: return "type";
  }
  return "property";
}

std::size_t ChangeSet::error_count() const {
  return static_cast<std::size_t>(
      std::count_if(hazards.begin(), hazards.end(), [](const Hazard& h) { return h.severity == Severity::Error; }));
}

const ResourceChange* ChangeSet::resource(std::string_view logical_id) const {
  for (const ResourceChange& r : resources) {
    if (r.logical_id == logical_id) return &r;
  }
  return nullptr;
}

std::optional<ChangeSetFormat> parse_changeset_format(std::string_view name) {
  if (name == "text") return ChangeSetFormat::Text;
  if (name == "json") return ChangeSetFormat::Json;
  if (name == "markdown" || name == "md") return ChangeSetFormat::Markdown;
  return std::nullopt;
}

ChangeSet compute_changeset(const Document& before, const Document& after, const ChangeSetOptions& options) {
  const std::shared_ptr<const ResourceSchemas> schemas = options.schemas ? options.schemas : ResourceSchemas::embedded();
  const EksKnowledgePtr eks = options.eks ? options.eks : embedded_eks_knowledge();
  const Template old_template(before);
  const Template new_template(after);
  ChangeSet out;
  out.before_path = before.source ? before.source->path() : std::string();
  out.after_path = after.source ? after.source->path() : std::string();

  changeset::DiffInputs in{old_template, new_template, *schemas, {}, {}, nullptr, nullptr};
  for (const Parameter& p : new_template.parameters()) {
    const Parameter* old_p = old_template.parameter(p.name);
    if (old_p == nullptr || canonical(old_p->default_value) == canonical(p.default_value)) continue;
    in.changed_defaults.emplace(std::string(p.name),
                                std::make_pair(old_p->default_value ? compact(old_p->default_value) : std::string("(no default)"),
                                               p.default_value ? compact(p.default_value) : std::string("(no default)")));
  }
  for (const NamedNode& m : new_template.mappings()) {
    const NamedNode* old_m = old_template.mapping(m.name);
    if (old_m != nullptr && canonical(old_m->node) != canonical(m.node)) in.changed_mappings.emplace(m.name);
  }
  const Resolver old_resolver(old_template);
  const Resolver new_resolver(new_template);
  in.before_resolver = &old_resolver;
  in.after_resolver = &new_resolver;
  diff_resources(out, in);
  diff_parameters(out, old_template, new_template);
  diff_outputs(out, old_template, new_template);
  changeset::add_hazards(out, old_template, new_template, *eks);
  return out;
}

}  // namespace cfn_eks
