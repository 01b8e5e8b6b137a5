#pragma once
/// Writing reports in the formats CI systems read.

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cfn_eks/linter.hpp"
#include "cfn_eks/registry.hpp"

namespace cfn_eks {

enum class OutputFormat : std::uint8_t { Text, Json, Sarif, Github, Junit };

std::optional<OutputFormat> parse_output_format(std::string_view name);

struct FormatOptions {
  bool show_source = false;  ///< text: print the source line and a caret under each finding.
  bool color = false;        ///< text: ANSI colours.
  /// Warnings about the run itself, not about a template (the EKS data is older than the lint
  /// date allows). json: a top-level "warnings" list; sarif: tool execution notifications of
  /// level warning. `cfn-eks lint` also prints them on stderr, whatever the format.
  std::vector<std::string> run_warnings = {};
};

/// Writes all reports in one format. Reports and their diagnostics must be sorted.
void write_reports(OutputFormat format, const std::vector<FileReport>& reports,
                   const Registry& registry, const FormatOptions& options, std::ostream& out);

void write_text(const std::vector<FileReport>& reports, const FormatOptions& options, std::ostream& out);
/// JSON without rule names (each diagnostic's "name" is null); see docs/output-formats.md.
void write_json(const std::vector<FileReport>& reports, std::ostream& out);
/// JSON with each diagnostic's rule name looked up in `registry`.
void write_json(const std::vector<FileReport>& reports, const Registry& registry, std::ostream& out);
void write_sarif(const std::vector<FileReport>& reports, const Registry& registry, std::ostream& out);
/// JSON and SARIF with the run warnings of `options` (see FormatOptions::run_warnings).
void write_json(const std::vector<FileReport>& reports, const Registry& registry, const FormatOptions& options,
                std::ostream& out);
void write_sarif(const std::vector<FileReport>& reports, const Registry& registry, const FormatOptions& options,
                 std::ostream& out);
/// GitHub annotations titled by rule id only; the overload with a registry adds the rule name.
void write_github(const std::vector<FileReport>& reports, std::ostream& out);
void write_github(const std::vector<FileReport>& reports, const Registry& registry, std::ostream& out);
void write_junit(const std::vector<FileReport>& reports, std::ostream& out);

/// The tool's version string ("0.1.0").
std::string_view tool_version();

}  // namespace cfn_eks
