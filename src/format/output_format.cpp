#include "cfn_eks/format.hpp"

namespace cfn_eks {

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  if (name == "text") return OutputFormat::Text;
  if (name == "json") return OutputFormat::Json;
  if (name == "sarif") return OutputFormat::Sarif;
  if (name == "github") return OutputFormat::Github;
  if (name == "junit") return OutputFormat::Junit;
  return std::nullopt;
}

void write_reports(OutputFormat format, const std::vector<FileReport>& reports, const Registry& registry,
                   const FormatOptions& options, std::ostream& out) {
  switch (format) {
    case OutputFormat::Text: write_text(reports, options, out); return;
    case OutputFormat::Json: write_json(reports, registry, options, out); return;
    case OutputFormat::Sarif: write_sarif(reports, registry, options, out); return;
    case OutputFormat::Github: write_github(reports, registry, out); return;
    case OutputFormat::Junit: write_junit(reports, out); return;
  }
}

std::string_view tool_version() { return CFN_EKS_VERSION; }

}  // namespace cfn_eks
