// compute_changeset on small template pairs: what changes, whether it replaces, and the hazards.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <memory>
#include <set>
#include <string>

#include "cfn_eks/changeset.hpp"
#include "cfn_eks/document.hpp"

namespace {

using namespace cfn_eks;

struct Pair {
  Document before;
  Document after;
};

Pair load_pair(const std::string& before, const std::string& after, const std::string& before_name = "old.yaml",
               const std::string& after_name = "new.yaml") {
  Pair p;
  p.before = load_document(std::make_shared<SourceFile>(before_name, before));
  p.after = load_document(std::make_shared<SourceFile>(after_name, after));
  BOOST_REQUIRE(p.before.root != nullptr);
  BOOST_REQUIRE(p.after.root != nullptr);
  return p;
}

ChangeSet diff(const std::string& before, const std::string& after, const ChangeSetOptions& options = {}) {
  Pair p = load_pair(before, after);
  return compute_changeset(p.before, p.after, options);
}

const PropertyChange* find_change(const ChangeSet& cs, const std::string& id, const std::string& path) {
  const ResourceChange* r = cs.resource(id);
  if (r == nullptr) return nullptr;
  for (const PropertyChange& c : r->changes) {
    if (c.path == path) return &c;
  }
  return nullptr;
}

std::vector<const Hazard*> hazards_of(const ChangeSet& cs, const std::string& kind) {
  std::vector<const Hazard*> out;
  for (const Hazard& h : cs.hazards) {
    if (h.kind == kind) out.push_back(&h);
  }
  return out;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::string kCluster = R"(Parameters:
  Subnets:
    Type: List<AWS::EC2::Subnet::Id>
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      Name: prod
      Version: "1.30"
      RoleArn: !GetAtt ClusterRole.Arn
      ResourcesVpcConfig:
        SubnetIds: !Ref Subnets
      KubernetesNetworkConfig:
        ServiceIpv4Cidr: 10.100.0.0/16
  ClusterRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: eks.amazonaws.com}, Action: "sts:AssumeRole"}]}
)";

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(transform)
BOOST_AUTO_TEST_SUITE(changeset_compute_test)

BOOST_AUTO_TEST_CASE(identical_templates_have_no_changes) {
  const ChangeSet cs = diff(kCluster, kCluster);
  BOOST_TEST(cs.empty());
  BOOST_TEST(cs.hazards.empty());
}

BOOST_AUTO_TEST_CASE(json_and_yaml_of_the_same_template_have_no_changes) {
  const std::string json = R"({
  "Resources": {
    "ClusterRole": {"Properties": {"AssumeRolePolicyDocument": {"Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow",
      "Principal": {"Service": "eks.amazonaws.com"}}]}}, "Type": "AWS::IAM::Role"},
    "Cluster": {
      "Type": "AWS::EKS::Cluster",
      "Properties": {
        "KubernetesNetworkConfig": {"ServiceIpv4Cidr": "10.100.0.0/16"},
        "ResourcesVpcConfig": {"SubnetIds": {"Ref": "Subnets"}},
        "RoleArn": {"Fn::GetAtt": ["ClusterRole", "Arn"]},
        "Version": "1.30",
        "Name": "prod"
      }
    }
  },
  "Parameters": {"Subnets": {"Type": "List<AWS::EC2::Subnet::Id>"}}
})";
  Pair p = load_pair(kCluster, json, "old.yaml", "new.json");
  BOOST_REQUIRE(p.after.format == SourceFormat::Json);
  const ChangeSet cs = compute_changeset(p.before, p.after, {});
  BOOST_TEST(cs.empty());
}

BOOST_AUTO_TEST_CASE(short_and_long_forms_and_quoting_are_not_changes) {
  const std::string before = R"(Resources:
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: !Sub "${AWS::StackName} nodes"
      VpcId: !ImportValue network-vpc
      Tags:
        - Key: cluster
          Value: !GetAtt Cluster.Arn
        - Key: enabled
          Value: true
        - Key: size
          Value: 2
)";
  const std::string after = R"(Resources:
  Group:
    Properties:
      Tags:
        - {Value: {"Fn::GetAtt": [Cluster, Arn]}, Key: 'cluster'}
        - {Key: enabled, Value: "true"}
        - {Key: size, Value: "2"}
      VpcId:
        Fn::ImportValue: network-vpc
      GroupDescription:
        Fn::Sub: ["${AWS::StackName} nodes"]
    Type: "AWS::EC2::SecurityGroup"
)";
  const ChangeSet cs = diff(before, after);
  BOOST_TEST(cs.empty());
}

BOOST_AUTO_TEST_CASE(a_yaml_number_is_a_change_only_when_cloudformation_reads_another_string) {
  // 1.30 unquoted is the number 1.3: CloudFormation passes "1.3", not "1.30".
  const ChangeSet mangled = diff(kCluster, replace_all(kCluster, "Version: \"1.30\"", "Version: 1.30"));
  const PropertyChange* c = find_change(mangled, "Cluster", "Version");
  BOOST_REQUIRE(c != nullptr);
  BOOST_TEST(c->before_value == "1.30");
  BOOST_TEST(c->after_value == "1.3");
  // 1.29 unquoted reads as "1.29": the same string.
  const std::string v129 = replace_all(kCluster, "Version: \"1.30\"", "Version: \"1.29\"");
  const ChangeSet same = diff(v129, replace_all(kCluster, "Version: \"1.30\"", "Version: 1.29"));
  BOOST_TEST(same.empty());
}

BOOST_AUTO_TEST_CASE(nested_create_only_path_replaces) {
  const ChangeSet cs = diff(kCluster, replace_all(kCluster, "10.100.0.0/16", "10.200.0.0/16"));
  const ResourceChange* r = cs.resource("Cluster");
  BOOST_REQUIRE(r != nullptr);
  BOOST_CHECK(r->action == ChangeAction::Modify);
  const PropertyChange* c = find_change(cs, "Cluster", "KubernetesNetworkConfig.ServiceIpv4Cidr");
  BOOST_REQUIRE(c != nullptr);
  BOOST_CHECK(c->replacement == Replacement::Always);
  BOOST_TEST(contains(c->reason, "create-only"));
  BOOST_CHECK(r->replacement == Replacement::Always);
  BOOST_REQUIRE(c->after_at.has_value());
  BOOST_TEST(c->after_at->line == 14u);
  // The cluster keeps its custom Name: the replacement cannot happen.
  const auto named = hazards_of(cs, "custom-name-replacement");
  BOOST_REQUIRE(named.size() == 1u);
  BOOST_CHECK(named[0]->severity == Severity::Error);
  BOOST_TEST(contains(named[0]->message, "the update will fail"));
  BOOST_TEST(contains(named[0]->message, "'prod'"));
}

BOOST_AUTO_TEST_CASE(changing_the_name_too_makes_the_replacement_possible) {
  std::string after = replace_all(kCluster, "10.100.0.0/16", "10.200.0.0/16");
  after = replace_all(after, "Name: prod", "Name: prod-2");
  const ChangeSet cs = diff(kCluster, after);
  BOOST_TEST(hazards_of(cs, "custom-name-replacement").empty());
  BOOST_CHECK(cs.resource("Cluster")->replacement == Replacement::Always);
}

BOOST_AUTO_TEST_CASE(subnet_ids_follow_the_schema_nested_path) {
  const std::string after = replace_all(kCluster, "SubnetIds: !Ref Subnets", "SubnetIds: [subnet-1, subnet-2]");
  // Our schema (2026): ResourcesVpcConfig.SubnetIds updates in place (eks-facts 6.1).
  const ChangeSet ours = diff(kCluster, after);
  const PropertyChange* c = find_change(ours, "Cluster", "ResourcesVpcConfig.SubnetIds");
  BOOST_REQUIRE(c != nullptr);
  const auto expected = ResourceSchemas::embedded()->replacement("AWS::EKS::Cluster", "ResourcesVpcConfig/SubnetIds");
  BOOST_REQUIRE(expected.has_value());
  BOOST_CHECK(c->replacement == expected->replacement);
  // A schema that marks the nested path create-only (the 2023 documentation did) replaces.
  const char* const old_schema = R"({
    "typeName": "AWS::EKS::Cluster", "description": "the 2023 update behaviour", "as_of": "2023-01-01",
    "sources": ["https://example.com/cluster"], "additionalProperties": true,
    "properties": {"ResourcesVpcConfig": {"type": "object", "properties": {"SubnetIds": {"type": "array"}}}},
    "createOnlyProperties": ["/properties/ResourcesVpcConfig/SubnetIds"], "primaryIdentifier": ["/properties/Name"]})";
  SchemaLoadResult loaded = ResourceSchemas::from_texts({{"cluster.json", old_schema}}, {});
  BOOST_REQUIRE(!loaded.error.has_value());
  ChangeSetOptions options;
  options.schemas = loaded.schemas;
  const ChangeSet old_rules = diff(kCluster, after, options);
  c = find_change(old_rules, "Cluster", "ResourcesVpcConfig.SubnetIds");
  BOOST_REQUIRE(c != nullptr);
  BOOST_CHECK(c->replacement == Replacement::Always);
  BOOST_TEST(contains(c->reason, "ResourcesVpcConfig.SubnetIds"));
}

BOOST_AUTO_TEST_CASE(list_items_are_reported_by_index) {
  const std::string before = R"(Resources:
  Nodes:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: prod
      NodeRole: arn:aws:iam::111122223333:role/nodes
      Subnets: [subnet-a, subnet-b]
      ScalingConfig: {MinSize: 1, MaxSize: 3, DesiredSize: 2}
)";
  const ChangeSet cs = diff(before, replace_all(before, "subnet-b", "subnet-c"));
  const PropertyChange* c = find_change(cs, "Nodes", "Subnets[1]");
  BOOST_REQUIRE(c != nullptr);
  BOOST_TEST(c->before_value == "subnet-b");
  BOOST_TEST(c->after_value == "subnet-c");
  BOOST_CHECK(c->replacement == Replacement::Always);
  // A managed node group replacement replaces every node.
  const auto blast = hazards_of(cs, "nodegroup-replacement");
  BOOST_REQUIRE(blast.size() == 1u);
  BOOST_TEST(contains(blast[0]->message, "all 2 nodes"));
}

BOOST_AUTO_TEST_CASE(conditional_create_only_property_is_conditional) {
  const std::string before = R"(Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
      InstanceTenancy: dedicated
)";
  const ChangeSet cs = diff(before, replace_all(before, "dedicated", "default"));
  const PropertyChange* c = find_change(cs, "Vpc", "InstanceTenancy");
  BOOST_REQUIRE(c != nullptr);
  BOOST_CHECK(c->replacement == Replacement::Conditional);
  BOOST_CHECK(cs.resource("Vpc")->replacement == Replacement::Conditional);
}

BOOST_AUTO_TEST_CASE(a_type_without_schema_is_unknown_not_never) {
  const std::string before = "Resources:\n  Bucket:\n    Type: AWS::Example::Widget\n    Properties:\n      Size: 1\n";
  const ChangeSet cs = diff(before, replace_all(before, "Size: 1", "Size: 2"));
  const PropertyChange* c = find_change(cs, "Bucket", "Size");
  BOOST_REQUIRE(c != nullptr);
  BOOST_CHECK(c->replacement == Replacement::Conditional);
  BOOST_TEST(contains(c->reason, "no schema for AWS::Example::Widget"));
}

BOOST_AUTO_TEST_CASE(a_subtree_added_is_judged_by_what_it_holds) {
  const std::string before = replace_all(kCluster, "      KubernetesNetworkConfig:\n        ServiceIpv4Cidr: 10.100.0.0/16\n", "");
  const ChangeSet replaced = diff(before, kCluster);
  const PropertyChange* c = find_change(replaced, "Cluster", "KubernetesNetworkConfig");
  BOOST_REQUIRE(c != nullptr);
  BOOST_CHECK(c->action == ChangeAction::Add);
  BOOST_CHECK(c->replacement == Replacement::Always);
  const ChangeSet in_place = diff(before, replace_all(kCluster, "ServiceIpv4Cidr: 10.100.0.0/16",
                                                      "ElasticLoadBalancing: {Enabled: false}"));
  c = find_change(in_place, "Cluster", "KubernetesNetworkConfig");
  BOOST_REQUIRE(c != nullptr);
  BOOST_CHECK(c->replacement == Replacement::Never);
}

BOOST_AUTO_TEST_CASE(nodegroup_version_with_other_changes_is_a_hazard) {
  const std::string before = R"(Resources:
  Nodes:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: prod
      NodeRole: arn:aws:iam::111122223333:role/nodes
      Subnets: [subnet-a]
      Version: "1.29"
      ScalingConfig: {MinSize: 1, MaxSize: 3, DesiredSize: 2}
)";
  std::string after = replace_all(before, "\"1.29\"", "\"1.30\"");
  const ChangeSet alone = diff(before, after);
  BOOST_TEST(hazards_of(alone, "nodegroup-version-combined").empty());
  BOOST_CHECK(find_change(alone, "Nodes", "Version")->replacement == Replacement::Never);
  after = replace_all(after, "MaxSize: 3", "MaxSize: 5");
  const ChangeSet combined = diff(before, after);
  const auto h = hazards_of(combined, "nodegroup-version-combined");
  BOOST_REQUIRE(h.size() == 1u);
  BOOST_CHECK(h[0]->severity == Severity::Error);
  BOOST_TEST(contains(h[0]->message, "ScalingConfig.MaxSize"));
  BOOST_TEST(contains(h[0]->message, "eks-facts 2.3"));
}

BOOST_AUTO_TEST_CASE(removal_with_retain_or_snapshot) {
  const std::string before = R"(Resources:
  Keep:
    Type: AWS::EC2::SecurityGroup
    DeletionPolicy: Retain
    Properties: {GroupDescription: kept}
  Db:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: postgres, DBInstanceClass: db.t3.micro}
  ClusterMember:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: aurora-postgresql, DBClusterIdentifier: main, DBInstanceClass: db.r6g.large}
  Stays:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: stays}
)";
  const std::string after = "Resources:\n  Stays:\n    Type: AWS::EC2::SecurityGroup\n    Properties: {GroupDescription: stays}\n";
  const ChangeSet cs = diff(before, after);
  BOOST_REQUIRE(cs.resources.size() == 3u);
  for (const ResourceChange& r : cs.resources) BOOST_CHECK(r.action == ChangeAction::Remove);
  const auto retained = hazards_of(cs, "retained-removal");
  BOOST_REQUIRE(retained.size() == 1u);
  BOOST_TEST(retained[0]->logical_id == "Keep");
  BOOST_TEST(retained[0]->in_before);
  BOOST_REQUIRE(retained[0]->at.has_value());
  BOOST_TEST(retained[0]->at->line == 2u);
  const auto snapshot = hazards_of(cs, "snapshot-removal");
  BOOST_REQUIRE(snapshot.size() == 1u);
  BOOST_TEST(snapshot[0]->logical_id == "Db");  // default Snapshot: no DBClusterIdentifier
  const auto deleted = hazards_of(cs, "removal-deletes-data");
  BOOST_REQUIRE(deleted.size() == 1u);
  BOOST_TEST(deleted[0]->logical_id == "ClusterMember");
}

BOOST_AUTO_TEST_CASE(rename_is_a_replacement) {
  const std::string before = R"(Resources:
  NodeSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: nodes
      GroupName: prod-nodes
)";
  const ChangeSet cs = diff(before, replace_all(before, "NodeSecurityGroup", "NodesGroup"));
  const ResourceChange* added = cs.resource("NodesGroup");
  const ResourceChange* removed = cs.resource("NodeSecurityGroup");
  BOOST_REQUIRE(added != nullptr);
  BOOST_REQUIRE(removed != nullptr);
  BOOST_CHECK(added->action == ChangeAction::Add);
  BOOST_TEST(added->renamed_from == "NodeSecurityGroup");
  BOOST_TEST(removed->renamed_to == "NodesGroup");
  BOOST_CHECK(added->replacement == Replacement::Always);
  BOOST_TEST(hazards_of(cs, "rename").size() == 1u);
  // Its custom GroupName is still held by the old group when the new one is created.
  const auto named = hazards_of(cs, "custom-name-replacement");
  BOOST_REQUIRE(named.size() == 1u);
  BOOST_CHECK(named[0]->severity == Severity::Error);
}

BOOST_AUTO_TEST_CASE(changed_type_fails_the_update) {
  const std::string before = "Resources:\n  Thing:\n    Type: AWS::SNS::Topic\n";
  const ChangeSet cs = diff(before, "Resources:\n  Thing:\n    Type: AWS::SQS::Queue\n");
  const ResourceChange* r = cs.resource("Thing");
  BOOST_REQUIRE(r != nullptr);
  BOOST_TEST(r->before_type == "AWS::SNS::Topic");
  BOOST_CHECK(r->replacement == Replacement::Always);
  const auto h = hazards_of(cs, "type-changed");
  BOOST_REQUIRE(h.size() == 1u);
  BOOST_CHECK(h[0]->severity == Severity::Error);
}

BOOST_AUTO_TEST_CASE(attributes_are_reported_and_do_not_replace) {
  const std::string before = R"(Resources:
  A:
    Type: AWS::EC2::SecurityGroup
    DependsOn: B
    Properties: {GroupDescription: a}
  B:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: b}
)";
  // DependsOn as a one-item list is the same.
  BOOST_TEST(diff(before, replace_all(before, "DependsOn: B", "DependsOn: [B]")).empty());
  const ChangeSet cs = diff(before, replace_all(before, "DependsOn: B", "DependsOn: B\n    DeletionPolicy: Retain"));
  const PropertyChange* c = find_change(cs, "A", "DeletionPolicy");
  BOOST_REQUIRE(c != nullptr);
  BOOST_CHECK(c->scope == ChangeScope::Attribute);
  BOOST_CHECK(c->action == ChangeAction::Add);
  BOOST_CHECK(c->replacement == Replacement::Never);
  BOOST_CHECK(cs.resource("A")->replacement == Replacement::Never);
}

BOOST_AUTO_TEST_CASE(a_parameter_default_changes_the_properties_that_read_it) {
  const std::string before = R"(Parameters:
  KubernetesVersion:
    Type: String
    Default: "1.29"
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      Version: !Ref KubernetesVersion
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig: {SubnetIds: [subnet-a, subnet-b]}
  Nodes:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: !Ref Cluster
      NodeRole: arn:aws:iam::111122223333:role/nodes
      Subnets: [subnet-a]
      Version: !Ref KubernetesVersion
)";
  const ChangeSet cs = diff(before, replace_all(before, "\"1.29\"", "\"1.30\""));
  const PropertyChange* c = find_change(cs, "Cluster", "Version");
  BOOST_REQUIRE(c != nullptr);
  BOOST_TEST(c->via_parameter == "KubernetesVersion");
  BOOST_TEST(c->before_value == "1.29");
  BOOST_TEST(c->after_value == "1.30");
  BOOST_REQUIRE(find_change(cs, "Nodes", "Version") != nullptr);
  const ParameterChange* p = cs.parameters.empty() ? nullptr : &cs.parameters[0];
  BOOST_REQUIRE(p != nullptr);
  BOOST_TEST(p->name == "KubernetesVersion");
  BOOST_TEST((p->fields == std::vector<std::string>{"Default"}));
  BOOST_TEST(hazards_of(cs, "parameter-changed").size() == 1u);
  // The node group follows the cluster in the same update: no lag hazard.
  BOOST_TEST(hazards_of(cs, "nodegroup-lags-cluster").empty());
}

BOOST_AUTO_TEST_CASE(cluster_versions_more_than_one_minor_and_lagging_node_groups) {
  const std::string before = R"(Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      Version: "1.29"
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig: {SubnetIds: [subnet-a, subnet-b]}
  Nodes:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: !Ref Cluster
      NodeRole: arn:aws:iam::111122223333:role/nodes
      Subnets: [subnet-a]
      Version: "1.29"
)";
  const std::string one_minor = replace_all(before, "Version: \"1.29\"\n      RoleArn", "Version: \"1.30\"\n      RoleArn");
  const ChangeSet lag = diff(before, one_minor);
  BOOST_TEST(hazards_of(lag, "version-upgrade-step").empty());
  const auto lags = hazards_of(lag, "nodegroup-lags-cluster");
  BOOST_REQUIRE(lags.size() == 1u);
  BOOST_TEST(lags[0]->logical_id == "Nodes");
  BOOST_TEST(contains(lags[0]->message, "stays at 1.29"));
  const std::string two_minors = replace_all(before, "Version: \"1.29\"\n      RoleArn", "Version: \"1.31\"\n      RoleArn");
  const ChangeSet jump = diff(before, two_minors);
  const auto step = hazards_of(jump, "version-upgrade-step");
  BOOST_REQUIRE(step.size() == 1u);
  BOOST_TEST(step[0]->logical_id == "Cluster");
}

BOOST_AUTO_TEST_CASE(parameters_and_outputs) {
  const std::string before = R"(Parameters:
  Old: {Type: String, Default: a}
  Size: {Type: Number, Default: 2, AllowedValues: [1, 2, 3]}
Resources:
  G:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: g}
Outputs:
  GroupId:
    Value: !Ref G
    Export: {Name: !Sub "${AWS::StackName}-GroupId"}
  Plain:
    Value: !Ref G
)";
  const std::string after = R"(Parameters:
  Size: {Type: Number, Default: 2, AllowedValues: [1, 2]}
  Needed: {Type: String}
Resources:
  G:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: g}
Outputs:
  Plain:
    Value: !GetAtt G.GroupId
)";
  const ChangeSet cs = diff(before, after);
  BOOST_TEST(cs.resources.empty());
  BOOST_REQUIRE(cs.parameters.size() == 3u);
  BOOST_TEST(cs.parameters[0].name == "Needed");
  BOOST_CHECK(cs.parameters[0].action == ChangeAction::Add);
  BOOST_TEST(cs.parameters[1].name == "Old");
  BOOST_CHECK(cs.parameters[1].action == ChangeAction::Remove);
  BOOST_TEST((cs.parameters[2].fields == std::vector<std::string>{"AllowedValues"}));
  BOOST_TEST(hazards_of(cs, "parameter-without-default").size() == 1u);
  BOOST_TEST(hazards_of(cs, "parameter-removed").size() == 1u);
  BOOST_TEST(hazards_of(cs, "parameter-changed").size() == 1u);
  BOOST_REQUIRE(cs.outputs.size() == 2u);
  const auto removed = hazards_of(cs, "export-removed");
  BOOST_REQUIRE(removed.size() == 1u);
  BOOST_TEST(contains(removed[0]->message, "list-imports"));
  BOOST_TEST(hazards_of(cs, "output-changed").size() == 1u);
  // Errors come first, then warnings, then infos.
  for (std::size_t i = 1; i < cs.hazards.size(); ++i) {
    BOOST_TEST(static_cast<int>(cs.hazards[i - 1].severity) <= static_cast<int>(cs.hazards[i].severity));
  }
}

BOOST_AUTO_TEST_CASE(stateful_replacement_without_snapshot_loses_data) {
  const std::string before = R"(Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: postgres, DBInstanceClass: db.t3.micro, StorageEncrypted: false}
)";
  const std::string after = replace_all(before, "StorageEncrypted: false", "StorageEncrypted: true");
  const ChangeSet cs = diff(before, after);
  const auto lost = hazards_of(cs, "replace-deletes-data");
  BOOST_REQUIRE(lost.size() == 1u);
  BOOST_CHECK(lost[0]->severity == Severity::Error);
  const std::string kept = replace_all(before, "    Properties", "    UpdateReplacePolicy: Snapshot\n    Properties");
  const ChangeSet snapshot = diff(kept, replace_all(kept, "StorageEncrypted: false", "StorageEncrypted: true"));
  BOOST_TEST(hazards_of(snapshot, "replace-deletes-data").empty());
  BOOST_TEST(hazards_of(snapshot, "replace-policy").size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_mapping_entry_changes_the_properties_that_read_it) {
  const std::string before = R"(Mappings:
  Sizes:
    prod: {Instance: m5.large}
    test: {Instance: t3.small}
Parameters:
  Env: {Type: String, Default: prod, AllowedValues: [prod, test]}
Resources:
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        InstanceType: !FindInMap [Sizes, !Ref Env, Instance]
)";
  const ChangeSet cs = diff(before, replace_all(before, "m5.large", "m5.xlarge"));
  const PropertyChange* c = find_change(cs, "Template", "LaunchTemplateData.InstanceType");
  BOOST_REQUIRE(c != nullptr);
  BOOST_TEST(c->via_mapping == "Sizes");
  BOOST_TEST(contains(c->before_value, "m5.large"));
  BOOST_TEST(contains(c->after_value, "m5.xlarge"));
  // An entry no value can read is not a change of the property.
  const std::string extra = replace_all(before, "    test: {Instance: t3.small}\n",
                                        "    test: {Instance: t3.small}\n    unused: {Instance: x1.32xlarge}\n");
  BOOST_TEST(diff(before, extra).resources.empty());
}

BOOST_AUTO_TEST_CASE(a_changed_condition_names_the_resources_it_decides) {
  const std::string before = R"(Parameters:
  Env: {Type: String, Default: prod}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Extra:
    Type: AWS::EC2::SecurityGroup
    Condition: IsProd
    Properties: {GroupDescription: extra}
)";
  const ChangeSet cs = diff(before, replace_all(before, "!Equals [!Ref Env, prod]", "!Equals [!Ref Env, production]"));
  const auto h = hazards_of(cs, "condition-changed");
  BOOST_REQUIRE(h.size() == 1u);
  BOOST_TEST(contains(h[0]->message, "'Extra'"));
}

BOOST_AUTO_TEST_CASE(self_managed_nodes_removed_while_running_are_not_drained) {
  const std::string running = R"(Parameters:
  Desired: {Type: Number, Default: 3}
Resources:
  Nodes:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: 1
      MaxSize: 4
      DesiredCapacity: !Ref Desired
      VPCZoneIdentifier: [subnet-a]
)";
  const std::string drained = replace_all(replace_all(running, "DesiredCapacity: !Ref Desired", "DesiredCapacity: 0"),
                                          "MinSize: 1", "MinSize: 0");
  const std::string empty = "Resources: {}\n";
  const ChangeSet removed_running = diff(running, empty);
  const auto removal = hazards_of(removed_running, "asg-removal");
  BOOST_REQUIRE(removal.size() == 1u);
  BOOST_TEST(contains(removal[0]->message, "DesiredCapacity 3"));  // the parameter's default
  const ChangeSet removed_drained = diff(drained, empty);
  BOOST_TEST(hazards_of(removed_drained, "asg-removal").empty());
}

BOOST_AUTO_TEST_CASE(identical_resources_pair_one_to_one_as_renames) {
  std::string before = "Resources:\n";
  std::string after = "Resources:\n";
  for (int i = 0; i < 3; ++i) {
    before += "  Old" + std::to_string(i) + ": {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: same}}\n";
    after += "  New" + std::to_string(i) + ": {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: same}}\n";
  }
  after += "  Extra: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: same}}\n";
  const ChangeSet cs = diff(before, after);
  std::set<std::string> sources;
  for (int i = 0; i < 3; ++i) {
    const ResourceChange* r = cs.resource("New" + std::to_string(i));
    BOOST_REQUIRE(r != nullptr);
    BOOST_TEST(r->renamed_from == "Old" + std::to_string(i));
    sources.insert(r->renamed_from);
  }
  BOOST_TEST(sources.size() == 3u);
  BOOST_TEST(cs.resource("Extra")->renamed_from.empty());
}

BOOST_AUTO_TEST_CASE(broken_inputs_do_not_crash) {
  // Properties that are not a mapping, a null resource, a missing Resources section.
  const std::string odd = "Resources:\n  A:\n    Type: AWS::EC2::SecurityGroup\n    Properties: !If [C, {GroupDescription: x}, !Ref AWS::NoValue]\n  B:\n";
  const ChangeSet cs = diff(odd, "Description: nothing\n");
  BOOST_REQUIRE(cs.resource("A") != nullptr);
  BOOST_CHECK(cs.resource("A")->action == ChangeAction::Remove);
  const ChangeSet back = diff("Description: nothing\n", odd);
  BOOST_REQUIRE(back.resource("A") != nullptr);
  BOOST_CHECK(back.resource("A")->action == ChangeAction::Add);
  const ChangeSet self = diff(odd, replace_all(odd, "GroupDescription: x", "GroupDescription: y"));
  BOOST_REQUIRE(self.resource("A") != nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
