// JUnit XML for CI systems that show test reports (Jenkins, GitLab, Azure). Each linted file is
// one test case: it fails when it has an error or a warning, and the failure lists all of the
// file's findings in the text format. Many JUnit readers accept only one <failure> per case,
// hence one failure with every finding rather than one element per finding. Info-only files
// pass and keep their findings in <system-out>; unreadable files are <error>s.

#include <ostream>
#include <string>

#include "cfn_eks/format.hpp"
#include "format/format_util.hpp"

namespace cfn_eks {
namespace {

/// XML-escaped text: characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) are dropped
/// and invalid UTF-8 becomes U+FFFD. In attributes, whitespace is escaped so it survives
/// attribute-value normalisation.
std::string xml_escape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = format::next_code_point(text, pos);
    switch (cp) {
      case '&': out += "&amp;"; continue;
      case '<': out += "&lt;"; continue;
      case '>': out += "&gt;"; continue;
      case '"': out += attribute ? "&quot;" : "\""; continue;
      case '\n': out += attribute ? "&#10;" : "\n"; continue;
      case '\r': out += "&#13;"; continue;  // A raw CR would be normalised away even in text.
      case '\t': out += attribute ? "&#9;" : "\t"; continue;
      default: break;
    }
    if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF) continue;
    format::append_utf8(out, cp);
  }
  return out;
}

bool fails(const FileReport& report) {
  for (const Diagnostic& diagnostic : report.diagnostics) {
    if (diagnostic.severity != Severity::Info) return true;
  }
  return false;
}

std::string_view worst_severity(const FileReport& report) {
  for (const Diagnostic& diagnostic : report.diagnostics) {
    if (diagnostic.severity == Severity::Error) return "error";
  }
  return "warning";
}

/// The findings of one report, one per line as the text format prints them.
std::string finding_lines(const FileReport& report) {
  std::string out;
  for (const Diagnostic& diagnostic : report.diagnostics) {
    out += format::diagnostic_path(report, diagnostic);
    out += ':' + std::to_string(diagnostic.start.line) + ':' + std::to_string(diagnostic.start.column) + ": ";
    out += severity_name(diagnostic.severity);
    out += ": " + diagnostic.message + " [" + diagnostic.rule_id + "]\n";
  }
  return out;
}

}  // namespace

void write_junit(const std::vector<FileReport>& reports, std::ostream& out) {
  std::size_t failures = 0;
  std::size_t errors = 0;
  for (const FileReport& report : reports) {
    if (report.error) {
      ++errors;
    } else if (fails(report)) {
      ++failures;
    }
  }
  const std::string counts = "tests=\"" + std::to_string(reports.size()) + "\" failures=\"" +
                             std::to_string(failures) + "\" errors=\"" + std::to_string(errors) + "\"";
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"cfn-eks\" " << counts << ">\n";
  out << "  <testsuite name=\"cfn-eks\" " << counts << " skipped=\"0\">\n";
  for (const FileReport& report : reports) {
    const std::string path = xml_escape(report.path, true);
    out << "    <testcase name=\"" << path << "\" classname=\"" << path << "\"";
    if (!report.error && report.diagnostics.empty()) {
      out << "/>\n";
      continue;
    }
    out << ">\n";
    if (report.error) {
      out << "      <error type=\"io\" message=\"" << xml_escape(*report.error, true) << "\"/>\n";
    } else if (fails(report)) {
      out << "      <failure type=\"" << worst_severity(report) << "\" message=\""
          << format::plural(report.diagnostics.size(), "problem") << "\">" << xml_escape(finding_lines(report), false)
          << "</failure>\n";
    }
    // Findings not already listed in a <failure> (info-only, or beside an I/O error).
    if (!report.diagnostics.empty() && (report.error || !fails(report))) {
      out << "      <system-out>" << xml_escape(finding_lines(report), false) << "</system-out>\n";
    }
    out << "    </testcase>\n";
  }
  out << "  </testsuite>\n";
  out << "</testsuites>\n";
}

}  // namespace cfn_eks
