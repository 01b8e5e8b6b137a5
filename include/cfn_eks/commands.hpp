#pragma once
/// The subcommands, as library functions: `main` parses flags and calls these.

#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "cfn_eks/changeset.hpp"
#include "cfn_eks/format.hpp"
#include "cfn_eks/linter.hpp"

namespace cfn_eks {

/// Exit statuses shared by every command.
enum ExitStatus : int { kExitClean = 0, kExitFindings = 1, kExitError = 2 };

/// `lint --fix`: apply the findings' safe quick fixes to the files in place; `--fix-dry-run`:
/// print them as a unified diff instead (see include/cfn_eks/fixes.hpp).
enum class FixMode : std::uint8_t { Off, Apply, DryRun };

struct LintCommand {
  std::vector<std::string> paths;            ///< Files, directories, or "-" for stdin.
  std::string stdin_name = "-";              ///< The path shown for stdin input.
  OutputFormat format = OutputFormat::Text;
  FormatOptions format_options;
  LintOptions lint;
  std::optional<Severity> fail_on;           ///< nullopt: the config's, else warning.
  bool fail_never = false;
  std::optional<std::string> output_file;    ///< Write the report here (atomically) instead of `out`.
  unsigned jobs = 0;                         ///< 0 = all cores.
  /// Apply: fix the files in place (atomically), then report what remains. DryRun: write the
  /// diff instead of the report. Either way the exit status is that of the remaining findings.
  FixMode fix = FixMode::Off;
};

/// Lints and writes the report. Returns 0 (nothing at or above the threshold), 1 (findings)
/// or 2 (an input could not be read, a config is broken, or the output could not be written).
int run_lint(const LintCommand& command, std::istream& in, std::ostream& out, std::ostream& err);

/// Lists every rule: text table or JSON.
int run_rules(bool json, std::ostream& out);

/// Prints one rule's documentation; 2 with a suggestion when the id is unknown.
int run_explain(const std::string& id, std::ostream& out, std::ostream& err);

/// `cfn-eks changeset OLD NEW`: the offline change-set preview of updating a stack from OLD to NEW.
struct ChangesetCommand {
  std::string before_path;                   ///< OLD: the deployed template.
  std::string after_path;                    ///< NEW: the template of the update.
  ChangeSetFormat format = ChangeSetFormat::Text;
  std::optional<std::string> output_file;    ///< Write the preview here (atomically) instead of `out`.
  ChangeSetOptions options;                  ///< Schemas (--registry-schemas) and EKS data (--data-dir).
};

/// Loads both templates and writes the preview. Returns 0 when it was computed (hazards or
/// not), 2 when a file cannot be read or is not a template (`path:line:col: message` on `err`,
/// no output file written) or the output cannot be written.
int run_changeset(const ChangesetCommand& command, std::ostream& out, std::ostream& err);

struct MigrateCommand {
  std::string path;                          ///< The template to migrate (never modified).
  std::optional<std::string> nodegroup;      ///< --nodegroup: the Auto Scaling group's logical id.
  std::optional<std::string> out_dir;        ///< --out (default: `<input stem>-migration`).
  std::optional<std::string> new_name;       ///< --name: logical id of the new node group.
  bool force = false;                        ///< --force: write into a non-empty --out.
  /// --parameter KEY=VALUE (repeatable): the deployed stack's parameter values.
  std::vector<std::pair<std::string, std::string>> parameters;
};

/// Migrates a self-managed node group to a managed one (three phase templates, drain.sh,
/// plan.md, plan.json written atomically into the output directory). Returns 0 (written, or
/// nothing to do), 1 (the template cannot be migrated: the reason on `err`, nothing written)
/// or 2 (unreadable input, output directory not empty without --force, write failure).
int run_migrate(const MigrateCommand& command, std::ostream& out, std::ostream& err);

/// Writes `content` to `path` through a temporary file and a rename, so readers never see
/// a partial file. Returns an error message on failure.
std::optional<std::string> write_file_atomically(const std::string& path, const std::string& content);

}  // namespace cfn_eks
