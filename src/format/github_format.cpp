// GitHub Actions workflow commands: one `::error|warning|notice ...::message` line per finding,
// which the runner turns into annotations on the pull request.

#include <ostream>
#include <string>

#include "cfn_eks/format.hpp"
#include "format/format_util.hpp"

namespace cfn_eks {
namespace {

std::string_view command(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "notice";
  }
  return "error";
}

/// Workflow-command escaping (actions/toolkit `escapeData`/`escapeProperty`): the message may
/// not contain raw '%', CR or LF; property values additionally not ':' or ','.
std::string escape(std::string_view text, bool property) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

void write_annotations(const std::vector<FileReport>& reports, const Registry* registry, std::ostream& out) {
  for (const FileReport& report : reports) {
    if (report.error) {
      out << "::error file=" << escape(report.path, true) << ",title=cfn-eks::" << escape(*report.error, false)
          << '\n';
    }
    for (const Diagnostic& diagnostic : report.diagnostics) {
      std::string title = diagnostic.rule_id;
      if (const Rule* rule = registry ? registry->find(diagnostic.rule_id) : nullptr) {
        title += ' ';
        title += rule->info().name;
      }
      out << "::" << command(diagnostic.severity)
          << " file=" << escape(format::diagnostic_path(report, diagnostic), true)
          << ",line=" << diagnostic.start.line;
      // GitHub quirk: an annotation whose range spans lines must not carry col/endColumn;
      // with them GitHub misplaces or drops it. Keep only the lines then.
      const bool one_line = diagnostic.start.line == diagnostic.end.line;
      if (one_line) out << ",col=" << diagnostic.start.column;
      out << ",endLine=" << diagnostic.end.line;
      if (one_line) out << ",endColumn=" << diagnostic.end.column;
      out << ",title=" << escape(title, true) << "::" << escape(diagnostic.message, false) << '\n';
    }
  }
}

}  // namespace

void write_github(const std::vector<FileReport>& reports, std::ostream& out) {
  write_annotations(reports, nullptr, out);
}

void write_github(const std::vector<FileReport>& reports, const Registry& registry, std::ostream& out) {
  write_annotations(reports, &registry, out);
}

}  // namespace cfn_eks
