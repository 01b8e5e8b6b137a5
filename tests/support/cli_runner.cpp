#include "support/cli_runner.hpp"

#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <sstream>

#include "support/paths.hpp"
#include "support/temp_dir.hpp"
#include "support/time_limit.hpp"

namespace cfn_eks::testing {

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

CliResult run_cli(const std::string& args, const std::filesystem::path& cwd, const std::string& input,
                  unsigned kill_after_seconds) {
  const TempDir io("cfn-eks-cli-run");
  const std::string in = io.write("stdin", input).string();
  const auto out = io.path() / "stdout";
  const auto err = io.path() / "stderr";
  const std::string command = "cd " + shell_quote(cwd.string()) + " && timeout " + std::to_string(kill_after_seconds) +
                              " " + shell_quote(binary_path()) + " " + args + " <" + shell_quote(in) + " >" +
                              shell_quote(out.string()) + " 2>" + shell_quote(err.string());
  const auto start = std::chrono::steady_clock::now();
  const double children_cpu_before = children_cpu_seconds();
  const int raw = std::system(command.c_str());
  CliResult result;
  result.cpu_seconds = children_cpu_seconds() - children_cpu_before;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + (WIFSIGNALED(raw) ? WTERMSIG(raw) : 0);
  result.out = read_text(out);
  result.err = read_text(err);
  return result;
}

std::string errors_only(const std::string& err) {
  std::string out;
  for (const std::string& line : lines_of(err)) {
    if (line.rfind("cfn-eks: warning:", 0) == 0) continue;
    out += line + "\n";
  }
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace cfn_eks::testing
