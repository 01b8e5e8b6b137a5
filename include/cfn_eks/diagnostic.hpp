#pragma once
/// Findings: what the linter reports, with positions resolved against the source.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cfn_eks/source.hpp"

namespace cfn_eks {

enum class Severity : std::uint8_t { Error, Warning, Info };

std::string_view severity_name(Severity severity);
/// Parses "error", "warning" or "info".
std::optional<Severity> parse_severity(std::string_view text);

/// A replacement of a byte range by new text.
struct Edit {
  ByteRange range;
  std::string replacement;
};

/// A suggested fix (a quick fix): edits on the original file's bytes, applied together.
/// Unsafe fixes may change behaviour; `cfn-eks lint --fix` applies only safe ones.
/// include/cfn_eks/fixes.hpp turns fixes into code actions and applies them.
struct Fix {
  std::string title;
  std::vector<Edit> edits;
  bool safe = true;
};

/// Another place that explains a finding ("first defined here").
struct RelatedLocation {
  ByteRange range;
  Position start;
  Position end;
  std::string message;
};

/// One finding in one file.
struct Diagnostic {
  std::string rule_id;
  Severity severity = Severity::Error;
  std::string message;
  std::string file;
  ByteRange range;
  Position start;
  Position end;
  std::vector<RelatedLocation> related;
  /// Quick fixes, best first; empty (no allocation) for most findings.
  std::vector<Fix> fixes;
};

/// Orders diagnostics by file, line, column, rule id, then message: output is deterministic.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

}  // namespace cfn_eks
