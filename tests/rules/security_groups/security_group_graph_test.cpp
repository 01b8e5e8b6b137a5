#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>

#include "cfn_eks/document.hpp"
#include "cfn_eks/resolver.hpp"
#include "cfn_eks/template.hpp"
#include "rules/eks/common/security_group_graph.hpp"
#include "rules/manifests/embedded_manifests.hpp"

using namespace cfn_eks;

namespace {

Document load(const std::string& text) {
  return load_document(std::make_shared<SourceFile>("t.yaml", text));
}

const GroupCarrier* carrier(const SecurityGroupGraph& graph, std::string_view name) {
  for (const GroupCarrier& c : graph.carriers()) {
    if (c.resource->name == name) return &c;
  }
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rules)
BOOST_AUTO_TEST_SUITE(security_group_graph)

BOOST_AUTO_TEST_CASE(managed_nodegroup_without_launch_template_groups_carries_cluster_group) {
  const Document doc = load(
      "Parameters:\n"
      "  Extra: {Type: 'List<AWS::EC2::SecurityGroup::Id>'}\n"
      "Resources:\n"
      "  Cluster: {Type: AWS::EKS::Cluster, Properties: {ResourcesVpcConfig: {SecurityGroupIds: [!Ref Cp]}}}\n"
      "  Cp: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: cp}}\n"
      "  Sg:\n"
      "    Type: AWS::EC2::SecurityGroup\n"
      "    Properties:\n"
      "      GroupDescription: nodes\n"
      "      SecurityGroupIngress:\n"
      "        - {IpProtocol: tcp, FromPort: 1025, ToPort: 65535, SourceSecurityGroupId: !Ref Cp}\n"
      "  Lt: {Type: AWS::EC2::LaunchTemplate, Properties: {LaunchTemplateData: {SecurityGroupIds: [!GetAtt Sg.GroupId]}}}\n"
      "  LtParam: {Type: AWS::EC2::LaunchTemplate, Properties: {LaunchTemplateData: {SecurityGroupIds: !Ref Extra}}}\n"
      "  Plain: {Type: AWS::EKS::Nodegroup, Properties: {ClusterName: !Ref Cluster}}\n"
      "  WithLt: {Type: AWS::EKS::Nodegroup, Properties: {ClusterName: !Ref Cluster, LaunchTemplate: {Id: !Ref Lt}}}\n"
      "  WithParam: {Type: AWS::EKS::Nodegroup, Properties: {ClusterName: !Ref Cluster, LaunchTemplate: {Id: !Ref LtParam}}}\n"
      "  Other: {Type: AWS::EKS::Nodegroup, Properties: {ClusterName: x, LaunchTemplate: {Id: lt-123}}}\n");
  const Template tmpl(doc);
  const Resolver resolver(tmpl);
  const SecurityGroupGraph graph(tmpl, resolver);

  const GroupCarrier* plain = carrier(graph, "Plain");
  BOOST_REQUIRE(plain);
  BOOST_REQUIRE_EQUAL(plain->groups.size(), 1u);
  BOOST_TEST(plain->groups[0].key() == "csg:Cluster");
  BOOST_TEST(!plain->launch_template_groups);

  const GroupCarrier* with_lt = carrier(graph, "WithLt");
  BOOST_REQUIRE(with_lt);
  BOOST_REQUIRE_EQUAL(with_lt->groups.size(), 1u);
  BOOST_TEST(with_lt->groups[0].key() == "sg:Sg");
  BOOST_TEST(with_lt->launch_template_groups);
  BOOST_TEST(with_lt->complete);

  BOOST_TEST(!carrier(graph, "WithParam")->complete);  // a List parameter: members unknown
  BOOST_TEST(!carrier(graph, "Other")->complete);      // a launch template of another stack

  const GroupCarrier* cluster = carrier(graph, "Cluster");
  BOOST_REQUIRE(cluster);
  BOOST_REQUIRE_EQUAL(cluster->groups.size(), 2u);
  BOOST_TEST(cluster->groups[1].key() == "sg:Cp");

  const auto ingress = graph.ingress_of(with_lt->groups[0]);
  BOOST_REQUIRE_EQUAL(ingress.size(), 1u);
  BOOST_TEST(ingress[0]->may_allow("tcp", 10250));
  BOOST_TEST(!ingress[0]->may_allow("tcp", 443));
  BOOST_TEST(!ingress[0]->may_allow("udp", 10250));
  BOOST_TEST(ingress[0]->peer.group.key() == "sg:Cp");
}

BOOST_AUTO_TEST_CASE(manifest_objects_are_positioned_inside_literal_blocks) {
  const std::string text =
      "Resources:\n"
      "  Cluster: {Type: AWS::EKS::Cluster, Properties: {Version: '1.31'}}\n"
      "  App:\n"
      "    Type: AWSQS::Kubernetes::Resource\n"
      "    Properties:\n"
      "      ClusterName: !Ref Cluster\n"
      "      Manifest: |\n"
      "        apiVersion: v1\n"
      "        kind: Namespace\n"
      "        ---\n"
      "        apiVersion: batch/v1beta1\n"
      "        kind: CronJob\n"
      "        metadata: {name: job}\n";
  const Document doc = load(text);
  const Template tmpl(doc);
  const Resolver resolver(tmpl);
  const auto manifests = embedded_manifests(tmpl, resolver);
  BOOST_REQUIRE_EQUAL(manifests.size(), 1u);
  BOOST_TEST(manifests[0].cluster == "Cluster");
  BOOST_REQUIRE_EQUAL(manifests[0].versions.size(), 1u);
  BOOST_TEST(manifests[0].versions[0].version.to_string() == "1.31");
  BOOST_REQUIRE_EQUAL(manifests[0].objects.size(), 2u);
  const ManifestObject& job = manifests[0].objects[1];
  BOOST_TEST(job.kind == "CronJob");
  BOOST_TEST(job.name == "job");
  const Position at = doc.source->position(job.range.begin);
  BOOST_TEST(at.line == 11u);
  BOOST_TEST(at.column == 21u);
  BOOST_TEST(text.substr(job.range.begin, job.range.end - job.range.begin) == "batch/v1beta1");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
