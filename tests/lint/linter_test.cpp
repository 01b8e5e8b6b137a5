// lint_paths: directory expansion, deterministic order whatever the thread count, unreadable
// and missing files, config discovery walking up, and a config's fail-on reaching the report.

#include "support/temp_dir.hpp"
#include "cfn_eks/linter.hpp"

#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using cfn_eks::Diagnostic;
using cfn_eks::FileReport;
using cfn_eks::Severity;

BOOST_TEST_DONT_PRINT_LOG_VALUE(cfn_eks::Severity)

namespace {

using cfn_eks::testing::TempDir;

const std::string kUnusedParameter =
    "Parameters:\n"
    "  Unused:\n"
    "    Type: String\n"
    "Resources:\n"
    "  Bucket:\n"
    "    Type: AWS::S3::Bucket\n";

cfn_eks::LintOptions options_for(std::set<std::string> only = {"T401", "T001", "T102"}) {
  cfn_eks::LintOptions options;
  options.as_of = cfn_eks::Date{2026, 1, 1};
  options.only = std::move(only);
  return options;
}

std::vector<std::string> paths_of(const std::vector<FileReport>& reports) {
  std::vector<std::string> out;
  for (const FileReport& r : reports) out.push_back(r.path);
  return out;
}

std::vector<std::string> rules_of(const FileReport& report) {
  std::vector<std::string> out;
  for (const Diagnostic& d : report.diagnostics) out.push_back(d.rule_id);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lint)
BOOST_AUTO_TEST_SUITE(linter)

BOOST_AUTO_TEST_CASE(directories_expand_to_templates_sorted) {
  const TempDir dir("cfn-eks-linter-test");
  const std::string b = dir.write("b.yaml", kUnusedParameter);
  const std::string a = dir.write("sub/a.yml", kUnusedParameter);
  const std::string c = dir.write("c.json", "{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}}");
  const std::string d = dir.write("d.template", kUnusedParameter);
  dir.write("notes.txt", kUnusedParameter);                     // not a template extension
  dir.write("package.json", "{\"name\": \"x\"}");               // not a template
  dir.write("k8s.yaml", "apiVersion: v1\nkind: ConfigMap\n");   // not a template
  dir.write(".hidden/e.yaml", kUnusedParameter);                // dot directories are skipped
  dir.write(".cfn-eks.yaml", "Resources: {}\n");                 // the config is not linted
  const auto files = cfn_eks::expand_paths({dir.path().string()});
  const std::vector<std::string> expected = {b, c, d, a};
  BOOST_TEST(files == expected, boost::test_tools::per_element());
  // A file given explicitly is taken whatever it looks like; missing paths are kept.
  const auto explicit_files = cfn_eks::expand_paths({(dir.path() / "notes.txt").string(), "/no/such/file.yaml"});
  BOOST_TEST(explicit_files.size() == 2u);
}

BOOST_AUTO_TEST_CASE(reports_come_back_in_path_order_with_any_thread_count) {
  const TempDir dir("cfn-eks-linter-test");
  for (int i = 0; i < 40; ++i) {
    // Varied sizes so workers finish out of order.
    std::string text = kUnusedParameter;
    for (int k = 0; k < (i * 37) % 300; ++k) text += "  Q" + std::to_string(k) + ":\n    Type: AWS::SQS::Queue\n";
    dir.write("t" + std::to_string(i) + ".yaml", text);
  }
  const auto options = options_for();
  const auto one = cfn_eks::lint_paths({dir.path().string()}, cfn_eks::default_registry(), options, 1);
  BOOST_TEST_REQUIRE(one.size() == 40u);
  BOOST_TEST(std::is_sorted(one.begin(), one.end(), [](const auto& x, const auto& y) { return x.path < y.path; }));
  for (unsigned threads : {2u, 4u, 8u, 0u}) {
    for (int round = 0; round < 3; ++round) {
      const auto many = cfn_eks::lint_paths({dir.path().string()}, cfn_eks::default_registry(), options, threads);
      BOOST_TEST(paths_of(many) == paths_of(one), boost::test_tools::per_element());
      for (std::size_t i = 0; i < many.size(); ++i) {
        BOOST_TEST(rules_of(many[i]) == rules_of(one[i]), boost::test_tools::per_element());
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(missing_and_unreadable_files_get_an_error) {
  const TempDir dir("cfn-eks-linter-test");
  const std::string good = dir.write("good.yaml", kUnusedParameter);
  const std::string locked = dir.write("locked.yaml", kUnusedParameter);
  fs::permissions(locked, fs::perms::none);
  const std::string missing = (dir.path() / "missing.yaml").string();
  const auto reports = cfn_eks::lint_paths({good, missing, locked}, cfn_eks::default_registry(), options_for(), 2);
  BOOST_TEST_REQUIRE(reports.size() == 3u);
  BOOST_TEST(reports[0].path == good);
  BOOST_TEST(!reports[0].error.has_value());
  BOOST_TEST(reports[0].source != nullptr);
  BOOST_TEST(reports[2].path == missing);
  BOOST_TEST_REQUIRE(reports[2].error.has_value());
  BOOST_TEST(*reports[2].error == "cannot read: no such file");
  BOOST_TEST(reports[2].source == nullptr);
  BOOST_TEST(reports[2].diagnostics.empty());
  BOOST_TEST(reports[1].path == locked);
  if (::geteuid() != 0) {  // root reads anything
    BOOST_TEST_REQUIRE(reports[1].error.has_value());
    BOOST_TEST(reports[1].error->find("cannot read") == 0u);
  }
}

BOOST_AUTO_TEST_CASE(a_directory_given_as_a_file_path_is_walked) {
  const TempDir dir("cfn-eks-linter-test");
  dir.write("nested/deeper/x.yaml", kUnusedParameter);
  const auto reports = cfn_eks::lint_paths({(dir.path() / "nested").string()}, cfn_eks::default_registry(), options_for());
  BOOST_TEST_REQUIRE(reports.size() == 1u);
  BOOST_TEST(rules_of(reports[0]) == (std::vector<std::string>{"T401"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(config_is_found_by_walking_up) {
  const TempDir dir("cfn-eks-linter-test");
  dir.write(".cfn-eks.yaml", "ignore: [unused-parameter]\nfail-on: error\n");
  const std::string deep = dir.write("a/b/c/t.yaml", kUnusedParameter);
  const auto reports = cfn_eks::lint_paths({deep}, cfn_eks::default_registry(), options_for());
  BOOST_TEST_REQUIRE(reports.size() == 1u);
  BOOST_TEST(reports[0].diagnostics.empty());
  BOOST_TEST_REQUIRE(reports[0].fail_on.has_value());
  BOOST_TEST(*reports[0].fail_on == Severity::Error);
  BOOST_TEST(!reports[0].fail_never);

  // A nearer config replaces the outer one entirely.
  dir.write("a/.cfn-eks.yaml", "severity: {T401: info}\nfail-on: never\n");
  const auto nearer = cfn_eks::lint_paths({deep}, cfn_eks::default_registry(), options_for());
  BOOST_TEST_REQUIRE(nearer.size() == 1u);
  BOOST_TEST_REQUIRE(nearer[0].diagnostics.size() == 1u);
  BOOST_TEST(nearer[0].diagnostics[0].severity == Severity::Info);
  BOOST_TEST(nearer[0].fail_never);

  // Without config files, or with an explicit one, the search does not apply.
  auto no_config = options_for();
  no_config.use_config_files = false;
  const auto plain = cfn_eks::lint_paths({deep}, cfn_eks::default_registry(), no_config);
  BOOST_TEST(plain.at(0).diagnostics.size() == 1u);
  BOOST_TEST(plain.at(0).diagnostics[0].severity == Severity::Warning);
  BOOST_TEST(!plain.at(0).fail_on.has_value());
  auto explicit_config = options_for();
  explicit_config.config_file = dir.path() / ".cfn-eks.yaml";
  const auto chosen = cfn_eks::lint_paths({deep}, cfn_eks::default_registry(), explicit_config);
  BOOST_TEST(chosen.at(0).diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(command_line_options_override_the_config) {
  const TempDir dir("cfn-eks-linter-test");
  dir.write(".cfn-eks.yaml", "severity: {T401: info}\n");
  const std::string file = dir.write("t.yaml", kUnusedParameter);
  auto options = options_for();
  options.severity["T401"] = Severity::Error;
  const auto reports = cfn_eks::lint_paths({file}, cfn_eks::default_registry(), options);
  BOOST_TEST_REQUIRE(reports.at(0).diagnostics.size() == 1u);
  BOOST_TEST(reports[0].diagnostics[0].severity == Severity::Error);
}

BOOST_AUTO_TEST_CASE(broken_config_is_its_own_report_once) {
  const TempDir dir("cfn-eks-linter-test");
  const std::string config = dir.write(".cfn-eks.yaml", "ignore: [T4O1]\nfial-on: error\n");
  const std::string one = dir.write("one.yaml", kUnusedParameter);
  const std::string two = dir.write("two.yaml", kUnusedParameter);
  const auto reports = cfn_eks::lint_paths({one, two}, cfn_eks::default_registry(), options_for(), 2);
  BOOST_TEST_REQUIRE(reports.size() == 3u);
  BOOST_TEST(reports[0].path == config);  // ".cfn-eks.yaml" sorts before "one.yaml"
  BOOST_TEST(reports[0].source == nullptr);
  BOOST_TEST_REQUIRE(reports[0].diagnostics.size() == 2u);
  BOOST_TEST(reports[0].diagnostics[0].rule_id == "T902");
  BOOST_TEST(reports[0].diagnostics[0].start.line == 1u);
  BOOST_TEST(reports[0].diagnostics[0].start.column == 10u);
  BOOST_TEST(reports[0].diagnostics[1].message == "unknown configuration key 'fial-on'; did you mean 'fail-on'?");
  // The templates are still linted with what was valid.
  BOOST_TEST(rules_of(reports[1]) == (std::vector<std::string>{"T401"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unreadable_explicit_config) {
  const TempDir dir("cfn-eks-linter-test");
  const std::string file = dir.write("t.yaml", kUnusedParameter);
  auto options = options_for();
  options.config_file = dir.path() / "nope.yaml";
  const auto reports = cfn_eks::lint_paths({file}, cfn_eks::default_registry(), options);
  BOOST_TEST_REQUIRE(reports.size() == 2u);
  const auto& error_report = reports[0].path == file ? reports[1] : reports[0];
  BOOST_TEST_REQUIRE(error_report.error.has_value());
  BOOST_TEST(error_report.error->find("cannot read config") == 0u);
}

BOOST_AUTO_TEST_CASE(lint_source_sorts_and_keeps_the_path) {
  cfn_eks::LintOptions options = options_for({"T401"});
  const FileReport r = cfn_eks::lint_source(
      std::make_shared<cfn_eks::SourceFile>("x/y.yaml",
                                            "Parameters:\n  Z:\n    Type: String\n  A:\n    Type: String\n"
                                            "Resources:\n  B:\n    Type: AWS::S3::Bucket\n"),
      cfn_eks::default_registry(), options);
  BOOST_TEST(r.path == "x/y.yaml");
  BOOST_TEST_REQUIRE(r.diagnostics.size() == 2u);
  BOOST_TEST(r.diagnostics[0].start.line == 2u);
  BOOST_TEST(r.diagnostics[1].start.line == 4u);
  BOOST_TEST(r.diagnostics[0].file == "x/y.yaml");
}

BOOST_AUTO_TEST_CASE(read_file_errors) {
  const TempDir dir("cfn-eks-linter-test");
  std::string out;
  BOOST_TEST(cfn_eks::read_file(dir.path().string(), out).value_or("") == "is a directory");
  BOOST_TEST(cfn_eks::read_file((dir.path() / "x").string(), out).value_or("") == "no such file");
  const std::string file = dir.write("bin.yaml", std::string("a\0b", 3));
  BOOST_TEST(!cfn_eks::read_file(file, out).has_value());
  BOOST_TEST(out.size() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
