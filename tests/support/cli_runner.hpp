#pragma once
// Runs the cfn-eks binary through the shell, as a user would, and captures what it did.

#include <filesystem>
#include <string>
#include <vector>

namespace cfn_eks::testing {

struct CliResult {
  int status = -1;       ///< Exit status, or 128 + signal when a signal ended it.
  std::string out;
  std::string err;
  double seconds = 0;    ///< Wall time of the whole command.
  double cpu_seconds = 0;  ///< CPU time of the command's processes (the shell, timeout, cfn-eks).
};

/// `text` quoted for the shell.
std::string shell_quote(const std::string& text);

/// Runs `cfn-eks ARGS` in `cwd` with `input` on stdin. A run that takes more than
/// `kill_after_seconds` is ended (status 124), so a hang fails the test instead of stalling it.
CliResult run_cli(const std::string& args, const std::filesystem::path& cwd, const std::string& input = "",
                  unsigned kill_after_seconds = 60);

/// stderr without the data-age notice ("cfn-eks: warning: ..."), which depends on today's date.
std::string errors_only(const std::string& err);

std::vector<std::string> lines_of(const std::string& text);

}  // namespace cfn_eks::testing
