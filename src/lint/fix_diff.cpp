// A unified diff of a file against the result of edits on it (`cfn-eks lint --fix-dry-run`).
// The edits say where the text changed, so no general diff algorithm is needed: each edit
// changes the whole lines it touches, lines equal on both sides of a change are trimmed, and
// changes closer than two contexts share a hunk — linear in the size of the file.

#include <algorithm>

#include "cfn_eks/edits.hpp"
#include "cfn_eks/fixes.hpp"

namespace cfn_eks {

namespace {

constexpr std::size_t kContext = 3;

/// Lines with their line breaks.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t newline = text.find('\n', start);
    const std::size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

/// Old lines [first, first + removed) become `added`.
struct Change {
  std::size_t first = 0;
  std::size_t removed = 0;
  std::vector<std::string> added;
};

void write_line(std::string& out, char marker, std::string_view line) {
  out += marker;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

std::string range_text(std::size_t start, std::size_t count) {
  // diff -u: a range of zero lines names the line before it.
  std::string text = std::to_string(count == 0 ? start : start + 1);
  if (count != 1) text += "," + std::to_string(count);
  return text;
}

}  // namespace

std::string unified_diff(std::string_view original, const std::vector<Edit>& edits, std::string_view old_name,
                         std::string_view new_name) {
  if (edits.empty()) return {};
  const std::vector<std::string_view> lines = split_lines(original);
  std::vector<std::size_t> starts;  // Byte offset of each line, then the end of the text.
  std::size_t offset = 0;
  for (const std::string_view line : lines) {
    starts.push_back(offset);
    offset += line.size();
  }
  starts.push_back(original.size());
  const std::size_t n = lines.size();
  // The line holding `at`; n for the end of a text whose last line is complete.
  auto line_of = [&](std::size_t at) -> std::size_t {
    if (at >= original.size()) return n > 0 && original.back() != '\n' ? n - 1 : n;
    return static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), at) - starts.begin()) - 1;
  };

  // Each group of edits touching the same lines is one change of those whole lines.
  std::vector<Change> changes;
  std::size_t i = 0;
  while (i < edits.size()) {
    const std::size_t lo = line_of(edits[i].range.begin);
    std::size_t hi = lo;  // Last line touched, inclusive (lo == n: the end of the text).
    std::vector<Edit> group;
    while (i < edits.size()) {
      const ByteRange& r = edits[i].range;
      const std::size_t first = line_of(r.begin);
      if (!group.empty() && first > hi) break;
      hi = std::max(hi, r.end > r.begin ? line_of(r.end - 1) : first);
      group.push_back(edits[i++]);
    }
    const std::size_t end_line = std::min(hi + 1, n);
    const std::size_t span_begin = starts[std::min(lo, n)];
    const std::size_t span_end = starts[end_line];
    for (Edit& edit : group) {
      edit.range.begin -= static_cast<std::uint32_t>(span_begin);
      edit.range.end -= static_cast<std::uint32_t>(span_begin);
    }
    EditResult<std::string> replaced = apply_edits(original.substr(span_begin, span_end - span_begin), group);
    if (!replaced) return {};
    const std::string& new_span = replaced.value();
    std::vector<std::string_view> added = split_lines(new_span);
    std::size_t first = std::min(lo, n);
    std::size_t removed = end_line - first;
    // Lines equal on both sides are context, not change.
    std::size_t skip_front = 0;
    while (skip_front < removed && skip_front < added.size() && lines[first + skip_front] == added[skip_front]) ++skip_front;
    std::size_t skip_back = 0;
    while (skip_back < removed - skip_front && skip_back < added.size() - skip_front &&
           lines[first + removed - 1 - skip_back] == added[added.size() - 1 - skip_back]) {
      ++skip_back;
    }
    Change change;
    change.first = first + skip_front;
    change.removed = removed - skip_front - skip_back;
    for (std::size_t k = skip_front; k + skip_back < added.size(); ++k) change.added.emplace_back(added[k]);
    if (change.removed > 0 || !change.added.empty()) changes.push_back(std::move(change));
  }
  if (changes.empty()) return {};

  std::string out = "--- " + std::string(old_name) + "\n+++ " + std::string(new_name) + "\n";
  long long delta = 0;  // New line numbers minus old ones before the current hunk.
  std::size_t c = 0;
  while (c < changes.size()) {
    std::size_t last = c;
    while (last + 1 < changes.size() &&
           changes[last + 1].first <= changes[last].first + changes[last].removed + 2 * kContext) {
      ++last;
    }
    const std::size_t start = changes[c].first > kContext ? changes[c].first - kContext : 0;
    const std::size_t end = std::min(n, changes[last].first + changes[last].removed + kContext);
    long long hunk_delta = 0;
    for (std::size_t k = c; k <= last; ++k) {
      hunk_delta += static_cast<long long>(changes[k].added.size()) - static_cast<long long>(changes[k].removed);
    }
    const std::size_t old_count = end - start;
    const auto new_count = static_cast<std::size_t>(static_cast<long long>(old_count) + hunk_delta);
    const auto new_start = static_cast<std::size_t>(static_cast<long long>(start) + delta);
    out += "@@ -" + range_text(start, old_count) + " +" + range_text(new_start, new_count) + " @@\n";
    std::size_t line = start;
    for (std::size_t k = c; k <= last; ++k) {
      for (; line < changes[k].first; ++line) write_line(out, ' ', lines[line]);
      for (std::size_t r = 0; r < changes[k].removed; ++r) write_line(out, '-', lines[line++]);
      for (const std::string& added : changes[k].added) write_line(out, '+', added);
    }
    for (; line < end; ++line) write_line(out, ' ', lines[line]);
    delta += hunk_delta;
    c = last + 1;
  }
  return out;
}

}  // namespace cfn_eks
