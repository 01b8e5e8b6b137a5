#pragma once
/// Linting: load, resolve, run rules, apply suppressions — for a source, a file or many paths.

#include <filesystem>
#include <istream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cfn_eks/config.hpp"
#include "cfn_eks/date.hpp"
#include "cfn_eks/diagnostic.hpp"
#include "cfn_eks/document.hpp"
#include "cfn_eks/eks_knowledge.hpp"
#include "cfn_eks/registry.hpp"
#include "cfn_eks/resource_schemas.hpp"

namespace cfn_eks {

/// Rule ids of findings the engine itself reports.
namespace engine_rules {
inline constexpr std::string_view kUnusedSuppression = "T901";
inline constexpr std::string_view kInvalidConfiguration = "T902";
inline constexpr std::string_view kInternalError = "T999";
}  // namespace engine_rules

struct LintOptions {
  Date as_of = Date::today();
  std::set<std::string> only;                  ///< When non-empty, only these rule ids run.
  std::set<std::string> ignore;                ///< Rule ids never reported.
  std::map<std::string, Severity> severity;    ///< Severity overrides by rule id.
  std::map<std::string, RuleOptions> options;  ///< Rule options by rule id.
  LoadLimits limits;
  /// Look for `.cfn-eks.yaml` beside each file and above it.
  bool use_config_files = true;
  /// An explicit config file (instead of the search).
  std::optional<std::filesystem::path> config_file;
  /// Resource schemas to validate against; null means ours only (ResourceSchemas::embedded()).
  std::shared_ptr<const ResourceSchemas> schemas;
  /// EKS knowledge; null means the embedded data (embedded_eks_knowledge()). `--data-dir`
  /// loads newer files with load_eks_knowledge().
  std::shared_ptr<const EksKnowledge> eks;
  /// `--cluster-version X.Y`: assumed version of clusters the template does not define.
  std::optional<std::string> cluster_version;
};

/// The findings for one input.
struct FileReport {
  std::string path;                    ///< As given by the user ("-" for stdin).
  SourcePtr source;                    ///< Null when the file could not be read.
  std::vector<Diagnostic> diagnostics; ///< Sorted.
  std::optional<std::string> error;    ///< An I/O problem ("cannot read: permission denied").
  std::optional<Severity> fail_on;     ///< `fail-on` of the config that applied, if any.
  bool fail_never = false;             ///< The config said `fail-on: never`.
};

/// Lints one template already in memory. `config` may be null.
FileReport lint_source(SourcePtr source, const Registry& registry, const LintOptions& options,
                       const Config* config = nullptr);

/// Expands directories (recursively: .yaml .yml .json .template) and lints every file,
/// using `threads` workers (0 = all cores). Reports come back in path order.
/// A path that does not exist or cannot be read gives a report with `error` set.
std::vector<FileReport> lint_paths(const std::vector<std::string>& paths, const Registry& registry,
                                   const LintOptions& options, unsigned threads = 0);

/// Expands the given paths into template files, sorted; missing paths are kept as given.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths);

/// The most one input may hold (a file, a FIFO, a device, stdin). A bigger one is refused
/// rather than read into memory (CloudFormation's own limit is 1 MB; see T008).
inline constexpr std::size_t kMaxInputBytes = std::size_t{64} << 20;

/// Reads a file whole; an error message when it cannot ("no such file", "is a directory",
/// "permission denied", too large). A FIFO without a writer reads as empty: it never blocks.
std::optional<std::string> read_file(const std::string& path, std::string& out);

/// Reads a stream (stdin) to its end, up to kMaxInputBytes; an error message otherwise.
std::optional<std::string> read_stream(std::istream& in, std::string& out);

}  // namespace cfn_eks
