#pragma once
// Recognising self-managed EKS node groups: an AWS::AutoScaling::AutoScalingGroup whose launch
// template or launch configuration boots EKS nodes. Evidence, strongest first: user data that
// runs /etc/eks/bootstrap.sh or carries a nodeadm NodeConfig, an ImageId that is an EKS AMI SSM
// path (parameter default, `{{resolve:ssm:...}}`), a `kubernetes.io/cluster/<name>` tag.
// Also: the launch "data" of a template/configuration and user data decoding, which the N/G
// rules use for managed node groups too.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cfn_eks/rule.hpp"
#include "rules/eks/common/cluster_lookup.hpp"

namespace cfn_eks {

/// The instance-level settings of an AWS::EC2::LaunchTemplate (its LaunchTemplateData) or an
/// AWS::AutoScaling::LaunchConfiguration (its Properties).
struct LaunchData {
  const Resource* resource = nullptr;
  const Node* data = nullptr;            ///< LaunchTemplateData / Properties; may be null.
  bool launch_configuration = false;
  const Node* image_id = nullptr;
  const Node* user_data = nullptr;
  const Node* instance_type = nullptr;
};

/// The launch data of a LaunchTemplate or LaunchConfiguration resource; nullopt for other types.
std::optional<LaunchData> launch_data(const Resource& resource);

/// Text of user data as written: Fn::Base64 of a literal, of Fn::Sub text (variables kept as
/// `${X}`), of Fn::Join parts (non-literal parts become `${?}`); a literal that is itself base64
/// is decoded, also when it is base64 of gzip (eksctl; util/user_data_bytes.hpp). Fn::If
/// contributes every branch, one after the other.
struct UserDataText {
  std::string text;
  bool complete = true;   ///< False when some part was not literal.
  bool gzipped = false;   ///< The literal was base64 of gzip-compressed text.
  std::optional<std::string> error;  ///< gzip that does not inflate to text (text: the literal).
  const Node* node = nullptr;
};
std::optional<UserDataText> decode_user_data(const Node* user_data);

/// What a user-data script says about EKS.
struct BootstrapInfo {
  bool bootstrap_sh = false;     ///< Runs /etc/eks/bootstrap.sh.
  bool nodeadm = false;          ///< Carries a nodeadm NodeConfig (node.eks.aws).
  bool bottlerocket = false;     ///< Bottlerocket TOML settings ([settings.kubernetes]).
  bool windows = false;          ///< Start-EKSBootstrap.ps1.
  /// eksctl's own AL2 bootstrap: a cloud-config running /var/lib/cloud/scripts/eksctl/bootstrap.*.sh.
  bool eksctl = false;
  std::string cluster_token;     ///< The cluster name argument as written ("${ClusterName}").
  bool boots_eks() const { return bootstrap_sh || nodeadm || bottlerocket || windows || eksctl; }
};
BootstrapInfo inspect_user_data(std::string_view text);

/// The EKS AMI SSM paths an ImageId can take: a `{{resolve:ssm:...}}` literal, a Ref to an
/// `AWS::SSM::Parameter::Value<...>` parameter (its Default and AllowedValues), Sub/If of those.
struct AmiPathValue {
  std::string path;                       ///< "/aws/service/eks/optimized-ami/1.31/..."
  std::optional<SsmAmiParameter> parsed;  ///< nullopt when not an EKS AMI path (or malformed).
  const Node* at = nullptr;               ///< Where it is written (default, literal).
  std::string where;                      ///< "parameter NodeImageIdSSMParam's default at line 9".
  /// The value holds only under some Fn::If conditions (an arm64 path chosen by an IsArm
  /// condition): rules comparing it with another property should not pair it blindly.
  bool conditional = false;
};
std::vector<AmiPathValue> ami_ssm_paths(const LintContext& context, const Node* image_id);

/// An EKS-optimized AMI name (or a name filter that fixes the Kubernetes minor) the ImageId is
/// looked up by: the `name` of a Mappings entry the ImageId's `Fn::FindInMap` selects (the AWS
/// Quick Start's `Filters` row), or a property of the custom resource whose Ref/GetAtt is the
/// ImageId. CloudFormation has no dynamic reference to an AMI by name (only ssm, ssm-secure,
/// secretsmanager), so nothing else attributes a name to an ImageId.
struct AmiNameValue {
  std::string name;        ///< "amazon-eks-node-1.16-v20??????"
  AmiName parsed;
  const Node* at = nullptr;
  std::string where;       ///< "'amazon-eks-node-1.16-v20??????', the name filter of mapping AMI's Filters.AL2 at line 9".
  bool conditional = false;
};
std::vector<AmiNameValue> ami_names_of_image(const LintContext& context, const Node* image_id);

/// A self-managed node group.
struct SelfManagedNodeGroup {
  const Resource* group = nullptr;        ///< The Auto Scaling group.
  std::optional<LaunchData> launch;       ///< Its launch template / configuration, when in the stack.
  std::optional<UserDataText> user_data;
  BootstrapInfo bootstrap;
  std::vector<AmiPathValue> ami_paths;    ///< EKS AMI SSM paths of the ImageId.
  std::vector<AmiNameValue> ami_names;    ///< EKS AMI names the ImageId is looked up by.
  const Node* cluster_tag = nullptr;      ///< The kubernetes.io/cluster/<name> tag key node.
  std::vector<std::string> evidence;      ///< "user data runs /etc/eks/bootstrap.sh", ...
  ClusterLink cluster;                    ///< From the bootstrap argument or the tag.
  /// Instance types (literals after resolution) from the launch data and the ASG's
  /// MixedInstancesPolicy overrides.
  std::vector<std::string> instance_types;
};

/// The Auto Scaling groups of the template that run EKS nodes, in source order.
std::vector<SelfManagedNodeGroup> find_self_managed_node_groups(const LintContext& context);
/// The same, computed once per lint (through the lint cache) for the rules that share it.
const std::vector<SelfManagedNodeGroup>& self_managed_node_groups(const LintContext& context);

/// The launch template / configuration resource an ASG (or MixedInstancesPolicy) uses, when
/// it is in this stack.
const Resource* asg_launch_resource(const Template& tmpl, const Resource& group);

/// The launch template resource named by a `LaunchTemplate` specification mapping
/// ({LaunchTemplateId|LaunchTemplateName|Id|Name: Ref/GetAtt}), when in this stack.
const Resource* launch_template_of(const Template& tmpl, const Node* specification);

/// Every string value `node` can take (resolver strings plus literal text).
std::vector<std::string> string_values(const LintContext& context, const Node* node);

}  // namespace cfn_eks
