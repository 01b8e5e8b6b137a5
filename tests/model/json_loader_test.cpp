// The JSON loader: ranges of keys and values (quotes included), long-form intrinsics, number
// text kept as written, and positioned findings for syntax errors, duplicates and depth.

#include "cfn_eks/document.hpp"

#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>
#include <vector>

#include "support/document_checks.hpp"

using cfn_eks::Diagnostic;
using cfn_eks::Document;
using cfn_eks::IntrinsicForm;
using cfn_eks::MapEntry;
using cfn_eks::Node;
using cfn_eks::NodeKind;
using cfn_eks::Position;
using cfn_eks::ScalarStyle;
using cfn_eks::Severity;
using cfn_eks::testing::only;
using cfn_eks::testing::slice;
using cfn_eks::testing::value;
using cfn_eks::testing::with_rule;

namespace {

Document load(std::string text, const cfn_eks::LoadLimits& limits = {}) {
  return cfn_eks::load_json(std::make_shared<cfn_eks::SourceFile>("t.json", std::move(text)), limits);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(model)
BOOST_AUTO_TEST_SUITE(json_loader)

BOOST_AUTO_TEST_CASE(keys_and_values_know_their_ranges) {
  const Document doc = load(
      "{\n"
      "  \"Resources\": {\n"
      "    \"Cluster\": {\"Type\": \"AWS::EKS::Cluster\", \"Count\": 3, \"On\": true, \"None\": null}\n"
      "  },\n"
      "  \"List\": [1.30, \"a\\\"b\", false]\n"
      "}\n");
  BOOST_TEST(doc.diagnostics.empty());
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  BOOST_TEST((doc.format == cfn_eks::SourceFormat::Json));
  BOOST_TEST(slice(doc, doc.root->range) == doc.source->text().substr(0, doc.source->text().size() - 1));
  const MapEntry* resources = doc.root->find("Resources");
  BOOST_TEST_REQUIRE(resources != nullptr);
  BOOST_TEST(slice(doc, resources->key_range) == "\"Resources\"");
  CHECK_POSITION(doc.source->position(resources->key_range.begin), 2u, 3u);
  BOOST_TEST(resources->key_style == ScalarStyle::DoubleQuoted);

  const Node& cluster = value(resources->value, "Cluster");
  BOOST_TEST(cluster.style == ScalarStyle::Flow);
  CHECK_POSITION(doc.source->position(cluster.range.begin), 3u, 16u);
  const Node& type = value(&cluster, "Type");
  BOOST_TEST(type.text == "AWS::EKS::Cluster");
  BOOST_TEST(slice(doc, type.range) == "\"AWS::EKS::Cluster\"");
  BOOST_TEST(type.style == ScalarStyle::DoubleQuoted);
  CHECK_POSITION(doc.source->position(type.range.begin), 3u, 25u);
  CHECK_POSITION(doc.source->position(type.range.end), 3u, 44u);
  BOOST_TEST(slice(doc, value(&cluster, "Count").range) == "3");
  BOOST_TEST(value(&cluster, "Count").kind == NodeKind::Number);
  BOOST_TEST(slice(doc, value(&cluster, "On").range) == "true");
  BOOST_TEST(value(&cluster, "On").kind == NodeKind::Bool);
  BOOST_TEST(slice(doc, value(&cluster, "None").range) == "null");
  BOOST_TEST(value(&cluster, "None").kind == NodeKind::Null);
  BOOST_TEST(slice(doc, cluster.range) ==
             "{\"Type\": \"AWS::EKS::Cluster\", \"Count\": 3, \"On\": true, \"None\": null}");

  const Node& list = value(doc.root, "List");
  BOOST_TEST(slice(doc, list.range) == "[1.30, \"a\\\"b\", false]");
  BOOST_TEST_REQUIRE(list.items.size() == 3u);
  BOOST_TEST(list.items[0]->kind == NodeKind::Number);
  BOOST_TEST(list.items[0]->text == "1.30");  // as written
  BOOST_TEST(list.items[1]->text == "a\"b");
  BOOST_TEST(slice(doc, list.items[1]->range) == "\"a\\\"b\"");
  BOOST_TEST(slice(doc, list.items[2]->range) == "false");
}

BOOST_AUTO_TEST_CASE(escaped_backslash_before_closing_quote) {
  const Document doc = load("{\"a\": \"x\\\\\", \"b\": \"\\\\\\\"q\"}");
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  BOOST_TEST(value(doc.root, "a").text == "x\\");
  BOOST_TEST(slice(doc, value(doc.root, "a").range) == "\"x\\\\\"");
  BOOST_TEST(value(doc.root, "b").text == "\\\"q");
  BOOST_TEST(slice(doc, value(doc.root, "b").range) == "\"\\\\\\\"q\"");
  BOOST_TEST(slice(doc, doc.root->find("b")->key_range) == "\"b\"");
}

BOOST_AUTO_TEST_CASE(empty_strings_and_collections) {
  const Document doc = load("{\"\": \"\", \"e\": {}, \"l\": []}");
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  BOOST_TEST(slice(doc, doc.root->entries.at(0).key_range) == "\"\"");
  BOOST_TEST(slice(doc, doc.root->entries.at(0).value->range) == "\"\"");
  BOOST_TEST(slice(doc, value(doc.root, "e").range) == "{}");
  BOOST_TEST(slice(doc, value(doc.root, "l").range) == "[]");
}

BOOST_AUTO_TEST_CASE(long_form_intrinsics) {
  const Document doc = load(
      "{\"A\": {\"Ref\": \"Cluster\"},\n"
      " \"B\": {\"Fn::GetAtt\": [\"Cluster\", \"Arn\"]},\n"
      " \"C\": {\"Fn::GetAtt\": \"Cluster.Arn\"},\n"
      " \"D\": {\"Fn::If\": [\"IsProd\", {\"Ref\": \"A\"}, {\"Ref\": \"AWS::NoValue\"}]},\n"
      " \"E\": {\"Ref\": \"X\", \"Extra\": 1}}");
  BOOST_TEST(doc.diagnostics.empty());
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  const Node& a = value(doc.root, "A");
  BOOST_TEST(a.is_intrinsic("Ref"));
  BOOST_TEST(a.form == IntrinsicForm::LongForm);
  BOOST_TEST(a.tag.empty());
  BOOST_TEST(slice(doc, a.name_range) == "\"Ref\"");
  BOOST_TEST(slice(doc, a.range) == "{\"Ref\": \"Cluster\"}");
  BOOST_TEST(a.argument->text == "Cluster");
  const Node& b = value(doc.root, "B");
  BOOST_TEST(b.is_intrinsic("Fn::GetAtt"));
  BOOST_TEST(b.argument->is_sequence());
  CHECK_POSITION(doc.source->position(b.name_range.begin), 2u, 8u);
  BOOST_TEST(value(doc.root, "C").argument->is_string());
  const Node& d = value(doc.root, "D");
  BOOST_TEST(d.is_intrinsic("Fn::If"));
  BOOST_TEST(d.argument->items.at(1)->is_intrinsic("Ref"));
  BOOST_TEST(value(doc.root, "E").is_mapping());
}

BOOST_AUTO_TEST_CASE(syntax_errors_are_positioned) {
  {
    const Document doc = load("{\n  \"a\": 1,\n  \"b\" 2\n}");
    BOOST_TEST(doc.root == nullptr);
    const Diagnostic& d = only(doc, "T001");
    CHECK_POSITION(d.start, 3u, 7u);
    BOOST_TEST(d.message.rfind("JSON syntax error: ", 0) == 0u);
  }
  {
    const Document doc = load("{\"a\": [1, 2,]}");
    const Diagnostic& d = only(doc, "T001");
    CHECK_POSITION(d.start, 1u, 13u);
  }
  {
    const Document doc = load("{\"a\": 1} {\"b\": 2}");
    const Diagnostic& d = only(doc, "T001");
    CHECK_POSITION(d.start, 1u, 10u);
  }
  {
    const Document doc = load("{\"a\": tru}");
    BOOST_TEST(with_rule(doc, "T001").size() == 1u);
  }
}

BOOST_AUTO_TEST_CASE(unterminated_string_is_reported_at_the_quote) {
  const Document at_end = load("{\n  \"a\": \"never closed");
  BOOST_TEST(at_end.root == nullptr);
  const Diagnostic& d = only(at_end, "T001");
  CHECK_POSITION(d.start, 2u, 8u);
  const Document at_newline = load("{\n  \"a\": \"open,\n  \"b\": 1\n}");
  const Diagnostic& e = only(at_newline, "T001");
  CHECK_POSITION(e.start, 2u, 8u);
  BOOST_TEST(e.message.find("closing quotation mark") != std::string::npos);
  BOOST_TEST_REQUIRE(e.related.size() == 1u);
  CHECK_POSITION(e.related[0].start, 2u, 14u);
  // An escaped quote does not close the string, nor open the search.
  const Document escaped = load(R"({"a": "x\\\"y)");
  CHECK_POSITION(only(escaped, "T001").start, 1u, 7u);
  // A bad escape elsewhere stays where it is.
  const Document bad_escape = load(R"({"a": "x\qy"})");
  CHECK_POSITION(only(bad_escape, "T001").start, 1u, 9u);
}

BOOST_AUTO_TEST_CASE(duplicate_keys_report_both_positions) {
  const Document doc = load("{\n  \"Resources\": {},\n  \"Resources\": {}\n}");
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  const Diagnostic& d = only(doc, "T002");
  CHECK_POSITION(d.start, 3u, 3u);
  CHECK_POSITION(d.end, 3u, 14u);
  BOOST_TEST_REQUIRE(d.related.size() == 1u);
  CHECK_POSITION(d.related[0].start, 2u, 3u);
  CHECK_POSITION(d.related[0].end, 2u, 14u);
}

BOOST_AUTO_TEST_CASE(nesting_deeper_than_the_cap) {
  cfn_eks::LoadLimits limits;
  limits.max_depth = 3;
  BOOST_TEST(load("{\"a\": [{}]}", limits).diagnostics.empty());
  const Document deep = load("{\"a\": [{\"b\": []}]}", limits);
  BOOST_TEST(deep.root == nullptr);
  const Diagnostic& d = only(deep, "T006");
  CHECK_POSITION(d.start, 1u, 14u);
  BOOST_TEST(with_rule(deep, "T001").empty());  // the refusal is not also a syntax error
}

BOOST_AUTO_TEST_CASE(encoding_problems) {
  const Document bad = load("{\"a\": \"caf\xC3\"}");
  BOOST_TEST(bad.root == nullptr);
  CHECK_POSITION(only(bad, "T005").start, 1u, 11u);
  const Document nul = load(std::string("{\"a\":\n \"\0\"}", 11));
  CHECK_POSITION(only(nul, "T005").start, 2u, 3u);
}

BOOST_AUTO_TEST_CASE(bom_crlf_and_non_ascii) {
  const Document doc = load("\xEF\xBB\xBF{\r\n  \"Name\": \"Zürich 日本\",\r\n  \"Next\": \"😀\", \"Last\": 1\r\n}\r\n");
  BOOST_TEST(doc.diagnostics.empty());
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  BOOST_TEST(value(doc.root, "Name").text == "Zürich 日本");
  CHECK_POSITION(doc.source->position(value(doc.root, "Name").range.end), 2u, 22u);
  CHECK_POSITION(doc.source->position(doc.root->find("Last")->key_range.begin), 3u, 16u);
  // The BOM is not a column.
  CHECK_POSITION(doc.source->position(doc.root->range.begin), 1u, 1u);
}

BOOST_AUTO_TEST_CASE(unicode_escapes_decode) {
  const Document doc = load("{\"a\": \"\\u00e9\\ud83d\\ude00\"}");
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  BOOST_TEST(value(doc.root, "a").text == "é😀");
}

BOOST_AUTO_TEST_CASE(size_limits) {
  std::string text = "{\"a\": \"";
  text.append(51201 - text.size() - 2, 'x');
  text += "\"}";
  BOOST_TEST(text.size() == 51201u);
  const Document doc = load(text);
  BOOST_TEST(only(doc, "T007").severity == Severity::Info);
  BOOST_TEST(doc.root != nullptr);
}

BOOST_AUTO_TEST_CASE(empty_and_whitespace_only) {
  const Document empty = load("");
  BOOST_TEST(empty.root == nullptr);
  CHECK_POSITION(only(empty, "T001").start, 1u, 1u);
  const Document blank = load("  \n ");
  CHECK_POSITION(only(blank, "T001").start, 2u, 2u);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
