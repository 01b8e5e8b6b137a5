// The YAML loader: positions of keys and values, short-form and long-form intrinsics, scalar
// styles and types, and the loader's own findings (T001-T009) with their positions.

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
  return cfn_eks::load_yaml(std::make_shared<cfn_eks::SourceFile>("t.yaml", std::move(text)), limits);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(model)
BOOST_AUTO_TEST_SUITE(yaml_loader)

BOOST_AUTO_TEST_CASE(keys_and_values_know_their_ranges_and_positions) {
  const Document doc = load(
      "AWSTemplateFormatVersion: '2010-09-09'\n"
      "Resources:\n"
      "  Cluster:\n"
      "    Type: AWS::EKS::Cluster\n"
      "    Properties:\n"
      "      Name: prod\n");
  BOOST_TEST(doc.diagnostics.empty());
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  BOOST_TEST(doc.root->is_mapping());
  BOOST_TEST(doc.root->entries.size() == 2u);

  const MapEntry* version = doc.root->find("AWSTemplateFormatVersion");
  BOOST_TEST_REQUIRE(version != nullptr);
  BOOST_TEST(slice(doc, version->key_range) == "AWSTemplateFormatVersion");
  BOOST_TEST(slice(doc, version->value->range) == "'2010-09-09'");
  BOOST_TEST(version->value->text == "2010-09-09");
  CHECK_POSITION(doc.source->position(version->value->range.begin), 1u, 27u);
  CHECK_POSITION(doc.source->position(version->value->range.end), 1u, 39u);

  const Node& cluster = value(&value(doc.root, "Resources"), "Cluster");
  const MapEntry* type = cluster.find("Type");
  BOOST_TEST_REQUIRE(type != nullptr);
  CHECK_POSITION(doc.source->position(type->key_range.begin), 4u, 5u);
  CHECK_POSITION(doc.source->position(type->key_range.end), 4u, 9u);
  BOOST_TEST(slice(doc, type->value->range) == "AWS::EKS::Cluster");
  CHECK_POSITION(doc.source->position(type->value->range.begin), 4u, 11u);
  CHECK_POSITION(doc.source->position(type->value->range.end), 4u, 28u);

  const Node& name = value(&value(&cluster, "Properties"), "Name");
  BOOST_TEST(slice(doc, name.range) == "prod");
  CHECK_POSITION(doc.source->position(name.range.begin), 6u, 13u);
  // A block mapping starts at its first key.
  CHECK_POSITION(doc.source->position(cluster.range.begin), 4u, 5u);
  BOOST_TEST(cluster.style == ScalarStyle::Block);
}

BOOST_AUTO_TEST_CASE(flow_collections_span_their_brackets) {
  const Document doc = load("List: [a, 'b', 3]\nMap: {k: v}\n");
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  const Node& list = value(doc.root, "List");
  BOOST_TEST(list.is_sequence());
  BOOST_TEST(list.style == ScalarStyle::Flow);
  BOOST_TEST(slice(doc, list.range) == "[a, 'b', 3]");
  BOOST_TEST_REQUIRE(list.items.size() == 3u);
  BOOST_TEST(slice(doc, list.items[1]->range) == "'b'");
  BOOST_TEST(list.items[2]->kind == NodeKind::Number);
  const Node& map = value(doc.root, "Map");
  BOOST_TEST(slice(doc, map.range) == "{k: v}");
}

struct ShortTagCase {
  const char* yaml;
  const char* function;
  NodeKind argument;
};

BOOST_AUTO_TEST_CASE(every_short_tag_normalises_to_long_form) {
  const std::vector<ShortTagCase> cases = {
      {"!Ref Cluster", "Ref", NodeKind::String},
      {"!GetAtt Cluster.Arn", "Fn::GetAtt", NodeKind::String},
      {"!GetAtt [Cluster, Arn]", "Fn::GetAtt", NodeKind::Sequence},
      {"!Sub '${AWS::StackName}-x'", "Fn::Sub", NodeKind::String},
      {"!If [IsProd, a, b]", "Fn::If", NodeKind::Sequence},
      {"!Join ['', [a, b]]", "Fn::Join", NodeKind::Sequence},
      {"!Select [0, !GetAZs '']", "Fn::Select", NodeKind::Sequence},
      {"!Split [',', 'a,b']", "Fn::Split", NodeKind::Sequence},
      {"!FindInMap [M, k, v]", "Fn::FindInMap", NodeKind::Sequence},
      {"!Base64 text", "Fn::Base64", NodeKind::String},
      {"!Cidr [10.0.0.0/16, 4, 8]", "Fn::Cidr", NodeKind::Sequence},
      {"!ImportValue shared-vpc", "Fn::ImportValue", NodeKind::String},
      {"!GetAZs ''", "Fn::GetAZs", NodeKind::String},
      {"!Equals [a, b]", "Fn::Equals", NodeKind::Sequence},
      {"!And [!Condition A, !Condition B]", "Fn::And", NodeKind::Sequence},
      {"!Or [!Condition A, !Condition B]", "Fn::Or", NodeKind::Sequence},
      {"!Not [!Condition A]", "Fn::Not", NodeKind::Sequence},
      {"!Condition IsProd", "Condition", NodeKind::String},
      {"!Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}", "Fn::Transform", NodeKind::Mapping},
      {"!ToJsonString {a: b}", "Fn::ToJsonString", NodeKind::Mapping},
      {"!Length [a, b]", "Fn::Length", NodeKind::Sequence},
  };
  for (const ShortTagCase& c : cases) {
    BOOST_TEST_CONTEXT(c.yaml) {
      const std::string text = std::string("V: ") + c.yaml + "\n";
      const Document doc = load(text);
      BOOST_TEST(doc.diagnostics.empty());
      BOOST_TEST_REQUIRE(doc.root != nullptr);
      const Node& v = value(doc.root, "V");
      BOOST_TEST(v.kind == NodeKind::Intrinsic);
      BOOST_TEST(v.text == c.function);
      BOOST_TEST(v.form == IntrinsicForm::ShortTag);
      const std::string written(c.yaml);
      const std::string tag = written.substr(0, written.find(' '));
      BOOST_TEST(v.tag == tag);
      BOOST_TEST(slice(doc, v.name_range) == tag);
      // The wrapper covers the tag and its argument; the argument starts after the tag.
      BOOST_TEST(slice(doc, v.range) == written);
      BOOST_TEST_REQUIRE(v.argument != nullptr);
      BOOST_TEST(v.argument->kind == c.argument);
      BOOST_TEST(slice(doc, v.argument->range) == written.substr(tag.size() + 1));
    }
  }
}

BOOST_AUTO_TEST_CASE(getatt_dotted_and_list_arguments) {
  const Document doc = load("A: !GetAtt Cluster.Endpoint\nB: !GetAtt [Cluster, Endpoint]\n");
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  const Node& a = value(doc.root, "A");
  BOOST_TEST(a.argument->is_string());
  BOOST_TEST(a.argument->text == "Cluster.Endpoint");
  const Node& b = value(doc.root, "B");
  BOOST_TEST_REQUIRE(b.argument->items.size() == 2u);
  BOOST_TEST(b.argument->items[0]->text == "Cluster");
  BOOST_TEST(b.argument->items[1]->text == "Endpoint");
}

BOOST_AUTO_TEST_CASE(short_tag_on_a_block_collection) {
  const Document doc = load(
      "V: !If\n"
      "  - IsProd\n"
      "  - a\n"
      "  - !Ref AWS::NoValue\n");
  BOOST_TEST(doc.diagnostics.empty());
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  const Node& v = value(doc.root, "V");
  BOOST_TEST(v.is_intrinsic("Fn::If"));
  BOOST_TEST_REQUIRE(v.argument != nullptr);
  BOOST_TEST(v.argument->is_sequence());
  BOOST_TEST_REQUIRE(v.argument->items.size() == 3u);
  BOOST_TEST(v.argument->items[2]->is_intrinsic("Ref"));
  CHECK_POSITION(doc.source->position(v.argument->range.begin), 2u, 3u);
  CHECK_POSITION(doc.source->position(v.range.begin), 1u, 4u);
}

BOOST_AUTO_TEST_CASE(nested_short_tags) {
  const Document doc = load("V: !Join ['-', [!Ref A, !GetAtt B.C, !Sub '${D}']]\n");
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  const Node& v = value(doc.root, "V");
  const Node& parts = *v.argument->items.at(1);
  BOOST_TEST_REQUIRE(parts.items.size() == 3u);
  BOOST_TEST(parts.items[0]->is_intrinsic("Ref"));
  BOOST_TEST(parts.items[1]->is_intrinsic("Fn::GetAtt"));
  BOOST_TEST(parts.items[2]->is_intrinsic("Fn::Sub"));
  BOOST_TEST(slice(doc, parts.items[1]->range) == "!GetAtt B.C");
}

BOOST_AUTO_TEST_CASE(getazs_without_argument_is_an_empty_string) {
  const Document doc = load("V: !GetAZs\nW: 1\n");
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  const Node& v = value(doc.root, "V");
  BOOST_TEST(v.is_intrinsic("Fn::GetAZs"));
  BOOST_TEST(v.argument->kind == NodeKind::String);
  BOOST_TEST(v.argument->text == "");
}

BOOST_AUTO_TEST_CASE(long_form_in_yaml) {
  const Document doc = load(
      "A: {Ref: Cluster}\n"
      "B:\n"
      "  Fn::GetAtt: [Cluster, Arn]\n"
      "C: {'Fn::Sub': 'x'}\n"
      "D: {Ref: X, Other: Y}\n"
      "E: {Fn::Bogus: X}\n");
  BOOST_TEST(doc.diagnostics.empty());
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  const Node& a = value(doc.root, "A");
  BOOST_TEST(a.is_intrinsic("Ref"));
  BOOST_TEST(a.form == IntrinsicForm::LongForm);
  BOOST_TEST(a.tag.empty());
  BOOST_TEST(slice(doc, a.name_range) == "Ref");
  BOOST_TEST(slice(doc, a.range) == "{Ref: Cluster}");
  BOOST_TEST(a.argument->text == "Cluster");
  const Node& b = value(doc.root, "B");
  BOOST_TEST(b.is_intrinsic("Fn::GetAtt"));
  BOOST_TEST(b.argument->is_sequence());
  CHECK_POSITION(doc.source->position(b.name_range.begin), 3u, 3u);
  BOOST_TEST(value(doc.root, "C").is_intrinsic("Fn::Sub"));
  // Two keys, or an unknown function name, stay a mapping.
  BOOST_TEST(value(doc.root, "D").is_mapping());
  BOOST_TEST(value(doc.root, "E").is_mapping());
}

BOOST_AUTO_TEST_CASE(unknown_tag_is_a_finding_not_a_crash) {
  const Document doc = load("A: !GetAttr Cluster.Arn\nB: !!binary aGVsbG8=\nC: !Foo [1, 2]\nD: ok\n");
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  const auto found = with_rule(doc, "T009");
  BOOST_TEST_REQUIRE(found.size() == 3u);
  BOOST_TEST(found[0]->message.find("'!GetAttr'") != std::string::npos);
  CHECK_POSITION(found[0]->start, 1u, 4u);
  CHECK_POSITION(found[0]->end, 1u, 12u);
  BOOST_TEST(found[1]->message.find("'!!binary'") != std::string::npos);
  CHECK_POSITION(found[1]->start, 2u, 4u);
  CHECK_POSITION(found[2]->start, 3u, 4u);
  BOOST_TEST(found[0]->severity == Severity::Error);
  BOOST_TEST(value(doc.root, "D").text == "ok");
  BOOST_TEST(value(doc.root, "C").is_sequence());
}

BOOST_AUTO_TEST_CASE(standard_tags_set_the_kind) {
  const Document doc = load("A: !!str 1.30\nB: !!int '5'\nC: !!bool 'true'\nD: ! 12\n");
  BOOST_TEST(doc.diagnostics.empty());
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  BOOST_TEST(value(doc.root, "A").kind == NodeKind::String);
  BOOST_TEST(value(doc.root, "A").text == "1.30");
  BOOST_TEST(value(doc.root, "B").kind == NodeKind::Number);
  BOOST_TEST(value(doc.root, "C").kind == NodeKind::Bool);
  BOOST_TEST(value(doc.root, "D").kind == NodeKind::String);
}

BOOST_AUTO_TEST_CASE(scalar_styles_are_kept) {
  const Document doc = load(
      "Plain: text\n"
      "Single: 'text'\n"
      "Double: \"text\"\n"
      "Literal: |\n"
      "  line one\n"
      "  line two\n"
      "Folded: >\n"
      "  line one\n"
      "  line two\n");
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  BOOST_TEST(value(doc.root, "Plain").style == ScalarStyle::Plain);
  BOOST_TEST(value(doc.root, "Single").style == ScalarStyle::SingleQuoted);
  BOOST_TEST(value(doc.root, "Double").style == ScalarStyle::DoubleQuoted);
  BOOST_TEST(value(doc.root, "Literal").style == ScalarStyle::Literal);
  BOOST_TEST(value(doc.root, "Literal").text == "line one\nline two\n");
  BOOST_TEST(value(doc.root, "Folded").style == ScalarStyle::Folded);
  BOOST_TEST(value(doc.root, "Folded").text == "line one line two\n");
  CHECK_POSITION(doc.source->position(value(doc.root, "Literal").range.begin), 4u, 10u);
  BOOST_TEST(doc.root->find("Single")->key_style == ScalarStyle::Plain);
}

BOOST_AUTO_TEST_CASE(plain_scalars_resolve_like_yaml_1_1) {
  const Document doc = load(
      "Version: 1.30\n"
      "Quoted: '1.30'\n"
      "Int: 42\n"
      "Neg: -7\n"
      "Hex: 0x1F\n"
      "Inf: .inf\n"
      "Yes: yes\n"
      "Off: Off\n"
      "True: true\n"
      "Null: ~\n"
      "Empty:\n"
      "Word: nodegroup\n"
      "Dotted: 1.2.3\n"
      "Exp: 1e5\n");
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  const Node& version = value(doc.root, "Version");
  BOOST_TEST(version.kind == NodeKind::Number);
  BOOST_TEST(version.text == "1.30");  // as written, not 1.3
  BOOST_TEST(value(doc.root, "Quoted").kind == NodeKind::String);
  BOOST_TEST(value(doc.root, "Int").kind == NodeKind::Number);
  BOOST_TEST(value(doc.root, "Neg").kind == NodeKind::Number);
  BOOST_TEST(value(doc.root, "Hex").kind == NodeKind::Number);
  BOOST_TEST(value(doc.root, "Inf").kind == NodeKind::Number);
  BOOST_TEST(value(doc.root, "Yes").kind == NodeKind::Bool);
  BOOST_TEST(value(doc.root, "Off").kind == NodeKind::Bool);
  BOOST_TEST(value(doc.root, "True").kind == NodeKind::Bool);
  BOOST_TEST(value(doc.root, "Null").kind == NodeKind::Null);
  BOOST_TEST(value(doc.root, "Empty").kind == NodeKind::Null);
  BOOST_TEST(value(doc.root, "Word").kind == NodeKind::String);
  BOOST_TEST(value(doc.root, "Dotted").kind == NodeKind::String);
  BOOST_TEST(value(doc.root, "Exp").kind == NodeKind::String);
}

BOOST_AUTO_TEST_CASE(unterminated_quote_is_reported_at_the_quote) {
  const Document doc = load(
      "Resources:\n"
      "  Cluster:\n"
      "    Properties:\n"
      "      Version: \"1.31\n"
      "      RoleArn: x\n");
  BOOST_TEST(doc.root == nullptr);
  const Diagnostic& d = only(doc, "T001");
  CHECK_POSITION(d.start, 4u, 16u);
  BOOST_TEST(d.message.find("quoted scalar") != std::string::npos);
  BOOST_TEST(d.severity == Severity::Error);
}

BOOST_AUTO_TEST_CASE(syntax_error_is_positioned) {
  const Document doc = load("a: b\n  c: d\n");
  BOOST_TEST(doc.root == nullptr);
  const Diagnostic& d = only(doc, "T001");
  CHECK_POSITION(d.start, 2u, 4u);
  BOOST_TEST(d.message.rfind("YAML syntax error: ", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(unclosed_flow_sequence_is_reported) {
  const Document doc = load("List: [a, b\nNext: c\n");
  BOOST_TEST(doc.root == nullptr);
  const auto found = with_rule(doc, "T001");
  BOOST_TEST_REQUIRE(found.size() == 1u);
  BOOST_TEST(found[0]->start.line >= 1u);
}

BOOST_AUTO_TEST_CASE(complex_keys_are_syntax_errors) {
  const Document doc = load("? [a, b]\n: c\n");
  BOOST_TEST(doc.root == nullptr);
  const Diagnostic& d = only(doc, "T001");
  CHECK_POSITION(d.start, 1u, 3u);
  const Document tagged = load("!Ref a: b\n");
  BOOST_TEST(tagged.root == nullptr);
  BOOST_TEST(with_rule(tagged, "T001").size() == 1u);
}

BOOST_AUTO_TEST_CASE(duplicate_keys_report_both_positions) {
  const Document doc = load(
      "Resources:\n"
      "  Bucket:\n"
      "    Type: AWS::S3::Bucket\n"
      "  Bucket:\n"
      "    Type: AWS::S3::Bucket\n");
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  const Diagnostic& d = only(doc, "T002");
  CHECK_POSITION(d.start, 4u, 3u);
  CHECK_POSITION(d.end, 4u, 9u);
  BOOST_TEST(d.message.find("duplicate key 'Bucket'") != std::string::npos);
  BOOST_TEST_REQUIRE(d.related.size() == 1u);
  CHECK_POSITION(d.related[0].start, 2u, 3u);
  CHECK_POSITION(d.related[0].end, 2u, 9u);
}

BOOST_AUTO_TEST_CASE(duplicate_keys_in_large_mappings) {
  // Past the size where the builder switches to a hash index.
  std::string text;
  for (int i = 0; i < 20; ++i) text += "K" + std::to_string(i) + ": v\n";
  text += "K3: again\nK17: again\nK3: thrice\n";
  const Document doc = load(text);
  const auto found = with_rule(doc, "T002");
  BOOST_TEST_REQUIRE(found.size() == 3u);
  BOOST_TEST(found[0]->start.line == 21u);
  BOOST_TEST(found[0]->related.at(0).start.line == 4u);
  BOOST_TEST(found[1]->related.at(0).start.line == 18u);
  BOOST_TEST(found[2]->related.at(0).start.line == 4u);
  // The first definition is the one looked up.
  BOOST_TEST(doc.root->get("K3")->text == "v");
}

BOOST_AUTO_TEST_CASE(quoted_and_plain_keys_are_the_same_key) {
  const Document doc = load("a: 1\n'a': 2\n\"a\": 3\n");
  BOOST_TEST(with_rule(doc, "T002").size() == 2u);
}

BOOST_AUTO_TEST_CASE(anchors_and_aliases_are_findings_and_never_expanded) {
  const Document doc = load(
      "Base: &tags\n"
      "  - a\n"
      "Copy: *tags\n"
      "Scalar: &s x\n");
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  const auto found = with_rule(doc, "T003");
  BOOST_TEST_REQUIRE(found.size() == 3u);
  BOOST_TEST(found[0]->message.find("'&tags'") != std::string::npos);
  CHECK_POSITION(found[0]->start, 1u, 7u);
  CHECK_POSITION(found[0]->end, 1u, 12u);
  BOOST_TEST(found[1]->message.find("'*tags'") != std::string::npos);
  BOOST_TEST(found[2]->message.find("'&s'") != std::string::npos);
  const Node& copy = value(doc.root, "Copy");
  BOOST_TEST(copy.kind == NodeKind::Null);
  BOOST_TEST(copy.text == "*tags");
  CHECK_POSITION(doc.source->position(copy.range.begin), 3u, 7u);
}

BOOST_AUTO_TEST_CASE(alias_as_key_does_not_crash) {
  const Document doc = load("a: &k key\n*k : value\n");
  BOOST_TEST(with_rule(doc, "T003").size() == 2u);
}

BOOST_AUTO_TEST_CASE(merge_key_alias_is_not_expanded) {
  const Document doc = load("Base: &b {x: 1}\nDerived:\n  <<: *b\n  y: 2\n");
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  const Node& derived = value(doc.root, "Derived");
  BOOST_TEST(derived.get("x") == nullptr);
  BOOST_TEST(with_rule(doc, "T003").size() == 2u);
}

BOOST_AUTO_TEST_CASE(more_than_one_document) {
  const Document doc = load("a: 1\n---\nb: 2\n");
  const Diagnostic& d = only(doc, "T004");
  CHECK_POSITION(d.start, 2u, 1u);
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  BOOST_TEST(doc.root->get("a") != nullptr);
  BOOST_TEST(doc.root->get("b") == nullptr);
}

BOOST_AUTO_TEST_CASE(one_explicit_document_is_fine) {
  const Document doc = load("---\na: 1\n...\n");
  BOOST_TEST(doc.diagnostics.empty());
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  BOOST_TEST(doc.root->get("a") != nullptr);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_positioned) {
  const Document doc = load("a: ok\nb: caf\xC3 x\n");
  BOOST_TEST(doc.root == nullptr);
  const Diagnostic& d = only(doc, "T005");
  CHECK_POSITION(d.start, 2u, 7u);
  BOOST_TEST(d.message.find("0xC3") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(overlong_and_surrogate_utf8_are_invalid) {
  BOOST_TEST(with_rule(load("a: \xC0\xAF\n"), "T005").size() == 1u);
  BOOST_TEST(with_rule(load("a: \xED\xA0\x80\n"), "T005").size() == 1u);
  BOOST_TEST(with_rule(load("a: \xF4\x90\x80\x80\n"), "T005").size() == 1u);
  BOOST_TEST(with_rule(load("a: \xE6\x97\n"), "T005").size() == 1u);  // truncated
}

BOOST_AUTO_TEST_CASE(nul_and_control_bytes_are_positioned) {
  const Document nul = load(std::string("a: b\nc: d\0e\n", 12));
  BOOST_TEST(nul.root == nullptr);
  const Diagnostic& d = only(nul, "T005");
  CHECK_POSITION(d.start, 2u, 5u);
  BOOST_TEST(d.message.find("NUL") != std::string::npos);

  const Document bell = load("a: b\x07\n");
  const Diagnostic& b = only(bell, "T005");
  CHECK_POSITION(b.start, 1u, 5u);
  BOOST_TEST(b.message.find("U+0007") != std::string::npos);

  const Document c1 = load("a: \xC2\x85ok \xC2\x9B\n");  // NEL is allowed, CSI is not
  const Diagnostic& c = only(c1, "T005");
  CHECK_POSITION(c.start, 1u, 8u);
}

BOOST_AUTO_TEST_CASE(odd_bytes_are_found_at_every_offset_of_a_word) {
  // The encoding check skips plain ASCII eight bytes at a time: a DEL, a control character or
  // a broken UTF-8 lead byte is found wherever it falls in a word.
  for (const std::string& odd : {std::string("\x7F"), std::string("\x01"), std::string("\xC3")}) {
    for (std::uint32_t at = 0; at < 20; ++at) {
      BOOST_TEST_CONTEXT("byte " << static_cast<int>(static_cast<unsigned char>(odd[0])) << " after " << at) {
        const Document doc = load("a: " + std::string(at, 'x') + odd + std::string(20, 'y') + "\n");
        BOOST_TEST(doc.root == nullptr);
        const Diagnostic& d = only(doc, "T005");
        CHECK_POSITION(d.start, 1u, 4u + at);
      }
    }
  }
  const Document fine = load("a: " + std::string(13, 'x') + "caf\xC3\xA9\t" + std::string(17, 'y') + "\r\nb: c\n");
  BOOST_TEST(fine.diagnostics.empty());
  BOOST_TEST(value(fine.root, "b").text == "c");
}

BOOST_AUTO_TEST_CASE(nesting_deeper_than_the_cap) {
  cfn_eks::LoadLimits limits;
  limits.max_depth = 5;
  const Document ok = load("a: {b: {c: {d: [e]}}}\n", limits);
  BOOST_TEST(ok.diagnostics.empty());
  BOOST_TEST(ok.root != nullptr);
  const Document deep = load("a: {b: {c: {d: [[e]]}}}\n", limits);
  BOOST_TEST(deep.root == nullptr);
  const Diagnostic& d = only(deep, "T006");
  CHECK_POSITION(d.start, 1u, 17u);
  BOOST_TEST(d.message.find("deeper than 5") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(size_limits) {
  // The filler is a comment so the text stays a small template of the exact size.
  const auto sized = [](std::size_t size) {
    std::string text = "a: b\n#";
    text.append(size - text.size() - 1, 'x');
    text += '\n';
    return text;
  };
  BOOST_TEST(load(sized(51200)).diagnostics.empty());
  const Document inline_size = load(sized(51201));
  const Diagnostic& info = only(inline_size, "T007");
  BOOST_TEST(info.severity == Severity::Info);
  BOOST_TEST(info.message.find("51201 bytes") != std::string::npos);
  CHECK_POSITION(info.start, 1u, 1u);
  BOOST_TEST(inline_size.root != nullptr);

  BOOST_TEST(with_rule(load(sized(1000000)), "T008").empty());
  const Document s3 = load(sized(1000001));
  const Diagnostic& error = only(s3, "T008");
  BOOST_TEST(error.severity == Severity::Error);
  BOOST_TEST(with_rule(s3, "T007").empty());
  BOOST_TEST(s3.root != nullptr);  // still linted
}

BOOST_AUTO_TEST_CASE(crlf_positions) {
  const Document doc = load("Resources:\r\n  Bucket:\r\n    Type: AWS::S3::Bucket\r\n  Bucket: x\r\n");
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  const Node& type = value(&value(&value(doc.root, "Resources"), "Bucket"), "Type");
  BOOST_TEST(type.text == "AWS::S3::Bucket");
  CHECK_POSITION(doc.source->position(type.range.begin), 3u, 11u);
  CHECK_POSITION(doc.source->position(type.range.end), 3u, 26u);
  const Diagnostic& d = only(doc, "T002");
  CHECK_POSITION(d.start, 4u, 3u);
}

BOOST_AUTO_TEST_CASE(crlf_inside_literal_block) {
  const Document doc = load("V: |\r\n  a\r\n  b\r\nW: x\r\n");
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  BOOST_TEST(value(doc.root, "V").text == "a\nb\n");
  CHECK_POSITION(doc.source->position(value(doc.root, "W").range.begin), 4u, 4u);
}

BOOST_AUTO_TEST_CASE(bom_is_skipped_and_columns_start_after_it) {
  const Document doc = load("\xEF\xBB\xBF" "a: b\nc: d\n");
  BOOST_TEST(doc.diagnostics.empty());
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  const MapEntry* a = doc.root->find("a");
  BOOST_TEST_REQUIRE(a != nullptr);
  BOOST_TEST(a->key_range.begin == 3u);
  BOOST_TEST(slice(doc, a->value->range) == "b");
  // The BOM is invisible in an editor: the key is at column 1.
  CHECK_POSITION(doc.source->position(a->key_range.begin), 1u, 1u);
  CHECK_POSITION(doc.source->position(a->value->range.begin), 1u, 4u);
  CHECK_POSITION(doc.source->position(doc.root->find("c")->key_range.begin), 2u, 1u);
}

BOOST_AUTO_TEST_CASE(tabs_inside_scalars) {
  const Document good = load("a: \"x\ty\"\nc: 'p\tq'\nd: plain\ttext\ne: z\n");
  BOOST_TEST(good.diagnostics.empty());
  BOOST_TEST_REQUIRE(good.root != nullptr);
  BOOST_TEST(value(good.root, "a").text == "x\ty");
  BOOST_TEST(value(good.root, "c").text == "p\tq");
  BOOST_TEST(value(good.root, "d").text == "plain\ttext");
  CHECK_POSITION(good.source->position(value(good.root, "a").range.end), 1u, 9u);
  BOOST_TEST(slice(good, value(good.root, "d").range) == "plain\ttext");
}

BOOST_AUTO_TEST_CASE(tabs_as_indentation_are_a_syntax_error) {
  const Document doc = load("a:\n\tb: c\n");
  BOOST_TEST(doc.root == nullptr);
  const Diagnostic& d = only(doc, "T001");
  CHECK_POSITION(d.start, 2u, 1u);
}

BOOST_AUTO_TEST_CASE(non_ascii_text_and_columns) {
  const Document doc = load(
      "Description: Grüße aus Zürich 日本\n"
      "Tags: {名前: 値, Next: 😀, Last: x}\n");
  BOOST_TEST(doc.diagnostics.empty());
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  BOOST_TEST(value(doc.root, "Description").text == "Grüße aus Zürich 日本");
  CHECK_POSITION(doc.source->position(value(doc.root, "Description").range.end), 1u, 33u);
  const Node& tags = value(doc.root, "Tags");
  const MapEntry* next = tags.find("Next");
  BOOST_TEST_REQUIRE(next != nullptr);
  CHECK_POSITION(doc.source->position(next->key_range.begin), 2u, 15u);
  BOOST_TEST(slice(doc, next->value->range) == "😀");
  const MapEntry* last = tags.find("Last");
  CHECK_POSITION(doc.source->position(last->key_range.begin), 2u, 24u);
  BOOST_TEST(slice(doc, tags.find("名前")->key_range) == "名前");
}

BOOST_AUTO_TEST_CASE(non_ascii_syntax_error_column) {
  const Document doc = load("a: 日本\nb: 'ü\n");
  const Diagnostic& d = only(doc, "T001");
  CHECK_POSITION(d.start, 2u, 4u);
}

BOOST_AUTO_TEST_CASE(one_megabyte_single_line) {
  // A flow mapping on one line of over 1 MB; the last key's column is exact.
  std::string text = "{";
  int keys = 0;
  while (text.size() < (1u << 20)) {
    text += "K" + std::to_string(keys++) + ": v, ";
  }
  text += "Last: end}";
  const Document doc = load(text);
  BOOST_TEST_REQUIRE(doc.root != nullptr);
  BOOST_TEST(doc.root->entries.size() == static_cast<std::size_t>(keys + 1));
  const MapEntry* last = doc.root->find("Last");
  BOOST_TEST_REQUIRE(last != nullptr);
  const auto offset = static_cast<std::uint32_t>(text.size() - 10);  // "Last: end}"
  BOOST_TEST(last->key_range.begin == offset);
  CHECK_POSITION(doc.source->position(last->key_range.begin), 1u, offset + 1);
  BOOST_TEST(with_rule(doc, "T008").size() == 1u);
}

BOOST_AUTO_TEST_CASE(empty_and_comment_only_files_have_a_null_root) {
  for (const char* text : {"", "# just a comment\n# and another\n", "\n\n"}) {
    const Document doc = load(text);
    BOOST_TEST(doc.diagnostics.empty());
    // No document at all reads as a null template (rules then report what is missing).
    BOOST_TEST_REQUIRE(doc.root != nullptr);
    BOOST_TEST(doc.root->kind == NodeKind::Null);
    CHECK_POSITION(doc.source->position(doc.root->range.begin), 1u, 1u);
  }
}

BOOST_AUTO_TEST_CASE(load_document_guesses_the_format) {
  const auto json = cfn_eks::load_document(std::make_shared<cfn_eks::SourceFile>("t", "  \n{\"a\": 1}"));
  BOOST_TEST((json.format == cfn_eks::SourceFormat::Json));
  const auto yaml = cfn_eks::load_document(std::make_shared<cfn_eks::SourceFile>("t", "a: 1\n"));
  BOOST_TEST((yaml.format == cfn_eks::SourceFormat::Yaml));
  const auto bom_json = cfn_eks::load_document(std::make_shared<cfn_eks::SourceFile>("t", "\xEF\xBB\xBF{\"a\": 1}"));
  BOOST_TEST((bom_json.format == cfn_eks::SourceFormat::Json));
  BOOST_TEST(bom_json.diagnostics.empty());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
