#include "rules/nodegroups/node_launch_data.hpp"

#include <algorithm>

#include "rules/eks/common/launch_templates.hpp"
#include "rules/eks/common/self_managed_nodes.hpp"

namespace cfn_eks {

namespace {

void add(std::vector<NodeLaunch>& out, const Resource* launch, const Node* data, const MapEntry* data_entry,
         const Resource& group, bool managed) {
  if (launch == nullptr || data == nullptr || !data->is_mapping()) return;
  if (std::any_of(out.begin(), out.end(), [&](const NodeLaunch& n) { return n.launch == launch; })) return;
  NodeLaunch item;
  item.launch = launch;
  item.data = data;
  item.data_entry = data_entry != nullptr ? data_entry : launch->entry;
  item.group = &group;
  item.managed = managed;
  item.used_by = std::string(managed ? "managed" : "self-managed") + " node group '" + std::string(group.name) + "'";
  out.push_back(std::move(item));
}

// A launch template written without Properties (found by fuzzing) has no LaunchTemplateData.
const MapEntry* launch_template_data_entry(const Resource& launch) {
  return launch.properties != nullptr ? launch.properties->find("LaunchTemplateData") : nullptr;
}

}  // namespace

std::vector<NodeLaunch> node_launch_data(const LintContext& context) {
  std::vector<NodeLaunch> out;
  for (const Resource* nodegroup : context.tmpl.resources_of_type("AWS::EKS::Nodegroup")) {
    const auto use = nodegroup_launch_template(context.tmpl, *nodegroup);
    if (!use || use->resource == nullptr) continue;
    add(out, use->resource, use->data, launch_template_data_entry(*use->resource), *nodegroup, true);
  }
  for (const SelfManagedNodeGroup& group : self_managed_node_groups(context)) {
    if (!group.launch || group.launch->resource == nullptr) continue;
    const Resource* launch = group.launch->resource;
    const MapEntry* entry = group.launch->launch_configuration ? launch->entry : launch_template_data_entry(*launch);
    add(out, launch, group.launch->data, entry, *group.group, false);
  }
  return out;
}

}  // namespace cfn_eks
