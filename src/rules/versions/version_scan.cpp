#include "rules/versions/version_scan.hpp"

namespace cfn_eks {

const std::vector<VersionProperty>& version_properties(const LintContext& context) {
  return context.cache.get<std::vector<VersionProperty>>("version-properties", [&] {
    std::vector<VersionProperty> out;
    for (const Resource& resource : context.tmpl.resources()) {
      if (resource.type != kClusterType && resource.type != kNodegroupType) continue;
      const Node* version = resource.property("Version");
      if (version == nullptr) continue;
      out.push_back(VersionProperty{&resource, version, version_values(context, *version)});
    }
    return out;
  });
}

const Node& report_node(const VersionCandidate& candidate, const Node& property) {
  return candidate.value.origin != nullptr ? *candidate.value.origin : property;
}

Diagnostic* OnceReporter::report(const Node& node, std::string message) {
  if (!seen_.emplace(node.range.begin, message).second) return nullptr;
  return &sink_.report(node, std::move(message));
}

std::string describe_resource(const Resource& resource) {
  std::string kind = "resource";
  if (resource.type == kClusterType) kind = "cluster";
  if (resource.type == kNodegroupType) kind = "node group";
  if (resource.type == "AWS::AutoScaling::AutoScalingGroup") kind = "Auto Scaling group";
  if (resource.type == "AWS::EC2::LaunchTemplate") kind = "launch template";
  if (resource.type == "AWS::AutoScaling::LaunchConfiguration") kind = "launch configuration";
  return kind + " '" + std::string(resource.name) + "'";
}

std::vector<std::string> support_types(const LintContext& context, const Resource& cluster) {
  const Node* policy = cluster.property("UpgradePolicy");
  const Node* type = policy && policy->is_mapping() ? policy->get("SupportType") : nullptr;
  if (type == nullptr) return {};
  return context.resolver.strings(*type);
}

bool compatible(const PossibleValue& a, const PossibleValue& b) {
  for (const Binding& x : a.bindings) {
    for (const Binding& y : b.bindings) {
      if (x.parameter == y.parameter && x.value != y.value) return false;
    }
  }
  for (const Assumption& x : a.assumptions) {
    for (const Assumption& y : b.assumptions) {
      if (x.condition == y.condition && x.holds != y.holds) return false;
    }
  }
  return true;
}

}  // namespace cfn_eks
