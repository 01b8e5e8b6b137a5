// Helpers of the N and D rules: the launch template a node group or Auto Scaling group names,
// restriction paths below LaunchTemplateData, and the "parameters at their defaults" world.

#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>

#include "cfn_eks/document.hpp"
#include "cfn_eks/resolver.hpp"
#include "cfn_eks/template.hpp"
#include "rules/eks/common/default_world.hpp"
#include "rules/eks/common/launch_templates.hpp"

namespace {

using namespace cfn_eks;

struct Loaded {
  Document doc;
  Template tmpl;
  explicit Loaded(std::string text)
      : doc(load_document(std::make_shared<SourceFile>("t.yaml", std::move(text)))), tmpl(doc) {}
};

const char* const kTemplate = R"(Parameters:
  Env: {Type: String, Default: dev, AllowedValues: [dev, prod]}
  Region: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  NotProd: !Not [{Condition: IsProd}]
  Unknown: !Equals [!Ref "AWS::Region", us-east-1]
  Either: !Or [{Condition: IsProd}, {Condition: Unknown}]
Resources:
  Lt:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateName: nodes
      LaunchTemplateData:
        IamInstanceProfile: !If [IsProd, {Name: p}, !Ref "AWS::NoValue"]
        HibernationOptions: !Ref "AWS::NoValue"
        SecurityGroupIds: [sg-1]
        NetworkInterfaces:
          - {DeviceIndex: 0, SubnetId: subnet-1}
          - {DeviceIndex: 1, Groups: [sg-2]}
  ById:
    Type: AWS::EKS::Nodegroup
    Properties:
      LaunchTemplate: {Id: !GetAtt Lt.LaunchTemplateId, Version: "1"}
  ByName:
    Type: AWS::EKS::Nodegroup
    Properties:
      LaunchTemplate: {Name: nodes}
  Elsewhere:
    Type: AWS::EKS::Nodegroup
    Properties:
      LaunchTemplate: {Id: lt-0123}
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MixedInstancesPolicy:
        LaunchTemplate:
          LaunchTemplateSpecification: {LaunchTemplateId: !Ref Lt, Version: "2"}
)";

BOOST_AUTO_TEST_SUITE(rules)
BOOST_AUTO_TEST_SUITE(eks_nodegroup_helpers)

BOOST_AUTO_TEST_CASE(launch_template_found_by_getatt_name_and_mixed_instances_policy) {
  const Loaded t(kTemplate);
  const auto by_id = nodegroup_launch_template(t.tmpl, *t.tmpl.resource("ById"));
  BOOST_REQUIRE(by_id);
  BOOST_TEST(by_id->resource == t.tmpl.resource("Lt"));
  BOOST_TEST(by_id->data != nullptr);
  BOOST_REQUIRE(by_id->version != nullptr);
  BOOST_TEST(by_id->version->text == "1");
  const auto by_name = nodegroup_launch_template(t.tmpl, *t.tmpl.resource("ByName"));
  BOOST_REQUIRE(by_name);
  BOOST_TEST(by_name->resource == t.tmpl.resource("Lt"));
  const auto elsewhere = nodegroup_launch_template(t.tmpl, *t.tmpl.resource("Elsewhere"));
  BOOST_REQUIRE(elsewhere);
  BOOST_TEST(elsewhere->resource == nullptr);
  BOOST_TEST(elsewhere->data == nullptr);
  const auto uses = auto_scaling_group_launch_templates(t.tmpl, *t.tmpl.resource("Group"));
  BOOST_REQUIRE_EQUAL(uses.size(), 1U);
  BOOST_TEST(uses.front().resource == t.tmpl.resource("Lt"));
  BOOST_TEST(uses.front().version->text == "2");
}

BOOST_AUTO_TEST_CASE(restriction_paths_skip_no_value_and_walk_lists) {
  const Loaded t(kTemplate);
  const Node* data = t.tmpl.resource("Lt")->property("LaunchTemplateData");
  BOOST_TEST(entries_at_path(data, "IamInstanceProfile").size() == 1U);  // one Fn::If branch sets it
  BOOST_TEST(entries_at_path(data, "HibernationOptions").empty());
  BOOST_TEST(entries_at_path(data, "NetworkInterfaces[].SubnetId").size() == 1U);
  BOOST_TEST(entries_at_path(data, "NetworkInterfaces[].Groups").size() == 1U);
  BOOST_TEST(entries_at_path(data, "SecurityGroups|SecurityGroupIds").size() == 1U);
  BOOST_TEST(entries_at_path(data, "Missing.Deeper").empty());
}

BOOST_AUTO_TEST_CASE(default_world_evaluates_conditions_with_parameter_defaults) {
  const Loaded t(kTemplate);
  const DefaultWorld world(t.tmpl);
  BOOST_TEST((world.condition("IsProd") == std::optional<bool>(false)));
  BOOST_TEST((world.condition("NotProd") == std::optional<bool>(true)));
  BOOST_TEST(!world.condition("Unknown").has_value());
  BOOST_TEST(!world.condition("Either").has_value());
  BOOST_TEST(!world.condition("Missing").has_value());

  PossibleValue prod_branch;
  prod_branch.assumptions.push_back(Assumption{"IsProd", true});
  BOOST_TEST(!world.admits(prod_branch));
  PossibleValue dev_branch;
  dev_branch.assumptions.push_back(Assumption{"IsProd", false});
  BOOST_TEST(world.admits(dev_branch));
  PossibleValue allowed_value;
  allowed_value.bindings.push_back(Binding{"Env", "prod"});
  BOOST_TEST(!world.admits(allowed_value));
  PossibleValue no_default;
  no_default.bindings.push_back(Binding{"Region", "anything"});
  BOOST_TEST(world.admits(no_default));
  BOOST_TEST(!consistent(prod_branch, dev_branch));
  BOOST_TEST(consistent(dev_branch, no_default));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace
