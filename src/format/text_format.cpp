// The human format: `path:line:col: severity: message [ID]`, one finding per line, then a
// summary. With show_source each finding also gets its source line, a caret line, its related
// locations as notes and its fix titles; findings are then separated by blank lines. A finding
// with a safe fix is marked "(fixable)" and the summary counts them.

#include <algorithm>
#include <ostream>
#include <string>

#include "cfn_eks/format.hpp"
#include "format/format_util.hpp"

namespace cfn_eks {
namespace {

struct Style {
  bool color = false;
  std::string_view paint(std::string_view code) const { return color ? code : std::string_view(); }
};

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kYellow = "\x1b[1;33m";
constexpr std::string_view kCyan = "\x1b[1;36m";
constexpr std::string_view kBlue = "\x1b[1;34m";
constexpr std::string_view kReset = "\x1b[0m";

std::string_view severity_color(Severity severity) {
  switch (severity) {
    case Severity::Error: return kRed;
    case Severity::Warning: return kYellow;
    case Severity::Info: return kCyan;
  }
  return kRed;
}

/// `cfn-eks lint --fix` applies safe fixes only, so only those make a finding "fixable".
bool has_safe_fix(const Diagnostic& diagnostic) {
  return std::any_of(diagnostic.fixes.begin(), diagnostic.fixes.end(), [](const Fix& fix) { return fix.safe; });
}

void write_location(std::ostream& out, const Style& style, std::string_view path, Position start) {
  out << style.paint(kBold) << path << ':' << start.line << ':' << start.column << ':' << style.paint(kReset);
}

/// The caret line under `line_text`: code points before `start` become blanks, except tabs,
/// which are kept so the carets line up whatever the terminal's tab width. The range is
/// underlined to `end` or, when it continues on a later line, to the end of this line.
std::string caret_line(std::string_view line_text, Position start, Position end) {
  std::string out;
  std::uint32_t column = 1;
  std::size_t pos = 0;
  while (column < start.column) {
    if (pos < line_text.size()) {
      out += line_text[pos] == '\t' ? '\t' : ' ';
      format::next_code_point(line_text, pos);
    } else {
      out += ' ';  // The range starts past the line's last character (at the line break).
    }
    ++column;
  }
  out += '^';
  std::uint32_t last = 0;  // Last underlined column, inclusive.
  if (end.line == start.line) {
    last = end.column > start.column ? end.column - 1 : start.column;
  } else {
    std::uint32_t length = 0;
    for (std::size_t i = 0; i < line_text.size();) {
      format::next_code_point(line_text, i);
      ++length;
    }
    last = length;
  }
  for (std::uint32_t c = start.column + 1; c <= last; ++c) out += '~';
  return out;
}

/// The source line of `start` and a caret line, behind a gutter `width` digits wide.
void write_snippet(std::ostream& out, const Style& style, const SourcePtr& source, Position start, Position end,
                   std::size_t width) {
  if (!source || start.line > source->line_count()) return;
  const std::string line_number = std::to_string(start.line);
  const std::string pad(width > line_number.size() ? width - line_number.size() : 0, ' ');
  const std::string blank(std::max(width, line_number.size()), ' ');
  out << style.paint(kBlue) << ' ' << pad << line_number << " |" << style.paint(kReset) << ' '
      << source->line_text(start.line) << '\n';
  out << style.paint(kBlue) << ' ' << blank << " |" << style.paint(kReset) << ' ' << style.paint(kBold)
      << caret_line(source->line_text(start.line), start, end) << style.paint(kReset) << '\n';
}

void write_diagnostic(std::ostream& out, const Style& style, const FileReport& report, const Diagnostic& diagnostic,
                      bool show_source) {
  const std::string_view path = format::diagnostic_path(report, diagnostic);
  write_location(out, style, path, diagnostic.start);
  out << ' ' << style.paint(severity_color(diagnostic.severity)) << severity_name(diagnostic.severity) << ':'
      << style.paint(kReset) << ' ' << diagnostic.message << ' ' << style.paint(kDim) << '[' << diagnostic.rule_id
      << ']' << style.paint(kReset);
  if (has_safe_fix(diagnostic)) out << ' ' << style.paint(kDim) << "(fixable)" << style.paint(kReset);
  out << '\n';
  if (!show_source) return;
  // One gutter width for the finding and its notes, so their source lines line up.
  std::uint32_t widest_line = diagnostic.start.line;
  for (const RelatedLocation& related : diagnostic.related) widest_line = std::max(widest_line, related.start.line);
  const std::size_t width = std::to_string(widest_line).size();
  write_snippet(out, style, report.source, diagnostic.start, diagnostic.end, width);
  for (const RelatedLocation& related : diagnostic.related) {
    write_location(out, style, path, related.start);
    out << ' ' << style.paint(kCyan) << "note:" << style.paint(kReset) << ' ' << related.message << '\n';
    write_snippet(out, style, report.source, related.start, related.end, width);
  }
  for (const Fix& fix : diagnostic.fixes) {
    out << "  " << style.paint(kBold) << (fix.safe ? "fix:" : "fix (unsafe):") << style.paint(kReset) << ' '
        << fix.title << '\n';
  }
  out << '\n';
}

void write_summary(std::ostream& out, const Style& style, const std::vector<FileReport>& reports) {
  const format::Counts counts = format::count(reports);
  out << style.paint(kBold);
  if (counts.problems() == 0) {
    out << "no problems";
  } else {
    out << format::plural(counts.problems(), "problem") << " (" << format::plural(counts.errors, "error") << ", "
        << format::plural(counts.warnings, "warning") << ", " << format::plural(counts.infos, "info") << ")";
  }
  out << " in " << format::plural(counts.files, "file");
  if (counts.unreadable > 0) {
    out << "; " << format::plural(counts.unreadable, "file") << (counts.unreadable == 1 ? " was" : " were")
        << " not read";
  }
  std::size_t fixable = 0;
  for (const FileReport& report : reports) {
    fixable += static_cast<std::size_t>(std::count_if(report.diagnostics.begin(), report.diagnostics.end(), has_safe_fix));
  }
  if (fixable > 0) out << "; " << fixable << " fixable with --fix";
  out << style.paint(kReset) << '\n';
}

}  // namespace

void write_text(const std::vector<FileReport>& reports, const FormatOptions& options, std::ostream& out) {
  const Style style{options.color};
  for (const FileReport& report : reports) {
    if (report.error) {
      out << style.paint(kBold) << report.path << ':' << style.paint(kReset) << ' ' << style.paint(kRed)
          << "error:" << style.paint(kReset) << ' ' << *report.error << '\n';
      if (options.show_source) out << '\n';
    }
    for (const Diagnostic& diagnostic : report.diagnostics) {
      write_diagnostic(out, style, report, diagnostic, options.show_source);
    }
  }
  // The summary closes the output, so it is only printed when something was linted.
  if (!reports.empty()) write_summary(out, style, reports);
}

}  // namespace cfn_eks
