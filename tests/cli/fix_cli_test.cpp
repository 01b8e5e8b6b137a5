// `cfn-eks lint --fix` and `--fix-dry-run` end to end: files fixed in place (only they), the
// remaining findings reported with the lint exit status, the diff applies with patch(1),
// templates with load errors and stdin never written.

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "support/cli_runner.hpp"
#include "support/paths.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;

namespace {

using cfn_eks::testing::TempDir;
using cfn_eks::testing::read_text;
using cfn_eks::testing::run_cli;
using cfn_eks::testing::shell_quote;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

fs::path fixture(const std::string& relative) { return cfn_eks::testing::fixtures_dir() / "fixes" / relative; }

// Fixable (HttpTokens: optional) and one finding without a fix (the T107 typo).
const std::string kTemplate =
    "# production nodes\n"
    "Resources:\n"
    "  Template:\n"
    "    Type: AWS::EC2::LaunchTemplate\n"
    "    DeletionPolicy: Retian   # typo, no quick fix\n"
    "    Properties:\n"
    "      LaunchTemplateData:\n"
    "        MetadataOptions: {HttpTokens: \"optional\"}   # keep this comment\n"
    "  Nodes:\n"
    "    Type: AWS::EKS::Nodegroup\n"
    "    Properties:\n"
    "      ClusterName: prod\n"
    "      NodeRole: arn:aws:iam::123456789012:role/node\n"
    "      Subnets: [subnet-1]\n"
    "      LaunchTemplate: {Id: !Ref Template, Version: !GetAtt Template.LatestVersionNumber}\n";

const std::string kOptions = " --no-config --as-of 2026-11-28 --only N007,T107 ";

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)
BOOST_AUTO_TEST_SUITE(fix_cli)

BOOST_AUTO_TEST_CASE(fix_writes_the_file_in_place_and_reports_what_remains) {
  TempDir dir;
  const fs::path file = dir.write("stack.yaml", kTemplate);
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  const auto result = run_cli("lint --fix" + kOptions + "stack.yaml", dir.path());
  std::string expected = kTemplate;
  expected.replace(expected.find("\"optional\""), 10, "\"required\"");
  BOOST_TEST(read_text(file) == expected);
  // Written atomically over the old file, keeping its mode.
  BOOST_TEST(((fs::status(file).permissions() & fs::perms::all) ==
              (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read)));
  BOOST_TEST(contains(result.err, "stack.yaml: fixed 1 problem"));
  // The report is the re-lint: the typo remains, the fixed finding is gone; exit 1 for it.
  BOOST_TEST(result.status == 1);
  BOOST_TEST(contains(result.out, "[T107]"));
  BOOST_TEST(!contains(result.out, "[N007]"));
  BOOST_TEST(contains(result.out, "1 problem (1 error, 0 warnings, 0 infos) in 1 file"));

  // Nothing left to fix: the file stays byte for byte, and the exit status follows the rest.
  const auto again = run_cli("lint --fix" + kOptions + "--ignore T107 stack.yaml", dir.path());
  BOOST_TEST(again.status == 0);
  BOOST_TEST(read_text(file) == expected);
  BOOST_TEST(!contains(again.err, "fixed"));
}

BOOST_AUTO_TEST_CASE(fix_all_fixture_rules_in_a_directory) {
  TempDir dir;
  for (const char* name : {"N007/literal.yaml", "N007/literal.json", "V002/number.json"}) {
    fs::create_directories(dir.path() / fs::path(name).parent_path());
    fs::copy_file(fixture(name), dir.path() / name);
  }
  const auto result = run_cli("lint --fix --no-config --as-of 2026-11-28 --only N007,V002 -f json .", dir.path());
  BOOST_TEST(result.status == 0, result.out << result.err);
  for (const char* name : {"N007/literal.fixed.yaml", "N007/literal.fixed.json", "V002/number.fixed.json"}) {
    std::string written = std::string(name);
    written.replace(written.find(".fixed"), 6, "");
    BOOST_TEST(read_text(dir.path() / written) == read_text(fixture(name)), written);
  }
  BOOST_TEST(contains(result.out, "\"problems\": 0"));
}

BOOST_AUTO_TEST_CASE(dry_run_prints_a_diff_that_patch_applies_and_writes_nothing) {
  TempDir dir;
  const fs::path file = dir.write("stack.yaml", kTemplate);
  for (const char* option : {"--fix-dry-run", "--diff"}) {
    const auto result = run_cli(std::string("lint ") + option + kOptions + "stack.yaml", dir.path());
    BOOST_TEST(read_text(file) == kTemplate);
    BOOST_TEST(result.status == 1);  // The T107 typo would remain.
    BOOST_TEST(contains(result.out, "--- stack.yaml\n+++ stack.yaml\n@@ -5,7 +5,7 @@\n"), result.out);
    BOOST_TEST(contains(result.out, "\n-        MetadataOptions: {HttpTokens: \"optional\"}   # keep this comment\n"
                                    "+        MetadataOptions: {HttpTokens: \"required\"}   # keep this comment\n"));
    BOOST_TEST(contains(result.err, "stack.yaml: would fix 1 problem"));
  }
  // The diff is a patch: applied to a copy it gives what --fix writes.
  if (std::system("command -v patch >/dev/null 2>&1") != 0) {
    BOOST_TEST_MESSAGE("patch(1) not installed: diff not applied");
    return;
  }
  const auto diff = run_cli("lint --fix-dry-run" + kOptions + "-o fix.diff stack.yaml", dir.path());
  BOOST_TEST(diff.status == 1);
  BOOST_TEST(read_text(file) == kTemplate);
  const int status = std::system(("cd " + shell_quote(dir.path().string()) + " && patch -s -p0 < fix.diff").c_str());
  BOOST_TEST(status == 0);
  const auto fixed = run_cli("lint --fix" + kOptions + "--ignore T107 stack.yaml", dir.path());
  BOOST_TEST(fixed.status == 0);
  BOOST_TEST(!contains(fixed.err, "fixed"));  // patch already made the change --fix would make
}

BOOST_AUTO_TEST_CASE(templates_with_load_errors_and_stdin_are_never_written) {
  TempDir dir;
  // A duplicate key: what the template means is uncertain, so it is not touched.
  const std::string duplicate = kTemplate + "  Nodes:\n    Type: AWS::SNS::Topic\n";
  const fs::path file = dir.write("dup.yaml", duplicate);
  const auto result = run_cli("lint --fix" + kOptions + "dup.yaml", dir.path());
  BOOST_TEST(read_text(file) == duplicate);
  BOOST_TEST(contains(result.err, "dup.yaml: not fixed: the template has load errors"));
  BOOST_TEST(result.status == 1);

  const auto from_stdin = run_cli("lint --fix" + kOptions + "-", dir.path(), kTemplate);
  BOOST_TEST(contains(from_stdin.err, "not fixed in place"));
  BOOST_TEST(contains(from_stdin.out, "[N007]"));
  BOOST_TEST(from_stdin.status == 1);
  // The dry run shows stdin's diff.
  const auto stdin_diff = run_cli("lint --fix-dry-run" + kOptions + "--stdin-filename s.yaml -", dir.path(), kTemplate);
  BOOST_TEST(contains(stdin_diff.out, "+++ s.yaml"));
}

BOOST_AUTO_TEST_CASE(fix_and_dry_run_together_is_a_usage_error) {
  TempDir dir;
  const fs::path file = dir.write("stack.yaml", kTemplate);
  const auto result = run_cli("lint --fix --fix-dry-run" + kOptions + "stack.yaml", dir.path());
  BOOST_TEST(result.status == 2);
  BOOST_TEST(read_text(file) == kTemplate);
}

BOOST_AUTO_TEST_CASE(text_report_marks_fixable_findings) {
  TempDir dir;
  dir.write("stack.yaml", kTemplate);
  const auto result = run_cli("lint" + kOptions + "stack.yaml", dir.path());
  BOOST_TEST(contains(result.out, "set 'HttpTokens: required' [N007] (fixable)\n"), result.out);
  BOOST_TEST(contains(result.out, "did you mean 'Retain'? [T107]\n"), result.out);
  BOOST_TEST(contains(result.out, "; 1 fixable with --fix\n"));
}

BOOST_AUTO_TEST_CASE(rules_and_explain_say_which_rules_have_a_quick_fix) {
  TempDir dir;
  const auto rules = run_cli("rules", dir.path());
  BOOST_TEST(contains(rules.out, "imdsv2-not-required"));
  for (const std::string& line : cfn_eks::testing::lines_of(rules.out)) {
    const bool fixable = line.starts_with("N007 ") || line.starts_with("V002 ");
    if (fixable) BOOST_TEST(line.ends_with(" [quick fix]"), line);
    if (line.starts_with("T201 ")) BOOST_TEST(!contains(line, "quick fix"), line);
  }
  const auto json = run_cli("rules --format json", dir.path());
  BOOST_TEST(contains(json.out, "\"id\": \"N007\""));
  BOOST_TEST(contains(json.out, "\"quick_fix\": true"));
  BOOST_TEST(contains(json.out, "\"quick_fix\": false"));
  BOOST_TEST(contains(run_cli("explain N007", dir.path()).out, "Has a quick fix"));
  BOOST_TEST(!contains(run_cli("explain T201", dir.path()).out, "Has a quick fix"));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
