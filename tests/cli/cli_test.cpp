// The cfn-eks binary end to end: exit statuses 0/1/2, the text line format, every output format
// parses, --output is atomic, --fail-on, config discovery, rules/explain/--version/--help, stdin
// and a closed pipe.

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <rapidjson/document.h>

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cfn_eks/format.hpp"
#include "cfn_eks/registry.hpp"
#include "support/cli_runner.hpp"
#include "support/paths.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;

namespace {

using cfn_eks::testing::TempDir;
using cfn_eks::testing::errors_only;
using cfn_eks::testing::lines_of;
using Result = cfn_eks::testing::CliResult;

std::string quote(const std::string& s) { return cfn_eks::testing::shell_quote(s); }

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

/// Runs `cfn-eks ARGS` through the shell in `cwd` with `input` on stdin; captures both streams.
Result run(const std::string& args, const fs::path& cwd = cfn_eks::testing::source_dir(),
           const std::string& input = "") {
  return cfn_eks::testing::run_cli(args, cwd, input);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Clean under every rule (a type with a schema, so not even an info finding).
const std::string kClean =
    "AWSTemplateFormatVersion: \"2010-09-09\"\n"
    "Description: one network\n"
    "Resources:\n"
    "  Vpc:\n"
    "    Type: AWS::EC2::VPC\n"
    "    Properties:\n"
    "      CidrBlock: 10.0.0.0/16\n";

const std::string kUnusedParameter =
    "AWSTemplateFormatVersion: \"2010-09-09\"\n"
    "Parameters:\n"
    "  Unused:\n"
    "    Type: String\n"
    "Resources:\n"
    "  Queue:\n"
    "    Type: AWS::SQS::Queue\n";

const std::regex kFindingLine(R"(^.+:\d+:\d+: (error|warning|info): .+ \[[A-Z]\d{3}\]$)");

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)
BOOST_AUTO_TEST_SUITE(cli)

BOOST_AUTO_TEST_CASE(lint_bundled_fixture_reports_findings) {
  const Result r = run("lint --no-config fixtures/rules/T002/flagged.yaml");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(contains(r.out, "fixtures/rules/T002/flagged.yaml:8:7: error: duplicate key 'ClusterName'"), r.out);
  BOOST_TEST(contains(r.out, "fixtures/rules/T002/flagged.yaml:9:3: error: duplicate key 'NodeGroup'"), r.out);
  const auto lines = lines_of(r.out);
  BOOST_TEST_REQUIRE(lines.size() >= 3u);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) BOOST_TEST(std::regex_match(lines[i], kFindingLine), lines[i]);
  // Then one summary line.
  BOOST_TEST(std::regex_search(lines.back(), std::regex(R"(^\d+ problems? \(.*\) in 1 file$)")), lines.back());
  BOOST_TEST(errors_only(r.err).empty(), r.err);
}

BOOST_AUTO_TEST_CASE(lint_several_fixtures) {
  const Result r = run("lint --no-config fixtures/rules/T001/flagged.yaml fixtures/rules/T009/flagged.yaml");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(contains(r.out, "fixtures/rules/T001/flagged.yaml:7:16: error: YAML syntax error"), r.out);
  BOOST_TEST(contains(r.out, "fixtures/rules/T009/flagged.yaml:7:15: error: unknown tag '!GetAttr'"), r.out);
  BOOST_TEST(contains(r.out, "in 2 files"), r.out);
}

BOOST_AUTO_TEST_CASE(clean_file_exits_zero) {
  const TempDir dir("cfn-eks-cli-test");
  const std::string file = dir.write("clean.yaml", kClean);
  const Result r = run("lint --no-config " + quote(file));
  BOOST_TEST(r.status == 0, r.out);
  BOOST_TEST(r.out == "no problems in 1 file\n");
  BOOST_TEST(errors_only(r.err).empty(), r.err);
}

BOOST_AUTO_TEST_CASE(stale_data_warning_on_stderr_and_in_json_and_sarif) {
  const TempDir dir("cfn-eks-cli-test");
  const std::string file = dir.write("clean.yaml", kClean);
  // Far past the data's as_of date: the warning; the day of the data: none.
  const std::string stale = "lint --no-config --as-of 2036-01-01 ";
  const Result text = run(stale + quote(file));
  BOOST_TEST(contains(text.err, "cfn-eks: warning: "), text.err);
  const Result json = run(stale + "-f json " + quote(file));
  rapidjson::Document document;
  document.Parse(json.out.c_str(), json.out.size());
  BOOST_TEST_REQUIRE(!document.HasParseError(), json.out);
  BOOST_TEST_REQUIRE(document.HasMember("warnings"), json.out);
  BOOST_TEST_REQUIRE(document["warnings"].Size() == 1u);
  BOOST_TEST(contains(json.err, document["warnings"][0].GetString()), json.err);
  const Result sarif = run(stale + "-f sarif " + quote(file));
  document.Parse(sarif.out.c_str(), sarif.out.size());
  BOOST_TEST_REQUIRE(!document.HasParseError(), sarif.out);
  const auto& notifications = document["runs"][0]["invocations"][0]["toolExecutionNotifications"];
  BOOST_TEST_REQUIRE(notifications.Size() == 1u, sarif.out);
  BOOST_TEST(notifications[0]["level"].GetString() == std::string("warning"));
  const Result fresh = run("lint --no-config --as-of 2026-11-28 -f json " + quote(file));
  document.Parse(fresh.out.c_str(), fresh.out.size());
  BOOST_TEST_REQUIRE(!document.HasParseError(), fresh.out);
  BOOST_TEST(!document.HasMember("warnings"), fresh.out);
}

BOOST_AUTO_TEST_CASE(missing_file_exits_two_with_one_clear_line) {
  const TempDir dir("cfn-eks-cli-test");
  const std::string missing = (dir.path() / "nope.yaml").string();
  const Result r = run("lint --no-config " + quote(missing));
  BOOST_TEST(r.status == 2);
  std::vector<std::string> mentions;
  for (const std::string& line : lines_of(r.out + r.err)) {
    if (contains(line, "nope.yaml")) mentions.push_back(line);
  }
  BOOST_TEST_REQUIRE(mentions.size() == 1u, r.out + r.err);
  BOOST_TEST(mentions[0] == missing + ": error: cannot read: no such file");
}

BOOST_AUTO_TEST_CASE(unknown_option_exits_two_with_one_line) {
  const Result r = run("lint --frobnicate x.yaml");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.out.empty());
  BOOST_TEST(lines_of(r.err).size() == 1u, r.err);
  BOOST_TEST(contains(r.err, "frobnicate"));
  const Result command = run("lnit x.yaml");
  BOOST_TEST(command.status == 2);
  BOOST_TEST(lines_of(command.err).size() == 1u, command.err);
  BOOST_TEST(contains(command.err, "unknown command 'lnit'"));
  const Result none = run("lint");
  BOOST_TEST(none.status == 2);
  BOOST_TEST(lines_of(none.err).size() == 1u, none.err);
  const Result bad_format = run("lint --format yml x.yaml");
  BOOST_TEST(bad_format.status == 2);
  BOOST_TEST(contains(bad_format.err, "unknown format 'yml'"));
}

BOOST_AUTO_TEST_CASE(unknown_rule_in_only_suggests) {
  const Result r = run("lint --only T0002 fixtures/rules/T002/flagged.yaml");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.out.empty());
  BOOST_TEST(lines_of(r.err).size() == 1u, r.err);
  BOOST_TEST(contains(r.err, "unknown rule 'T0002'; did you mean 'T002'?"), r.err);
  const Result by_name = run("lint --ignore duplicate-kye fixtures/rules/T002/flagged.yaml");
  BOOST_TEST(by_name.status == 2);
  BOOST_TEST(contains(by_name.err, "did you mean 'duplicate-key'?"), by_name.err);
}

BOOST_AUTO_TEST_CASE(only_and_ignore_select_rules) {
  const Result only = run("lint --no-config --only T002 fixtures/rules/T002/flagged.yaml");
  BOOST_TEST(only.status == 1);
  for (const std::string& line : lines_of(only.out)) {
    if (std::regex_match(line, kFindingLine)) BOOST_TEST(contains(line, "[T002]"), line);
  }
  const Result ignored = run("lint --no-config --only T002 --ignore duplicate-key fixtures/rules/T002/flagged.yaml");
  BOOST_TEST(ignored.status == 0, ignored.out);
}

BOOST_AUTO_TEST_CASE(directory_is_walked) {
  const TempDir dir("cfn-eks-cli-test");
  dir.write("a/one.yaml", kUnusedParameter);
  dir.write("a/b/two.yml", kUnusedParameter);
  dir.write("a/readme.md", "# not a template\n");
  const Result r = run("lint --no-config --only T401 a", dir.path());
  BOOST_TEST(r.status == 1);
  const auto lines = lines_of(r.out);
  BOOST_TEST_REQUIRE(lines.size() == 3u, r.out);
  BOOST_TEST(lines[0] == "a/b/two.yml:3:3: warning: parameter 'Unused' is not used; reference it with Ref or Fn::Sub, or remove it [T401]");
  BOOST_TEST(lines[1].rfind("a/one.yaml:3:3: warning:", 0) == 0u, lines[1]);
  BOOST_TEST(contains(lines[2], "in 2 files"));
}

BOOST_AUTO_TEST_CASE(stdin_with_a_filename) {
  const Result r = run("lint --no-config --only T401 --stdin-filename stacks/eks.yaml -", fs::temp_directory_path(),
                       kUnusedParameter);
  BOOST_TEST(r.status == 1);
  BOOST_TEST(contains(r.out, "stacks/eks.yaml:3:3: warning: parameter 'Unused' is not used"), r.out);
  const Result plain = run("lint --no-config --only T401 -", fs::temp_directory_path(), kUnusedParameter);
  BOOST_TEST(plain.status == 1);
  BOOST_TEST(contains(plain.out, "-:3:3: warning:"), plain.out);
  const Result clean = run("lint --no-config -", fs::temp_directory_path(), kClean);
  BOOST_TEST(clean.status == 0, clean.out);
  const Result json = run("lint --no-config -", fs::temp_directory_path(), "{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\"}}}");
  BOOST_TEST(json.status == 0, json.out);
}

BOOST_AUTO_TEST_CASE(stdin_uses_the_config_of_its_filename) {
  const TempDir dir("cfn-eks-cli-test");
  dir.write(".cfn-eks.yaml", "ignore: [T401]\n");
  dir.write("stacks/placeholder.txt", "");
  const Result r = run("lint --only T401 --stdin-filename stacks/eks.yaml -", dir.path(), kUnusedParameter);
  BOOST_TEST(r.status == 0, r.out);
  const Result explicit_broken =
      run("lint --config " + quote(dir.write("bad.yaml", "ignore: [T4O1]\n")) + " -", dir.path(), kClean);
  BOOST_TEST(explicit_broken.status == 2, explicit_broken.out);
  BOOST_TEST(contains(explicit_broken.out, "unknown rule 'T4O1'; did you mean 'T401'? [T902]"), explicit_broken.out);
  const Result explicit_missing = run("lint --config nowhere.yaml -", dir.path(), kClean);
  BOOST_TEST(explicit_missing.status == 2, explicit_missing.out);
  BOOST_TEST(contains(explicit_missing.out, "nowhere.yaml"), explicit_missing.out);
}

BOOST_AUTO_TEST_CASE(json_format_parses) {
  const Result r = run("lint --no-config --format json fixtures/rules/T002/flagged.yaml");
  BOOST_TEST(r.status == 1);
  rapidjson::Document doc;
  doc.Parse(r.out.c_str());
  BOOST_TEST_REQUIRE(!doc.HasParseError(), r.out);
  BOOST_TEST_REQUIRE(doc.IsObject());
  // Find the T002 findings wherever the documented layout puts them.
  BOOST_TEST(contains(r.out, "\"T002\""));
  BOOST_TEST(contains(r.out, "duplicate key 'ClusterName'"));
}

BOOST_AUTO_TEST_CASE(sarif_format_parses) {
  const Result r = run("lint --no-config --format sarif fixtures/rules/T002/flagged.yaml");
  BOOST_TEST(r.status == 1);
  rapidjson::Document doc;
  doc.Parse(r.out.c_str());
  BOOST_TEST_REQUIRE(!doc.HasParseError(), r.out);
  BOOST_TEST(std::string(doc["version"].GetString()) == "2.1.0");
  BOOST_TEST_REQUIRE(doc["runs"].IsArray());
  const auto& results = doc["runs"][0]["results"];
  BOOST_TEST_REQUIRE(results.IsArray());
  bool found = false;
  for (const auto& result : results.GetArray()) {
    if (std::string(result["ruleId"].GetString()) != "T002") continue;
    const auto& region = result["locations"][0]["physicalLocation"]["region"];
    if (region["startLine"].GetInt() == 8) {
      found = true;
      BOOST_TEST(region["startColumn"].GetInt() == 7);
    }
  }
  BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(github_format) {
  const Result r = run("lint --no-config --only T002 --format github fixtures/rules/T002/flagged.yaml");
  BOOST_TEST(r.status == 1);
  const auto lines = lines_of(r.out);
  BOOST_TEST_REQUIRE(lines.size() == 2u, r.out);
  for (const std::string& line : lines) {
    BOOST_TEST(line.rfind("::error file=fixtures/rules/T002/flagged.yaml,line=", 0) == 0u, line);
  }
  BOOST_TEST(contains(lines[0], "line=8,"));
}

BOOST_AUTO_TEST_CASE(junit_format) {
  const Result r = run("lint --no-config --only T002 --format junit fixtures/rules/T002/flagged.yaml");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.out.rfind("<?xml", 0) == 0u, r.out);
  BOOST_TEST(contains(r.out, "<testsuites"));
  BOOST_TEST(contains(r.out, "</testsuites>"));
  BOOST_TEST(contains(r.out, "duplicate key"));
  // Every opened element closes: count tags crudely.
  const auto count = [&](const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = r.out.find(what); at != std::string::npos; at = r.out.find(what, at + 1)) ++n;
    return n;
  };
  BOOST_TEST(count("<testsuite ") + count("<testsuite>") == count("</testsuite>"));
}

BOOST_AUTO_TEST_CASE(output_file_is_written_atomically) {
  const TempDir dir("cfn-eks-cli-test");
  const Result to_stdout = run("lint --no-config --format json fixtures/rules/T002/flagged.yaml");
  const std::string target = (dir.path() / "report.json").string();
  const Result r = run("lint --no-config --format json -o " + quote(target) + " fixtures/rules/T002/flagged.yaml");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.out.empty());
  BOOST_TEST(slurp(target) == to_stdout.out);
  // Only the report: no temporary file left beside it.
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir.path())) names.push_back(entry.path().filename().string());
  BOOST_TEST(names == std::vector<std::string>{"report.json"}, boost::test_tools::per_element());
  // Readable like any file the user creates (umask 022 gives 0644), not mkstemp's 0600.
  const Result again = run("lint --no-config --format json -o " + quote(target) + " fixtures/rules/T002/flagged.yaml");
  BOOST_TEST(again.status == 1);
  const TempDir other("cfn-eks-cli-test");
  const std::string fresh = (other.path() / "fresh.txt").string();
  const int status = std::system(("cd " + quote(cfn_eks::testing::source_dir().string()) + " && umask 022 && " +
                                  quote(cfn_eks::testing::binary_path()) + " lint --no-config -o " + quote(fresh) +
                                  " fixtures/rules/T002/flagged.yaml 2>/dev/null")
                                     .c_str());
  BOOST_TEST(WEXITSTATUS(status) == 1);
  struct stat info {};
  BOOST_TEST_REQUIRE(::stat(fresh.c_str(), &info) == 0);
  BOOST_TEST((info.st_mode & 0777) == 0644u);
}

BOOST_AUTO_TEST_CASE(output_into_a_missing_directory_is_refused) {
  const TempDir dir("cfn-eks-cli-test");
  const std::string target = (dir.path() / "no" / "such" / "report.txt").string();
  const Result r = run("lint --no-config -o " + quote(target) + " fixtures/rules/T002/flagged.yaml");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(lines_of(errors_only(r.err)).size() == 1u, r.err);
  BOOST_TEST(!fs::exists(dir.path() / "no"));
  // A directory as the target: refused and nothing left behind.
  fs::create_directories(dir.path() / "adir");
  const Result into_dir = run("lint --no-config -o " + quote((dir.path() / "adir").string()) + " fixtures/rules/T002/flagged.yaml");
  BOOST_TEST(into_dir.status == 2);
  std::size_t entries = 0;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    (void)entry;
    ++entries;
  }
  BOOST_TEST(entries == 1u);
  BOOST_TEST(fs::is_empty(dir.path() / "adir"));
}

BOOST_AUTO_TEST_CASE(fail_on_semantics) {
  const TempDir dir("cfn-eks-cli-test");
  const std::string warning_only = dir.write("w.yaml", kUnusedParameter);
  const std::string base = "lint --no-config --only T401 ";
  BOOST_TEST(run(base + quote(warning_only)).status == 1);  // default: warning
  BOOST_TEST(run(base + "--fail-on warning " + quote(warning_only)).status == 1);
  BOOST_TEST(run(base + "--fail-on error " + quote(warning_only)).status == 0);
  BOOST_TEST(run(base + "--fail-on never " + quote(warning_only)).status == 0);
  BOOST_TEST(run(base + "--fail-on info " + quote(warning_only)).status == 1);
  // An info finding fails only with --fail-on info.
  BOOST_TEST(run(base + "--severity T401=info " + quote(warning_only)).status == 0);
  BOOST_TEST(run(base + "--severity T401=info --fail-on info " + quote(warning_only)).status == 1);
  // Errors fail unless never.
  BOOST_TEST(run("lint --no-config --fail-on error fixtures/rules/T002/flagged.yaml").status == 1);
  BOOST_TEST(run("lint --no-config --fail-on never fixtures/rules/T002/flagged.yaml").status == 0);
  const Result bad = run(base + "--fail-on sometimes " + quote(warning_only));
  BOOST_TEST(bad.status == 2);
  BOOST_TEST(contains(bad.err, "--fail-on needs error, warning, info or never"));
  // A read error is 2 even with --fail-on never.
  BOOST_TEST(run(base + "--fail-on never " + quote((dir.path() / "missing.yaml").string())).status == 2);
}

BOOST_AUTO_TEST_CASE(config_found_by_walking_up) {
  const TempDir dir("cfn-eks-cli-test");
  dir.write("a/b/t.yaml", kUnusedParameter);
  const std::string args = "lint --only T401 a/b/t.yaml";
  BOOST_TEST(run(args, dir.path()).status == 1);
  dir.write(".cfn-eks.yaml", "ignore: [unused-parameter]\n");
  BOOST_TEST(run(args, dir.path()).status == 0);
  dir.write(".cfn-eks.yaml", "severity: {T401: info}\n");
  const Result info = run(args, dir.path());
  BOOST_TEST(info.status == 0);
  BOOST_TEST(contains(info.out, "a/b/t.yaml:3:3: info: parameter 'Unused'"), info.out);
  dir.write(".cfn-eks.yaml", "severity: {T401: info}\nfail-on: info\n");
  BOOST_TEST(run(args, dir.path()).status == 1);
  dir.write(".cfn-eks.yaml", "fail-on: never\n");
  BOOST_TEST(run(args, dir.path()).status == 0);
  dir.write(".cfn-eks.yaml", "fail-on: error\n");
  BOOST_TEST(run(args, dir.path()).status == 0);
  // The command line wins over the config.
  BOOST_TEST(run("lint --only T401 --fail-on warning a/b/t.yaml", dir.path()).status == 1);
  // --no-config ignores it.
  BOOST_TEST(run("lint --no-config --only T401 a/b/t.yaml", dir.path()).status == 1);
}

BOOST_AUTO_TEST_CASE(rules_option_in_config_reaches_the_rule) {
  const TempDir dir("cfn-eks-cli-test");
  dir.write(".cfn-eks.yaml", "rules:\n  T401: {}\n");
  dir.write("t.yaml", kClean);
  const Result r = run("lint t.yaml", dir.path());
  BOOST_TEST(r.status == 0, r.out);
}

BOOST_AUTO_TEST_CASE(broken_config_exits_two_with_positioned_t902) {
  const TempDir dir("cfn-eks-cli-test");
  dir.write("t.yaml", kClean);
  dir.write(".cfn-eks.yaml", "ignore: [T4O1]\n");
  const Result r = run("lint t.yaml", dir.path());
  BOOST_TEST(r.status == 2, r.out);
  BOOST_TEST(contains(r.out, ".cfn-eks.yaml:1:10: error: unknown rule 'T4O1'; did you mean 'T401'? [T902]"), r.out);
  dir.write(".cfn-eks.yaml", "ignore: [T401\n");
  const Result syntax = run("lint t.yaml", dir.path());
  BOOST_TEST(syntax.status == 2, syntax.out);
  BOOST_TEST(std::regex_search(syntax.out, std::regex(R"(\.cfn-eks\.yaml:\d+:\d+: error: YAML syntax error.*\[T902\])")),
             syntax.out);
  dir.write(".cfn-eks.yaml", "fial-on: error\n");
  const Result key = run("lint t.yaml", dir.path());
  BOOST_TEST(key.status == 2);
  BOOST_TEST(contains(key.out, ".cfn-eks.yaml:1:1: error: unknown configuration key 'fial-on'; did you mean 'fail-on'? [T902]"),
             key.out);
}

BOOST_AUTO_TEST_CASE(rules_lists_every_rule) {
  const Result r = run("rules");
  BOOST_TEST(r.status == 0);
  const auto lines = lines_of(r.out);
  const auto& rules = cfn_eks::default_registry().rules();
  BOOST_TEST_REQUIRE(lines.size() == rules.size());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    BOOST_TEST(lines[i].rfind(std::string(rules[i]->info().id) + " ", 0) == 0u, lines[i]);
    BOOST_TEST(contains(lines[i], std::string(rules[i]->info().name)));
  }
  const Result json = run("rules --format json");
  BOOST_TEST(json.status == 0);
  rapidjson::Document doc;
  doc.Parse(json.out.c_str());
  BOOST_TEST_REQUIRE(!doc.HasParseError());
  BOOST_TEST_REQUIRE(doc.IsArray());
  BOOST_TEST(doc.Size() == rules.size());
  BOOST_TEST(std::string(doc[0]["id"].GetString()) == std::string(rules[0]->info().id));
  BOOST_TEST(run("rules --format yaml").status == 2);
}

BOOST_AUTO_TEST_CASE(explain_prints_docs_and_suggests) {
  const Result r = run("explain T001");
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.out.rfind("# T001 syntax-error\n", 0) == 0u, r.out);
  BOOST_TEST(contains(r.out, "## What it checks"));
  BOOST_TEST(run("explain duplicate-key").status == 0);
  const Result typo = run("explain T01");
  BOOST_TEST(typo.status == 2);
  BOOST_TEST(typo.out.empty());
  BOOST_TEST(lines_of(typo.err).size() == 1u);
  BOOST_TEST(contains(typo.err, "unknown rule 'T01'; did you mean 'T001'?"), typo.err);
  BOOST_TEST(run("explain").status == 2);
  BOOST_TEST(run("explain T001 T002").status == 2);
}

BOOST_AUTO_TEST_CASE(version) {
  const Result r = run("--version");
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.out == "cfn-eks " + std::string(cfn_eks::tool_version()) + "\n");
}

BOOST_AUTO_TEST_CASE(help_on_every_command) {
  for (const char* args : {"--help", "-h", "help", "lint --help", "lint -h", "rules --help", "explain --help"}) {
    BOOST_TEST_CONTEXT(args) {
      const Result r = run(args);
      BOOST_TEST(r.status == 0);
      BOOST_TEST((contains(r.out, "usage") || contains(r.out, "cfn-eks lint")));
      BOOST_TEST(r.err.empty());
    }
  }
  BOOST_TEST(contains(run("lint --help").out, "--fail-on"));
  const Result bare = run("");
  BOOST_TEST(bare.status == 2);
  BOOST_TEST(contains(bare.err, "usage"));
}

BOOST_AUTO_TEST_CASE(closed_pipe_ends_quietly) {
  const TempDir dir("cfn-eks-cli-test");
  std::string big = "Resources:\n  Q:\n    Type: AWS::SQS::Queue\nMetadata:\n";
  for (int i = 0; i < 5000; ++i) big += "  k: " + std::to_string(i) + "\n";  // 4999 duplicate keys
  const std::string file = dir.write("big.yaml", big);
  const fs::path status_file = dir.path() / "status";
  const fs::path err_file = dir.path() / "err";
  const std::string script = quote(cfn_eks::testing::binary_path()) + " lint --no-config " + quote(file) + " 2>" +
                             quote(err_file.string()) + " | head -c 10 >/dev/null; echo ${PIPESTATUS[0]} >" +
                             quote(status_file.string());
  BOOST_TEST_REQUIRE(std::system(("bash -c " + quote(script)).c_str()) == 0);
  const int status = std::stoi(slurp(status_file));
  BOOST_TEST(status != 128 + 13);  // not killed by SIGPIPE
  BOOST_TEST(status < 128);        // nor by any signal
  const std::string err = errors_only(slurp(err_file));
  BOOST_TEST(!contains(err, "Broken pipe"), err);
  BOOST_TEST(!contains(err, "terminate"), err);
  BOOST_TEST(err.empty(), err);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
