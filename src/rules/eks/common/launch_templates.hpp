#pragma once
// The launch template a managed node group or an Auto Scaling group names, and reading the
// restriction paths of schemas/eks/launch-template-restrictions.json below its LaunchTemplateData.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cfn_eks/resolver.hpp"
#include "cfn_eks/template.hpp"

namespace cfn_eks {

/// A `LaunchTemplate` specification and, when the template is in the same stack, its resource.
struct LaunchTemplateUse {
  const Node* spec = nullptr;          ///< The LaunchTemplate mapping of the node group or group.
  const Node* id = nullptr;            ///< Id (node group) / LaunchTemplateId (Auto Scaling group).
  const Node* name = nullptr;          ///< Name / LaunchTemplateName.
  const Node* version = nullptr;       ///< Version, when written.
  const Resource* resource = nullptr;  ///< The AWS::EC2::LaunchTemplate it names, or nullptr.
  const Node* data = nullptr;          ///< That resource's LaunchTemplateData mapping, or nullptr.
};

/// `LaunchTemplate` of an AWS::EKS::Nodegroup, or nullopt when it has none.
std::optional<LaunchTemplateUse> nodegroup_launch_template(const Template& tmpl, const Resource& nodegroup);

/// The launch templates of an AWS::AutoScaling::AutoScalingGroup: `LaunchTemplate` and
/// `MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification`.
std::vector<LaunchTemplateUse> auto_scaling_group_launch_templates(const Template& tmpl, const Resource& group);

/// The AWS::EC2::LaunchTemplate in this stack that an Id node (`!Ref LT`,
/// `!GetAtt LT.LaunchTemplateId`) or a Name node (the same literal or parameter as the
/// template's LaunchTemplateName) designates, or nullptr.
const Resource* launch_template_named(const Template& tmpl, const Node* id, const Node* name);

/// True for `Ref: AWS::NoValue`.
bool is_no_value(const Node& node);

/// True when the property is written and is not removed: not `!Ref AWS::NoValue`, and for an
/// Fn::If at least one branch that is not AWS::NoValue.
bool is_set(const Node* node);

/// The mapping entries at a restriction path below `data`: "A.B" follows mappings, "A[].B"
/// every item of the list A, "X|Y" either path. Only entries whose value is set (see is_set).
std::vector<const MapEntry*> entries_at_path(const Node* data, std::string_view path);

/// "'1'" when the value is written at `used_at` itself, else PossibleValue::describe()
/// ("'1' from parameter LaunchTemplateVersion's default at line 6").
std::string quoted_value(const PossibleValue& value, const Node& used_at, const SourceFile& source);

}  // namespace cfn_eks
