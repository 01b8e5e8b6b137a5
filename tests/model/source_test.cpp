// SourceFile: line index, 1-based positions with code-point columns, CRLF and lone CR.

#include "cfn_eks/source.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

using cfn_eks::Position;
using cfn_eks::SourceFile;

namespace {

Position at(std::uint32_t line, std::uint32_t column) { return Position{line, column}; }

}  // namespace

// Compares line and column separately so a failure prints both numbers.
#define CHECK_POSITION(actual, expected)            \
  do {                                              \
    const Position got_ = (actual);                 \
    const Position want_ = (expected);              \
    BOOST_TEST(got_.line == want_.line);            \
    BOOST_TEST(got_.column == want_.column);        \
  } while (false)

BOOST_AUTO_TEST_SUITE(model)
BOOST_AUTO_TEST_SUITE(source)

BOOST_AUTO_TEST_CASE(empty_text_has_one_line) {
  const SourceFile source("t.yaml", "");
  BOOST_TEST(source.line_count() == 1u);
  CHECK_POSITION(source.position(0), at(1, 1));
  BOOST_TEST(source.line_text(1) == "");
  BOOST_TEST(source.line_start(1) == 0u);
}

BOOST_AUTO_TEST_CASE(lf_lines_and_positions) {
  const SourceFile source("t.yaml", "ab\ncd\n\nef");
  BOOST_TEST(source.line_count() == 4u);
  CHECK_POSITION(source.position(0), at(1, 1));
  CHECK_POSITION(source.position(1), at(1, 2));
  CHECK_POSITION(source.position(2), at(1, 3));  // the line break itself
  CHECK_POSITION(source.position(3), at(2, 1));
  CHECK_POSITION(source.position(6), at(3, 1));
  CHECK_POSITION(source.position(7), at(4, 1));
  CHECK_POSITION(source.position(9), at(4, 3));  // end of text
  BOOST_TEST(source.line_text(1) == "ab");
  BOOST_TEST(source.line_text(3) == "");
  BOOST_TEST(source.line_text(4) == "ef");
  BOOST_TEST(source.line_start(2) == 3u);
  BOOST_TEST(source.line_start(4) == 7u);
}

BOOST_AUTO_TEST_CASE(trailing_newline_starts_an_empty_last_line) {
  const SourceFile source("t.yaml", "a\n");
  BOOST_TEST(source.line_count() == 2u);
  CHECK_POSITION(source.position(2), at(2, 1));
  BOOST_TEST(source.line_text(2) == "");
}

BOOST_AUTO_TEST_CASE(crlf_counts_as_one_line_break) {
  const SourceFile source("t.yaml", "ab\r\ncd\r\n");
  BOOST_TEST(source.line_count() == 3u);
  CHECK_POSITION(source.position(4), at(2, 1));
  CHECK_POSITION(source.position(5), at(2, 2));
  BOOST_TEST(source.line_text(1) == "ab");  // without "\r\n"
  BOOST_TEST(source.line_text(2) == "cd");
  BOOST_TEST(source.line_start(2) == 4u);
  BOOST_TEST(source.line_start(3) == 8u);
}

BOOST_AUTO_TEST_CASE(lone_cr_is_a_line_break) {
  const SourceFile source("t.yaml", "ab\rcd\n\ref");
  BOOST_TEST(source.line_count() == 4u);
  CHECK_POSITION(source.position(3), at(2, 1));
  CHECK_POSITION(source.position(6), at(3, 1));
  CHECK_POSITION(source.position(7), at(4, 1));
  CHECK_POSITION(source.position(8), at(4, 2));
  BOOST_TEST(source.line_text(1) == "ab");
  BOOST_TEST(source.line_text(3) == "");
  BOOST_TEST(source.line_text(4) == "ef");
}

BOOST_AUTO_TEST_CASE(columns_count_code_points_not_bytes) {
  // é is 2 bytes, 日 3 bytes, 😀 4 bytes.
  const std::string text = "x: \xC3\xA9\xE6\x97\xA5\xF0\x9F\x98\x80z\n";
  const SourceFile source("t.yaml", text);
  CHECK_POSITION(source.position(3), at(1, 4));   // é
  CHECK_POSITION(source.position(5), at(1, 5));   // 日
  CHECK_POSITION(source.position(8), at(1, 6));   // 😀
  CHECK_POSITION(source.position(12), at(1, 7));  // z
  CHECK_POSITION(source.position(13), at(1, 8));  // the line break
}

BOOST_AUTO_TEST_CASE(byte_order_mark_is_not_a_column) {
  const SourceFile source("t.yaml", "\xEF\xBB\xBF" "ab\ncd");
  CHECK_POSITION(source.position(0), at(1, 1));
  CHECK_POSITION(source.position(3), at(1, 1));
  CHECK_POSITION(source.position(4), at(1, 2));
  CHECK_POSITION(source.position(6), at(2, 1));
  BOOST_TEST(source.line_text(1) == "ab");  // snippets and carets line up
  BOOST_TEST(source.line_start(1) == 3u);
  BOOST_TEST(source.line_count() == 2u);
  // Only a leading BOM is special.
  const SourceFile inner("t.yaml", "a\xEF\xBB\xBF" "b");
  CHECK_POSITION(inner.position(4), at(1, 3));
}

BOOST_AUTO_TEST_CASE(tab_is_one_column) {
  const SourceFile source("t.yaml", "\t\tx");
  CHECK_POSITION(source.position(2), at(1, 3));
}

BOOST_AUTO_TEST_CASE(offsets_and_lines_are_clamped) {
  const SourceFile source("t.yaml", "ab\ncd");
  CHECK_POSITION(source.position(1000), at(2, 3));
  BOOST_TEST(source.line_start(0) == 0u);
  BOOST_TEST(source.line_start(99) == 5u);
  BOOST_TEST(source.line_text(0) == "");
  BOOST_TEST(source.line_text(3) == "");
}

BOOST_AUTO_TEST_CASE(positions_are_ordered) {
  BOOST_TEST((at(1, 9) < at(2, 1)));
  BOOST_TEST((at(2, 1) < at(2, 2)));
  BOOST_TEST((at(3, 3) == at(3, 3)));
}

BOOST_AUTO_TEST_CASE(long_line_positions) {
  std::string text(1u << 20, 'a');
  text += "\nb";
  const SourceFile source("t.yaml", text);
  BOOST_TEST(source.line_count() == 2u);
  CHECK_POSITION(source.position(1u << 20), at(1, (1u << 20) + 1));
  CHECK_POSITION(source.position((1u << 20) + 1), at(2, 1));
  BOOST_TEST(source.line_text(1).size() == std::size_t{1u << 20});
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
