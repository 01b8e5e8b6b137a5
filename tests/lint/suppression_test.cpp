// Suppressions: template and resource Metadata, inline comments (own line and trailing), by id
// or name; unknown rules are T902 with a suggestion; unused ones are T901. Uses T401
// (unused-parameter) as the finding to silence.

#include "cfn_eks/linter.hpp"

#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>
#include <vector>

using cfn_eks::Diagnostic;
using cfn_eks::FileReport;

namespace {

FileReport run_lint(std::string text, std::set<std::string> only = {"T401", "T901", "T902"},
                std::set<std::string> ignore = {}) {
  cfn_eks::LintOptions options;
  options.as_of = cfn_eks::Date{2026, 1, 1};
  options.use_config_files = false;
  options.only = std::move(only);
  options.ignore = std::move(ignore);
  return cfn_eks::lint_source(std::make_shared<cfn_eks::SourceFile>("t.yaml", std::move(text)),
                              cfn_eks::default_registry(), options);
}

/// "T401@11" for each finding, in order.
std::vector<std::string> summary(const FileReport& report) {
  std::vector<std::string> out;
  for (const Diagnostic& d : report.diagnostics) {
    out.push_back(d.rule_id + "@" + std::to_string(d.start.line) + ":" + std::to_string(d.start.column));
  }
  return out;
}

const std::string kResources =
    "Resources:\n"
    "  Bucket:\n"
    "    Type: AWS::S3::Bucket\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(lint)
BOOST_AUTO_TEST_SUITE(suppression)

BOOST_AUTO_TEST_CASE(unsuppressed_baseline) {
  const FileReport r = run_lint("Parameters:\n  A:\n    Type: String\n  B:\n    Type: String\n" + kResources);
  BOOST_TEST(summary(r) == (std::vector<std::string>{"T401@2:3", "T401@4:3"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(template_metadata_silences_the_whole_file) {
  const FileReport r = run_lint(
      "Metadata:\n"
      "  cfn-eks:\n"
      "    ignore: [unused-parameter]\n"
      "Parameters:\n  A:\n    Type: String\n  B:\n    Type: String\n" +
      kResources);
  BOOST_TEST(r.diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(template_metadata_single_string) {
  const FileReport r = run_lint("Metadata:\n  cfn-eks:\n    ignore: T401\nParameters:\n  A:\n    Type: String\n" + kResources);
  BOOST_TEST(r.diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(own_line_comment_covers_the_next_line) {
  const FileReport r = run_lint(
      "Parameters:\n"
      "  # cfn-eks: ignore[T401] kept for the old pipeline\n"
      "  A:\n"
      "    Type: String\n"
      "  B:\n"
      "    Type: String\n" +
      kResources);
  BOOST_TEST(summary(r) == (std::vector<std::string>{"T401@5:3"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(trailing_comment_covers_its_line) {
  const FileReport r = run_lint(
      "Parameters:\n"
      "  A:  # cfn-eks: ignore[ T902 , unused-parameter ] reason\n"
      "    Type: String\n"
      "  B:\n"
      "    Type: String\n" +
      kResources);
  // T902 matched nothing: reported as unused, at the id inside the brackets.
  BOOST_TEST(summary(r) == (std::vector<std::string>{"T901@2:26", "T401@4:3"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(comment_inside_a_string_is_not_a_suppression) {
  const FileReport r = run_lint(
      "Parameters:\n"
      "  A:\n"
      "    Type: String\n"
      "    Description: \"see # cfn-eks: ignore[T401]\"\n" +
      kResources);
  BOOST_TEST(summary(r) == (std::vector<std::string>{"T401@2:3"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(comment_inside_a_block_scalar_is_not_a_suppression) {
  const FileReport r = run_lint(
      "Parameters:\n"
      "  A:\n"
      "    Type: String\n"
      "    Description: |\n"
      "      #!/bin/bash\n"
      "      # cfn-eks: ignore[T401]\n"
      "      echo hi\n" +
      kResources);
  BOOST_TEST(summary(r) == (std::vector<std::string>{"T401@2:3"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(marker_without_a_hash_is_not_a_suppression) {
  const FileReport r = run_lint("Parameters:\n  A:\n    Type: String\n    Description: cfn-eks: ignore[T401]\n" + kResources);
  // Not valid YAML either way ("a: b: c"); what matters is that nothing is silenced or crashes.
  for (const Diagnostic& d : r.diagnostics) BOOST_TEST(d.rule_id != "T901");
}

BOOST_AUTO_TEST_CASE(resource_metadata_covers_only_that_resource) {
  const FileReport r = run_lint(
      "Parameters:\n"
      "  A:\n"
      "    Type: String\n"
      "Resources:\n"
      "  Bucket:\n"
      "    Type: AWS::S3::Bucket\n"
      "    Metadata:\n"
      "      cfn-eks:\n"
      "        ignore: [T401]\n");
  // The parameter is outside the resource: the finding stays and the suppression is unused.
  BOOST_TEST(summary(r) == (std::vector<std::string>{"T401@2:3", "T901@9:18"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unknown_rule_is_t902_with_a_suggestion) {
  const FileReport r = run_lint(
      "Metadata:\n"
      "  cfn-eks:\n"
      "    ignore: [T4O1]\n"
      "Parameters:\n"
      "  A:  # cfn-eks: ignore[unused-param]\n"
      "    Type: String\n" +
      kResources);
  BOOST_TEST_REQUIRE(r.diagnostics.size() == 3u);
  BOOST_TEST(r.diagnostics[0].rule_id == "T902");
  BOOST_TEST(r.diagnostics[0].message == "suppression names unknown rule 'T4O1'; did you mean 'T401'?");
  BOOST_TEST(r.diagnostics[0].start.line == 3u);
  BOOST_TEST(r.diagnostics[0].start.column == 14u);
  BOOST_TEST(r.diagnostics[1].rule_id == "T401");
  BOOST_TEST(r.diagnostics[2].rule_id == "T902");
  BOOST_TEST(r.diagnostics[2].message.find("did you mean 'unused-parameter'?") != std::string::npos);
  BOOST_TEST(r.diagnostics[2].start.column == 25u);
}

BOOST_AUTO_TEST_CASE(malformed_metadata) {
  const FileReport r = run_lint("Metadata:\n  cfn-eks: [T401]\nParameters:\n  A:\n    Type: String\n" + kResources);
  BOOST_TEST_REQUIRE(r.diagnostics.size() == 2u);
  BOOST_TEST(r.diagnostics[0].rule_id == "T902");
  BOOST_TEST(r.diagnostics[0].message == "'cfn-eks' metadata must be a mapping with an 'ignore' list");
  BOOST_TEST(r.diagnostics[0].start.line == 2u);
  BOOST_TEST(r.diagnostics[1].rule_id == "T401");
  const FileReport bad_list = run_lint("Metadata:\n  cfn-eks:\n    ignore: {T401: yes}\n" + kResources);
  BOOST_TEST_REQUIRE(bad_list.diagnostics.size() == 1u);
  BOOST_TEST(bad_list.diagnostics[0].message == "'ignore' must be a list of rule ids or names");
  BOOST_TEST(bad_list.diagnostics[0].start.line == 3u);
}

BOOST_AUTO_TEST_CASE(unused_suppression_of_a_rule_that_did_not_run_is_not_reported) {
  // T403 is not in --only: its suppression cannot be judged, so it is not "unused".
  const FileReport r = run_lint("Metadata:\n  cfn-eks:\n    ignore: [T403]\n" + kResources);
  BOOST_TEST(r.diagnostics.empty());
  // With T403 running and nothing to find, it is unused.
  const FileReport ran = run_lint("Metadata:\n  cfn-eks:\n    ignore: [T403]\n" + kResources, {"T403", "T901"});
  BOOST_TEST(summary(ran) == (std::vector<std::string>{"T901@3:14"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(ignoring_t901_hides_unused_suppressions) {
  const FileReport r = run_lint("Metadata:\n  cfn-eks:\n    ignore: [T401]\n" + kResources, {}, {"T901"});
  for (const Diagnostic& d : r.diagnostics) BOOST_TEST(d.rule_id != "T901");
}

BOOST_AUTO_TEST_CASE(one_suppression_silences_several_findings_on_its_line) {
  const FileReport r = run_lint("Parameters: {A: {Type: String}, B: {Type: String}}  # cfn-eks: ignore[T401]\n" + kResources);
  BOOST_TEST(r.diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(json_templates_use_metadata) {
  cfn_eks::LintOptions options;
  options.use_config_files = false;
  options.only = {"T401", "T901"};
  const FileReport r = cfn_eks::lint_source(
      std::make_shared<cfn_eks::SourceFile>(
          "t.json",
          "{\"Metadata\": {\"cfn-eks\": {\"ignore\": [\"T401\"]}},\n"
          " \"Parameters\": {\"A\": {\"Type\": \"String\"}},\n"
          " \"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}}"),
      cfn_eks::default_registry(), options);
  BOOST_TEST(r.diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(crlf_comments) {
  const FileReport r = run_lint(
      "Parameters:\r\n"
      "  # cfn-eks: ignore[T401]\r\n"
      "  A:\r\n"
      "    Type: String\r\n"
      "  B:  # cfn-eks: ignore[T401]\r\n"
      "    Type: String\r\n"
      "Resources:\r\n  Bucket:\r\n    Type: AWS::S3::Bucket\r\n");
  BOOST_TEST(r.diagnostics.empty());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
