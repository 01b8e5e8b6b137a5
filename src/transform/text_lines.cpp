#include "transform/text_lines.hpp"

#include <algorithm>

namespace cfn_eks::lines {

namespace {

std::uint32_t size_of(std::string_view text) { return static_cast<std::uint32_t>(text.size()); }

bool is_space(char c) { return c == ' ' || c == '\t'; }

// Moves back over spaces and line breaks, not before `floor`.
std::uint32_t trim_back(std::string_view text, std::uint32_t at, std::uint32_t floor) {
  while (at > floor && (is_space(text[at - 1]) || text[at - 1] == '\n' || text[at - 1] == '\r')) --at;
  return at;
}

}  // namespace

std::uint32_t line_start(std::string_view text, std::uint32_t at) {
  at = std::min(at, size_of(text));
  while (at > 0 && text[at - 1] != '\n') --at;
  return at;
}

std::uint32_t line_end(std::string_view text, std::uint32_t at) {
  const std::size_t nl = text.find('\n', std::min(at, size_of(text)));
  if (nl == std::string_view::npos) return size_of(text);
  const auto end = static_cast<std::uint32_t>(nl);
  return end > 0 && text[end - 1] == '\r' ? end - 1 : end;
}

std::uint32_t next_line(std::string_view text, std::uint32_t at) {
  const std::size_t nl = text.find('\n', std::min(at, size_of(text)));
  return nl == std::string_view::npos ? size_of(text) : static_cast<std::uint32_t>(nl + 1);
}

std::uint32_t previous_line(std::string_view text, std::uint32_t start) {
  if (start == 0) return 0;
  return line_start(text, start - 1);
}

unsigned indent_of(std::string_view text, std::uint32_t start) {
  unsigned n = 0;
  while (start + n < text.size() && text[start + n] == ' ') ++n;
  return n;
}

bool is_blank(std::string_view text, std::uint32_t start) {
  for (std::uint32_t i = start; i < text.size() && text[i] != '\n'; ++i) {
    if (!is_space(text[i]) && text[i] != '\r') return false;
  }
  return true;
}

bool is_comment(std::string_view text, std::uint32_t start) {
  std::uint32_t i = start;
  while (i < text.size() && is_space(text[i])) ++i;
  return i < text.size() && text[i] == '#';
}

bool first_on_line(std::string_view text, std::uint32_t at) {
  for (std::uint32_t i = line_start(text, at); i < at; ++i) {
    if (!is_space(text[i])) return false;
  }
  return true;
}

unsigned column_of(std::string_view text, std::uint32_t at) { return at - line_start(text, at); }

std::string_view leading_whitespace(std::string_view text, std::uint32_t at) {
  const std::uint32_t start = line_start(text, at);
  std::uint32_t i = start;
  while (i < text.size() && is_space(text[i])) ++i;
  return text.substr(start, i - start);
}

std::uint32_t after_colon(std::string_view text, std::uint32_t key_end) {
  std::uint32_t i = key_end;
  while (i < text.size() && is_space(text[i])) ++i;
  return i < text.size() && text[i] == ':' ? i + 1 : key_end;
}

std::uint32_t entry_end(std::string_view text, const MapEntry& entry) {
  const Node* value = entry.value;
  // An implicit null is positioned at the next token, possibly lines further down.
  if (value == nullptr || (value->kind == NodeKind::Null && value->text.empty() && value->range.begin == value->range.end)) {
    return after_colon(text, entry.key_range.end);
  }
  return std::max(content_end(text, *value), entry.key_range.end);
}

std::uint32_t content_end(std::string_view text, const Node& node) {
  switch (node.kind) {
    case NodeKind::Mapping:
      if (node.style == ScalarStyle::Flow || node.entries.empty()) return node.range.end;
      return entry_end(text, node.entries.back());
    case NodeKind::Sequence: {
      if (node.style == ScalarStyle::Flow || node.items.empty() || node.items.back() == nullptr) return node.range.end;
      const Node& last = *node.items.back();
      if (last.kind == NodeKind::Null && last.text.empty()) return trim_back(text, last.range.begin, node.range.begin);
      return content_end(text, last);
    }
    case NodeKind::Intrinsic:
      if (node.form == IntrinsicForm::LongForm) {
        if (node.style == ScalarStyle::Flow || node.argument == nullptr) return node.range.end;
        return content_end(text, *node.argument);
      }
      if (node.argument == nullptr || node.argument->range.begin == node.argument->range.end) return node.name_range.end;
      return content_end(text, *node.argument);
    default:
      // Block scalars end after their trailing line breaks; the content is what precedes them.
      if (node.style == ScalarStyle::Literal || node.style == ScalarStyle::Folded) {
        return trim_back(text, node.range.end, node.range.begin + 1);
      }
      return node.range.end;
  }
}

std::uint32_t block_end(std::string_view text, std::uint32_t content, unsigned column) {
  std::uint32_t end = next_line(text, content > 0 ? content - 1 : 0);
  std::uint32_t at = end;
  while (at < text.size()) {
    if (is_blank(text, at)) {
      at = next_line(text, at);
      continue;
    }
    if (is_comment(text, at) && indent_of(text, at) > column) {
      at = next_line(text, at);
      end = at;
      continue;
    }
    break;
  }
  return end;
}

std::uint32_t own_comments_start(std::string_view text, std::uint32_t start, unsigned column) {
  std::uint32_t at = start;
  while (at > 0) {
    const std::uint32_t above = previous_line(text, at);
    if (!is_comment(text, above) || indent_of(text, above) != column) break;
    at = above;
  }
  return at;
}

std::optional<bool> blank_line_convention(std::string_view text, const Node& mapping) {
  if (mapping.kind != NodeKind::Mapping || mapping.style != ScalarStyle::Block || mapping.entries.size() < 2) {
    return std::nullopt;
  }
  unsigned with = 0;
  unsigned without = 0;
  for (std::size_t i = 1; i < mapping.entries.size(); ++i) {
    const MapEntry& previous = mapping.entries[i - 1];
    const std::uint32_t from = next_line(text, entry_end(text, previous));
    const std::uint32_t to = line_start(text, mapping.entries[i].key_range.begin);
    bool blank = false;
    for (std::uint32_t at = from; at < to; at = next_line(text, at)) {
      if (is_blank(text, at)) blank = true;
    }
    ++(blank ? with : without);
  }
  return with > without;
}

}  // namespace cfn_eks::lines
