// `.cfn-eks.yaml`: parsing every key, positioned T902 findings for mistakes, and the search
// that walks up from a template's directory.

#include "support/temp_dir.hpp"
#include "cfn_eks/config.hpp"

#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

namespace fs = std::filesystem;
using cfn_eks::Config;
using cfn_eks::Diagnostic;
using cfn_eks::Severity;

BOOST_TEST_DONT_PRINT_LOG_VALUE(cfn_eks::Severity)

namespace {

Config parse(std::string text) {
  return cfn_eks::parse_config(std::make_shared<cfn_eks::SourceFile>(".cfn-eks.yaml", std::move(text)),
                               cfn_eks::default_registry());
}

using cfn_eks::testing::TempDir;

}  // namespace

BOOST_AUTO_TEST_SUITE(config)
BOOST_AUTO_TEST_SUITE(config)

BOOST_AUTO_TEST_CASE(every_key) {
  const Config c = parse(
      "ignore: [T401, unused-mapping]\n"
      "severity:\n"
      "  T403: error\n"
      "  undefined-reference: info\n"
      "rules:\n"
      "  T105:\n"
      "    max-resources: 200\n"
      "    note: 'x'\n"
      "fail-on: info\n");
  BOOST_TEST(c.diagnostics.empty());
  BOOST_TEST(c.path == ".cfn-eks.yaml");
  // Names are stored by id.
  BOOST_TEST((c.ignore == std::set<std::string>{"T401", "T402"}));
  BOOST_TEST(c.severity.size() == 2u);
  BOOST_TEST(c.severity.at("T403") == Severity::Error);
  BOOST_TEST(c.severity.at("T201") == Severity::Info);
  BOOST_TEST_REQUIRE(c.options.count("T105") == 1u);
  BOOST_TEST(c.options.at("T105").get("max-resources").value_or("") == "200");
  BOOST_TEST(c.options.at("T105").get_int("max-resources", 0) == 200);
  BOOST_TEST(c.options.at("T105").get("note").value_or("") == "x");
  BOOST_TEST_REQUIRE(c.fail_on.has_value());
  BOOST_TEST(*c.fail_on == Severity::Info);
  BOOST_TEST(!c.fail_never);
}

BOOST_AUTO_TEST_CASE(fail_on_values) {
  BOOST_TEST(*parse("fail-on: error\n").fail_on == Severity::Error);
  BOOST_TEST(*parse("fail-on: warning\n").fail_on == Severity::Warning);
  const Config never = parse("fail-on: never\n");
  BOOST_TEST(never.fail_never);
  BOOST_TEST(!never.fail_on.has_value());
  BOOST_TEST(never.diagnostics.empty());
  const Config bad = parse("fail-on: sometimes\n");
  BOOST_TEST_REQUIRE(bad.diagnostics.size() == 1u);
  BOOST_TEST(bad.diagnostics[0].rule_id == "T902");
  BOOST_TEST(bad.diagnostics[0].start.line == 1u);
  BOOST_TEST(bad.diagnostics[0].start.column == 10u);
  BOOST_TEST(bad.diagnostics[0].message == "'fail-on' must be error, warning, info or never");
}

BOOST_AUTO_TEST_CASE(empty_and_comment_only_files_configure_nothing) {
  for (const char* text : {"", "# nothing yet\n", "~\n"}) {
    const Config c = parse(text);
    BOOST_TEST(c.diagnostics.empty());
    BOOST_TEST(c.ignore.empty());
    BOOST_TEST(!c.fail_on.has_value());
  }
}

BOOST_AUTO_TEST_CASE(unknown_key_suggests_the_closest) {
  const Config c = parse("ignore: []\nfail_on: error\n");
  BOOST_TEST_REQUIRE(c.diagnostics.size() == 1u);
  const Diagnostic& d = c.diagnostics[0];
  BOOST_TEST(d.rule_id == "T902");
  BOOST_TEST(d.severity == Severity::Error);
  BOOST_TEST(d.file == ".cfn-eks.yaml");
  BOOST_TEST(d.start.line == 2u);
  BOOST_TEST(d.start.column == 1u);
  BOOST_TEST(d.end.column == 8u);
  BOOST_TEST(d.message == "unknown configuration key 'fail_on'; did you mean 'fail-on'?");
}

BOOST_AUTO_TEST_CASE(unknown_rules_are_positioned_with_suggestions) {
  const Config c = parse(
      "ignore: [T4O1, T401]\n"
      "severity:\n"
      "  unused-parmeter: info\n"
      "rules:\n"
      "  T9999: {a: 1}\n");
  BOOST_TEST_REQUIRE(c.diagnostics.size() == 3u);
  BOOST_TEST(c.diagnostics[0].message == "unknown rule 'T4O1'; did you mean 'T401'?");
  BOOST_TEST(c.diagnostics[0].start.line == 1u);
  BOOST_TEST(c.diagnostics[0].start.column == 10u);
  BOOST_TEST(c.diagnostics[1].message == "unknown rule 'unused-parmeter'; did you mean 'unused-parameter'?");
  BOOST_TEST(c.diagnostics[1].start.line == 3u);
  BOOST_TEST(c.diagnostics[1].start.column == 3u);
  BOOST_TEST(c.diagnostics[2].start.line == 5u);
  BOOST_TEST(c.diagnostics[2].message.rfind("unknown rule 'T9999'", 0) == 0u);
  // The good entry still counts.
  BOOST_TEST(c.ignore.count("T401") == 1u);
  BOOST_TEST(c.severity.empty());
}

BOOST_AUTO_TEST_CASE(bad_shapes_and_values) {
  const Config c = parse(
      "ignore: T401\n"
      "severity:\n"
      "  T401: loud\n"
      "  T402: [error]\n"
      "rules:\n"
      "  T105: 200\n"
      "  T401: {max: [1, 2]}\n");
  BOOST_TEST_REQUIRE(c.diagnostics.size() == 5u);
  for (const Diagnostic& d : c.diagnostics) BOOST_TEST(d.rule_id == "T902");
  BOOST_TEST(c.diagnostics[0].message == "'ignore' must be a list of rule ids or names");
  BOOST_TEST(c.diagnostics[0].start.line == 1u);
  BOOST_TEST(c.diagnostics[1].message == "severity must be error, warning or info");
  BOOST_TEST(c.diagnostics[1].start.line == 3u);
  BOOST_TEST(c.diagnostics[1].start.column == 9u);
  BOOST_TEST(c.diagnostics[2].start.line == 4u);
  BOOST_TEST(c.diagnostics[3].message == "options of 'T105' must be a mapping of names to values");
  BOOST_TEST(c.diagnostics[4].message == "option 'max' must be a single value");
  BOOST_TEST(c.diagnostics[4].start.line == 7u);
}

BOOST_AUTO_TEST_CASE(root_must_be_a_mapping) {
  const Config c = parse("- T401\n");
  BOOST_TEST_REQUIRE(c.diagnostics.size() == 1u);
  BOOST_TEST(c.diagnostics[0].rule_id == "T902");
  BOOST_TEST(c.diagnostics[0].message == "a configuration file must be a mapping");
}

BOOST_AUTO_TEST_CASE(broken_yaml_is_a_positioned_t902) {
  const Config c = parse("ignore: [T401\nfail-on: error\n");
  BOOST_TEST_REQUIRE(!c.diagnostics.empty());
  const Diagnostic& d = c.diagnostics[0];
  // Every problem in a config file is T902, whatever found it.
  BOOST_TEST(d.rule_id == "T902");
  BOOST_TEST(d.severity == Severity::Error);
  BOOST_TEST(d.message.find("YAML syntax error") != std::string::npos);
  BOOST_TEST(d.start.line >= 1u);
  BOOST_TEST(!c.fail_on.has_value());
}

BOOST_AUTO_TEST_CASE(duplicate_keys_are_t902) {
  const Config c = parse("fail-on: error\nfail-on: info\n");
  BOOST_TEST_REQUIRE(c.diagnostics.size() == 1u);
  BOOST_TEST(c.diagnostics[0].rule_id == "T902");
  BOOST_TEST(c.diagnostics[0].start.line == 2u);
  BOOST_TEST(c.diagnostics[0].related.size() == 1u);
}

BOOST_AUTO_TEST_CASE(find_config_walks_up) {
  const TempDir dir("cfn-eks-config-test");
  const fs::path deep = dir.path() / "a" / "b" / "c";
  fs::create_directories(deep);
  BOOST_TEST(!cfn_eks::find_config(deep).has_value());
  const fs::path top = dir.write(".cfn-eks.yaml", "fail-on: error\n");
  BOOST_TEST(cfn_eks::find_config(deep).value() == top);
  BOOST_TEST(cfn_eks::find_config(dir.path()).value() == top);
  // The nearest one wins.
  const fs::path middle = dir.write("a/b/.cfn-eks.yaml", "");
  BOOST_TEST(cfn_eks::find_config(deep).value() == middle);
  BOOST_TEST(cfn_eks::find_config(dir.path() / "a").value() == top);
  // A directory of that name is not a config file.
  fs::create_directories(deep / ".cfn-eks.yaml");
  BOOST_TEST(cfn_eks::find_config(deep).value() == middle);
}

BOOST_AUTO_TEST_CASE(find_config_from_a_relative_start) {
  const TempDir dir("cfn-eks-config-test");
  dir.write(".cfn-eks.yaml", "");
  fs::create_directories(dir.path() / "x");
  const fs::path old = fs::current_path();
  fs::current_path(dir.path() / "x");
  const auto found = cfn_eks::find_config(fs::path("."));
  fs::current_path(old);
  // "." has no textual parent; the search must still reach the directory above.
  BOOST_TEST_REQUIRE(found.has_value());
  BOOST_TEST(fs::equivalent(*found, dir.path() / ".cfn-eks.yaml"));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
