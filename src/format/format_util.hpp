#pragma once
// Helpers shared by the formatters: UTF-8 hygiene, counting, and the path shown for a finding.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cfn_eks/linter.hpp"

namespace cfn_eks::format {

/// Decodes one code point at `pos` and advances `pos`; invalid or truncated sequences
/// (overlong forms, surrogates, > U+10FFFF) yield U+FFFD and consume one byte.
char32_t next_code_point(std::string_view text, std::size_t& pos);

/// Appends `cp` to `out` as UTF-8.
void append_utf8(std::string& out, char32_t cp);

/// `text` with every invalid UTF-8 sequence replaced by U+FFFD. JSON and XML writers need
/// valid UTF-8, and a message may quote bytes from a broken template.
std::string valid_utf8(std::string_view text);

/// Counts of findings by severity, over all reports.
struct Counts {
  std::size_t files = 0;
  std::size_t unreadable = 0;  ///< Reports with `error` set.
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t problems() const { return errors + warnings + infos; }
};
Counts count(const std::vector<FileReport>& reports);

/// "1 error", "2 errors": `singular` with an "s" unless n == 1.
std::string plural(std::size_t n, std::string_view singular);

/// The path a finding is reported under: the diagnostic's own file, else the report's path.
std::string_view diagnostic_path(const FileReport& report, const Diagnostic& diagnostic);

}  // namespace cfn_eks::format
