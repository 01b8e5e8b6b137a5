#include <boost/test/unit_test.hpp>

#include <map>
#include <memory>
#include <string>

#include "cfn_eks/document.hpp"
#include "cfn_eks/template.hpp"
#include "rules/common/intrinsic_args.hpp"
#include "rules/common/names.hpp"
#include "rules/common/walk.hpp"

using namespace cfn_eks;

namespace {

Document load(const std::string& text) {
  return load_document(std::make_shared<SourceFile>("t.yaml", text));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rules)
BOOST_AUTO_TEST_SUITE(walk)

BOOST_AUTO_TEST_CASE(nodes_know_section_entry_attribute_and_argument_position) {
  const Document doc = load(
      "Resources:\n"
      "  Queue:\n"
      "    Type: AWS::SQS::Queue\n"
      "    Properties:\n"
      "      QueueName: !Join ['-', [!Ref Env, x]]\n"
      "Outputs:\n"
      "  Out:\n"
      "    Value: !Select [0, !GetAZs '']\n");
  const Template tmpl(doc);
  std::map<std::string, std::string> seen;  // intrinsic -> "section/entry/attribute/function#index"
  walk_template(tmpl, [&](const Node& node, const WalkContext& ctx) {
    if (!node.is_intrinsic()) return;
    seen[node.text] = std::string(ctx.section) + "/" + std::string(ctx.entry_name) + "/" +
                      std::string(ctx.attribute) + "/" + (ctx.function ? ctx.function->text : "-") + "#" +
                      std::to_string(ctx.argument_index) + "/" + std::to_string(ctx.intrinsics.size());
  });
  BOOST_CHECK_EQUAL(seen["Fn::Join"], "Resources/Queue/Properties/-#-1/0");
  // Inside Join's value list: not a direct argument position, but nested in one intrinsic.
  BOOST_CHECK_EQUAL(seen["Ref"], "Resources/Queue/Properties/-#-1/1");
  BOOST_CHECK_EQUAL(seen["Fn::Select"], "Outputs/Out/Value/-#-1/0");
  BOOST_CHECK_EQUAL(seen["Fn::GetAZs"], "Outputs/Out/Value/Fn::Select#1/1");
}

BOOST_AUTO_TEST_CASE(foreach_bodies_are_entries_with_the_identifier_in_scope) {
  const Document doc = load(
      "Transform: AWS::LanguageExtensions\n"
      "Resources:\n"
      "  Fn::ForEach::Topics:\n"
      "    - Name\n"
      "    - [a, b]\n"
      "    - Topic${Name}:\n"
      "        Type: AWS::SNS::Topic\n"
      "        Properties:\n"
      "          TopicName: !Ref Name\n");
  const Template tmpl(doc);
  bool found = false;
  walk_template(tmpl, [&](const Node& node, const WalkContext& ctx) {
    if (!node.is_intrinsic("Ref")) return;
    found = true;
    BOOST_CHECK_EQUAL(ctx.entry_name, "Topic${Name}");
    BOOST_CHECK_EQUAL(ctx.attribute, "Properties");
    BOOST_REQUIRE_EQUAL(ctx.loop_identifiers.size(), 1u);
    BOOST_CHECK(mentions_loop_identifier("Name", ctx));
    BOOST_CHECK(mentions_loop_identifier("Bucket${Name}", ctx));
    BOOST_CHECK(!mentions_loop_identifier("Other", ctx));
  });
  BOOST_CHECK(found);
  const LoopNames loops(tmpl);
  BOOST_CHECK(loops.may_generate("Topica"));
  BOOST_CHECK(loops.may_generate("Topic"));
  BOOST_CHECK(!loops.may_generate("Queue"));
  BOOST_CHECK(!transform_may_add_names(tmpl));
  BOOST_CHECK(has_language_extensions(tmpl));
}

BOOST_AUTO_TEST_CASE(sam_and_macros_may_add_names) {
  const Document sam = load("Transform: AWS::Serverless-2016-10-31\nResources: {}\n");
  const Template sam_tmpl(sam);
  BOOST_CHECK(transform_may_add_names(sam_tmpl));
  BOOST_CHECK(!macro_may_add_names(sam_tmpl));
  const Document include = load(
      "Resources:\n  Fn::Transform:\n    Name: AWS::Include\n    Parameters: {Location: s3://b/k}\n  Q:\n    Type: AWS::SQS::Queue\n");
  const Template include_tmpl(include);
  BOOST_CHECK(transform_may_add_names(include_tmpl));
  BOOST_CHECK(macro_may_add_names(include_tmpl));
}

BOOST_AUTO_TEST_CASE(getatt_splits_at_the_first_dot_and_ranges_point_at_the_name) {
  const Document doc = load("A: !GetAtt Cluster.KubernetesNetworkConfig.ServiceIpv6Cidr\nB: !GetAtt [Res, Attr]\nC: !GetAtt NoDot\n");
  const auto a = getatt_target(*doc.root->get("A"));
  BOOST_REQUIRE(a);
  BOOST_CHECK_EQUAL(a->resource, "Cluster");
  BOOST_CHECK_EQUAL(a->attribute, "KubernetesNetworkConfig.ServiceIpv6Cidr");
  const ByteRange range = precise_range(*doc.source, *a);
  BOOST_CHECK_EQUAL(doc.source->text().substr(range.begin, range.end - range.begin), "Cluster");
  const auto b = getatt_target(*doc.root->get("B"));
  BOOST_REQUIRE(b);
  BOOST_CHECK_EQUAL(b->resource, "Res");
  BOOST_CHECK_EQUAL(b->attribute, "Attr");
  BOOST_CHECK(!getatt_target(*doc.root->get("C")));
}

BOOST_AUTO_TEST_CASE(did_you_mean_suggests_or_falls_back_to_the_remedy) {
  BOOST_CHECK_EQUAL(did_you_mean("ClusterNmae", {"ClusterName", "Vpc"}, "fix it"), "; did you mean 'ClusterName'?");
  BOOST_CHECK_EQUAL(did_you_mean("Zzz", {"ClusterName"}, "fix it"), "; fix it");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
