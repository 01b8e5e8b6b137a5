#include <boost/test/unit_test.hpp>

#include <sstream>

#include "format/sample_reports.hpp"

BOOST_AUTO_TEST_SUITE(format)
BOOST_AUTO_TEST_SUITE(output_format)

BOOST_AUTO_TEST_CASE(parse_names) {
  BOOST_TEST((cfn_eks::parse_output_format("text") == cfn_eks::OutputFormat::Text));
  BOOST_TEST((cfn_eks::parse_output_format("json") == cfn_eks::OutputFormat::Json));
  BOOST_TEST((cfn_eks::parse_output_format("sarif") == cfn_eks::OutputFormat::Sarif));
  BOOST_TEST((cfn_eks::parse_output_format("github") == cfn_eks::OutputFormat::Github));
  BOOST_TEST((cfn_eks::parse_output_format("junit") == cfn_eks::OutputFormat::Junit));
  BOOST_TEST(!cfn_eks::parse_output_format("JSON"));
  BOOST_TEST(!cfn_eks::parse_output_format(""));
}

BOOST_AUTO_TEST_CASE(version_is_semver) {
  const std::string_view version = cfn_eks::tool_version();
  BOOST_TEST(std::count(version.begin(), version.end(), '.') == 2);
}

BOOST_AUTO_TEST_CASE(write_reports_uses_the_registry) {
  const auto reports = cfn_eks::test::sample_reports();
  const cfn_eks::Registry registry = cfn_eks::test::sample_registry();
  std::ostringstream via_reports;
  std::ostringstream direct;
  cfn_eks::write_reports(cfn_eks::OutputFormat::Json, reports, registry, {}, via_reports);
  cfn_eks::write_json(reports, registry, direct);
  BOOST_TEST(via_reports.str() == direct.str());

  std::ostringstream github;
  cfn_eks::write_reports(cfn_eks::OutputFormat::Github, reports, registry, {}, github);
  BOOST_TEST(github.str().find("title=T201 undefined-reference::") != std::string::npos);

  std::ostringstream text;
  cfn_eks::write_reports(cfn_eks::OutputFormat::Text, reports, registry, {.show_source = true}, text);
  BOOST_TEST(text.str().find(" | ") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
