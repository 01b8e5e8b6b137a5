// The embedded template quotas and syntax facts load, and broken files are refused.

#include <boost/test/unit_test.hpp>

#include "knowledge/template_limits.hpp"

using namespace cfn_eks;

BOOST_AUTO_TEST_SUITE(rules)
BOOST_AUTO_TEST_SUITE(template_limits)

BOOST_AUTO_TEST_CASE(embedded_limits_load_with_their_date) {
  const TemplateLimits* limits = cfn_eks::template_limits();
  BOOST_REQUIRE(limits != nullptr);
  BOOST_TEST(!limits->as_of.empty());
  BOOST_TEST(limits->resources.count == 500u);
  BOOST_TEST(limits->parameters.count == 200u);
  BOOST_TEST(limits->outputs.count == 200u);
  BOOST_TEST(limits->mappings.count == 200u);
  BOOST_TEST(limits->mapping_attributes == 200u);
  BOOST_TEST(limits->resources.name_length == 255u);
  BOOST_TEST(limits->parameter_value_bytes == 4096u);
  BOOST_TEST(limits->outputs.description_bytes == 1024u);
  BOOST_TEST(limits->template_description_bytes == 1024u);
}

BOOST_AUTO_TEST_CASE(limits_without_provenance_or_counts_are_refused) {
  std::string error;
  BOOST_TEST(!parse_template_limits("{\"resources\": {\"count\": 500}}", &error));
  BOOST_TEST(error.find("as_of") != std::string::npos);
  BOOST_TEST(!parse_template_limits("{\"as_of\": \"2026-01-01\", \"sources\": []}", &error));
  BOOST_TEST(!parse_template_limits("[1, 2", &error));
  BOOST_TEST(error.find("invalid JSON") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(parameter_types_are_expanded_from_the_data) {
  const TemplateSyntax* syntax = template_syntax();
  BOOST_REQUIRE(syntax != nullptr);
  for (const char* type : {"String", "Number", "List<Number>", "CommaDelimitedList", "AWS::EC2::KeyPair::KeyName",
                           "List<AWS::EC2::Subnet::Id>", "AWS::SSM::Parameter::Name",
                           "AWS::SSM::Parameter::Value<String>",
                           "AWS::SSM::Parameter::Value<List<AWS::EC2::SecurityGroup::Id>>",
                           "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>"}) {
    BOOST_TEST_CONTEXT(type) { BOOST_TEST(syntax->parameter_types.contains(type)); }
  }
  // Key pairs cannot be listed, SSM values do not nest, and names are case-sensitive.
  for (const char* type : {"List<AWS::EC2::KeyPair::KeyName>",
                           "AWS::SSM::Parameter::Value<AWS::SSM::Parameter::Value<String>>", "string",
                           "List<CommaDelimitedList>"}) {
    BOOST_TEST_CONTEXT(type) { BOOST_TEST(!syntax->parameter_types.contains(type)); }
  }
  BOOST_TEST(syntax->snapshot_resource_types.contains("AWS::RDS::DBCluster"));
  BOOST_TEST(!syntax->snapshot_resource_types.contains("AWS::S3::Bucket"));
}

BOOST_AUTO_TEST_CASE(syntax_facts_missing_a_list_are_refused) {
  std::string error;
  BOOST_TEST(!parse_template_syntax(
      "{\"as_of\": \"2026-01-01\", \"sources\": [], \"parameter_types\": {\"basic\": [\"String\"]}}", &error));
  BOOST_TEST(!error.empty());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
