#include "commands/lint_fixes.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "cfn_eks/fixes.hpp"

namespace cfn_eks {

namespace {

/// A load problem (syntax, duplicate keys, encoding, ...): such a file is never touched, since
/// what it means is uncertain. The size findings (T007, T008) are not load problems.
bool loads_cleanly(const FileReport& report, const LintOptions& options) {
  const Document document = load_document(report.source, options.limits);
  return std::none_of(document.diagnostics.begin(), document.diagnostics.end(), [](const Diagnostic& d) {
    return d.severity == Severity::Error && d.rule_id != load_rules::kExceedsS3Size &&
           d.rule_id != load_rules::kExceedsInlineSize;
  });
}

/// The config a file gets (as lint_paths finds it); null when none or broken (the first lint
/// already reported that).
class Configs {
 public:
  Configs(const Registry& registry, const LintOptions& options) : registry_(registry), options_(options) {}

  const Config* for_file(const std::string& file) {
    std::optional<std::filesystem::path> path = options_.config_file;
    if (!path && options_.use_config_files) {
      std::error_code ec;
      const auto absolute = std::filesystem::absolute(file == "-" ? "stdin" : file, ec);
      if (!ec) path = find_config(absolute.parent_path());
    }
    if (!path) return nullptr;
    const std::string key = path->lexically_normal().string();
    if (auto it = configs_.find(key); it != configs_.end()) return it->second ? &*it->second : nullptr;
    std::optional<Config> config;
    std::string text;
    if (!read_file(path->string(), text)) {
      config = parse_config(std::make_shared<SourceFile>(path->string(), std::move(text)), registry_);
    }
    const auto& stored = configs_.emplace(key, std::move(config)).first->second;
    return stored ? &*stored : nullptr;
  }

 private:
  const Registry& registry_;
  const LintOptions& options_;
  std::map<std::string, std::optional<Config>> configs_;
};

bool regular_file(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

std::string count_of(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace

bool fix_reports(const LintCommand& command, const Registry& registry, std::vector<FileReport>& reports,
                 std::optional<std::size_t> stdin_index, std::string& diff, std::ostream& err) {
  const bool apply = command.fix == FixMode::Apply;
  Configs configs(registry, command.lint);
  bool ok = true;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    FileReport& report = reports[i];
    if (report.error || report.source == nullptr) continue;
    const bool fixable = std::any_of(report.diagnostics.begin(), report.diagnostics.end(), [](const Diagnostic& d) {
      return std::any_of(d.fixes.begin(), d.fixes.end(), [](const Fix& f) { return f.safe; });
    });
    if (!fixable) continue;
    const bool from_stdin = stdin_index && *stdin_index == i;
    if (!loads_cleanly(report, command.lint)) {
      err << "cfn-eks: " << report.path << ": not fixed: the template has load errors; fix those first\n";
      continue;
    }
    if (apply && from_stdin) {
      err << "cfn-eks: " << report.path << ": a template read from stdin is not fixed in place; use --fix-dry-run for the diff\n";
      continue;
    }
    if (apply && !regular_file(report.path)) {
      err << "cfn-eks: " << report.path << ": not fixed: not a regular file\n";
      continue;
    }
    const std::string& original = report.source->text();
    const FixOutcome outcome = apply_fixes(original, report.diagnostics);
    if (!outcome.error.empty()) {
      err << "cfn-eks: " << report.path << ": not fixed: " << outcome.error << "\n";
      continue;
    }
    if (outcome.text == original) continue;
    if (apply) {
      if (auto error = write_file_atomically(report.path, outcome.text)) {
        err << "cfn-eks: " << *error << "\n";
        ok = false;
        continue;
      }
    } else {
      diff += unified_diff(original, outcome.applied, report.path, report.path);
    }
    err << "cfn-eks: " << report.path << ": " << (apply ? "fixed " : "would fix ") << count_of(outcome.fixed, "problem", "problems");
    if (outcome.overlapping > 0) {
      err << "; " << count_of(outcome.overlapping, "fix", "fixes")
          << " left for another run (they overlap fixes applied now)";
    }
    err << "\n";
    // What remains: the fixed text linted as the file would be.
    const Config* config = configs.for_file(from_stdin ? command.stdin_name : report.path);
    FileReport relinted = lint_source(std::make_shared<SourceFile>(report.path, outcome.text), registry, command.lint, config);
    report = std::move(relinted);
  }
  return ok;
}

}  // namespace cfn_eks
