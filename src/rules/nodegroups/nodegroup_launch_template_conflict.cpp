// N002: a managed node group sets something its launch template makes invalid.

#include <algorithm>

#include "rules/eks/common/launch_templates.hpp"
#include "rules/nodegroups/nodegroup_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "N002",
    .name = "nodegroup-launch-template-conflict",
    .severity = Severity::Error,
    .summary = "A managed node group sets something that conflicts with its launch template.",
    .doc = R"md(A managed node group sets something that conflicts with its launch template.

## What it checks
The conflicts listed in `schemas/eks/launch-template-restrictions.json` (kind `conflict`) between
an `AWS::EKS::Nodegroup` and its launch template:
- `InstanceTypes` on the node group and `InstanceType` in the launch template;
- `DiskSize` or `RemoteAccess` together with a `LaunchTemplate` (even one from another stack);
- `AmiType`, `ReleaseVersion` or `Version` when the launch template has a custom `ImageId`;
- `CapacityType: CAPACITY_BLOCK` (any value the resolver finds, including `Fn::If` branches and
  parameter values) without an instance type in the launch template.
Conflicts that need the launch template's data are checked only when it is in the same stack.
Both `Id` and `Name` on the `LaunchTemplate` is S109's finding.

## Why it matters
EKS rejects the create or update request (`InvalidParameterException`), so the stack fails or
rolls back. With a custom AMI EKS can't honour `AmiType`/`ReleaseVersion`/`Version`: the AMI
decides what runs.

## Example
```yaml
Nodes:
  Type: AWS::EKS::Nodegroup
  Properties:
    DiskSize: 100                    # flagged
    LaunchTemplate: {Id: !Ref NodeLaunchTemplate, Version: !GetAtt NodeLaunchTemplate.LatestVersionNumber}
```
Fixed: drop `DiskSize` and size the root volume in the launch template's `BlockDeviceMappings`.

## How to fix
Set each thing in one place: instance types, disk and SSH key in the launch template, or no
launch template at all; with a custom AMI pin the version through the AMI, not the node group.

## References
- eks-facts §4.2 (conflicts between node group and launch template)
- https://docs.aws.amazon.com/eks/latest/userguide/launch-templates.html
- https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateNodegroup.html
)md",
};

constexpr std::string_view kNodegroupType = "AWS::EKS::Nodegroup";

std::string fill(std::string message, std::string_view placeholder, std::string_view value) {
  const std::size_t at = message.find(placeholder);
  if (at != std::string::npos) message.replace(at, placeholder.size(), value);
  return message;
}

class NodegroupLaunchTemplateConflict final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const std::string_view> resource_types() const override { return {&kNodegroupType, 1}; }

  void check_resource(const LintContext& context, const Resource& nodegroup, DiagnosticSink& sink) const override {
    if (nodegroup.properties == nullptr || !nodegroup.properties->is_mapping()) return;
    const auto use = nodegroup_launch_template(context.tmpl, nodegroup);
    for (const LaunchTemplateRestriction& r : context.eks.launch_template_restrictions()) {
      if (r.kind != "conflict" || r.nodegroup_properties.empty()) continue;
      if (r.condition == "both_present") {
        both_present(r, nodegroup, use, sink);
      } else if (r.condition == "launch_template_has_image_id") {
        with_image_id(r, nodegroup, use, sink);
      } else if (r.condition == "capacity_block_without_launch_template_instance_type") {
        capacity_block(context, r, nodegroup, use, sink);
      }
    }
  }

 private:
  static const MapEntry* property(const Resource& nodegroup, std::string_view path) {
    const auto entries = entries_at_path(nodegroup.properties, path);
    return entries.empty() ? nullptr : entries.front();
  }

  // Every listed node group property and (when listed) launch template path is set.
  static void both_present(const LaunchTemplateRestriction& r, const Resource& nodegroup,
                           const std::optional<LaunchTemplateUse>& use, DiagnosticSink& sink) {
    std::vector<const MapEntry*> on_nodegroup;
    for (const std::string& path : r.nodegroup_properties) {
      const MapEntry* entry = property(nodegroup, path);
      if (entry == nullptr) return;
      on_nodegroup.push_back(entry);
    }
    std::vector<const MapEntry*> in_template;
    for (const std::string& path : r.launch_template_paths) {
      if (!use || use->data == nullptr) return;
      const auto found = entries_at_path(use->data, path);
      if (found.empty()) return;
      in_template.push_back(found.front());
    }
    Diagnostic& diagnostic = sink.report_key(*on_nodegroup.front(), r.message);
    for (const MapEntry* entry : in_template) {
      sink.relate(diagnostic, entry->key_range, "set in launch template '" + std::string(use->resource->name) + "'");
    }
  }

  static void with_image_id(const LaunchTemplateRestriction& r, const Resource& nodegroup,
                            const std::optional<LaunchTemplateUse>& use, DiagnosticSink& sink) {
    if (!use || use->data == nullptr) return;
    std::vector<const MapEntry*> image;
    for (const std::string& path : r.launch_template_paths) {
      const auto found = entries_at_path(use->data, path);
      if (found.empty()) return;
      image.push_back(found.front());
    }
    for (const std::string& path : r.nodegroup_properties) {
      const MapEntry* entry = property(nodegroup, path);
      if (entry == nullptr) continue;
      Diagnostic& diagnostic = sink.report_key(*entry, fill(r.message, "{property}", path));
      for (const MapEntry* where : image) {
        sink.relate(diagnostic, where->key_range, "custom AMI of launch template '" + std::string(use->resource->name) + "'");
      }
    }
  }

  static void capacity_block(const LintContext& context, const LaunchTemplateRestriction& r,
                             const Resource& nodegroup, const std::optional<LaunchTemplateUse>& use,
                             DiagnosticSink& sink) {
    const MapEntry* capacity = property(nodegroup, "CapacityType");
    if (capacity == nullptr) return;
    const std::vector<std::string> values = context.resolver.strings(*capacity->value);
    if (std::find(values.begin(), values.end(), "CAPACITY_BLOCK") == values.end()) return;
    if (use && use->data == nullptr) return;  // The launch template is elsewhere: can't tell.
    if (use) {
      for (const std::string& path : r.launch_template_paths) {
        if (!entries_at_path(use->data, path).empty()) return;
      }
    }
    sink.report_key(*capacity, r.message);
  }
};

}  // namespace

std::unique_ptr<Rule> make_nodegroup_launch_template_conflict() {
  return std::make_unique<NodegroupLaunchTemplateConflict>();
}

}  // namespace cfn_eks
