#pragma once
/// Project configuration: `.cfn-eks.yaml`, found by walking up from a template.

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cfn_eks/diagnostic.hpp"
#include "cfn_eks/registry.hpp"
#include "cfn_eks/rule.hpp"

namespace cfn_eks {

/// Settings read from a config file. Problems in the file are positioned diagnostics (rule T902).
struct Config {
  std::string path;                              ///< The file read; empty when none.
  std::set<std::string> ignore;                  ///< Rule ids or names to skip.
  std::map<std::string, Severity> severity;      ///< Severity overrides by rule id.
  std::map<std::string, RuleOptions> options;    ///< Rule options by rule id.
  std::optional<Severity> fail_on;               ///< `fail-on:`; nullopt = not set.
  bool fail_never = false;                       ///< `fail-on: never`.
  std::vector<Diagnostic> diagnostics;
};

inline constexpr const char* kConfigFileName = ".cfn-eks.yaml";

/// Parses a config file's text. Unknown keys, unknown rule ids and bad values are diagnostics.
Config parse_config(SourcePtr source, const Registry& registry);

/// The nearest `.cfn-eks.yaml` in `start` or its parents, or nullopt.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& start);

}  // namespace cfn_eks
