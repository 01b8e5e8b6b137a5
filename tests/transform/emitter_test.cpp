#include <boost/test/unit_test.hpp>

#include <string>

#include "cfn_eks/emitter.hpp"

namespace {

using cfn_eks::Fragment;
using cfn_eks::NodeKind;

cfn_eks::Document load(std::string text, std::string name = "t.yaml") {
  return cfn_eks::load_document(std::make_shared<cfn_eks::SourceFile>(std::move(name), std::move(text)));
}

cfn_eks::TextStyle yaml_style() { return cfn_eks::TextStyle{}; }

cfn_eks::TextStyle json_style() {
  cfn_eks::TextStyle style;
  style.format = cfn_eks::SourceFormat::Json;
  style.short_tags = false;
  return style;
}

// Renders {Value: fragment} as a document, loads it and returns what Value became.
Fragment round_trip(const Fragment& value, const cfn_eks::TextStyle& style) {
  const Fragment doc = Fragment::mapping({{"Value", value}});
  const std::string text = cfn_eks::render_document(doc, style);
  const cfn_eks::Document loaded = load(text, style.format == cfn_eks::SourceFormat::Json ? "t.json" : "t.yaml");
  BOOST_REQUIRE_MESSAGE(loaded.root != nullptr, "does not parse:\n" << text);
  BOOST_TEST(loaded.diagnostics.empty(), "load findings for:\n" << text);
  const cfn_eks::Node* node = loaded.root->get("Value");
  BOOST_REQUIRE_MESSAGE(node != nullptr, "no Value in:\n" << text);
  return Fragment::from_node(*node);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(transform)
BOOST_AUTO_TEST_SUITE(emitter)

BOOST_AUTO_TEST_CASE(strings_that_look_like_other_types_are_quoted) {
  const auto style = yaml_style();
  for (const char* text : {"1.35", "true", "yes", "No", "null", "~", "0123", "1e5", "0x1F", "2012-10-17", "1:20", ".5",
                           "-1", "", " lead", "trail ", "a: b", "x #y", "#c", "- item", "*ref", "&a", "!Ref X", "%x",
                           "@x", "`x", "[a]", "{a}", "y", "n", "<<", "---", "tab\there", "'q'", "\"q\""}) {
    const std::string written = cfn_eks::yaml_quote(text, style);
    BOOST_TEST((written.front() == '\'' || written.front() == '"'), "'" << text << "' written as " << written);
  }
  BOOST_TEST(cfn_eks::yaml_quote("1.35", style) == "'1.35'");
  BOOST_TEST(cfn_eks::yaml_quote("it's", style) == "it's");
  BOOST_TEST(cfn_eks::yaml_quote("it's: x", style) == "'it''s: x'");
  BOOST_TEST(cfn_eks::yaml_quote("tab\there", style) == "\"tab\\there\"");
}

BOOST_AUTO_TEST_CASE(ordinary_strings_stay_plain) {
  const auto style = yaml_style();
  for (const char* text : {"AWS::EKS::Nodegroup", "t3.large", "10.0.0.0/16", "sts:AssumeRole", "ec2.amazonaws.com",
                           "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", "${AWS::StackName}-nodes", "größe",
                           "Knoten für Prüfung", "a#b", "Fn::GetAtt", "v1.35", "1.35-eks"}) {
    BOOST_TEST(cfn_eks::yaml_quote(text, style) == text);
  }
  BOOST_TEST(cfn_eks::yaml_quote("a,b", style, true) == "'a,b'");
}

BOOST_AUTO_TEST_CASE(double_quotes_when_preferred_or_needed) {
  auto style = yaml_style();
  style.quote = cfn_eks::QuotePreference::Double;
  BOOST_TEST(cfn_eks::yaml_quote("1.35", style) == "\"1.35\"");
  BOOST_TEST(cfn_eks::yaml_quote("say \"hi\": now", style) == "\"say \\\"hi\\\": now\"");
  style.quote = cfn_eks::QuotePreference::Single;
  BOOST_TEST(cfn_eks::yaml_quote("line\u2028sep", style) == "\"line\\Lsep\"");
  BOOST_TEST(cfn_eks::yaml_quote(std::string("nul\x01", 4), style) == "\"nul\\x01\"");
}

BOOST_AUTO_TEST_CASE(scalars_keep_their_kind_through_yaml_and_json) {
  const std::vector<Fragment> values = {
      Fragment::string("1.35"),  Fragment::string("true"),  Fragment::string("yes"),    Fragment::string("null"),
      Fragment::string("0123"),  Fragment::string("1e5"),   Fragment::string(""),       Fragment::string("a: b"),
      Fragment::string("x #y"),  Fragment::string("'"),     Fragment::string("\"\\"),   Fragment::string("größe ✓"),
      Fragment::string("- x"),   Fragment::string("a\tb"),  Fragment::string("line\u0085next"),
      Fragment::number("42"),    Fragment::number("1.5"),   Fragment::number(-3),       Fragment::boolean(true),
      Fragment::boolean(false),  Fragment::null_value()};
  for (const auto& style : {yaml_style(), json_style()}) {
    for (const Fragment& value : values) {
      const Fragment back = round_trip(value, style);
      BOOST_TEST((back == value), "'" << value.text() << "' came back as '" << back.text() << "' kind "
                                      << static_cast<int>(back.kind()));
    }
  }
}

BOOST_AUTO_TEST_CASE(multi_line_strings_become_literal_blocks) {
  const auto style = yaml_style();
  const Fragment script = Fragment::string("#!/bin/bash\nset -e\n\n/etc/eks/bootstrap.sh ${ClusterName}\n");
  const std::string text = cfn_eks::render_document(Fragment::mapping({{"UserData", Fragment::sub(script.text())}}), style);
  BOOST_TEST(text == "UserData: !Sub |\n  #!/bin/bash\n  set -e\n\n  /etc/eks/bootstrap.sh ${ClusterName}\n");
  // Chomping: none, one and several final line breaks.
  for (const char* value : {"a\nb", "a\nb\n", "a\nb\n\n\n", "\n\nafter blank lines\n", "  first line indented\nx",
                            "trailing spaces  \nx", "crlf\r\ninside", "only\n \nspace line", "ünï\ncödé\n"}) {
    const Fragment fragment = Fragment::string(value);
    const Fragment back = round_trip(fragment, style);
    BOOST_TEST((back == fragment), "multi-line value not kept: [" << value << "] -> [" << back.text() << "]");
  }
  BOOST_TEST(cfn_eks::render_yaml(Fragment::string("a\nb"), style) == "|-\n  a\n  b");
  BOOST_TEST(cfn_eks::render_yaml(Fragment::string("a\n\n"), style) == "|+\n  a\n");
}

BOOST_AUTO_TEST_CASE(intrinsics_short_and_long_form) {
  auto style = yaml_style();
  const Fragment value = Fragment::mapping({
      {"A", Fragment::ref("Subnets")},
      {"B", Fragment::get_att("Role", "Arn")},
      {"C", Fragment::sub("${AWS::StackName}-x")},
      {"D", Fragment::join(",", {Fragment::ref("A"), Fragment::string("b")})},
      {"E", Fragment::intrinsic("Fn::Base64", Fragment::sub("echo ${X}"))},
      {"F", Fragment::intrinsic("Fn::If", Fragment::sequence({Fragment::string("IsProd"), Fragment::number("3"),
                                                             Fragment::ref("AWS::NoValue")}))},
      {"G", Fragment::intrinsic("Fn::GetAZs", Fragment::string(""))},
  });
  const std::string short_text = cfn_eks::render_document(value, style);
  BOOST_TEST(short_text ==
             "A: !Ref Subnets\n"
             "B: !GetAtt Role.Arn\n"
             "C: !Sub ${AWS::StackName}-x\n"
             "D: !Join\n  - ','\n  - - !Ref A\n    - b\n"
             "E:\n  Fn::Base64: !Sub echo ${X}\n"
             "F: !If\n  - IsProd\n  - 3\n  - !Ref AWS::NoValue\n"
             "G: !GetAZs ''\n");
  style.short_tags = false;
  const std::string long_text = cfn_eks::render_document(value, style);
  BOOST_TEST(long_text.find("A:\n  Ref: Subnets\n") != std::string::npos, long_text);
  BOOST_TEST(long_text.find("B:\n  Fn::GetAtt:\n    - Role\n    - Arn\n") != std::string::npos, long_text);
  for (const auto& s : {yaml_style(), style, json_style()}) {
    const cfn_eks::Document loaded = load(cfn_eks::render_document(value, s), s.format == cfn_eks::SourceFormat::Json ? "t.json" : "t.yaml");
    BOOST_REQUIRE(loaded.root != nullptr);
    BOOST_TEST(loaded.diagnostics.empty());
    BOOST_TEST((Fragment::from_node(*loaded.root) == value));
    BOOST_TEST(loaded.root->get("A")->is_intrinsic("Ref"));
    BOOST_TEST(loaded.root->get("E")->argument->is_intrinsic("Fn::Sub"));
  }
}

BOOST_AUTO_TEST_CASE(nested_collections_round_trip_in_every_style) {
  Fragment tags = Fragment::sequence();
  tags.push(Fragment::mapping({{"Key", Fragment::string("Name")}, {"Value", Fragment::string("n — ü")}}));
  tags.push(Fragment::sequence({Fragment::number("1"), Fragment::sequence()}));
  tags.push(Fragment::mapping());
  tags.push(Fragment::intrinsic("Fn::Select", Fragment::sequence({Fragment::number("0"), Fragment::intrinsic("Fn::GetAZs", Fragment::ref("AWS::Region"))})));
  const Fragment value = Fragment::mapping({{"Tags", tags}, {"1.35", Fragment::string("key that looks numeric")}});
  for (unsigned indent : {2u, 4u}) {
    for (bool indent_sequences : {true, false}) {
      for (bool short_tags : {true, false}) {
        auto style = yaml_style();
        style.indent = indent;
        style.indent_sequences = indent_sequences;
        style.short_tags = short_tags;
        BOOST_TEST((round_trip(value, style) == value), cfn_eks::render_document(value, style));
      }
    }
  }
  auto tabs = json_style();
  tabs.use_tabs = true;
  BOOST_TEST((round_trip(value, tabs) == value));
  BOOST_TEST((round_trip(value, json_style()) == value));
  auto crlf = yaml_style();
  crlf.line_ending = cfn_eks::LineEnding::CrLf;
  const std::string text = cfn_eks::render_document(value, crlf);
  BOOST_TEST(text.find("\r\n") != std::string::npos);
  BOOST_TEST((round_trip(value, crlf) == value));
}

BOOST_AUTO_TEST_CASE(json_rendering_uses_the_indent_unit) {
  auto style = json_style();
  style.indent = 4;
  const Fragment value = Fragment::mapping({{"Type", Fragment::string("AWS::SNS::Topic")},
                                            {"Properties", Fragment::mapping({{"TopicName", Fragment::ref("Name")}})}});
  BOOST_TEST(cfn_eks::render_json(value, style) ==
             "{\n    \"Type\": \"AWS::SNS::Topic\",\n    \"Properties\": {\n        \"TopicName\": {\"Ref\": \"Name\"}\n    }\n}");
  style.use_tabs = true;
  BOOST_TEST(cfn_eks::render_json(value, style, 1) ==
             "{\n\t\t\"Type\": \"AWS::SNS::Topic\",\n\t\t\"Properties\": {\n\t\t\t\"TopicName\": {\"Ref\": \"Name\"}\n\t\t}\n\t}");
  BOOST_TEST(cfn_eks::json_quote("a\"b\\c\nd\x01 ü") == "\"a\\\"b\\\\c\\nd\\u0001 ü\"");
}

BOOST_AUTO_TEST_CASE(fragment_equality_and_node_comparison) {
  BOOST_TEST((Fragment::get_att("A", "B") == Fragment::intrinsic("Fn::GetAtt", Fragment::string("A.B"))));
  BOOST_TEST(!(Fragment::string("1") == Fragment::number("1")));
  BOOST_TEST((Fragment::mapping({{"a", Fragment::number(1)}, {"b", Fragment::number(2)}}) ==
              Fragment::mapping({{"b", Fragment::number(2)}, {"a", Fragment::number(1)}})));
  const cfn_eks::Document doc = load("V: !GetAtt Role.Arn\nW: True\nX: [1, '1']\n");
  BOOST_TEST(cfn_eks::same_value(*doc.root->get("V"), Fragment::get_att("Role", "Arn")));
  BOOST_TEST(cfn_eks::same_value(*doc.root->get("W"), Fragment::boolean(true)));
  BOOST_TEST(cfn_eks::same_value(*doc.root->get("X"), Fragment::sequence({Fragment::number("1"), Fragment::string("1")})));
  BOOST_TEST(!cfn_eks::same_value(*doc.root->get("X"), Fragment::sequence({Fragment::number("1"), Fragment::number("1")})));
}

BOOST_AUTO_TEST_SUITE(style_detection)

BOOST_AUTO_TEST_CASE(yaml_defaults_and_detected_values) {
  const auto empty = cfn_eks::detect_style(load(""));
  BOOST_TEST(empty.indent == 2u);
  BOOST_TEST(empty.short_tags);
  const auto four = cfn_eks::detect_style(load(
      "Resources:\r\n    A:\r\n        Type: X\r\n        Properties:\r\n            V:\r\n                Ref: P\r\n"
      "            L:\r\n            - \"a\"\r\n            - \"b\"\r\n\r\n    B:\r\n        Type: Y"));
  BOOST_TEST(four.indent == 4u);
  BOOST_TEST(!four.short_tags);
  BOOST_TEST(!four.indent_sequences);
  BOOST_TEST((four.line_ending == cfn_eks::LineEnding::CrLf));
  BOOST_TEST(!four.final_newline);
  BOOST_TEST(four.blank_line_between_entries);
  BOOST_TEST((four.quote == cfn_eks::QuotePreference::Double));
  const auto two = cfn_eks::detect_style(load(
      "Parameters:\n  P:\n    Type: String\n\nResources:\n  A:\n    Type: X\n    Properties:\n      V: !Ref P\n"
      "      L:\n        - 'a'\n  B:\n    Type: Y\n"));
  BOOST_TEST(two.indent == 2u);
  BOOST_TEST(two.short_tags);
  BOOST_TEST(two.indent_sequences);
  BOOST_TEST(!two.blank_line_between_entries);
  BOOST_TEST(two.blank_line_between_sections);
  BOOST_TEST((two.quote == cfn_eks::QuotePreference::Single));
  BOOST_TEST((two.line_ending == cfn_eks::LineEnding::Lf));
}

BOOST_AUTO_TEST_CASE(json_indentation) {
  const auto spaces = cfn_eks::detect_style(load("{\n    \"Resources\": {}\n}\n", "t.json"));
  BOOST_TEST((spaces.format == cfn_eks::SourceFormat::Json));
  BOOST_TEST(spaces.indent == 4u);
  BOOST_TEST(!spaces.use_tabs);
  const auto tabs = cfn_eks::detect_style(load("{\n\t\"Resources\": {}\n}", "t.json"));
  BOOST_TEST(tabs.use_tabs);
  BOOST_TEST(tabs.json_unit() == "\t");
  const auto inline_json = cfn_eks::detect_style(load("{\"Resources\": {}}", "t.json"));
  BOOST_TEST(inline_json.indent == 2u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
