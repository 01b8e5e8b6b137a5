#include "rules/eks/common/launch_templates.hpp"

#include "rules/common/intrinsic_args.hpp"

namespace cfn_eks {

namespace {

constexpr std::string_view kLaunchTemplateType = "AWS::EC2::LaunchTemplate";

const Resource* launch_template_resource(const Template& tmpl, std::string_view name) {
  const Resource* resource = tmpl.resource(name);
  return resource != nullptr && resource->type == kLaunchTemplateType ? resource : nullptr;
}

// Two nodes that name the same thing: equal literal strings or Refs to the same parameter.
bool same_name(const Node& a, const Node& b) {
  if (a.is_string() && b.is_string()) return a.text == b.text;
  if (a.is_intrinsic("Ref") && b.is_intrinsic("Ref") && a.argument && b.argument &&
      a.argument->is_string() && b.argument->is_string()) {
    return a.argument->text == b.argument->text;
  }
  return false;
}

LaunchTemplateUse make_use(const Template& tmpl, const Node& spec, std::string_view id_key,
                           std::string_view name_key) {
  LaunchTemplateUse use;
  use.spec = &spec;
  use.id = spec.get(id_key);
  use.name = spec.get(name_key);
  use.version = spec.get("Version");
  use.resource = launch_template_named(tmpl, use.id, use.name);
  if (use.resource != nullptr) {
    const Node* data = use.resource->property("LaunchTemplateData");
    if (data != nullptr && data->is_mapping()) use.data = data;
  }
  return use;
}

void collect(const Node* node, std::string_view path, std::vector<const MapEntry*>& out) {
  if (node == nullptr || !node->is_mapping()) return;
  const std::size_t dot = path.find('.');
  std::string_view head = path.substr(0, dot);
  const std::string_view rest = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
  const bool each = head.ends_with("[]");
  if (each) head.remove_suffix(2);
  const MapEntry* entry = node->find(head);
  if (entry == nullptr || !is_set(entry->value)) return;
  if (rest.empty() && !each) {
    out.push_back(entry);
    return;
  }
  if (!each) {
    collect(entry->value, rest, out);
    return;
  }
  if (!entry->value->is_sequence()) return;
  for (const Node* item : entry->value->items) collect(item, rest, out);
}

}  // namespace

bool is_no_value(const Node& node) {
  return node.is_intrinsic("Ref") && node.argument != nullptr && node.argument->is_string() &&
         node.argument->text == "AWS::NoValue";
}

bool is_set(const Node* node) {
  if (node == nullptr || is_no_value(*node)) return false;
  if (node->is_intrinsic("Fn::If") && node->argument != nullptr && node->argument->is_sequence() &&
      node->argument->items.size() == 3) {
    return is_set(node->argument->items[1]) || is_set(node->argument->items[2]);
  }
  return true;
}

const Resource* launch_template_named(const Template& tmpl, const Node* id, const Node* name) {
  if (id != nullptr) {
    if (id->is_intrinsic("Ref") && id->argument != nullptr && id->argument->is_string()) {
      return launch_template_resource(tmpl, id->argument->text);
    }
    if (const auto target = getatt_target(*id); target && target->attribute == "LaunchTemplateId") {
      return launch_template_resource(tmpl, target->resource);
    }
    return nullptr;
  }
  if (name == nullptr) return nullptr;
  for (const Resource* resource : tmpl.resources_of_type(kLaunchTemplateType)) {
    const Node* written = resource->property("LaunchTemplateName");
    if (written != nullptr && same_name(*written, *name)) return resource;
  }
  return nullptr;
}

std::optional<LaunchTemplateUse> nodegroup_launch_template(const Template& tmpl, const Resource& nodegroup) {
  const Node* spec = nodegroup.property("LaunchTemplate");
  if (spec == nullptr || !spec->is_mapping()) return std::nullopt;
  return make_use(tmpl, *spec, "Id", "Name");
}

std::vector<LaunchTemplateUse> auto_scaling_group_launch_templates(const Template& tmpl, const Resource& group) {
  std::vector<LaunchTemplateUse> uses;
  if (const Node* spec = group.property("LaunchTemplate"); spec != nullptr && spec->is_mapping()) {
    uses.push_back(make_use(tmpl, *spec, "LaunchTemplateId", "LaunchTemplateName"));
  }
  if (const Node* mixed = group.property("MixedInstancesPolicy"); mixed != nullptr && mixed->is_mapping()) {
    const Node* lt = mixed->get("LaunchTemplate");
    const Node* spec = lt != nullptr && lt->is_mapping() ? lt->get("LaunchTemplateSpecification") : nullptr;
    if (spec != nullptr && spec->is_mapping()) {
      uses.push_back(make_use(tmpl, *spec, "LaunchTemplateId", "LaunchTemplateName"));
    }
  }
  return uses;
}

std::string quoted_value(const PossibleValue& value, const Node& used_at, const SourceFile& source) {
  if (value.origin == &used_at) return "'" + value.text + "'";
  return value.describe(source);
}

std::vector<const MapEntry*> entries_at_path(const Node* data, std::string_view path) {
  std::vector<const MapEntry*> out;
  while (true) {
    const std::size_t bar = path.find('|');
    collect(data, path.substr(0, bar), out);
    if (bar == std::string_view::npos) break;
    path.remove_prefix(bar + 1);
  }
  return out;
}

}  // namespace cfn_eks
