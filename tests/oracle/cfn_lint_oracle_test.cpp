// cfn-lint as an outside oracle for the schema rules, on the real corpus (../shared/corpus/real/)
// with the official registry schemas (../shared/registry-schemas/). Skipped when either, or
// cfn-lint itself, is missing: cfn-lint is never a dependency.
//
// Both directions, per file, within kNearLines lines:
// - every S-rule error we report must meet a cfn-lint error (E....) there;
// - every property-level error cfn-lint reports (kPropertyCodes) must meet one of our S1xx/S202
//   findings there.
// A disagreement we judge to be cfn-lint's mistake (or a check we deliberately do not make) is
// listed with the reason in tests/oracle/cfn-lint-disagreements.txt; a listed one that no
// longer happens fails too, so the list stays true. UPDATE_FIXTURES=1 rewrites the list,
// keeping reasons and marking new lines "TODO: review".
//
// cfn-lint runs once per file, files in parallel (one process per core), into a temporary
// directory; nothing is cached in the repository.

#include <boost/test/unit_test.hpp>

#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "cfn_eks/linter.hpp"
#include "cfn_eks/registry.hpp"
#include "cfn_eks/resource_schemas.hpp"
#include "support/cli_runner.hpp"
#include "support/paths.hpp"
#include "support/reviewed_list.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace cfn_eks;

namespace {

constexpr std::string_view kTodo = "TODO: review";
constexpr unsigned kNearLines = 3;

// cfn-lint's property-level checks that have an S rule of ours: unknown property, required,
// type, mutually exclusive / one-of, enum, pattern, item count, length, range, uniqueness,
// dependencies, value kind (format).
const std::set<std::string> kPropertyCodes = {"E3002", "E3003", "E3012", "E3014", "E3017", "E3018", "E3020",
                                              "E3030", "E3031", "E3032", "E3033", "E3034", "E3037", "E3040",
                                              "E3041", "E1041"};

struct Finding {
  unsigned line = 0;
  unsigned column = 0;
  std::string id;
  std::string message;
};

bool cfn_lint_available() { return std::system("command -v cfn-lint > /dev/null 2>&1") == 0; }

// "path:line:col:end_line:end_col:CODE:message" (cfn-lint --format parseable).
std::vector<Finding> parse_cfn_lint(const fs::path& output) {
  std::vector<Finding> out;
  std::ifstream in(output);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (int i = 0; i < 6; ++i) {
      const std::size_t colon = line.find(':', start);
      if (colon == std::string::npos) break;
      fields.push_back(line.substr(start, colon - start));
      start = colon + 1;
    }
    if (fields.size() != 6 || fields[5].size() != 5) continue;
    Finding f;
    f.line = static_cast<unsigned>(std::stoul(fields[1]));
    f.column = static_cast<unsigned>(std::stoul(fields[2]));
    f.id = fields[5];
    f.message = line.substr(start);
    out.push_back(std::move(f));
  }
  return out;
}

// Runs cfn-lint on every file, `workers` at a time; returns each file's findings.
std::map<std::string, std::vector<Finding>> run_cfn_lint(const std::vector<std::string>& files,
                                                         const fs::path& registry_schemas, const fs::path& scratch) {
  std::vector<std::vector<Finding>> results(files.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      const fs::path output = scratch / (std::to_string(i) + ".txt");
      const std::string command = "cfn-lint --format parseable --registry-schemas " +
                                  testing::shell_quote(registry_schemas.string()) + " -- " +
                                  testing::shell_quote(files[i]) + " > " + testing::shell_quote(output.string()) +
                                  " 2> /dev/null";
      (void)std::system(command.c_str());  // exit status = what it found; the output says it
      results[i] = parse_cfn_lint(output);
    }
  };
  const unsigned workers = std::max(2u, std::thread::hardware_concurrency());
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < workers; ++t) threads.emplace_back(work);
  for (std::thread& t : threads) t.join();
  std::map<std::string, std::vector<Finding>> out;
  for (std::size_t i = 0; i < files.size(); ++i) out[files[i]] = std::move(results[i]);
  return out;
}

bool near(const std::vector<Finding>& findings, unsigned line, const auto& accept) {
  for (const Finding& f : findings) {
    const unsigned distance = f.line > line ? f.line - line : line - f.line;
    if (distance <= kNearLines && accept(f)) return true;
  }
  return false;
}

bool is_property_rule(const std::string& id) { return id.size() == 4 && id[0] == 'S' && (id[1] == '1' || id == "S202"); }

}  // namespace

BOOST_AUTO_TEST_SUITE(oracle)
BOOST_AUTO_TEST_SUITE(cfn_lint_oracle)

BOOST_AUTO_TEST_CASE(schema_findings_agree_with_cfn_lint) {
  const auto shared = testing::shared_dir();
  if (!shared || !fs::is_directory(*shared / "registry-schemas") || !fs::is_directory(*shared / "corpus" / "real")) {
    BOOST_TEST_MESSAGE("../shared (corpus and registry schemas) is absent: the cfn-lint oracle test is skipped");
    return;
  }
  if (!cfn_lint_available()) {
    BOOST_TEST_MESSAGE("cfn-lint is not installed: the cfn-lint oracle test is skipped");
    return;
  }
  const fs::path corpus = *shared / "corpus" / "real";
  const fs::path registry_schemas = *shared / "registry-schemas";
  const auto started = std::chrono::steady_clock::now();

  LintOptions options;
  options.as_of = Date{2026, 11, 28};
  options.use_config_files = false;
  SchemaLoadResult loaded = ResourceSchemas::with_registry_directory(registry_schemas.string());
  BOOST_REQUIRE_MESSAGE(loaded.schemas, "the registry schemas must load");
  options.schemas = loaded.schemas;
  const std::vector<FileReport> reports = lint_paths({corpus.string()}, default_registry(), options);
  BOOST_REQUIRE_GE(reports.size(), 40u);

  std::vector<std::string> files;
  for (const FileReport& report : reports) files.push_back(report.path);
  const testing::TempDir scratch("cfn-eks-oracle");
  const auto theirs = run_cfn_lint(files, registry_schemas, scratch.path());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  BOOST_TEST_MESSAGE("cfn-lint oracle: " << files.size() << " files in " << seconds << " s");

  std::size_t cfn_lint_findings = 0;
  std::map<std::string, std::string> actual;  // disagreement key -> what was said
  for (const FileReport& report : reports) {
    const std::string file = fs::relative(report.path, corpus).generic_string();
    const std::vector<Finding>& their = theirs.at(report.path);
    cfn_lint_findings += their.size();
    for (const Diagnostic& d : report.diagnostics) {
      if (d.rule_id[0] != 'S' || d.severity != Severity::Error) continue;
      if (near(their, d.start.line, [](const Finding& f) { return f.id[0] == 'E'; })) continue;
      actual["ours " + file + ":" + std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + ": " +
             d.rule_id] = d.message;
    }
    for (const Finding& f : their) {
      if (!kPropertyCodes.count(f.id)) continue;
      bool matched = false;
      for (const Diagnostic& d : report.diagnostics) {
        const unsigned distance = d.start.line > f.line ? d.start.line - f.line : f.line - d.start.line;
        if (distance <= kNearLines && is_property_rule(d.rule_id)) matched = true;
      }
      if (matched) continue;
      actual["theirs " + file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ": " + f.id] = f.message;
    }
  }
  // cfn-lint found things on the corpus: a broken cfn-lint (no output at all) must not pass as agreement.
  BOOST_CHECK_GT(cfn_lint_findings, 0u);

  const fs::path expected_path = testing::source_dir() / "tests" / "oracle" / "cfn-lint-disagreements.txt";
  const auto expected = testing::read_reviewed_list(expected_path);
  const char* update = std::getenv("UPDATE_FIXTURES");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream out(expected_path);
    out << "# Where cfn-eks's schema rules and cfn-lint disagree on ../shared/corpus/real/ (with the registry schemas),\n"
           "# each judged: 'ours' = we report an error cfn-lint does not, 'theirs' = cfn-lint reports a property error\n"
           "# we do not.  path:line:col: ID  # why cfn-lint is wrong, or why we do not check it\n";
    for (const auto& [key, message] : actual) {
      const auto it = expected.find(key);
      out << key << "  # " << (it != expected.end() && !it->second.empty() ? it->second : std::string(kTodo) + ": " + message)
          << "\n";
    }
    return;
  }
  for (const auto& [key, message] : actual) {
    BOOST_CHECK_MESSAGE(expected.count(key), "cfn-lint disagrees (unreviewed): " << key << " " << message);
  }
  for (const auto& [key, reason] : expected) {
    BOOST_CHECK_MESSAGE(actual.count(key), "listed disagreement no longer happens: " << key);
    BOOST_CHECK_MESSAGE(reason.find(kTodo) == std::string::npos, "unreviewed disagreement: " << key << "  # " << reason);
  }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
