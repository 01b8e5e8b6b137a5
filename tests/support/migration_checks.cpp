#include "support/migration_checks.hpp"

#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <sstream>

#include "cfn_eks/linter.hpp"
#include "cfn_eks/registry.hpp"
#include "support/temp_dir.hpp"

namespace cfn_eks::testing {

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
  }
  return out;
}

std::map<std::string, int> error_counts(const std::string& path, const std::string& text) {
  LintOptions options;
  options.as_of = Date{2026, 11, 28};
  options.use_config_files = false;
  const FileReport report = lint_source(std::make_shared<SourceFile>(path, text), default_registry(), options, nullptr);
  std::map<std::string, int> counts;
  for (const auto& d : report.diagnostics) {
    if (d.severity == Severity::Error) ++counts[d.rule_id];
  }
  return counts;
}

bool cfn_lint_installed() { return std::system("cfn-lint --version > /dev/null 2>&1") == 0; }

}  // namespace

MigrationResult migrate(const std::string& name, const std::string& text, const MigrationOptions& options) {
  const Document document = load_document(std::make_shared<SourceFile>(name, text));
  return migrate_node_group(document, options);
}

std::vector<std::string> comment_lines(const std::string& text) {
  std::vector<std::string> out;
  for (const std::string& line : lines_of(text)) {
    const auto first = line.find_first_not_of(" \t");
    if (first != std::string::npos && line[first] == '#') out.push_back(line.substr(first));
    // Trailing comments: after " #" outside quotes is good enough for the fixtures' shapes.
    const auto trailing = line.find(" #");
    if (first != std::string::npos && line[first] != '#' && trailing != std::string::npos &&
        line.find_first_of("'\"") == std::string::npos) {
      out.push_back(line.substr(trailing + 1));
    }
  }
  return out;
}

void check_migration(const std::string& label, const std::string& input_name, const std::string& input,
                     const MigrationResult& result, std::vector<CfnLintPair>& cfn_lint_pairs) {
  BOOST_REQUIRE_MESSAGE(result.files.size() >= 3, label << ": no phase files");
  const Document original = load_document(std::make_shared<SourceFile>(input_name, input));
  const auto before = error_counts(input_name, input);
  CfnLintPair pair{label, input_name, input, {}};
  for (std::size_t phase = 0; phase < 3; ++phase) {
    const MigrationFile& file = result.files[phase];
    BOOST_TEST(file.name == "phase-" + std::to_string(phase + 1) + "-" + input_name, label << ": file name " << file.name);
    const Document loaded = load_document(std::make_shared<SourceFile>(file.name, file.content));
    BOOST_TEST_REQUIRE(loaded.root != nullptr, label << ": " << file.name << " does not parse");
    for (const auto& d : loaded.diagnostics) {
      if (d.severity == Severity::Error) {
        BOOST_ERROR(label << ": " << file.name << ":" << d.start.line << ": load error " << d.rule_id << " " << d.message);
      }
    }
    BOOST_TEST((loaded.format == original.format), label << ": " << file.name << " changed format");
    for (const auto& [rule, count] : error_counts(file.name, file.content)) {
      const auto it = before.find(rule);
      BOOST_TEST(count <= (it == before.end() ? 0 : it->second),
                 label << ": " << file.name << " has new " << rule << " error(s)");
    }
    pair.phases.push_back(file.content);
  }
  cfn_lint_pairs.push_back(std::move(pair));

  // Phase 1 only adds: the input's lines are a subsequence of phase 1's, so every comment is kept.
  const std::vector<std::string> in_lines = lines_of(input);
  const std::vector<std::string> out_lines = lines_of(result.files[0].content);
  std::size_t matched = 0;
  for (const std::string& line : out_lines) {
    if (matched < in_lines.size() && line == in_lines[matched]) ++matched;
  }
  BOOST_TEST(matched == in_lines.size(),
             label << ": phase 1 changed or dropped input line " << matched + 1 << ": "
                   << (matched < in_lines.size() ? in_lines[matched] : std::string()));
  const std::vector<std::string> kept = comment_lines(result.files[0].content);
  for (const std::string& comment : comment_lines(input)) {
    BOOST_TEST((std::find(kept.begin(), kept.end(), comment) != kept.end()), label << ": phase 1 lost comment: " << comment);
  }

  // Migrating a phase again finds nothing to do for this group.
  MigrationOptions again;
  again.nodegroup = result.old_group;
  for (std::size_t phase = 0; phase < 2; ++phase) {
    const MigrationResult second = migrate(result.files[phase].name, result.files[phase].content, again);
    BOOST_TEST((second.outcome == MigrationOutcome::NothingToDo),
               label << ": migrating " << result.files[phase].name << " again: " << second.message);
  }
  const MigrationResult after = migrate(result.files[2].name, result.files[2].content, again);
  BOOST_TEST((after.outcome == MigrationOutcome::NothingToDo && after.message.find("no longer in the template") != std::string::npos),
             label << ": migrating phase 3 again: " << after.message);
}

void check_cfn_lint(const std::vector<CfnLintPair>& pairs) {
  if (pairs.empty()) return;
  if (!cfn_lint_installed()) {
    BOOST_TEST_MESSAGE("cfn-lint is not installed: skipping the cfn-lint comparison");
    return;
  }
  TempDir dir("cfn-eks-migrate-cfnlint");
  std::string command = "cfn-lint --format parseable --";
  std::vector<std::vector<std::string>> paths;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const auto& p = pairs[i];
    std::vector<std::string> files;
    files.push_back(dir.write(std::to_string(i) + "/" + p.input_name, p.input).string());
    for (std::size_t k = 0; k < p.phases.size(); ++k) {
      files.push_back(dir.write(std::to_string(i) + "/phase-" + std::to_string(k + 1) + "-" + p.input_name, p.phases[k]).string());
    }
    for (const std::string& f : files) command += " '" + f + "'";
    paths.push_back(std::move(files));
  }
  command += " 2>/dev/null";
  std::map<std::string, std::map<std::string, int>> errors;  // file -> code -> count
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  BOOST_REQUIRE(pipe != nullptr);
  std::string output;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe.get())) output.append(buffer, n);
  for (const std::string& line : lines_of(output)) {
    // path:line:col:eline:ecol:CODE:message
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (int i = 0; i < 6; ++i) {
      const auto colon = line.find(':', start);
      if (colon == std::string::npos) break;
      fields.push_back(line.substr(start, colon - start));
      start = colon + 1;
    }
    if (fields.size() < 6 || fields[5].empty() || fields[5][0] != 'E') continue;
    ++errors[fields[0]][fields[5]];
  }
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const auto& base = errors[paths[i][0]];
    for (std::size_t k = 1; k < paths[i].size(); ++k) {
      for (const auto& [code, count] : errors[paths[i][k]]) {
        const auto it = base.find(code);
        BOOST_TEST(count <= (it == base.end() ? 0 : it->second),
                   pairs[i].label << ": phase " << k << " has new cfn-lint " << code << " error(s)");
      }
    }
  }
}

}  // namespace cfn_eks::testing
