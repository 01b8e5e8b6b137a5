#include <boost/test/unit_test.hpp>

#include <string>

#include "cfn_eks/edits.hpp"

namespace {

using cfn_eks::ByteRange;
using cfn_eks::DocumentEditor;
using cfn_eks::Edit;
using cfn_eks::Fragment;

cfn_eks::Document load(std::string text, std::string name = "t.yaml") {
  return cfn_eks::load_document(std::make_shared<cfn_eks::SourceFile>(std::move(name), std::move(text)));
}

// Applies one builder's edits and returns the new text (failing the test on an error).
std::string applied(const DocumentEditor& editor, const cfn_eks::EditResult<cfn_eks::EditList>& result) {
  BOOST_REQUIRE_MESSAGE(result.ok(), result.error());
  const auto text = editor.apply(result.value());
  BOOST_REQUIRE_MESSAGE(text.ok(), text.error());
  return text.value();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(transform)
BOOST_AUTO_TEST_SUITE(edits)

BOOST_AUTO_TEST_CASE(apply_edits_in_any_order) {
  const std::string text = "0123456789";
  std::string error;
  const std::string out = cfn_eks::apply_edits(
      text, {Edit{ByteRange{8, 10}, "X"}, Edit{ByteRange{0, 1}, "ab"}, Edit{ByteRange{5, 5}, "-"}}, &error);
  BOOST_TEST(error.empty());
  BOOST_TEST(out == "ab1234-567X");
}

BOOST_AUTO_TEST_CASE(insertions_at_one_offset_keep_their_order_before_a_replacement) {
  const auto result = cfn_eks::apply_edits(
      "abc", {Edit{ByteRange{1, 2}, "B"}, Edit{ByteRange{1, 1}, "1"}, Edit{ByteRange{1, 1}, "2"}});
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(result.value() == "a12Bc");
}

BOOST_AUTO_TEST_CASE(overlaps_and_out_of_range_are_errors) {
  std::string error;
  const std::string out = cfn_eks::apply_edits("abcdef", {Edit{ByteRange{1, 4}, ""}, Edit{ByteRange{3, 5}, "x"}}, &error);
  BOOST_TEST(out.empty());
  BOOST_TEST(error == "edits overlap: 1..4 and 3..5");
  const auto inside = cfn_eks::apply_edits("abcdef", {Edit{ByteRange{1, 4}, ""}, Edit{ByteRange{2, 2}, "x"}});
  BOOST_TEST(!inside.ok());
  const auto outside = cfn_eks::apply_edits("abc", {Edit{ByteRange{2, 9}, ""}});
  BOOST_TEST(outside.error() == "edit 2..9 lies outside the text (3 bytes)");
  const auto reversed = cfn_eks::apply_edits("abc", {Edit{ByteRange{2, 1}, ""}});
  BOOST_TEST(!reversed.ok());
  BOOST_TEST(cfn_eks::apply_edits("abc", {}).value() == "abc");
}

BOOST_AUTO_TEST_CASE(builders_report_what_they_cannot_do) {
  const auto doc = load("Resources:\n  A:\n    Type: X\n  B:\n    Type: Y\n");
  const DocumentEditor editor(doc);
  const cfn_eks::Node& resources = *doc.root->get("Resources");
  BOOST_TEST(editor.insert_entry(resources, "A", Fragment::null_value()).error() == "key 'A' already exists");
  BOOST_TEST(editor.insert_entry(resources, "C", Fragment::null_value(), "Z").error() == "there is no key 'Z' to insert after");
  BOOST_TEST(editor.delete_entry(resources, "Z").error() == "there is no key 'Z' to delete");
  BOOST_TEST(editor.rename_key(resources, "A", "B").error() == "key 'B' already exists");
  BOOST_TEST(!editor.insert_item(resources, Fragment::string("x")).ok());
  BOOST_TEST(!editor.replace_value(*doc.root, Fragment::null_value()).ok());
  BOOST_TEST(editor.remove_entry(resources, "Z").value().empty());
  BOOST_TEST(editor.ensure_entry(resources, "A", Fragment::string("anything")).value().empty());
  BOOST_TEST(editor.ensure_section_entry("Resources", "B", Fragment::null_value()).value().empty());
  BOOST_TEST(editor.rename_key(resources, "A", "A").value().empty());
  const auto broken = load("Resources: [\n");
  const DocumentEditor broken_editor(broken);
  BOOST_TEST(!broken_editor.insert_section_entry("Outputs", "X", Fragment::null_value()).ok());
}

BOOST_AUTO_TEST_CASE(inserting_into_a_null_section_and_an_empty_flow_mapping) {
  const auto doc = load("Resources:\n  A:\n    Type: X\nOutputs:\nMappings: {}\n");
  const DocumentEditor editor(doc);
  const Fragment output = Fragment::mapping({{"Value", Fragment::ref("A")}});
  BOOST_TEST(applied(editor, editor.insert_section_entry("Outputs", "Out", output)) ==
             "Resources:\n  A:\n    Type: X\nOutputs:\n  Out:\n    Value: !Ref A\nMappings: {}\n");
  BOOST_TEST(applied(editor, editor.insert_section_entry("Mappings", "M", Fragment::mapping({{"k", Fragment::mapping({{"v", Fragment::number(1)}})}}))) ==
             "Resources:\n  A:\n    Type: X\nOutputs:\nMappings:\n  M:\n    k:\n      v: 1\n");
}

BOOST_AUTO_TEST_CASE(new_section_goes_in_the_usual_order) {
  const auto doc = load("# header\nAWSTemplateFormatVersion: '2010-09-09'\n\nResources:\n  A:\n    Type: X\n");
  const DocumentEditor editor(doc);
  BOOST_TEST(applied(editor, editor.insert_section_entry("Parameters", "P", Fragment::mapping({{"Type", Fragment::string("String")}}))) ==
             "# header\nAWSTemplateFormatVersion: '2010-09-09'\n\nParameters:\n  P:\n    Type: String\n\nResources:\n  A:\n    Type: X\n");
  const auto first = load("Resources:\n  A:\n    Type: X\n");
  const DocumentEditor first_editor(first);
  BOOST_TEST(applied(first_editor, first_editor.insert_section_entry("AWSTemplateFormatVersion", "x", Fragment::null_value())).rfind("AWSTemplateFormatVersion:\n  x: null\nResources:", 0) == 0);
}

BOOST_AUTO_TEST_CASE(rename_quotes_keys_that_need_it) {
  const auto doc = load("Mappings:\n  Versions:\n    old: {Ami: x}\n    flow: {a: 1}\n");
  const DocumentEditor editor(doc);
  const cfn_eks::Node& versions = *doc.root->get("Mappings")->get("Versions");
  BOOST_TEST(applied(editor, editor.rename_key(versions, "old", "1.35")) == "Mappings:\n  Versions:\n    '1.35': {Ami: x}\n    flow: {a: 1}\n");
  BOOST_TEST(applied(editor, editor.rename_key(*versions.get("flow"), "a", "x,y")) ==
             "Mappings:\n  Versions:\n    old: {Ami: x}\n    flow: {'x,y': 1}\n");
  const auto json = load("{\"A\": {\"b\": 1}}", "t.json");
  const DocumentEditor json_editor(json);
  BOOST_TEST(applied(json_editor, json_editor.rename_key(*json.root->get("A"), "b", "c\"d")) == "{\"A\": {\"c\\\"d\": 1}}");
}

BOOST_AUTO_TEST_CASE(edits_from_several_builders_combine) {
  const auto doc = load("Resources:\n  A:\n    Type: X\n  B:\n    Type: Y\n");
  const DocumentEditor editor(doc);
  const cfn_eks::Node& resources = *doc.root->get("Resources");
  cfn_eks::EditList all;
  cfn_eks::append_edits(all, editor.insert_entry(resources, "C", Fragment::mapping({{"Type", Fragment::string("Z")}})).value());
  cfn_eks::append_edits(all, editor.insert_entry(resources, "D", Fragment::mapping({{"Type", Fragment::string("W")}})).value());
  cfn_eks::append_edits(all, editor.replace_value(*resources.get("A")->get("Type"), Fragment::string("X2")).value());
  const auto out = editor.apply(all);
  BOOST_REQUIRE(out.ok());
  BOOST_TEST(out.value() == "Resources:\n  A:\n    Type: X2\n  B:\n    Type: Y\n  C:\n    Type: Z\n  D:\n    Type: W\n");
  // Overlapping edits from two builders are refused when applied.
  cfn_eks::EditList clash = editor.delete_entry(resources, "A").value();
  cfn_eks::append_edits(clash, editor.replace_value(*resources.get("A")->get("Type"), Fragment::string("X2")).value());
  BOOST_TEST(!editor.apply(clash).ok());
}

BOOST_AUTO_TEST_CASE(compact_mapping_first_key_and_nested_list) {
  const auto doc = load("L:\n  - Key: a\n    Value: b\n  - - x\n    - y\n");
  const DocumentEditor editor(doc);
  const cfn_eks::Node& list = *doc.root->get("L");
  BOOST_TEST(applied(editor, editor.delete_entry(*list.items[0], "Key")) == "L:\n  - Value: b\n  - - x\n    - y\n");
  BOOST_TEST(applied(editor, editor.insert_entry(*list.items[0], "Extra", Fragment::string("c"), "Key")) ==
             "L:\n  - Key: a\n    Extra: c\n    Value: b\n  - - x\n    - y\n");
  BOOST_TEST(applied(editor, editor.insert_item(*list.items[1], Fragment::string("w"), 0)) ==
             "L:\n  - Key: a\n    Value: b\n  - - w\n    - x\n    - y\n");
  BOOST_TEST(applied(editor, editor.delete_item(*list.items[1], 0)) == "L:\n  - Key: a\n    Value: b\n  - - y\n");
  BOOST_TEST(applied(editor, editor.replace_value(*list.items[0], Fragment::ref("Tags"))) == "L:\n  - !Ref Tags\n  - - x\n    - y\n");
}

BOOST_AUTO_TEST_CASE(short_tag_argument_replacement) {
  const auto doc = load("A: !Ref Old  # note\nB: !Join\n  - ''\n  - - x\n");
  const DocumentEditor editor(doc);
  BOOST_TEST(applied(editor, editor.replace_value(*doc.root->get("A")->argument, Fragment::string("New"))) ==
             "A: !Ref New  # note\nB: !Join\n  - ''\n  - - x\n");
  BOOST_TEST(applied(editor, editor.insert_item(*doc.root->get("B")->argument->items[1], Fragment::ref("Other"))) ==
             "A: !Ref Old  # note\nB: !Join\n  - ''\n  - - x\n    - !Ref Other\n");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
