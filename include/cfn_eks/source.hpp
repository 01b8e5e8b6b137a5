#pragma once
/// Source text, byte ranges and human positions.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cfn_eks {

/// Half-open byte range [begin, end) into a SourceFile's text.
struct ByteRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool operator==(const ByteRange&) const = default;
};

/// A 1-based line and a 1-based column counted in Unicode code points.
struct Position {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  bool operator==(const Position&) const = default;
  auto operator<=>(const Position&) const = default;
};

/// The text of one template with a table of line starts.
/// Lines end at "\n", "\r\n" or a lone "\r", as editors count them. A leading byte order
/// mark is not part of line 1 (editors do not show it).
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  /// The 1-based position of a byte offset (clamped to the text).
  Position position(std::uint32_t offset) const;
  /// The byte offset where a 1-based line starts (clamped).
  std::uint32_t line_start(std::uint32_t line) const;
  /// The text of a 1-based line without its line break.
  std::string_view line_text(std::uint32_t line) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }

 private:
  std::string path_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
  /// For text with multi-byte characters: UTF-8 continuation bytes before each 64-byte block,
  /// so a column costs at most one block's scan however long the line (empty for ASCII).
  std::vector<std::uint32_t> continuations_before_block_;
  std::uint32_t continuations_before(std::uint32_t offset) const;
};

using SourcePtr = std::shared_ptr<const SourceFile>;

}  // namespace cfn_eks
