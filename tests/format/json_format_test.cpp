#include <boost/test/unit_test.hpp>

#include <rapidjson/document.h>

#include <sstream>

#include "format/golden.hpp"
#include "format/sample_reports.hpp"

namespace {

rapidjson::Document parse(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str(), text.size());
  BOOST_TEST_REQUIRE(!document.HasParseError());
  return document;
}

std::string json(const std::vector<cfn_eks::FileReport>& reports) {
  const cfn_eks::Registry registry = cfn_eks::test::sample_registry();
  std::ostringstream out;
  cfn_eks::write_json(reports, registry, out);
  return out.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(format)
BOOST_AUTO_TEST_SUITE(json_format)

BOOST_AUTO_TEST_CASE(golden) { cfn_eks::test::check_golden("sample.json", json(cfn_eks::test::sample_reports())); }

BOOST_AUTO_TEST_CASE(parses_back_with_documented_fields) {
  const rapidjson::Document document = parse(json(cfn_eks::test::sample_reports()));
  BOOST_TEST(document["version"].GetString() == std::string(cfn_eks::tool_version()));
  const auto& diagnostics = document["diagnostics"];
  BOOST_TEST_REQUIRE(diagnostics.Size() == 4u);
  for (const auto& diagnostic : diagnostics.GetArray()) {
    BOOST_TEST(diagnostic["file"].IsString());
    for (const char* key : {"line", "column", "end_line", "end_column"}) BOOST_TEST(diagnostic[key].IsUint());
    BOOST_TEST(diagnostic["rule"].IsString());
    BOOST_TEST(diagnostic["name"].IsString());
    const std::string severity = diagnostic["severity"].GetString();
    BOOST_TEST((severity == "error" || severity == "warning" || severity == "info"));
    BOOST_TEST(diagnostic["message"].IsString());
    BOOST_TEST(diagnostic["related"].IsArray());
    BOOST_TEST((diagnostic["fix"].IsNull() || diagnostic["fix"].IsObject()));
    // "fix" is the first of "fixes", kept for older readers.
    BOOST_TEST_REQUIRE(diagnostic["fixes"].IsArray());
    BOOST_TEST(diagnostic["fix"].IsNull() == diagnostic["fixes"].Empty());
    if (!diagnostic["fixes"].Empty()) BOOST_TEST((diagnostic["fix"] == diagnostic["fixes"][0]));
  }

  // The finding after non-ASCII text: columns count code points, not bytes.
  const auto& undefined = diagnostics[1];
  BOOST_TEST(undefined["rule"].GetString() == std::string("T201"));
  BOOST_TEST(undefined["name"].GetString() == std::string("undefined-reference"));
  BOOST_TEST(undefined["line"].GetUint() == 13u);
  BOOST_TEST(undefined["column"].GetUint() == 32u);
  BOOST_TEST(undefined["end_column"].GetUint() == 42u);
  BOOST_TEST(undefined["related"][0]["line"].GetUint() == 7u);
  BOOST_TEST(undefined["related"][0]["message"].GetString() == std::string("'ClusterName' is declared here"));
  const auto& fix = undefined["fix"];
  BOOST_TEST(fix["safe"].GetBool());
  const auto& edit = fix["edits"][0];
  BOOST_TEST(edit["start"]["line"].GetUint() == 13u);
  BOOST_TEST(edit["start"]["column"].GetUint() == 32u);
  BOOST_TEST(edit["replacement"].GetString() == std::string("ClusterName"));
  BOOST_TEST(edit["offset_end"].GetUint() - edit["offset_begin"].GetUint() == 10u);

  const auto& multi_line = diagnostics[0];
  BOOST_TEST(multi_line["line"].GetUint() == 4u);
  BOOST_TEST(multi_line["end_line"].GetUint() == 6u);

  // Quotes, '<' and non-ASCII survive the round trip.
  BOOST_TEST(diagnostics[3]["message"].GetString() ==
             std::string("expected ',' or ']' but found \"<end of file>\"; close the flow sequence that starts here"));

  BOOST_TEST_REQUIRE(document["errors"].Size() == 1u);
  BOOST_TEST(document["errors"][0]["file"].GetString() == std::string("stacks/missing.yaml"));
  const auto& summary = document["summary"];
  BOOST_TEST(summary["files"].GetUint() == 2u);
  BOOST_TEST(summary["unreadable"].GetUint() == 1u);
  BOOST_TEST(summary["problems"].GetUint() == 4u);
  BOOST_TEST(summary["errors"].GetUint() == 2u);
  BOOST_TEST(summary["warnings"].GetUint() == 1u);
  BOOST_TEST(summary["infos"].GetUint() == 1u);
}

BOOST_AUTO_TEST_CASE(without_registry_names_are_null) {
  std::ostringstream out;
  cfn_eks::write_json(cfn_eks::test::sample_reports(), out);
  const rapidjson::Document document = parse(out.str());
  BOOST_TEST(document["diagnostics"][0]["name"].IsNull());
}

BOOST_AUTO_TEST_CASE(invalid_utf8_and_control_characters_stay_valid_json) {
  auto reports = cfn_eks::test::sample_reports();
  reports[0].diagnostics[0].message = std::string("bad \xff byte\n\x01 end");
  const rapidjson::Document document = parse(json(reports));
  BOOST_TEST(document["diagnostics"][0]["message"].GetString() == std::string("bad \xEF\xBF\xBD byte\n\x01 end"));
}

BOOST_AUTO_TEST_CASE(no_reports) {
  const rapidjson::Document document = parse(json({}));
  BOOST_TEST(document["diagnostics"].Size() == 0u);
  BOOST_TEST(document["summary"]["files"].GetUint() == 0u);
  BOOST_TEST(!document.HasMember("warnings"));  // only when the run has one
}

BOOST_AUTO_TEST_CASE(run_warnings_are_a_top_level_list) {
  const cfn_eks::Registry registry = cfn_eks::test::sample_registry();
  cfn_eks::FormatOptions options;
  options.run_warnings = {"EKS data is 200 days old (as of 2026-11-27); update cfn-eks or pass --data-dir"};
  std::ostringstream out;
  cfn_eks::write_reports(cfn_eks::OutputFormat::Json, cfn_eks::test::sample_reports(), registry, options, out);
  const rapidjson::Document document = parse(out.str());
  BOOST_TEST_REQUIRE(document["warnings"].IsArray());
  BOOST_TEST_REQUIRE(document["warnings"].Size() == 1u);
  BOOST_TEST(document["warnings"][0].GetString() == options.run_warnings[0]);
  BOOST_TEST(document["diagnostics"].Size() == 4u);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
