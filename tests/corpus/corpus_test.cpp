// Lints every real template in ../shared/corpus/real/ (when present). Each must load, and the
// findings must be exactly those listed, each with the reason we believe it, in
// tests/corpus/expected-findings.txt: a new false positive fails the build, and so does a
// listed finding that disappears. UPDATE_FIXTURES=1 rewrites the list, keeping reasons and
// marking new lines "TODO: review", which fails until someone writes the reason.

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cfn_eks/linter.hpp"
#include "support/paths.hpp"
#include "support/reviewed_list.hpp"

namespace fs = std::filesystem;
using namespace cfn_eks;

namespace {

constexpr std::string_view kTodo = "TODO: review";

std::string key_of(const std::string& file, const Diagnostic& d) {
  return file + ":" + std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + ": " + d.rule_id;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(corpus)
BOOST_AUTO_TEST_SUITE(real_templates)

BOOST_AUTO_TEST_CASE(findings_are_the_reviewed_ones) {
  const auto shared = testing::shared_dir();
  if (!shared) {
    BOOST_TEST_MESSAGE("../shared is absent: the real-corpus test is skipped");
    return;
  }
  const fs::path corpus = *shared / "corpus" / "real";
  LintOptions options;
  options.as_of = Date{2026, 11, 28};
  options.use_config_files = false;
  const std::vector<FileReport> reports = lint_paths({corpus.string()}, default_registry(), options);
  BOOST_CHECK_GE(reports.size(), 40u);

  std::map<std::string, std::string> actual;  // key -> message
  // S002 ("no schema for this type", info) is one note per schema-less type per template: true by
  // construction and reviewed once, so it is counted in one line instead of flooding the list.
  std::map<std::string, std::size_t> unchecked_types;  // type -> templates noting it
  std::size_t unchecked_notes = 0;
  for (const FileReport& report : reports) {
    const std::string file = fs::relative(report.path, corpus).generic_string();
    BOOST_CHECK_MESSAGE(!report.error, file << ": " << report.error.value_or(""));
    std::set<std::string> noted;
    for (const Diagnostic& d : report.diagnostics) {
      // Every real template must load: a parse or encoding failure here is our bug.
      BOOST_CHECK_MESSAGE(d.rule_id != "T001" && d.rule_id != "T005" && d.rule_id != "T006" && d.rule_id != "T999",
                          file << ": " << d.message);
      if (d.rule_id == "S002") {
        constexpr std::string_view kLead = "no schema is loaded for ";
        const std::string type = d.message.substr(kLead.size(), d.message.find(',') - kLead.size());
        BOOST_CHECK_MESSAGE(d.severity == Severity::Info && noted.insert(type).second,
                            file << ": S002 must be one note (info) per type: " << d.message);
        ++unchecked_types[type];
        ++unchecked_notes;
        continue;
      }
      actual[key_of(file, d)] = d.message;
    }
  }
  if (unchecked_notes > 0) {
    actual["*: S002 " + std::to_string(unchecked_notes) + " notes for " + std::to_string(unchecked_types.size()) +
           " types"] = "one note per schema-less type per template";
  }

  const fs::path expected_path = testing::source_dir() / "tests" / "corpus" / "expected-findings.txt";
  const auto expected = testing::read_reviewed_list(expected_path);
  const char* update = std::getenv("UPDATE_FIXTURES");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream out(expected_path);
    out << "# Findings of cfn-eks on ../shared/corpus/real/, each reviewed: path:line:col: ID  # why it is true\n";
    for (const auto& [key, message] : actual) {
      const auto it = expected.find(key);
      out << key << "  # " << (it != expected.end() && !it->second.empty() ? it->second : std::string(kTodo) + ": " + message)
          << "\n";
    }
    return;
  }
  for (const auto& [key, message] : actual) {
    BOOST_CHECK_MESSAGE(expected.count(key), "new finding (a false positive until reviewed): " << key << " " << message);
  }
  for (const auto& [key, reason] : expected) {
    BOOST_CHECK_MESSAGE(actual.count(key), "listed finding no longer reported: " << key);
    BOOST_CHECK_MESSAGE(reason.find(kTodo) == std::string::npos, "unreviewed finding: " << key << "  # " << reason);
  }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
