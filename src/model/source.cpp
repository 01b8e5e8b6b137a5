#include "cfn_eks/source.hpp"

#include <algorithm>
#include <cstring>

namespace cfn_eks {

namespace {
constexpr std::uint32_t kBlock = 64;

// Line starts for text with "\r" (alone or in "\r\n") among its breaks.
void scan_line_starts(const std::string& text, std::uint32_t first, std::vector<std::uint32_t>& starts) {
  const std::size_t n = text.size();
  for (std::size_t i = first; i < n; ++i) {
    const char c = text[i];
    if (c == '\n') {
      starts.push_back(static_cast<std::uint32_t>(i + 1));
    } else if (c == '\r') {
      if (i + 1 < n && text[i + 1] == '\n') ++i;
      starts.push_back(static_cast<std::uint32_t>(i + 1));
    }
  }
}
}  // namespace

SourceFile::SourceFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  // A byte order mark is invisible in editors: line 1 starts after it, so columns and
  // source snippets match what the user sees.
  const std::uint32_t first = text_.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  line_starts_.push_back(first);
  const std::size_t n = text_.size();
  if (text_.find('\r', first) == std::string::npos) {
    // Only "\n" breaks (the usual case): memchr finds them far faster than a byte loop.
    const char* data = text_.data();
    for (const char* p = data + first; (p = static_cast<const char*>(std::memchr(p, '\n', data + n - p))) != nullptr;) {
      ++p;
      line_starts_.push_back(static_cast<std::uint32_t>(p - data));
    }
  } else {
    scan_line_starts(text_, first, line_starts_);
  }
  // Any byte with the high bit set? (An OR over the text vectorises; most templates are ASCII.)
  unsigned char high = 0;
  for (const char c : text_) high |= static_cast<unsigned char>(c);
  if ((high & 0x80) == 0) return;
  const auto is_continuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
  continuations_before_block_.reserve(n / kBlock + 1);
  std::uint32_t count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (i % kBlock == 0) continuations_before_block_.push_back(count);
    if (is_continuation(text_[i])) ++count;
  }
  if (n % kBlock == 0) continuations_before_block_.push_back(count);  // for offset == n
}

std::uint32_t SourceFile::continuations_before(std::uint32_t offset) const {
  if (continuations_before_block_.empty()) return 0;
  const std::uint32_t block = offset / kBlock;
  std::uint32_t count = continuations_before_block_[block];
  for (std::uint32_t i = block * kBlock; i < offset; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) ++count;
  }
  return count;
}

Position SourceFile::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  offset = std::max(offset, line_starts_.front());  // inside a BOM: the first column
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - line_starts_.begin());  // 1-based
  const std::uint32_t start = line_starts_[line - 1];
  // Columns count code points: continuation bytes (10xxxxxx) do not start a character.
  const std::uint32_t continuations = continuations_before(offset) - continuations_before(start);
  return Position{line, offset - start - continuations + 1};
}

std::uint32_t SourceFile::line_start(std::uint32_t line) const {
  if (line == 0) return 0;
  if (line > line_starts_.size()) return static_cast<std::uint32_t>(text_.size());
  return line_starts_[line - 1];
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const std::uint32_t begin = line_starts_[line - 1];
  std::uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<std::uint32_t>(text_.size());
  while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return std::string_view(text_).substr(begin, end - begin);
}

}  // namespace cfn_eks
