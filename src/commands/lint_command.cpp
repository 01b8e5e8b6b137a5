#include <algorithm>
#include <filesystem>
#include <sstream>

#include "cfn_eks/commands.hpp"
#include "commands/lint_fixes.hpp"

namespace cfn_eks {

namespace {

// Exit 1 when a finding reaches the threshold. Severity is ordered Error < Warning < Info.
bool reaches(Severity found, Severity threshold) { return static_cast<int>(found) <= static_cast<int>(threshold); }

// Stdin gets the config a file at --stdin-filename (or in the working directory) would get,
// and a config that is missing or broken is reported as it is for files.
void lint_stdin(const LintCommand& command, const Registry& registry, std::string text,
                std::vector<FileReport>& reports) {
  const LintOptions& options = command.lint;
  std::optional<std::filesystem::path> config_path = options.config_file;
  if (!config_path && options.use_config_files) {
    std::error_code ec;
    const auto where = std::filesystem::absolute(command.stdin_name == "-" ? "stdin" : command.stdin_name, ec);
    if (!ec) config_path = find_config(where.parent_path());
  }
  std::optional<Config> config;
  if (config_path) {
    const std::string config_name = config_path->string();
    const bool reported = std::any_of(reports.begin(), reports.end(),
                                      [&](const FileReport& r) { return r.path == config_name; });
    std::string config_text;
    if (auto error = read_file(config_name, config_text)) {
      if (!reported) {
        FileReport report;
        report.path = config_name;
        report.error = "cannot read config: " + *error;
        reports.push_back(std::move(report));
      }
    } else {
      config = parse_config(std::make_shared<SourceFile>(config_name, std::move(config_text)), registry);
      if (!reported && !config->diagnostics.empty()) {
        FileReport report;
        report.path = config_name;
        report.diagnostics = config->diagnostics;
        sort_diagnostics(report.diagnostics);
        reports.push_back(std::move(report));
      }
    }
  }
  reports.push_back(lint_source(std::make_shared<SourceFile>(command.stdin_name, std::move(text)), registry, options,
                                config ? &*config : nullptr));
}

}  // namespace

int run_lint(const LintCommand& command, std::istream& in, std::ostream& out, std::ostream& err) {
  const Registry& registry = default_registry();
  // Once per run, not per file: the EKS data is older than the lint date allows.
  const EksKnowledgePtr eks = command.lint.eks ? command.lint.eks : embedded_eks_knowledge();
  FormatOptions format_options = command.format_options;
  if (auto stale = eks->data_staleness_warning(command.lint.as_of)) {
    err << "cfn-eks: warning: " << *stale << "\n";
    format_options.run_warnings.push_back(*stale);  // json and sarif carry it too
  }
  std::vector<std::string> file_paths;
  bool read_stdin = false;
  for (const std::string& path : command.paths) {
    if (path == "-") {
      read_stdin = true;
    } else {
      file_paths.push_back(path);
    }
  }
  std::vector<FileReport> reports = lint_paths(file_paths, registry, command.lint, command.jobs);
  std::optional<std::size_t> stdin_index;
  if (read_stdin) {
    std::string text;
    if (auto error = read_stream(in, text)) {
      FileReport report;
      report.path = command.stdin_name;
      report.error = "cannot read: " + *error;
      reports.push_back(std::move(report));
    } else {
      lint_stdin(command, registry, std::move(text), reports);
      stdin_index = reports.size() - 1;  // lint_stdin pushes the template's report last
    }
  }

  // --fix / --fix-dry-run: the reports become those of the fixed texts; a dry run's output is
  // the diff instead of the report.
  bool write_failed = false;
  std::string diff;
  if (command.fix != FixMode::Off) {
    write_failed = !fix_reports(command, registry, reports, stdin_index, diff, err);
  }
  std::ostringstream rendered;
  if (command.fix == FixMode::DryRun) {
    rendered << diff;
  } else {
    write_reports(command.format, reports, registry, format_options, rendered);
  }
  if (command.output_file) {
    if (auto error = write_file_atomically(*command.output_file, rendered.str())) {
      err << "cfn-eks: " << *error << "\n";
      return kExitError;
    }
  } else {
    out << rendered.str();
    out.flush();
    if (!out) return kExitError;  // A closed pipe: nothing more to say.
  }

  bool io_error = false;
  bool failed = false;
  for (const FileReport& report : reports) {
    if (report.error) io_error = true;
    // The command line's threshold wins; otherwise the file's config, otherwise warning.
    const bool never = command.fail_on ? false : (command.fail_never || report.fail_never);
    const Severity threshold = command.fail_on.value_or(report.fail_on.value_or(Severity::Warning));
    for (const Diagnostic& d : report.diagnostics) {
      // A broken configuration file (a report without template source) is a tool problem.
      if (report.source == nullptr && d.severity == Severity::Error) io_error = true;
      if (!never && reaches(d.severity, threshold)) failed = true;
    }
  }
  if (io_error || write_failed) return kExitError;
  return failed ? kExitFindings : kExitClean;
}

}  // namespace cfn_eks
