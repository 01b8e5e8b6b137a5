#pragma once
// Invariants every fuzz harness checks beyond "no crash": a finding always points inside the
// text it was made for. A violation aborts, so libFuzzer keeps the input as a crash.

#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "cfn_eks/diagnostic.hpp"
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
  }
}

}  // namespace cfn_eks::fuzz
