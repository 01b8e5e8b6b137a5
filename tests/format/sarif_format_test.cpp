#include <boost/test/unit_test.hpp>

#include <rapidjson/document.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cfn_eks/edits.hpp"
#include "cfn_eks/linter.hpp"
#include "format/golden.hpp"
#include "format/sample_reports.hpp"

namespace {

std::string sarif(const std::vector<cfn_eks::FileReport>& reports) {
  const cfn_eks::Registry registry = cfn_eks::test::sample_registry();
  std::ostringstream out;
  cfn_eks::write_sarif(reports, registry, out);
  return out.str();
}

/// Runs tests/format/validate_sarif.py on `text`; skips (with a message) when python3, its
/// jsonschema module or the schema file is missing, since those live outside the repository.
void validate(const std::string& text, std::string_view label) {
  const std::filesystem::path source_dir(CFN_EKS_SOURCE_DIR);
  const std::filesystem::path schema = source_dir / ".." / "shared" / "external-schemas" / "sarif-schema-2.1.0.json";
  if (!std::filesystem::exists(schema)) {
    BOOST_TEST_MESSAGE("skipped SARIF schema validation: no " << schema.string());
    return;
  }
  const std::filesystem::path file = std::filesystem::temp_directory_path() /
                                     ("cfn-eks-sarif-" + std::to_string(::getpid()) + "-" + std::string(label) + ".sarif");
  std::ofstream(file, std::ios::binary) << text;
  const std::string command = "python3 '" + (source_dir / "tests" / "format" / "validate_sarif.py").string() + "' '" +
                              file.string() + "' '" + schema.string() + "'";
  const int status = std::system(command.c_str());
  std::filesystem::remove(file);
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (code == 77 || code == 127) {
    BOOST_TEST_MESSAGE("skipped SARIF schema validation: python3 or jsonschema missing");
    return;
  }
  BOOST_TEST(code == 0, label << ": validate_sarif.py exited with " << code << " (its output names the problems)");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(format)
BOOST_AUTO_TEST_SUITE(sarif_format)

BOOST_AUTO_TEST_CASE(golden) { cfn_eks::test::check_golden("sample.sarif", sarif(cfn_eks::test::sample_reports())); }

BOOST_AUTO_TEST_CASE(valid_against_schema) {
  validate(sarif(cfn_eks::test::sample_reports()), "sample");
  validate(sarif({}), "empty");
}

BOOST_AUTO_TEST_CASE(content) {
  rapidjson::Document log;
  const std::string text = sarif(cfn_eks::test::sample_reports());
  log.Parse(text.c_str(), text.size());
  BOOST_TEST_REQUIRE(!log.HasParseError());
  const auto& run = log["runs"][0];
  BOOST_TEST(run["columnKind"].GetString() == std::string("unicodeCodePoints"));

  // Every registry rule is listed, fired or not.
  const auto& rules = run["tool"]["driver"]["rules"];
  BOOST_TEST_REQUIRE(rules.Size() == 5u);
  BOOST_TEST(rules[1]["id"].GetString() == std::string("T002"));
  BOOST_TEST(rules[3]["fullDescription"]["text"].GetString() ==
             std::string("A `Ref`, `Fn::GetAtt` or `Fn::Sub` variable names a logical id that is neither a "
                         "resource nor a parameter."));
  BOOST_TEST(rules[2]["defaultConfiguration"]["level"].GetString() == std::string("note"));

  const auto& results = run["results"];
  BOOST_TEST_REQUIRE(results.Size() == 4u);
  const auto& undefined = results[1];
  BOOST_TEST(undefined["ruleId"].GetString() == std::string("T201"));
  BOOST_TEST(undefined["ruleIndex"].GetUint() == 3u);
  BOOST_TEST(undefined["level"].GetString() == std::string("error"));
  const auto& location = undefined["locations"][0]["physicalLocation"];
  BOOST_TEST(location["artifactLocation"]["uri"].GetString() == std::string("stacks/eks%20cluster.yaml"));
  BOOST_TEST(location["region"]["startColumn"].GetUint() == 32u);
  BOOST_TEST(location["region"]["endColumn"].GetUint() == 42u);
  BOOST_TEST(undefined["relatedLocations"][0]["physicalLocation"]["region"]["startLine"].GetUint() == 7u);
  BOOST_TEST(results[2]["level"].GetString() == std::string("note"));

  const auto& invocation = run["invocations"][0];
  BOOST_TEST(!invocation["executionSuccessful"].GetBool());
  BOOST_TEST(invocation["toolExecutionNotifications"][0]["level"].GetString() == std::string("error"));
}

BOOST_AUTO_TEST_CASE(run_warnings_are_tool_execution_notifications) {
  const cfn_eks::Registry registry = cfn_eks::test::sample_registry();
  cfn_eks::FormatOptions options;
  options.run_warnings = {"EKS data is 200 days old (as of 2026-11-27); update cfn-eks or pass --data-dir"};
  for (const bool with_reports : {true, false}) {
    std::ostringstream out;
    const auto reports = with_reports ? cfn_eks::test::sample_reports() : std::vector<cfn_eks::FileReport>{};
    cfn_eks::write_reports(cfn_eks::OutputFormat::Sarif, reports, registry, options, out);
    validate(out.str(), with_reports ? "warnings" : "warnings-empty");
    rapidjson::Document log;
    log.Parse(out.str().c_str(), out.str().size());
    BOOST_TEST_REQUIRE(!log.HasParseError());
    const auto& notifications = log["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    BOOST_TEST_REQUIRE(notifications.Size() >= 1u);
    const auto& last = notifications[notifications.Size() - 1];
    BOOST_TEST(last["level"].GetString() == std::string("warning"));
    BOOST_TEST(last["message"]["text"].GetString() == options.run_warnings[0]);
    BOOST_TEST(!last.HasMember("locations"));
  }
}

BOOST_AUTO_TEST_CASE(stdin_and_absolute_paths) {
  auto reports = cfn_eks::test::sample_reports();
  reports.resize(1);
  for (auto& diagnostic : reports[0].diagnostics) diagnostic.file = "-";
  rapidjson::Document log;
  std::string text = sarif(reports);
  log.Parse(text.c_str(), text.size());
  BOOST_TEST(log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].GetString() ==
             std::string("stdin"));
  for (auto& diagnostic : reports[0].diagnostics) diagnostic.file = "/srv/a b/ü.yaml";
  text = sarif(reports);
  log.Parse(text.c_str(), text.size());
  BOOST_TEST(log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].GetString() ==
             std::string("file:///srv/a%20b/%C3%BC.yaml"));
}

std::string fingerprint_of_missing(std::string source_text) {
  auto source = std::make_shared<cfn_eks::SourceFile>("t.yaml", std::move(source_text));
  cfn_eks::FileReport report;
  report.path = "t.yaml";
  report.source = source;
  const auto range = cfn_eks::test::find_range(source->text(), "Missing");
  report.diagnostics.push_back(
      cfn_eks::test::make_sample_diagnostic(*source, "T201", cfn_eks::Severity::Error, range, "undefined"));
  rapidjson::Document log;
  const std::string text = sarif({report});
  log.Parse(text.c_str(), text.size());
  return log["runs"][0]["results"][0]["partialFingerprints"]["cfnEksFingerprint/v1"].GetString();
}

BOOST_AUTO_TEST_CASE(fingerprints_survive_line_moves) {
  const std::string original = fingerprint_of_missing("A:\n  B: !Ref Missing\n");
  BOOST_TEST(fingerprint_of_missing("# added\n\nA:\n    B: !Ref Missing\n") == original);
  BOOST_TEST(fingerprint_of_missing("A:\n  B: !GetAtt Missing.Arn\n") != original);
}

BOOST_AUTO_TEST_CASE(identical_findings_get_distinct_fingerprints) {
  auto reports = cfn_eks::test::sample_reports();
  reports.resize(1);
  reports[0].diagnostics.push_back(reports[0].diagnostics[1]);  // Same rule, message and line.
  rapidjson::Document log;
  const std::string text = sarif(reports);
  log.Parse(text.c_str(), text.size());
  const auto& results = log["runs"][0]["results"];
  const std::string first = results[1]["partialFingerprints"]["cfnEksFingerprint/v1"].GetString();
  const std::string second = results[4]["partialFingerprints"]["cfnEksFingerprint/v1"].GetString();
  BOOST_TEST(first.ends_with(":1"));
  BOOST_TEST(second.ends_with(":2"));
  BOOST_TEST(first.substr(0, 16) == second.substr(0, 16));
}

// Real quick fixes (the fixture pairs of fixtures/fixes): the log validates, and applying each
// result's replacements — by byte range, and by line and column — gives the fixed template.
BOOST_AUTO_TEST_CASE(quick_fixes_validate_and_apply) {
  const std::filesystem::path dir = std::filesystem::path(CFN_EKS_SOURCE_DIR) / "fixtures" / "fixes";
  for (const char* name : {"N007/literal.yaml", "A002/path.json", "T103/version.yaml"}) {
    BOOST_TEST_CONTEXT(name) {
      std::ifstream in(dir / name, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      cfn_eks::LintOptions options;
      options.as_of = *cfn_eks::parse_date("2026-11-28");
      options.use_config_files = false;
      options.only = {std::filesystem::path(name).parent_path().string()};
      auto source = std::make_shared<cfn_eks::SourceFile>(name, text.str());
      const cfn_eks::FileReport report = cfn_eks::lint_source(source, cfn_eks::default_registry(), options);
      std::ostringstream out;
      cfn_eks::write_sarif({report}, cfn_eks::default_registry(), out);
      validate(out.str(), "fixes");
      rapidjson::Document log;
      log.Parse(out.str().c_str(), out.str().size());
      BOOST_TEST_REQUIRE(!log.HasParseError());
      std::vector<cfn_eks::Edit> by_bytes;
      std::vector<cfn_eks::Edit> by_lines;
      for (const auto& result : log["runs"][0]["results"].GetArray()) {
        if (!result.HasMember("fixes")) continue;
        const auto& change = result["fixes"][0]["artifactChanges"][0];
        BOOST_TEST(std::string(change["artifactLocation"]["uri"].GetString()) ==
                   result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].GetString());
        for (const auto& replacement : change["replacements"].GetArray()) {
          const auto& region = replacement["deletedRegion"];
          const std::string inserted = replacement["insertedContent"]["text"].GetString();
          const std::uint32_t offset = region["byteOffset"].GetUint();
          by_bytes.push_back({{offset, offset + region["byteLength"].GetUint()}, inserted});
          // Line/column (code points) to bytes: ASCII fixtures, so a column is a byte.
          const auto at = [&](const char* line, const char* column) {
            return source->line_start(region[line].GetUint()) + region[column].GetUint() - 1;
          };
          by_lines.push_back({{at("startLine", "startColumn"), at("endLine", "endColumn")}, inserted});
        }
      }
      BOOST_TEST_REQUIRE(!by_bytes.empty());
      std::filesystem::path fixed = dir / name;
      fixed.replace_extension(".fixed" + fixed.extension().string());
      std::ifstream expected_in(fixed, std::ios::binary);
      std::ostringstream expected;
      expected << expected_in.rdbuf();
      BOOST_TEST(cfn_eks::apply_edits(source->text(), by_bytes).value() == expected.str());
      BOOST_TEST(cfn_eks::apply_edits(source->text(), by_lines).value() == expected.str());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
