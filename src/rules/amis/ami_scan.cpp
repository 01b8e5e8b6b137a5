#include "rules/amis/ami_scan.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace cfn_eks {

namespace {

void add_unique(std::vector<std::string>& list, const std::vector<std::string>& values) {
  for (const std::string& v : values) {
    if (std::find(list.begin(), list.end(), v) == list.end()) list.push_back(v);
  }
}

}  // namespace

std::vector<std::string> nodegroup_instance_types(const LintContext& context, const Resource& nodegroup) {
  std::vector<std::string> out;
  const Node* types = nodegroup.property("InstanceTypes");
  if (types == nullptr) return out;
  if (types->is_sequence()) {
    for (const Node* item : types->items) {
      if (item) add_unique(out, deployed_strings(context, *item));
    }
  } else {
    add_unique(out, deployed_strings(context, *types));
  }
  return out;
}

const std::vector<ImageUse>& image_uses(const LintContext& context) {
  return context.cache.get<std::vector<ImageUse>>("image-uses", [&] { return find_image_uses(context); });
}

std::vector<ImageUse> find_image_uses(const LintContext& context) {
  std::vector<ImageUse> out;
  const Template& tmpl = context.tmpl;
  const std::vector<SelfManagedNodeGroup>& self_managed = self_managed_node_groups(context);
  // Who uses each launch resource, found once (not by a scan of every node group per resource).
  std::unordered_map<const Resource*, std::vector<const Resource*>> nodegroups_of, groups_of;
  for (const Resource* ng : tmpl.resources_of_type("AWS::EKS::Nodegroup")) {
    if (const Resource* lt = launch_template_of(tmpl, ng->property("LaunchTemplate"))) nodegroups_of[lt].push_back(ng);
  }
  for (const Resource* group : tmpl.resources_of_type("AWS::AutoScaling::AutoScalingGroup")) {
    if (const Resource* launch = asg_launch_resource(tmpl, *group)) groups_of[launch].push_back(group);
  }
  std::unordered_set<const Resource*> self_managed_launches;
  for (const SelfManagedNodeGroup& g : self_managed) {
    if (g.launch) self_managed_launches.insert(g.launch->resource);
  }
  static const std::vector<const Resource*> kNone;
  auto users = [](const auto& index, const Resource* resource) -> const std::vector<const Resource*>& {
    const auto it = index.find(resource);
    return it == index.end() ? kNone : it->second;
  };
  for (const Resource& resource : tmpl.resources()) {
    auto data = launch_data(resource);
    if (!data) continue;
    ImageUse use;
    use.launch = *data;
    use.ami_paths = ami_ssm_paths(context, data->image_id);
    if (data->instance_type) add_unique(use.instance_types, deployed_strings(context, *data->instance_type));
    for (const Resource* ng : users(nodegroups_of, &resource)) {
      use.nodegroups.push_back(ng);
      add_unique(use.instance_types, nodegroup_instance_types(context, *ng));
    }
    for (const Resource* group : users(groups_of, &resource)) {
      use.groups.push_back(group);
      if (const Node* mixed = group->property("MixedInstancesPolicy")) {
        const Node* lt = mixed->get("LaunchTemplate");
        const Node* overrides = lt ? lt->get("Overrides") : nullptr;
        if (overrides && overrides->is_sequence()) {
          for (const Node* item : overrides->items) {
            const Node* type = item ? item->get("InstanceType") : nullptr;
            if (type) add_unique(use.instance_types, deployed_strings(context, *type));
          }
        }
      }
    }
    use.eks = !use.nodegroups.empty() || self_managed_launches.contains(&resource);
    if (!use.eks) {
      if (auto text = decode_user_data(data->user_data)) use.eks = inspect_user_data(text->text).boots_eks();
    }
    out.push_back(std::move(use));
  }
  return out;
}

}  // namespace cfn_eks

namespace cfn_eks {

std::vector<VersionCandidate> nodegroup_versions(const LintContext& context, const Resource& nodegroup) {
  std::vector<VersionCandidate> out;
  if (const Node* version = nodegroup.property("Version")) {
    for (VersionCandidate& c : version_values(context, *version).candidates) {
      if (c.version && !c.allowed_value && !c.mangled_number) out.push_back(std::move(c));
    }
    return out;
  }
  for (VersionCandidate& c : cluster_versions(context, cluster_of(context, nodegroup)).candidates) {
    if (!c.allowed_value) out.push_back(std::move(c));
  }
  return out;
}

std::optional<ClusterVersions> cluster_in_other_stack(const LintContext& context, const Resource& nodegroup) {
  if (nodegroup.property("Version") != nullptr) return std::nullopt;
  const ClusterLink link = cluster_of(context, nodegroup);
  if (link.location != ClusterLocation::OtherStack) return std::nullopt;
  ClusterVersions versions = cluster_versions(context, link);
  if (versions.known()) return std::nullopt;
  return versions;
}

void note_cluster_in_other_stack(const LintContext& context, DiagnosticSink& sink, std::string_view property,
                                 std::string_view what) {
  for (const Resource& resource : context.tmpl.resources()) {
    if (resource.type != "AWS::EKS::Nodegroup") continue;
    const Node* value = resource.property(property);
    if (value == nullptr) continue;
    const auto versions = cluster_in_other_stack(context, resource);
    if (!versions) continue;
    Diagnostic& d = sink.report(*value, could_not_check_message(std::string(property) + " of node group '" +
                                                                    std::string(resource.name) + "' " + std::string(what),
                                                                versions.value()));
    d.severity = Severity::Info;
    return;
  }
}

bool deployed(const PossibleValue& value) {
  const Provenance* hop = value.source_hop();
  return hop == nullptr || !hop->description.ends_with("allowed value");
}

std::vector<std::string> deployed_strings(const LintContext& context, const Node& node) {
  std::vector<std::string> out;
  for (const PossibleValue& v : context.resolver.resolve(node).values) {
    if (v.kind == PossibleValue::Kind::String && deployed(v) &&
        std::find(out.begin(), out.end(), v.text) == out.end()) {
      out.push_back(v.text);
    }
  }
  return out;
}

std::vector<PossibleValue> string_values_of(const LintContext& context, const Node& node) {
  std::vector<PossibleValue> out;
  for (PossibleValue& v : context.resolver.resolve(node).values) {
    if (v.kind == PossibleValue::Kind::String) out.push_back(std::move(v));
  }
  return out;
}

}  // namespace cfn_eks
