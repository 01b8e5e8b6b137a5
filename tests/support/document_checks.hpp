#pragma once
// Checks the loader tests share: a document's findings of one rule, a mapping's value, the
// text of a range, and CHECK_POSITION for a line and column.

#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "cfn_eks/document.hpp"

// Enums compared in checks have no operator<<.
BOOST_TEST_DONT_PRINT_LOG_VALUE(cfn_eks::NodeKind)
BOOST_TEST_DONT_PRINT_LOG_VALUE(cfn_eks::ScalarStyle)
BOOST_TEST_DONT_PRINT_LOG_VALUE(cfn_eks::IntrinsicForm)
BOOST_TEST_DONT_PRINT_LOG_VALUE(cfn_eks::Severity)

namespace cfn_eks::testing {

inline std::vector<const Diagnostic*> with_rule(const Document& doc, std::string_view rule) {
  std::vector<const Diagnostic*> out;
  for (const Diagnostic& d : doc.diagnostics) {
    if (d.rule_id == rule) out.push_back(&d);
  }
  return out;
}

/// The one diagnostic of `rule`; fails the test when there is not exactly one.
inline const Diagnostic& only(const Document& doc, std::string_view rule) {
  const auto found = with_rule(doc, rule);
  BOOST_TEST_REQUIRE(found.size() == 1u, "expected one " << rule << ", got " << found.size());
  return *found.front();
}

/// The value under `key` in a mapping; fails the test when the mapping or the key is missing.
inline const Node& value(const Node* mapping, std::string_view key) {
  BOOST_TEST_REQUIRE(mapping != nullptr);
  const Node* v = mapping->get(key);
  BOOST_TEST_REQUIRE(v != nullptr, "no key '" << key << "'");
  return *v;
}

/// The source text a range covers.
inline std::string slice(const Document& doc, ByteRange range) {
  return doc.source->text().substr(range.begin, range.end - range.begin);
}

}  // namespace cfn_eks::testing

#define CHECK_POSITION(actual, line_, column_)   \
  do {                                           \
    const cfn_eks::Position got_ = (actual);     \
    BOOST_TEST(got_.line == (line_));            \
    BOOST_TEST(got_.column == (column_));        \
  } while (false)
