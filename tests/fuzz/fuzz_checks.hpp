#pragma once
// Invariants every fuzz harness checks beyond "no crash": a finding always points inside the
// text it was made for. A violation aborts, so libFuzzer keeps the input as a crash.

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cfn_eks/diagnostic.hpp"
#include "cfn_eks/document.hpp"
#include "cfn_eks/fixes.hpp"
#include "cfn_eks/source.hpp"

namespace cfn_eks::fuzz {

[[noreturn]] inline void fail(const Diagnostic& d, const char* what) {
  std::fprintf(stderr, "fuzz invariant: %s: %s %u:%u [%u,%u) %s\n", what, d.rule_id.c_str(), d.start.line,
               d.start.column, d.range.begin, d.range.end, d.message.c_str());
  std::abort();
}

inline void check_positions(const SourceFile& source, const std::vector<Diagnostic>& diagnostics) {
  const std::size_t size = source.text().size();
  for (const Diagnostic& d : diagnostics) {
    if (d.range.begin > d.range.end) fail(d, "range begins after its end");
    if (d.range.end > size) fail(d, "range past the end of the text");
    if (d.start.line < 1 || d.start.column < 1) fail(d, "position before 1:1");
    if (d.start.line > source.line_count()) fail(d, "line past the last line");
    if (d.end < d.start) fail(d, "end position before start");
    if (d.message.empty()) fail(d, "empty message");
    for (const Fix& fix : d.fixes) {
      for (const Edit& edit : fix.edits) {
        if (edit.range.begin > edit.range.end || edit.range.end > size) fail(d, "fix edit outside the text");
      }
    }
  }
}

/// Quick fixes apply (no overlap inside one fix, nothing outside the text), and a template
/// that loaded without load errors still does after `lint --fix` would have fixed it.
inline void check_fixes(const SourceFile& source, const std::vector<Diagnostic>& diagnostics) {
  const FixOutcome outcome = apply_fixes(source.text(), diagnostics);
  if (!outcome.error.empty()) {
    std::fprintf(stderr, "fuzz invariant: fixes do not apply: %s\n", outcome.error.c_str());
    std::abort();
  }
  if (outcome.fixed == 0) return;
  const auto load_errors = [](const std::string& text) {
    const Document document = load_document(std::make_shared<SourceFile>("fixed", text));
    std::size_t errors = 0;
    for (const Diagnostic& d : document.diagnostics) {
      if (d.severity == Severity::Error && d.rule_id != load_rules::kExceedsS3Size) ++errors;
    }
    return errors;
  };
  if (load_errors(source.text()) == 0 && load_errors(outcome.text) != 0) {
    std::fprintf(stderr, "fuzz invariant: a quick fix broke a template that loaded\n");
    std::abort();
  }
}

}  // namespace cfn_eks::fuzz
