// Replays every input the fuzzers once broke (fixtures/fuzz-regressions/) through what the
// harnesses in tests/fuzz/ do: load as YAML and JSON, lint with every rule and write every
// format; files named changeset-* are also split at their first NUL into two templates and
// compared. Each must finish in time with findings positioned inside the text and no rule failing.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cfn_eks/changeset.hpp"
#include "cfn_eks/fixes.hpp"
#include "cfn_eks/format.hpp"
#include "cfn_eks/linter.hpp"
#include "support/paths.hpp"
#include "support/time_limit.hpp"

namespace fs = std::filesystem;

namespace {

// 2 CPU s in an optimised build, scaled for Debug and sanitizers; CPU time so that a loaded
// machine cannot fail it (support/time_limit.hpp).
const double kSecondsAllowed = cfn_eks::testing::time_limit(2.0);

void check_positions(const cfn_eks::SourceFile& source, const std::vector<cfn_eks::Diagnostic>& diagnostics) {
  for (const cfn_eks::Diagnostic& d : diagnostics) {
    BOOST_TEST_CONTEXT(d.rule_id << " " << d.message) {
      BOOST_TEST(d.range.begin <= d.range.end);
      BOOST_TEST(d.range.end <= source.text().size());
      BOOST_TEST(d.start.line >= 1u);
      BOOST_TEST(d.start.column >= 1u);
      BOOST_TEST(d.start.line <= source.line_count());
      BOOST_TEST(!(d.end < d.start));
      BOOST_TEST(d.rule_id != "T999");
    }
  }
}

void replay(const fs::path& file) {
  const std::string text = cfn_eks::testing::read_text(file);
  const cfn_eks::testing::CpuStopwatch watch;
  for (const char* name : {"regression.yaml", "regression.json"}) {
    auto source = std::make_shared<cfn_eks::SourceFile>(name, text);
    check_positions(*source, cfn_eks::load_document(source).diagnostics);
    check_positions(*source, cfn_eks::load_json(source).diagnostics);
    cfn_eks::LintOptions options;
    options.as_of = cfn_eks::Date{2026, 11, 28};
    options.use_config_files = false;
    std::vector<cfn_eks::FileReport> reports{cfn_eks::lint_source(source, cfn_eks::default_registry(), options)};
    check_positions(*source, reports.front().diagnostics);
    // Quick fixes apply as `lint --fix` would apply them (fuzz_lint checks the same).
    BOOST_TEST(cfn_eks::apply_fixes(text, reports.front().diagnostics).error.empty());
    for (auto format : {cfn_eks::OutputFormat::Text, cfn_eks::OutputFormat::Json, cfn_eks::OutputFormat::Sarif,
                        cfn_eks::OutputFormat::Github, cfn_eks::OutputFormat::Junit}) {
      std::ostringstream out;
      cfn_eks::FormatOptions format_options;
      format_options.show_source = true;
      cfn_eks::write_reports(format, reports, cfn_eks::default_registry(), format_options, out);
      BOOST_TEST(!out.str().empty());
    }
  }
  if (file.filename().string().rfind("changeset-", 0) == 0) {
    const std::size_t split = std::min(text.find('\0'), text.size());
    const cfn_eks::Document before =
        cfn_eks::load_document(std::make_shared<cfn_eks::SourceFile>("before.yaml", text.substr(0, split)));
    const cfn_eks::Document after = cfn_eks::load_document(std::make_shared<cfn_eks::SourceFile>(
        "after.yaml", split < text.size() ? text.substr(split + 1) : std::string()));
    const cfn_eks::ChangeSet changes = cfn_eks::compute_changeset(before, after);
    for (auto format : {cfn_eks::ChangeSetFormat::Text, cfn_eks::ChangeSetFormat::Json, cfn_eks::ChangeSetFormat::Markdown}) {
      BOOST_TEST(!cfn_eks::render_changeset(changes, format).empty());
    }
  }
  const double seconds = watch.cpu_seconds();
  BOOST_TEST(seconds < kSecondsAllowed, "took " << seconds << " CPU s");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lint)
BOOST_AUTO_TEST_SUITE(fuzz_regressions)

BOOST_AUTO_TEST_CASE(every_input_the_fuzzers_broke_is_answered) {
  const fs::path root = cfn_eks::testing::fixtures_dir() / "fuzz-regressions";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().filename() != "README.md") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  BOOST_TEST(!files.empty());
  for (const fs::path& file : files) {
    BOOST_TEST_CONTEXT(file.filename().string()) { replay(file); }
  }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
