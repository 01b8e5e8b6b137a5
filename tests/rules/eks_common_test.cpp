// The shared EKS helpers: finding a node group's cluster and its versions, recognising
// self-managed node groups, decoding user data.

#include <boost/test/unit_test.hpp>

#include <memory>
#include <optional>
#include <string>

#include "cfn_eks/dependency_graph.hpp"
#include "cfn_eks/document.hpp"
#include "cfn_eks/lint_cache.hpp"
#include "cfn_eks/resolver.hpp"
#include "cfn_eks/resource_schemas.hpp"
#include "cfn_eks/rule.hpp"
#include "rules/eks/common/cluster_lookup.hpp"
#include "rules/eks/common/self_managed_nodes.hpp"

namespace {

using namespace cfn_eks;

/// A template with everything a LintContext needs.
struct Fixture {
  Document doc;
  Template tmpl;
  Resolver resolver;
  DependencyGraph graph;
  LintCache cache;
  std::shared_ptr<const ResourceSchemas> schemas = ResourceSchemas::embedded();
  EksKnowledgePtr eks = embedded_eks_knowledge();
  std::optional<std::string> cluster_version;
  LintContext context;

  explicit Fixture(std::string text, std::optional<std::string> option = {})
      : doc(load_document(std::make_shared<SourceFile>("t.yaml", std::move(text)))),
        tmpl(doc),
        resolver(tmpl),
        graph(tmpl),
        cluster_version(std::move(option)),
        context{doc, tmpl, resolver, graph, Date{2026, 11, 28}, *schemas, cache, *eks, &cluster_version} {}

  const Resource& resource(std::string_view name) const {
    const Resource* r = tmpl.resource(name);
    BOOST_REQUIRE(r != nullptr);
    return *r;
  }
};

constexpr const char* kSameStack = R"(Parameters:
  KubernetesVersion:
    Type: String
    Default: "1.31"
    AllowedValues: ["1.31", "1.32"]
  Name: {Type: String}
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      Name: !Ref Name
      Version: !Ref KubernetesVersion
  ByRef:
    Type: AWS::EKS::Nodegroup
    Properties: {ClusterName: !Ref Cluster}
  ByParameter:
    Type: AWS::EKS::Nodegroup
    Properties: {ClusterName: !Ref Name}
  BySub:
    Type: AWS::EKS::Addon
    Properties: {ClusterName: !Sub "${Cluster}"}
  ByGetAtt:
    Type: AWS::EKS::Addon
    Properties: {ClusterName: !GetAtt Cluster.Arn}
)";

}  // namespace

BOOST_AUTO_TEST_SUITE(rules)
BOOST_AUTO_TEST_SUITE(eks_common)

BOOST_AUTO_TEST_CASE(finds_the_cluster_in_the_same_stack) {
  Fixture f(kSameStack);
  for (std::string_view name : {"ByRef", "ByParameter", "BySub", "ByGetAtt"}) {
    const ClusterLink link = cluster_of(f.context, f.resource(name));
    BOOST_TEST_INFO(name);
    BOOST_TEST((link.location == ClusterLocation::SameStack));
    BOOST_TEST((link.cluster == &f.resource("Cluster")));
  }
  const ClusterVersions versions = cluster_versions(f.context, cluster_of(f.context, f.resource("ByRef")));
  BOOST_TEST((versions.source == ClusterVersions::Source::Template));
  BOOST_REQUIRE_EQUAL(versions.versions().size(), 2U);
  BOOST_TEST(versions.versions()[0].to_string() == "1.31");
  BOOST_TEST(versions.candidates[0].where.find("parameter KubernetesVersion's default") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(another_stack_needs_the_option) {
  const std::string text = R"(Parameters:
  ClusterName: {Type: String}
Resources:
  Group:
    Type: AWS::EKS::Nodegroup
    Properties: {ClusterName: !Ref ClusterName}
  Imported:
    Type: AWS::EKS::Nodegroup
    Properties: {ClusterName: !ImportValue shared-cluster}
)";
  Fixture without(text);
  const ClusterLink link = cluster_of(without.context, without.resource("Group"));
  BOOST_TEST((link.location == ClusterLocation::OtherStack));
  BOOST_TEST(link.how == "parameter 'ClusterName'");
  const ClusterVersions none = cluster_versions(without.context, link);
  BOOST_TEST(!none.known());
  BOOST_TEST(none.why_unknown == "the cluster is in another stack (parameter 'ClusterName')");
  BOOST_TEST((cluster_of(without.context, without.resource("Imported")).location == ClusterLocation::OtherStack));

  Fixture with(text, "1.33");
  const ClusterVersions given = cluster_versions(with.context, cluster_of(with.context, with.resource("Group")));
  BOOST_TEST((given.source == ClusterVersions::Source::Option));
  BOOST_REQUIRE(given.known());
  BOOST_TEST(given.candidates[0].where == "'1.33' from --cluster-version");
}

BOOST_AUTO_TEST_CASE(yaml_numbers_lose_trailing_zeros) {
  Fixture f(R"(Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties: {Version: 1.30}
  Quoted:
    Type: AWS::EKS::Cluster
    Properties: {Version: "1.30"}
)");
  const VersionValues plain = version_values(f.context, *f.resource("Cluster").property("Version"));
  BOOST_REQUIRE_EQUAL(plain.candidates.size(), 1U);
  BOOST_TEST(plain.candidates[0].text == "1.3");
  BOOST_TEST(plain.candidates[0].written == "1.30");
  BOOST_TEST(plain.candidates[0].mangled_number);
  const VersionValues quoted = version_values(f.context, *f.resource("Quoted").property("Version"));
  BOOST_REQUIRE_EQUAL(quoted.candidates.size(), 1U);
  BOOST_TEST(quoted.candidates[0].text == "1.30");
  BOOST_TEST(!quoted.candidates[0].mangled_number);
}

BOOST_AUTO_TEST_CASE(decodes_user_data) {
  Fixture f(R"(Resources:
  Sub:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        UserData: !Base64 {"Fn::Sub": "#!/bin/bash\n/etc/eks/bootstrap.sh ${Cluster} --kubelet-extra-args x\n"}
  Join:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        UserData: {"Fn::Base64": {"Fn::Join": ["", ["#!/bin/bash\n", "/etc/eks/bootstrap.sh ", {"Ref": "ClusterName"}, "\n"]]}}
  Literal:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        UserData: IyEvYmluL2Jhc2gKL2V0Yy9la3MvYm9vdHN0cmFwLnNoIHByb2QK
)");
  auto sub = decode_user_data(launch_data(f.resource("Sub"))->user_data);
  BOOST_REQUIRE(sub);
  BOOST_TEST(inspect_user_data(sub->text).bootstrap_sh);
  BOOST_TEST(inspect_user_data(sub->text).cluster_token == "${Cluster}");
  auto join = decode_user_data(launch_data(f.resource("Join"))->user_data);
  BOOST_REQUIRE(join);
  BOOST_TEST(!join->complete);
  BOOST_TEST(inspect_user_data(join->text).cluster_token == "${ClusterName}");
  auto literal = decode_user_data(launch_data(f.resource("Literal"))->user_data);
  BOOST_REQUIRE(literal);
  BOOST_TEST(literal->text == "#!/bin/bash\n/etc/eks/bootstrap.sh prod\n");

  const BootstrapInfo nodeadm = inspect_user_data(
      "apiVersion: node.eks.aws/v1alpha1\nkind: NodeConfig\nspec:\n  cluster:\n    name: ${Cluster}\n");
  BOOST_TEST(nodeadm.nodeadm);
  BOOST_TEST(nodeadm.cluster_token == "${Cluster}");
  BOOST_TEST(!inspect_user_data("#!/bin/bash\necho hello\n").boots_eks());
}

BOOST_AUTO_TEST_CASE(recognises_self_managed_node_groups) {
  Fixture f(R"(Parameters:
  NodeImageIdSSMParam:
    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
    Default: /aws/service/eks/optimized-ami/1.29/amazon-linux-2/recommended/image_id
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties: {Version: "1.31"}
  NodeLaunchTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: !Ref NodeImageIdSSMParam
        InstanceType: m7g.large
        UserData: !Base64 {"Fn::Sub": "/etc/eks/bootstrap.sh ${Cluster}"}
  Nodes:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      LaunchTemplate: {LaunchTemplateId: !Ref NodeLaunchTemplate, Version: !GetAtt NodeLaunchTemplate.LatestVersionNumber}
      MinSize: "1"
      MaxSize: "2"
  Tagged:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: "1"
      MaxSize: "2"
      Tags:
        - {Key: !Sub "kubernetes.io/cluster/${Cluster}", Value: owned, PropagateAtLaunch: true}
  WebServers:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties: {MinSize: "1", MaxSize: "2"}
)");
  const auto groups = find_self_managed_node_groups(f.context);
  BOOST_REQUIRE_EQUAL(groups.size(), 2U);
  const SelfManagedNodeGroup& nodes = groups[0];
  BOOST_TEST(nodes.group->name == "Nodes");
  BOOST_TEST(nodes.bootstrap.bootstrap_sh);
  BOOST_REQUIRE_EQUAL(nodes.ami_paths.size(), 1U);
  BOOST_REQUIRE(nodes.ami_paths[0].parsed);
  BOOST_TEST(nodes.ami_paths[0].parsed->kubernetes.to_string() == "1.29");
  BOOST_TEST((nodes.cluster.cluster == &f.resource("Cluster")));
  BOOST_REQUIRE_EQUAL(nodes.instance_types.size(), 1U);
  BOOST_TEST((f.eks->instance_type_traits(nodes.instance_types[0]).architecture == Architecture::Arm64));
  BOOST_TEST(groups[1].group->name == "Tagged");
  BOOST_TEST((groups[1].cluster.cluster == &f.resource("Cluster")));
}

BOOST_AUTO_TEST_CASE(instance_families_come_from_the_data) {
  const EksKnowledgePtr eks = embedded_eks_knowledge();
  BOOST_TEST((eks->instance_type_traits("c7g.xlarge").architecture == Architecture::Arm64));
  BOOST_TEST((eks->instance_type_traits("t4g.medium").architecture == Architecture::Arm64));
  BOOST_TEST((eks->instance_type_traits("m5.large").architecture == Architecture::X86_64));
  BOOST_TEST((eks->instance_type_traits("g4dn.xlarge").accelerator == Accelerator::Nvidia));
  BOOST_TEST((eks->instance_type_traits("g5g.xlarge").architecture == Architecture::Arm64));
  BOOST_TEST((eks->instance_type_traits("inf2.xlarge").accelerator == Accelerator::Neuron));
  BOOST_TEST((eks->instance_type_traits("not-a-type").architecture == Architecture::Unknown));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
