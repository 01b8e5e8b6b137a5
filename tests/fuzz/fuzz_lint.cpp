// libFuzzer harness: a whole lint of one template (every rule, a fixed date, no config
// search), then the report in every output format.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cfn_eks/format.hpp"
#include "cfn_eks/linter.hpp"
#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The first byte picks the file name, so both the .yaml and the .json paths are reached.
  const bool json_name = size > 0 && (data[0] & 1) != 0;
  auto source = std::make_shared<cfn_eks::SourceFile>(
      json_name ? "fuzz.json" : "fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size));
  cfn_eks::LintOptions options;
  options.as_of = cfn_eks::Date{2026, 11, 28};
  options.use_config_files = false;
  const cfn_eks::Registry& registry = cfn_eks::default_registry();
  std::vector<cfn_eks::FileReport> reports;
  reports.push_back(cfn_eks::lint_source(source, registry, options));
  cfn_eks::fuzz::check_positions(*source, reports.front().diagnostics);
  cfn_eks::fuzz::check_fixes(*source, reports.front().diagnostics);
  for (const cfn_eks::Diagnostic& d : reports.front().diagnostics) {
    if (d.rule_id == "T999") cfn_eks::fuzz::fail(d, "a rule threw");
  }
  for (auto format : {cfn_eks::OutputFormat::Text, cfn_eks::OutputFormat::Json, cfn_eks::OutputFormat::Sarif,
                      cfn_eks::OutputFormat::Github, cfn_eks::OutputFormat::Junit}) {
    std::ostringstream out;
    cfn_eks::FormatOptions format_options;
    format_options.show_source = true;
    cfn_eks::write_reports(format, reports, registry, format_options, out);
  }
  return 0;
}
