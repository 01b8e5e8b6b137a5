#include "transform/migration/yaml_line_edits.hpp"

#include <algorithm>
#include <memory>

namespace cfn_eks {

YamlLineEdits::YamlLineEdits(std::string text)
    : text_(std::move(text)), document_(load_yaml(std::make_shared<SourceFile>("user data", text_))) {
  if (!document_.diagnostics.empty()) {
    const Diagnostic& d = document_.diagnostics.front();
    error_ = "line " + std::to_string(d.start.line) + ": " + d.message;
  } else if (document_.root == nullptr || !document_.root->is_mapping()) {
    error_ = "it is not a YAML mapping";
  }
}

bool YamlLineEdits::remove_lines(std::size_t from, std::size_t last_byte) {
  // `from` must start its line (only blanks before it); the span runs to the end of the line
  // holding `last_byte`.
  std::size_t line_begin = from;
  while (line_begin > 0 && text_[line_begin - 1] != '\n') {
    --line_begin;
    if (text_[line_begin] != ' ' && text_[line_begin] != '\t') return false;
  }
  std::size_t end = text_.find('\n', last_byte);
  end = end == std::string::npos ? text_.size() : end + 1;
  removed_.emplace_back(line_begin, end);
  return true;
}

namespace {

// The last byte of `range` that is not a blank or line break (block scalars end after them).
std::size_t last_significant(std::string_view text, ByteRange range) {
  std::size_t end = std::min<std::size_t>(range.end, text.size());
  while (end > range.begin && (text[end - 1] == ' ' || text[end - 1] == '\n' || text[end - 1] == '\r' || text[end - 1] == '\t')) {
    --end;
  }
  return end > range.begin ? end - 1 : range.begin;
}

}  // namespace

bool YamlLineEdits::remove_entry(const MapEntry& entry) {
  const std::size_t last = entry.value != nullptr ? last_significant(text_, entry.value->range)
                                                  : last_significant(text_, entry.key_range);
  return remove_lines(entry.key_range.begin, std::max<std::size_t>(last, entry.key_range.begin));
}

bool YamlLineEdits::remove_item(const Node& item) {
  // The item starts after its `- `; the dash must be the first thing on the line.
  std::size_t dash = item.range.begin;
  while (dash > 0 && (text_[dash - 1] == ' ' || text_[dash - 1] == '\t')) --dash;
  if (dash == 0 || text_[dash - 1] != '-') return false;
  --dash;
  return remove_lines(dash, last_significant(text_, item.range));
}

std::string YamlLineEdits::result() const {
  std::vector<std::pair<std::size_t, std::size_t>> spans = removed_;
  std::sort(spans.begin(), spans.end());
  std::string out;
  std::size_t at = 0;
  for (const auto& [begin, end] : spans) {
    if (begin > at) out.append(text_, at, begin - at);
    at = std::max(at, end);
  }
  if (at < text_.size()) out.append(text_, at, std::string::npos);
  return out;
}

}  // namespace cfn_eks
