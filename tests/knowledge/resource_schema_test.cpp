// Resource schemas: every file we ship passes the meta-schema check; lookups, attributes,
// replacement answers, lazy loading, registry directories, and validation through lint_source.

#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <thread>

#include "cfn_eks/linter.hpp"
#include "cfn_eks/resource_schemas.hpp"
#include "support/paths.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace cfn_eks;

namespace {

// A small schema of our own, so these tests do not depend on the shipped data's details.
const char* const kWidget = R"({
  "typeName": "Test::Shop::Widget",
  "description": "a test type",
  "as_of": "2026-11-28",
  "sources": ["https://example.com/widget"],
  "refReturns": {"format": "AWS::EKS::Cluster.Name"},
  "additionalProperties": false,
  "properties": {
    "Name": {"type": "string", "minLength": 1, "maxLength": 8, "pattern": "^[a-z]+$"},
    "Size": {"type": "integer", "minimum": 1, "maximum": 10},
    "Kind": {"type": "string", "enum": ["small", "large"]},
    "Network": {"$ref": "#/definitions/Network"},
    "GroupIds": {"type": "array", "uniqueItems": true, "maxItems": 2,
                 "items": {"type": "string", "format": "AWS::EC2::SecurityGroup.Id"}},
    "Arn": {"type": "string"},
    "TemplateId": {"type": "string"},
    "TemplateName": {"type": "string"}
  },
  "definitions": {
    "Network": {"type": "object", "additionalProperties": false,
                "properties": {"SubnetIds": {"type": "array", "items": {"type": "string"}},
                               "Cidr": {"type": "string"}, "Ipv6Cidr": {"type": "string"}}}
  },
  "required": ["Name"],
  "dependentExcluded": {"TemplateId": ["TemplateName"], "TemplateName": ["TemplateId"]},
  "readOnlyProperties": ["/properties/Arn", "/properties/Network/Ipv6Cidr"],
  "createOnlyProperties": ["/properties/Name", "/properties/Network/SubnetIds"],
  "conditionalCreateOnlyProperties": ["/properties/Kind"],
  "primaryIdentifier": ["/properties/Name"]
})";

std::shared_ptr<const ResourceSchemas> widget_schemas() {
  SchemaLoadResult loaded = ResourceSchemas::from_texts({{"widget.json", kWidget}}, {});
  BOOST_REQUIRE(!loaded.error.has_value());
  return loaded.schemas;
}

std::vector<std::pair<std::string, std::string>> lint_widget(const std::string& text) {
  LintOptions options;
  options.as_of = Date{2026, 11, 28};
  options.use_config_files = false;
  options.schemas = widget_schemas();
  const FileReport report =
      lint_source(std::make_shared<SourceFile>("t.yaml", text), default_registry(), options, nullptr);
  std::vector<std::pair<std::string, std::string>> out;
  for (const Diagnostic& d : report.diagnostics) {
    if (d.rule_id[0] == 'S') out.emplace_back(d.rule_id, d.message);
  }
  return out;
}

bool has(const std::vector<std::pair<std::string, std::string>>& findings, const std::string& id,
         const std::string& part) {
  return std::any_of(findings.begin(), findings.end(),
                     [&](const auto& f) { return f.first == id && f.second.find(part) != std::string::npos; });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rules)
BOOST_AUTO_TEST_SUITE(resource_schemas)

BOOST_AUTO_TEST_CASE(every_shipped_schema_passes_the_meta_schema_check) {
  const fs::path dir = testing::source_dir() / "schemas" / "resources";
  BOOST_REQUIRE(fs::is_directory(dir));
  std::size_t files = 0;
  const auto schemas = ResourceSchemas::embedded();
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    const std::string name = entry.path().filename().string();
    BOOST_TEST_CONTEXT(name) {
      const std::string text = testing::read_text(entry.path());
      for (const std::string& problem : check_our_schema(text)) BOOST_ERROR(name << ": " << problem);
      // The file is named after its type: AWS::EKS::Nodegroup -> aws-eks-nodegroup.json.
      std::string type;
      for (const std::string_view t : schemas->type_names()) {
        std::string expected(t);
        std::transform(expected.begin(), expected.end(), expected.begin(), [](unsigned char c) { return std::tolower(c); });
        for (std::size_t at = expected.find("::"); at != std::string::npos; at = expected.find("::")) expected.replace(at, 2, "-");
        if (expected + ".json" == name) type = t;
      }
      BOOST_CHECK_MESSAGE(!type.empty(), name << " is not named after its typeName");
      if (!type.empty()) {
        BOOST_CHECK(schemas->find(type) != nullptr);
        BOOST_CHECK_MESSAGE(!schemas->parse_error(type), schemas->parse_error(type).value_or(""));
      }
    }
  }
  BOOST_TEST(files >= 29u);
  for (const char* type : {"AWS::EKS::Cluster", "AWS::EKS::Nodegroup", "AWS::EKS::Addon", "AWS::EKS::FargateProfile",
                           "AWS::EKS::AccessEntry", "AWS::EKS::PodIdentityAssociation",
                           "AWS::EKS::IdentityProviderConfig", "AWS::EC2::LaunchTemplate", "AWS::EC2::SecurityGroup",
                           "AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress", "AWS::EC2::VPC",
                           "AWS::EC2::Subnet", "AWS::AutoScaling::AutoScalingGroup",
                           "AWS::AutoScaling::LaunchConfiguration", "AWS::AutoScaling::LifecycleHook", "AWS::IAM::Role",
                           "AWS::IAM::InstanceProfile", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy",
                           "AWS::RDS::DBInstance", "AWS::RDS::DBCluster", "AWS::ElastiCache::CacheCluster",
                           "AWS::ElastiCache::ReplicationGroup", "AWS::ElasticLoadBalancingV2::LoadBalancer",
                           "AWS::ElasticLoadBalancingV2::TargetGroup", "AWS::SSM::Parameter", "AWS::Lambda::Function",
                           "AWS::CloudFormation::CustomResource"}) {
    BOOST_CHECK_MESSAGE(schemas->has(type), "no schema for " << type);
  }
}

BOOST_AUTO_TEST_CASE(meta_schema_check_finds_each_kind_of_problem) {
  BOOST_TEST(check_our_schema(kWidget).empty());
  const std::string broken = R"({
    "typeName": "Test::Shop::Broken", "sources": [],
    "properties": {
      "A": {"$ref": "#/definitions/Missing"},
      "B": {"type": "string", "pattern": "([a-z"},
      "C": {"type": "string", "enum": []},
      "D": {"type": "text", "examples": ["x"]}
    },
    "readOnlyProperties": ["/properties/Nope"],
    "createOnlyProperties": ["/properties/A/Deep"]
  })";
  const std::vector<std::string> problems = check_our_schema(broken);
  auto found = [&](const std::string& part) {
    return std::any_of(problems.begin(), problems.end(), [&](const std::string& p) { return p.find(part) != std::string::npos; });
  };
  BOOST_CHECK(found("as_of"));
  BOOST_CHECK(found("sources"));
  BOOST_CHECK(found("#/definitions/Missing"));
  BOOST_CHECK(found("does not compile"));
  BOOST_CHECK(found("non-empty"));
  BOOST_CHECK(found("unknown type"));
  BOOST_CHECK(found("examples: unsupported keyword"));
  BOOST_CHECK(found("'/properties/Nope' names no property"));
  BOOST_CHECK(found("'/properties/A/Deep' names no property"));
  BOOST_CHECK(!check_our_schema("{\"typeName\": ").empty());
}

BOOST_AUTO_TEST_CASE(lookup_by_path_follows_refs_and_items) {
  const auto schemas = widget_schemas();
  const ResourceSchema* widget = schemas->find("Test::Shop::Widget");
  BOOST_REQUIRE(widget != nullptr);
  BOOST_CHECK(widget->origin() == SchemaOrigin::Ours);
  BOOST_TEST(widget->as_of() == "2026-11-28");
  BOOST_REQUIRE(widget->find("Network/SubnetIds") != nullptr);
  BOOST_TEST(widget->find("Network.SubnetIds") == widget->find("/properties/Network/SubnetIds"));
  BOOST_TEST(widget->find("Network.SubnetIds.*")->effective_types() == kJsonString);
  BOOST_TEST(widget->find("GroupIds/0")->effective_format() == "AWS::EC2::SecurityGroup.Id");
  BOOST_TEST(widget->find("Network.Nope") == nullptr);
  BOOST_TEST(widget->ref_format() == "AWS::EKS::Cluster.Name");
  BOOST_TEST(widget->is_read_only("Network.Ipv6Cidr"));
  BOOST_TEST(!widget->is_read_only("Network.Cidr"));
}

BOOST_AUTO_TEST_CASE(attributes_include_nested_read_only_properties) {
  const auto schemas = widget_schemas();
  const ResourceSchema* widget = schemas->find("Test::Shop::Widget");
  BOOST_REQUIRE(widget != nullptr);
  BOOST_REQUIRE_EQUAL(widget->attributes().size(), 2u);
  BOOST_TEST(widget->attributes()[1].name == "Network.Ipv6Cidr");
  BOOST_TEST(widget->attribute("Network.Ipv6Cidr")->types == kJsonString);
  BOOST_TEST(widget->attribute("Network") == nullptr);

  const ResourceSchema* cluster = ResourceSchemas::embedded()->find("AWS::EKS::Cluster");
  BOOST_REQUIRE(cluster != nullptr);
  BOOST_TEST(cluster->attribute("KubernetesNetworkConfig.ServiceIpv6Cidr") != nullptr);
  BOOST_TEST(cluster->attribute("Endpoint") != nullptr);
  BOOST_TEST(cluster->attribute("Endpoints") == nullptr);
}

BOOST_AUTO_TEST_CASE(replacement_answers_nested_and_conditional_paths) {
  const auto schemas = widget_schemas();
  const ResourceSchema* widget = schemas->find("Test::Shop::Widget");
  BOOST_REQUIRE(widget != nullptr);
  ReplacementAnswer a = widget->replacement("Name");
  BOOST_CHECK(a.replacement == Replacement::Always);
  BOOST_TEST(a.reason.find("create-only") != std::string::npos);
  a = widget->replacement("Network.SubnetIds");
  BOOST_CHECK(a.replacement == Replacement::Always);
  BOOST_TEST(a.decided_by == "Network.SubnetIds");
  a = widget->replacement("/properties/Network/SubnetIds/2");  // an item of a create-only list
  BOOST_CHECK(a.replacement == Replacement::Always);
  a = widget->replacement("Network");  // holds a create-only part
  BOOST_CHECK(a.replacement == Replacement::Conditional);
  BOOST_TEST(a.reason.find("Network.SubnetIds") != std::string::npos);
  a = widget->replacement("Network.Cidr");
  BOOST_CHECK(a.replacement == Replacement::Never);
  a = widget->replacement("Kind");
  BOOST_CHECK(a.replacement == Replacement::Conditional);
  BOOST_TEST(a.reason.find("conditionalCreateOnlyProperties") != std::string::npos);
  BOOST_CHECK(!schemas->replacement("Test::Shop::Nothing", "Name"));

  // The shipped data: a nodegroup's subnets are create-only, its scaling config is not.
  const auto embedded = ResourceSchemas::embedded();
  BOOST_CHECK(embedded->replacement("AWS::EKS::Nodegroup", "Subnets")->replacement == Replacement::Always);
  BOOST_CHECK(embedded->replacement("AWS::EKS::Nodegroup", "ScalingConfig.MinSize")->replacement == Replacement::Never);
  BOOST_CHECK(embedded->replacement("AWS::EKS::Cluster", "KubernetesNetworkConfig.ServiceIpv4Cidr")->replacement ==
             Replacement::Always);
  BOOST_CHECK(embedded->replacement("AWS::EKS::Cluster", "KubernetesNetworkConfig")->replacement ==
             Replacement::Conditional);
}

BOOST_AUTO_TEST_CASE(schemas_are_parsed_lazily_once_and_thread_safely) {
  const std::string other = std::string(kWidget).replace(std::string(kWidget).find("Widget"), 6, "Gadget");
  SchemaLoadResult loaded = ResourceSchemas::from_texts({{"widget.json", kWidget}, {"gadget.json", other}}, {});
  BOOST_REQUIRE(!loaded.error.has_value());
  const auto& schemas = *loaded.schemas;
  BOOST_TEST(schemas.has("Test::Shop::Gadget"));
  BOOST_TEST(schemas.parsed_count() == 0u);
  std::vector<const ResourceSchema*> seen(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&, i] { seen[i] = schemas.find("Test::Shop::Widget"); });
  }
  for (auto& t : threads) t.join();
  BOOST_TEST(schemas.parsed_count() == 1u);
  BOOST_REQUIRE(seen[0] != nullptr);
  for (const ResourceSchema* s : seen) BOOST_TEST(s == seen[0]);
  BOOST_TEST(schemas.find("Test::Shop::Nothing") == nullptr);
  BOOST_TEST(schemas.parsed_count() == 1u);
}

BOOST_AUTO_TEST_CASE(ours_win_and_the_official_schema_fills_gaps) {
  const std::string official = R"({"typeName": "Test::Shop::Widget", "additionalProperties": false,
    "properties": {"Name": {"type": "string"}, "Colour": {"type": "string", "enum": ["red"]}, "Serial": {"type": "string"}},
    "readOnlyProperties": ["/properties/Serial"]})";
  SchemaLoadResult loaded = ResourceSchemas::from_texts({{"widget.json", kWidget}}, {{"official.json", official}});
  BOOST_REQUIRE(!loaded.error.has_value());
  const ResourceSchema* widget = loaded.schemas->find("Test::Shop::Widget");
  BOOST_REQUIRE(widget != nullptr);
  BOOST_CHECK(widget->origin() == SchemaOrigin::Ours);
  BOOST_REQUIRE(widget->fallback() != nullptr);
  BOOST_TEST(widget->attribute("Serial") != nullptr);  // the official schema's extra attribute
  BOOST_CHECK(loaded.schemas->origin("Test::Shop::Widget") == SchemaOrigin::Ours);
}

BOOST_AUTO_TEST_CASE(s002_is_one_note_per_type_and_silent_for_types_the_registry_covers) {
  // The registry covers AWS::S3::Bucket; nothing covers AWS::Logs::LogGroup (two of them, one note).
  const std::string bucket = R"({"typeName": "AWS::S3::Bucket", "additionalProperties": false,
    "properties": {"BucketName": {"type": "string"}}})";
  SchemaLoadResult loaded = ResourceSchemas::from_texts({}, {{"aws-s3-bucket.json", bucket}});
  BOOST_REQUIRE(!loaded.error.has_value());
  const std::string text =
      "Resources:\n"
      "  Bucket: {Type: AWS::S3::Bucket, Properties: {BucketName: logs}}\n"
      "  Other: {Type: AWS::S3::Bucket}\n"
      "  Logs: {Type: AWS::Logs::LogGroup}\n"
      "  MoreLogs: {Type: AWS::Logs::LogGroup}\n";
  LintOptions options;
  options.as_of = Date{2026, 11, 28};
  options.use_config_files = false;
  options.only = {"S002"};
  for (const bool with_registry : {false, true}) {
    if (with_registry) options.schemas = loaded.schemas;
    const FileReport report =
        lint_source(std::make_shared<SourceFile>("t.yaml", text), default_registry(), options, nullptr);
    std::vector<std::string> notes;
    for (const Diagnostic& d : report.diagnostics) {
      BOOST_CHECK(d.severity == Severity::Info);
      notes.push_back(d.message);
    }
    BOOST_REQUIRE_EQUAL(notes.size(), with_registry ? 1u : 2u);
    BOOST_TEST(notes.back().find("AWS::Logs::LogGroup") != std::string::npos);
    if (!with_registry) BOOST_TEST(notes.front().find("AWS::S3::Bucket") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(broken_registry_files_are_errors_with_positions) {
  const cfn_eks::testing::TempDir scratch("cfn-eks-registry");  // removed even when a check stops the case
  const fs::path dir = scratch.path();
  std::ofstream(dir / "aws-x-y.json") << "{\n  \"typeName\": \"AWS::X::Y\",\n  \"properties\": {,}\n}\n";
  SchemaLoadResult loaded = ResourceSchemas::with_registry_directory(dir.string());
  BOOST_REQUIRE(loaded.error.has_value());
  BOOST_TEST(!loaded.schemas);
  BOOST_TEST(loaded.error->file.find("aws-x-y.json") != std::string::npos);
  BOOST_TEST(loaded.error->line == 3u);
  BOOST_TEST(loaded.error->describe().find("aws-x-y.json:3:") != std::string::npos);

  std::ofstream(dir / "aws-x-y.json", std::ios::trunc) << "{\"properties\": {}}";
  loaded = ResourceSchemas::with_registry_directory(dir.string());
  BOOST_REQUIRE(loaded.error.has_value());
  BOOST_TEST(loaded.error->message.find("typeName") != std::string::npos);

  loaded = ResourceSchemas::with_registry_directory((dir / "absent").string());
  BOOST_REQUIRE(loaded.error.has_value());
  BOOST_TEST(loaded.error->message.find("directory") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(official_registry_schemas_load_when_present) {
  const auto shared = testing::shared_dir();
  if (!shared || !fs::is_directory(*shared / "registry-schemas")) {
    BOOST_TEST_MESSAGE("../shared/registry-schemas is absent: skipped");
    return;
  }
  SchemaLoadResult loaded = ResourceSchemas::with_registry_directory((*shared / "registry-schemas").string());
  BOOST_REQUIRE_MESSAGE(!loaded.error.has_value(), (loaded.error ? loaded.error->describe() : std::string()));
  const auto& schemas = *loaded.schemas;
  for (const std::string_view type : schemas.type_names()) {
    BOOST_TEST_CONTEXT(type) {
      BOOST_CHECK(schemas.find(type) != nullptr);
      BOOST_CHECK_MESSAGE(!schemas.parse_error(type), schemas.parse_error(type).value_or(""));
    }
  }
  const ResourceSchema* cluster = schemas.find("AWS::EKS::Cluster");
  BOOST_REQUIRE(cluster != nullptr);
  BOOST_CHECK(cluster->origin() == SchemaOrigin::Ours);
  BOOST_REQUIRE(cluster->fallback() != nullptr);
  BOOST_CHECK(cluster->fallback()->origin() == SchemaOrigin::Registry);
  BOOST_TEST(cluster->fallback()->attribute("KubernetesNetworkConfig.ServiceIpv6Cidr") != nullptr);
  BOOST_TEST(schemas.find("Custom::Anything") == schemas.find("AWS::CloudFormation::CustomResource"));
}

BOOST_AUTO_TEST_CASE(known_type_names_cover_cloudformation) {
  const auto schemas = ResourceSchemas::embedded();
  BOOST_TEST(schemas->is_known_type("AWS::S3::Bucket"));
  BOOST_TEST(schemas->is_known_type("AWS::EKS::Nodegroup"));
  BOOST_TEST(!schemas->is_known_type("AWS::EKS::NodeGroup"));
  BOOST_TEST(schemas->known_type_names().size() > 1000u);
  BOOST_TEST(!schemas->has("AWS::S3::Bucket"));
}

BOOST_AUTO_TEST_CASE(value_kinds_of_parameter_types) {
  BOOST_TEST(parameter_type_format("AWS::EC2::SecurityGroup::GroupName") == "AWS::EC2::SecurityGroup.Name");
  BOOST_TEST(parameter_type_format("List<AWS::EC2::Subnet::Id>") == "AWS::EC2::Subnet.Id");
  BOOST_TEST(parameter_type_format("AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>") == "AWS::EC2::Image.Id");
  BOOST_TEST(parameter_type_format("String").empty());
  BOOST_TEST(parameter_type_format("CommaDelimitedList").empty());
  BOOST_TEST(!formats_compatible("AWS::EC2::SecurityGroup.Id", "AWS::EC2::SecurityGroup.Name"));
  BOOST_TEST(formats_compatible("AWS::EC2::SecurityGroup.Ids", "AWS::EC2::SecurityGroup.Id"));
  BOOST_TEST(formats_compatible("AWS::KMS::Key.Arn", "AWS::KMS::Key.Id"));
  BOOST_TEST(formats_compatible("", "AWS::IAM::Role.Name"));
  BOOST_TEST(!formats_compatible("AWS::IAM::Role.Arn", "AWS::IAM::Role.Name"));
  BOOST_TEST(describe_format("AWS::EC2::SecurityGroup.Id") == "security group id");
  BOOST_TEST(describe_format("AWS::IAM::Role.Arn") == "role ARN");
}

BOOST_AUTO_TEST_CASE(validation_goes_through_the_resolver) {
  const auto findings = lint_widget(R"(Parameters:
  Groups: {Type: List<AWS::EC2::SecurityGroup::Id>}
  GroupName: {Type: AWS::EC2::SecurityGroup::GroupName}
  Size: {Type: Number, Default: 40}
  Kind: {Type: String, AllowedValues: [small, huge]}
  IsBig: {Type: String, Default: "no"}
Conditions:
  Big: !Equals [!Ref IsBig, "yes"]
Resources:
  A:
    Type: Test::Shop::Widget
    Properties:
      Name: !If [Big, abc, !Ref AWS::NoValue]
      Size: !Ref Size
      Kind: !Ref Kind
      GroupIds: [!Ref GroupName]
      Network: {SubnetIds: !Ref Groups, Cidr: !Sub "${AWS::Region}", Ipv6Cidr: x}
      TemplateId: a
      TemplateName: b
      Colour: red
  B:
    Type: Test::Shop::Widget
    Properties:
      Name: "2"
      Size: "3"
      GroupIds: [sg-1, sg-1, sg-2]
)");
  BOOST_TEST(has(findings, "S102", "'Name' is required by Test::Shop::Widget but is removed when condition 'Big' is false"));
  BOOST_TEST(has(findings, "S106", "'Size' must be at most 10, not '40' (from parameter Size's default"));
  BOOST_TEST(has(findings, "S104", "'huge' (from parameter Kind's allowed value"));
  BOOST_TEST(!has(findings, "S104", "'small' (from"));
  BOOST_TEST(has(findings, "S202", "parameter 'GroupName' (AWS::EC2::SecurityGroup::GroupName) gives a security group name"));
  BOOST_TEST(has(findings, "S101", "'Network.Ipv6Cidr' is a read-only attribute"));
  BOOST_TEST(has(findings, "S101", "'Colour' is not a property of Test::Shop::Widget"));
  BOOST_TEST(has(findings, "S109", "'TemplateId' and 'TemplateName' cannot both be set"));
  BOOST_TEST(has(findings, "S105", "'2' does not match the pattern of 'Name'"));
  BOOST_TEST(has(findings, "S108", "'sg-1' is listed twice"));
  BOOST_TEST(has(findings, "S107", "'GroupIds' takes at most 2 items, not 3"));
  // Intrinsics are never flagged for being intrinsics; "3" is a fine integer.
  BOOST_TEST(!has(findings, "S103", ""));
  BOOST_TEST(!has(findings, "S202", "Groups"));
  BOOST_TEST(!has(findings, "S105", "'abc'"));
}

BOOST_AUTO_TEST_CASE(a_list_parameter_where_a_string_is_needed_is_a_value_kind_mismatch) {
  const auto findings = lint_widget(R"(Parameters:
  Names: {Type: CommaDelimitedList, Default: "a,b"}
Resources:
  A:
    Type: Test::Shop::Widget
    Properties:
      Name: !Ref Names
      Network: {SubnetIds: !Join [",", [a, b]]}
)");
  BOOST_TEST(has(findings, "S202", "'Name' must be a string, but parameter 'Names' (CommaDelimitedList) gives a list"));
  BOOST_TEST(has(findings, "S103", "'Network.SubnetIds' must be a list, but Fn::Join gives a string"));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
