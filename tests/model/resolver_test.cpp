#include "cfn_eks/resolver.hpp"

#include <boost/test/unit_test.hpp>

#include "cfn_eks/dependency_graph.hpp"
#include "support/paths.hpp"
#include "support/time_limit.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

using cfn_eks::Assumption;
using cfn_eks::PossibleValue;
using cfn_eks::Resolution;
using cfn_eks::Resolver;
using cfn_eks::ResolverLimits;

namespace {

/// A template loaded from text, kept alive together with its views.
struct Loaded {
  cfn_eks::Document doc;
  std::unique_ptr<cfn_eks::Template> tmpl;

  explicit Loaded(std::string text)
      : doc(cfn_eks::load_document(std::make_shared<cfn_eks::SourceFile>("t.yaml", std::move(text)))),
        tmpl(std::make_unique<cfn_eks::Template>(doc)) {}

  const cfn_eks::Node& output(std::string_view name) const {
    const cfn_eks::Output* out = tmpl->output(name);
    BOOST_REQUIRE(out != nullptr);
    BOOST_REQUIRE(out->value != nullptr);
    return *out->value;
  }
  const cfn_eks::Node& property(std::string_view resource, std::string_view key) const {
    const cfn_eks::Resource* r = tmpl->resource(resource);
    BOOST_REQUIRE(r != nullptr);
    const cfn_eks::Node* value = r->property(key);
    BOOST_REQUIRE(value != nullptr);
    return *value;
  }
  unsigned line_of(const cfn_eks::Node* node) const {
    BOOST_REQUIRE(node != nullptr);
    return doc.source->position(node->range.begin).line;
  }
};

std::vector<std::string> texts(const Resolution& r) {
  std::vector<std::string> out;
  for (const PossibleValue& v : r.values) out.push_back(v.text);
  return out;
}

std::vector<std::string> describes(const Loaded& t, const Resolution& r) {
  std::vector<std::string> out;
  for (const PossibleValue& v : r.values) out.push_back(v.describe(*t.doc.source));
  return out;
}

bool has_assumption(const PossibleValue& v, std::string_view condition, bool holds) {
  return std::find(v.assumptions.begin(), v.assumptions.end(), Assumption{condition, holds}) != v.assumptions.end();
}

bool mentions(const Resolution& r, std::string_view text) {
  return std::any_of(r.unknowns.begin(), r.unknowns.end(),
                     [&](const cfn_eks::Unknown& u) { return u.reason.find(text) != std::string::npos; });
}

using Strings = std::vector<std::string>;

const char* const kEks = R"(Parameters:
  KubernetesVersion:
    Type: String
    Default: '1.28'
    AllowedValues:
      - '1.28'
      - '1.29'
      - 1.30
  OpenVersion:
    Type: String
    Default: '1.27'
  Nothing:
    Type: String
  AmiParam:
    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
    Default: /aws/service/eks/optimized-ami/1.28/amazon-linux-2/recommended/image_id
  Subnets:
    Type: CommaDelimitedList
    Default: subnet-a,subnet-b
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      Version: !Ref KubernetesVersion
      Name: prod
Outputs:
  Literal:
    Value: '1.28'
  Plain:
    Value: 1.30
  Open:
    Value: !Ref OpenVersion
  Nothing:
    Value: !Ref Nothing
  Ami:
    Value: !Ref AmiParam
  AmiPath:
    Value: !Sub '/aws/service/eks/optimized-ami/${KubernetesVersion}/amazon-linux-2/recommended/image_id'
  Region:
    Value: !Ref AWS::Region
  ClusterRef:
    Value: !Ref Cluster
  Missing:
    Value: !Ref Nowhere
  Endpoint:
    Value: !GetAtt Cluster.Endpoint
  EndpointList:
    Value: !GetAtt [Cluster, Endpoint]
  SecondSubnet:
    Value: !Select [1, !Ref Subnets]
  JoinedSubnets:
    Value: !Join ['|', !Ref Subnets]
)";

}  // namespace

BOOST_AUTO_TEST_SUITE(model)
BOOST_AUTO_TEST_SUITE(resolver)

BOOST_AUTO_TEST_CASE(literal_scalars_resolve_to_themselves_with_origin_and_style) {
  const Loaded t(kEks);
  const Resolver resolver(*t.tmpl);
  const Resolution quoted = resolver.resolve(t.output("Literal"));
  BOOST_REQUIRE_EQUAL(quoted.values.size(), 1u);
  BOOST_TEST(quoted.complete());
  BOOST_TEST(quoted.values[0].text == "1.28");
  BOOST_TEST(quoted.values[0].origin == &t.output("Literal"));
  BOOST_TEST((quoted.values[0].style == cfn_eks::ScalarStyle::SingleQuoted));
  BOOST_TEST(quoted.values[0].describe(*t.doc.source) == "'1.28' at line 28");

  const Resolution plain = resolver.resolve(t.output("Plain"));
  BOOST_REQUIRE_EQUAL(plain.values.size(), 1u);
  BOOST_TEST((plain.values[0].kind == PossibleValue::Kind::Number));
  BOOST_TEST(plain.values[0].text == "1.30");
  BOOST_TEST((plain.values[0].style == cfn_eks::ScalarStyle::Plain));
}

BOOST_AUTO_TEST_CASE(ref_to_parameter_gives_default_then_allowed_values_deduplicated) {
  const Loaded t(kEks);
  const Resolver resolver(*t.tmpl);
  const Resolution r = resolver.resolve(t.property("Cluster", "Version"));
  BOOST_TEST(r.complete());
  BOOST_TEST(texts(r) == (Strings{"1.28", "1.29", "1.30"}), boost::test_tools::per_element());
  BOOST_TEST(describes(t, r) == (Strings{"'1.28' from parameter KubernetesVersion's default at line 4",
                                         "'1.29' from parameter KubernetesVersion's allowed value at line 7",
                                         "'1.30' from parameter KubernetesVersion's allowed value at line 8"}),
             boost::test_tools::per_element());
  // The allowed 1.30 is written plain: a rule can see it is the YAML number 1.3.
  BOOST_TEST((r.values[2].kind == PossibleValue::Kind::Number));
  BOOST_TEST((r.values[0].style == cfn_eks::ScalarStyle::SingleQuoted));
  BOOST_REQUIRE_EQUAL(r.values[0].bindings.size(), 1u);
  BOOST_TEST(r.values[0].bindings[0].parameter == "KubernetesVersion");
  BOOST_TEST(r.values[0].source_hop()->node == r.values[0].origin);
  BOOST_TEST(resolver.strings(t.property("Cluster", "Version")) == (Strings{"1.28", "1.29", "1.30"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(parameter_without_allowed_values_is_open) {
  const Loaded t(kEks);
  const Resolver resolver(*t.tmpl);
  const Resolution open = resolver.resolve(t.output("Open"));
  BOOST_TEST(texts(open) == Strings{"1.27"}, boost::test_tools::per_element());
  BOOST_TEST(!open.complete());
  BOOST_TEST(mentions(open, "parameter OpenVersion has no AllowedValues"));

  const Resolution nothing = resolver.resolve(t.output("Nothing"));
  BOOST_TEST(nothing.values.empty());
  BOOST_REQUIRE_EQUAL(nothing.unknowns.size(), 1u);
  BOOST_TEST(nothing.unknowns[0].reason == "parameter Nothing has no default or allowed values");
  BOOST_TEST(nothing.unknowns[0].at == &t.output("Nothing"));
}

BOOST_AUTO_TEST_CASE(ssm_parameter_is_unknown_but_its_path_is_available) {
  const Loaded t(kEks);
  const Resolver resolver(*t.tmpl);
  const Resolution ami = resolver.resolve(t.output("Ami"));
  BOOST_TEST(ami.values.empty());
  BOOST_TEST(mentions(ami, "read from SSM Parameter Store"));

  const Resolution written = resolver.parameter_values("AmiParam");
  BOOST_TEST(texts(written) == Strings{"/aws/service/eks/optimized-ami/1.28/amazon-linux-2/recommended/image_id"},
             boost::test_tools::per_element());
  BOOST_TEST(resolver.parameter_values("NoSuch").values.empty());
  BOOST_TEST(mentions(resolver.parameter_values("NoSuch"), "NoSuch is not a parameter"));
}

BOOST_AUTO_TEST_CASE(sub_resolves_ami_path_per_allowed_version) {
  const Loaded t(kEks);
  const Resolver resolver(*t.tmpl);
  const Resolution r = resolver.resolve(t.output("AmiPath"));
  BOOST_TEST(r.complete());
  BOOST_TEST(texts(r) == (Strings{"/aws/service/eks/optimized-ami/1.28/amazon-linux-2/recommended/image_id",
                                  "/aws/service/eks/optimized-ami/1.29/amazon-linux-2/recommended/image_id",
                                  "/aws/service/eks/optimized-ami/1.30/amazon-linux-2/recommended/image_id"}),
             boost::test_tools::per_element());
  BOOST_TEST(r.values[1].origin == nullptr);  // computed
  BOOST_TEST(r.values[1].describe(*t.doc.source).ends_with("from parameter KubernetesVersion's allowed value at line 7"));
  BOOST_TEST(r.values[1].via.front().description == "Fn::Sub of");
}

BOOST_AUTO_TEST_CASE(pseudo_parameters_resources_and_attributes_are_unknown_with_reasons) {
  const Loaded t(kEks);
  const Resolver resolver(*t.tmpl);
  const Resolution region = resolver.resolve(t.output("Region"));
  BOOST_TEST(region.values.empty());
  BOOST_TEST(mentions(region, "pseudo parameter AWS::Region is known only at deployment"));
  BOOST_TEST(mentions(resolver.resolve(t.output("ClusterRef")), "Ref to resource Cluster"));
  BOOST_TEST(mentions(resolver.resolve(t.output("Missing")), "Nowhere is not a parameter, resource or pseudo parameter"));
  const Resolution endpoint = resolver.resolve(t.output("Endpoint"));
  BOOST_REQUIRE_EQUAL(endpoint.unknowns.size(), 1u);
  BOOST_TEST(endpoint.unknowns[0].reason == "attribute Cluster.Endpoint is known only after deployment");
  BOOST_TEST(endpoint.unknowns[0].at == &t.output("Endpoint"));
  BOOST_TEST(mentions(resolver.resolve(t.output("EndpointList")), "attribute Cluster.Endpoint"));
}

BOOST_AUTO_TEST_CASE(list_parameters_split_and_feed_select_and_join) {
  const Loaded t(kEks);
  const Resolver resolver(*t.tmpl);
  const Resolution second = resolver.resolve(t.output("SecondSubnet"));
  BOOST_TEST(texts(second) == Strings{"subnet-b"}, boost::test_tools::per_element());
  BOOST_TEST(second.values[0].describe(*t.doc.source) == "'subnet-b' from parameter Subnets's default at line 19");
  BOOST_TEST(texts(resolver.resolve(t.output("JoinedSubnets"))) == Strings{"subnet-a|subnet-b"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(find_in_map_with_ref_keys_yields_each_combination) {
  const Loaded t(R"(Parameters:
  Env:
    Type: String
    Default: prod
    AllowedValues: [prod, dev, test]
Mappings:
  Sizes:
    prod:
      Instance: m5.large
    dev:
      Instance: t3.small
  Amis:
    us-east-1:
      Id: ami-1
    eu-west-1:
      Id: ami-2
Outputs:
  Size:
    Value: !FindInMap [Sizes, !Ref Env, Instance]
  Ami:
    Value: !FindInMap [Amis, !Ref 'AWS::Region', Id]
  Missing:
    Value: !FindInMap [Sizes, staging, Instance]
  WithDefault:
    Value: !FindInMap [Sizes, !Ref Env, Instance, {DefaultValue: m5.xlarge}]
  NoMap:
    Value: !FindInMap [Nope, a, b]
)");
  const Resolver resolver(*t.tmpl);
  const Resolution size = resolver.resolve(t.output("Size"));
  // "test" has no entry: that deployment fails, so it contributes no value.
  BOOST_TEST(texts(size) == (Strings{"m5.large", "t3.small"}), boost::test_tools::per_element());
  BOOST_TEST(size.complete());
  BOOST_TEST(describes(t, size) == (Strings{"'m5.large' from mapping Sizes.prod.Instance at line 9",
                                            "'t3.small' from mapping Sizes.dev.Instance at line 11"}),
             boost::test_tools::per_element());
  BOOST_TEST(size.values[1].bindings.at(0).value == "dev");

  // An unknown key ranges over every entry.
  BOOST_TEST(texts(resolver.resolve(t.output("Ami"))) == (Strings{"ami-1", "ami-2"}), boost::test_tools::per_element());
  BOOST_TEST(resolver.resolve(t.output("Missing")).values.empty());
  BOOST_TEST(resolver.resolve(t.output("NoMap")).values.empty());
  const Resolution with_default = resolver.resolve(t.output("WithDefault"));
  BOOST_TEST(texts(with_default) == (Strings{"m5.large", "t3.small", "m5.xlarge"}), boost::test_tools::per_element());
  BOOST_TEST(with_default.values[2].bindings.at(0).value == "test");
}

const char* const kConditions = R"(Parameters:
  Env:
    Type: String
    Default: dev
    AllowedValues: [prod, dev]
  Open:
    Type: String
    Default: x
  Version:
    Type: String
    Default: '1.29'
    AllowedValues: ['1.29', '1.30']
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Equals [dev, !Ref Env]
  NotProd: !Not [!Condition IsProd]
  Always: !Equals [a, a]
  Never: !Equals [a, b]
  Both: !And [!Condition IsProd, !Condition IsDev]
  Either: !Or [!Condition IsProd, !Condition IsDev]
  IsOpen: !Equals [!Ref Open, y]
  SelfA: !Condition SelfB
  SelfB: !Condition SelfA
  SameTwice: !Equals [!Ref Env, !Ref Env]
  IsNew: !Equals [!Ref Version, '1.30']
Outputs:
  Size:
    Value: !If [IsProd, large, small]
  Pruned:
    Value: !If [Never, never, !If [Always, always, impossible]]
  Nested:
    Value: !If [IsProd, !If [IsProd, a, b], !If [IsProd, c, d]]
  Joined:
    Value: !Join ['-', [!If [IsProd, p, np], !If [NotProd, n, nn]]]
  EnvWhenProd:
    Value: !If [IsProd, !Ref Env, none]
  VersionIfNew:
    Value: !If [IsNew, !Ref Version, old]
  Twice:
    Value: !Sub '${Env}/${Env}'
  Removed:
    Value: !If [IsProd, !Ref 'AWS::NoValue', kept]
  List:
    Value: [a, !If [IsProd, !Ref 'AWS::NoValue', b], c]
)";

BOOST_AUTO_TEST_CASE(condition_values_follow_parameters_and_logic) {
  const Loaded t(kConditions);
  const Resolver resolver(*t.tmpl);
  using Bools = std::vector<bool>;
  BOOST_TEST(resolver.condition_values("IsProd") == (Bools{true, false}), boost::test_tools::per_element());
  BOOST_TEST(resolver.condition_values("Always") == Bools{true}, boost::test_tools::per_element());
  BOOST_TEST(resolver.condition_values("Never") == Bools{false}, boost::test_tools::per_element());
  BOOST_TEST(resolver.condition_values("NotProd") == (Bools{true, false}), boost::test_tools::per_element());
  // A parameter open to any value makes its comparisons undecided.
  BOOST_TEST(resolver.condition_values("IsOpen") == (Bools{true, false}), boost::test_tools::per_element());
  BOOST_TEST(resolver.condition_values("SameTwice") == Bools{true}, boost::test_tools::per_element());
  // Cycles and missing conditions can be anything, and do not hang.
  BOOST_TEST(resolver.condition_values("SelfA") == (Bools{true, false}), boost::test_tools::per_element());
  BOOST_TEST(resolver.condition_values("NoSuch") == (Bools{true, false}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(fn_if_yields_both_branches_with_assumptions) {
  const Loaded t(kConditions);
  const Resolver resolver(*t.tmpl);
  const Resolution size = resolver.resolve(t.output("Size"));
  BOOST_REQUIRE_EQUAL(size.values.size(), 2u);
  BOOST_TEST(size.values[0].text == "large");
  BOOST_TEST(has_assumption(size.values[0], "IsProd", true));
  BOOST_TEST(size.values[1].text == "small");
  BOOST_TEST(has_assumption(size.values[1], "IsProd", false));
  BOOST_TEST(t.line_of(size.values[1].origin) == 28u);
}

BOOST_AUTO_TEST_CASE(fn_if_prunes_branches_and_contradictions) {
  const Loaded t(kConditions);
  const Resolver resolver(*t.tmpl);
  BOOST_TEST(texts(resolver.resolve(t.output("Pruned"))) == Strings{"always"}, boost::test_tools::per_element());
  BOOST_TEST(texts(resolver.resolve(t.output("Nested"))) == (Strings{"a", "d"}), boost::test_tools::per_element());
  // NotProd is Not IsProd and Env has AllowedValues: p goes with nn, np with n.
  BOOST_TEST(texts(resolver.resolve(t.output("Joined"))) == (Strings{"p-nn", "np-n"}), boost::test_tools::per_element());
  // Under IsProd, Env can only be prod.
  const Resolution env = resolver.resolve(t.output("EnvWhenProd"));
  BOOST_TEST(texts(env) == (Strings{"prod", "none"}), boost::test_tools::per_element());
  BOOST_TEST(env.values[0].describe(*t.doc.source) == "'prod' from parameter Env's allowed value at line 5");
  BOOST_TEST(texts(resolver.resolve(t.output("VersionIfNew"))) == (Strings{"1.30", "old"}), boost::test_tools::per_element());
  // One parameter has one value per deployment.
  BOOST_TEST(texts(resolver.resolve(t.output("Twice"))) == (Strings{"dev/dev", "prod/prod"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(no_value_is_a_value_and_vanishes_from_lists) {
  const Loaded t(kConditions);
  const Resolver resolver(*t.tmpl);
  const Resolution removed = resolver.resolve(t.output("Removed"));
  BOOST_REQUIRE_EQUAL(removed.values.size(), 2u);
  BOOST_TEST((removed.values[0].kind == PossibleValue::Kind::NoValue));
  BOOST_TEST(!removed.values[0].is_scalar());
  BOOST_TEST(resolver.strings(t.output("Removed")) == Strings{"kept"}, boost::test_tools::per_element());

  const Resolution list = resolver.resolve(t.output("List"));
  BOOST_REQUIRE_EQUAL(list.values.size(), 2u);
  BOOST_TEST((list.values[0].kind == PossibleValue::Kind::List));
  BOOST_TEST(texts(Resolution{list.values[0].elements, {}, false}) == (Strings{"a", "c"}), boost::test_tools::per_element());
  BOOST_TEST(texts(Resolution{list.values[1].elements, {}, false}) == (Strings{"a", "b", "c"}), boost::test_tools::per_element());
  BOOST_TEST(list.values[0].describe(*t.doc.source) == "['a', 'c'] at line 44");
}

BOOST_AUTO_TEST_CASE(thirty_chained_conditions_and_if_nests_resolve_quickly) {
  // C0 reads a parameter; each Ci combines C(i-1) twice, so naive evaluation is 2^30 work.
  std::string text = "Parameters:\n  P:\n    Type: String\n    Default: a\n    AllowedValues: [a, b]\n";
  text += "Conditions:\n  C0: !Equals [!Ref P, a]\n";
  for (int i = 1; i < 30; ++i) {
    const std::string prev = "C" + std::to_string(i - 1);
    text += "  C" + std::to_string(i) + ": !Or [!Condition " + prev + ", !And [!Condition " + prev +
            ", !Not [!Condition " + prev + "]]]\n";
  }
  text += "Outputs:\n  Deep:\n    Value: ";
  std::string nest = "leaf";
  for (int i = 29; i >= 0; --i) nest = "!If [C" + std::to_string(i) + ", " + (i % 2 ? "x" : "y") + ", [" + nest + "]]";
  // Flow sequences keep each level one node deeper, as written by hand.
  text += nest + "\n  Wide:\n    Value: !Join ['', [";
  for (int i = 0; i < 30; ++i) text += std::string(i ? ", " : "") + "!If [C" + std::to_string(i) + ", '1', '0']";
  text += "]]\n";
  const Loaded t(text);
  BOOST_REQUIRE(t.doc.root != nullptr);
  const Resolver resolver(*t.tmpl);
  const cfn_eks::testing::CpuStopwatch watch;  // CPU time: a loaded machine must not fail it
  BOOST_TEST(resolver.condition_values("C29") == (std::vector<bool>{true, false}), boost::test_tools::per_element());
  const Resolution deep = resolver.resolve(t.output("Deep"));
  const Resolution wide = resolver.resolve(t.output("Wide"));
  BOOST_TEST(watch.cpu_seconds() < cfn_eks::testing::time_limit(2.0), "took " << watch.cpu_seconds() << " CPU s");
  // Every Ci equals C0, so across 30 ifs only all-true and all-false survive.
  BOOST_TEST(texts(wide) == (Strings{"111111111111111111111111111111", "000000000000000000000000000000"}),
             boost::test_tools::per_element());
  // Deep: `y` under C0, or the innermost leaf once every condition is false.
  BOOST_REQUIRE_EQUAL(deep.values.size(), 2u);
  BOOST_TEST(deep.values[0].text == "y");
  BOOST_TEST(deep.values[1].assumptions.size() == 30u);
}

BOOST_AUTO_TEST_CASE(sub_handles_literals_variable_maps_and_unknown_variables) {
  const Loaded t(R"(Parameters:
  Name:
    Type: String
    Default: demo
    AllowedValues: [demo]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
Outputs:
  Literal:
    Value: !Sub 'keep ${!Literal} and ${Name}'
  Map:
    Value: !Sub
      - '${Name}-${Suffix}'
      - Suffix: !If [Never, x, y]
  Unknown:
    Value: !Sub 'arn:${AWS::Partition}:s3:::${Name}'
  Attr:
    Value: !Sub '${Bucket.Arn}/x'
  Unterminated:
    Value: !Sub 'a ${Name} ${oops'
  Dynamic:
    Value: !Sub '{{resolve:ssm:/eks/${Name}/ami}}'
Conditions:
  Never: !Equals [a, b]
)");
  const Resolver resolver(*t.tmpl);
  BOOST_TEST(texts(resolver.resolve(t.output("Literal"))) == Strings{"keep ${Literal} and demo"},
             boost::test_tools::per_element());
  const Resolution map = resolver.resolve(t.output("Map"));
  BOOST_TEST(texts(map) == Strings{"demo-y"}, boost::test_tools::per_element());
  BOOST_TEST(has_assumption(map.values.at(0), "Never", false));

  const Resolution unknown = resolver.resolve(t.output("Unknown"));
  BOOST_TEST(unknown.values.empty());
  BOOST_TEST(mentions(unknown, "Fn::Sub variable AWS::Partition: pseudo parameter AWS::Partition"));
  BOOST_TEST(mentions(resolver.resolve(t.output("Attr")), "Fn::Sub variable Bucket.Arn: attribute Bucket.Arn"));
  BOOST_TEST(texts(resolver.resolve(t.output("Unterminated"))) == Strings{"a demo ${oops"}, boost::test_tools::per_element());
  const Resolution dynamic = resolver.resolve(t.output("Dynamic"));
  BOOST_TEST(texts(dynamic) == Strings{"{{resolve:ssm:/eks/demo/ami}}"}, boost::test_tools::per_element());
  const auto refs = cfn_eks::find_dynamic_references(dynamic.values.at(0).text);
  BOOST_REQUIRE_EQUAL(refs.size(), 1u);
  BOOST_TEST(refs[0].reference == "/eks/demo/ami");
}

BOOST_AUTO_TEST_CASE(join_select_split_base64_and_friends) {
  const Loaded t(R"(Transform: AWS::LanguageExtensions
Parameters:
  A:
    Type: String
    Default: a1
    AllowedValues: [a1, a2]
  B:
    Type: String
    Default: b1
    AllowedValues: [b1, b2, b3]
Outputs:
  Join:
    Value: !Join [',', [!Ref A, !Ref B, z]]
  Select:
    Value: !Select [2, [x, y, !Ref A]]
  SelectOut:
    Value: !Select [5, [x, y]]
  Split:
    Value: !Select [1, !Split ['/', 'p/q/r']]
  Base64:
    Value: !Base64 {'Fn::Sub': '#!/bin/bash ${A}'}
  Length:
    Value: {'Fn::Length': [a, b, c]}
  Json:
    Value: {'Fn::ToJsonString': {k: [1, 'two', true]}}
  JsonFn:
    Value: {'Fn::ToJsonString': {k: !Ref A}}
  Azs:
    Value: !GetAZs ''
  Import:
    Value: !ImportValue Shared
  Cidr:
    Value: !Cidr ['10.0.0.0/16', 4, 8]
)");
  const Resolver resolver(*t.tmpl);
  const Resolution join = resolver.resolve(t.output("Join"));
  BOOST_TEST(texts(join) == (Strings{"a1,b1,z", "a1,b2,z", "a1,b3,z", "a2,b1,z", "a2,b2,z", "a2,b3,z"}),
             boost::test_tools::per_element());
  BOOST_TEST(join.complete());
  BOOST_TEST(texts(resolver.resolve(t.output("Select"))) == (Strings{"a1", "a2"}), boost::test_tools::per_element());
  BOOST_TEST(resolver.resolve(t.output("Select")).values[0].via.front().description == "Fn::Select of");
  BOOST_TEST(resolver.resolve(t.output("SelectOut")).values.empty());
  BOOST_TEST(texts(resolver.resolve(t.output("Split"))) == Strings{"q"}, boost::test_tools::per_element());
  const Resolution base64 = resolver.resolve(t.output("Base64"));
  BOOST_TEST(texts(base64) == (Strings{"#!/bin/bash a1", "#!/bin/bash a2"}), boost::test_tools::per_element());
  BOOST_TEST(base64.values[0].via.front().description == "Fn::Base64 of");
  BOOST_TEST(base64.values[0].via.front().passthrough);
  BOOST_TEST(texts(resolver.resolve(t.output("Length"))) == Strings{"3"}, boost::test_tools::per_element());
  BOOST_TEST(texts(resolver.resolve(t.output("Json"))) == Strings{R"({"k":[1,"two",true]})"},
             boost::test_tools::per_element());
  BOOST_TEST(mentions(resolver.resolve(t.output("JsonFn")), "Fn::ToJsonString"));
  BOOST_TEST(mentions(resolver.resolve(t.output("Azs")), "Fn::GetAZs"));
  BOOST_TEST(mentions(resolver.resolve(t.output("Import")), "Fn::ImportValue"));
  BOOST_TEST(mentions(resolver.resolve(t.output("Cidr")), "Fn::Cidr"));
}

BOOST_AUTO_TEST_CASE(limits_cut_values_and_depth) {
  const Loaded t(R"(Parameters:
  A:
    Type: String
    Default: '1'
    AllowedValues: ['1', '2', '3', '4']
Outputs:
  Product:
    Value: !Join ['', [!Ref A, '-', !Select [0, [!Ref A]], !FindInMap [M, !Ref A, k], !Sub '${A}']]
  Wide:
    Value: !Join ['', [!If [C1, a, b], !If [C2, a, b], !If [C3, a, b], !If [C4, a, b]]]
  Deep:
    Value: !Base64 {'Fn::Base64': {'Fn::Base64': {'Fn::Base64': x}}}
Conditions:
  C1: !Equals [!Ref A, '1']
  C2: !Equals [!Ref A, '2']
  C3: !Equals [!Ref A, '3']
  C4: !Equals [!Ref A, '4']
Mappings:
  M:
    '1': {k: one}
    '2': {k: two}
)");
  ResolverLimits few;
  few.max_values = 3;
  const Resolver limited(*t.tmpl, few);
  ResolverLimits shallow;
  shallow.max_depth = 2;
  const Resolver shallow_resolver(*t.tmpl, shallow);
  const Resolver resolver(*t.tmpl);
  // Same parameter everywhere: only A=1 and A=2 have a mapping entry.
  BOOST_TEST(texts(resolver.resolve(t.output("Product"))) == (Strings{"1-1one1", "2-2two2"}),
             boost::test_tools::per_element());
  // Exactly one Ci holds for each allowed A.
  BOOST_TEST(texts(resolver.resolve(t.output("Wide"))) == (Strings{"abbb", "babb", "bbab", "bbba"}),
             boost::test_tools::per_element());
  const Resolution cut = limited.resolve(t.output("Wide"));
  BOOST_TEST(texts(cut) == (Strings{"abbb", "babb", "bbab"}), boost::test_tools::per_element());
  BOOST_TEST(cut.truncated);
  BOOST_TEST(!cut.complete());
  // Keys beyond the limit still give the values found so far.
  const Resolution keys_cut = limited.resolve(t.output("Product"));
  BOOST_TEST(!keys_cut.values.empty());
  BOOST_TEST(keys_cut.truncated);
  const Resolution deep = shallow_resolver.resolve(t.output("Deep"));
  BOOST_TEST(deep.values.empty());
  BOOST_TEST(mentions(deep, "nested deeper than 2 levels"));
  BOOST_TEST(texts(resolver.resolve(t.output("Deep"))) == Strings{"x"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(json_templates_resolve_the_same_way) {
  const Loaded t(R"({
  "Parameters": {"V": {"Type": "String", "Default": "1.29", "AllowedValues": ["1.29", "1.30"]}},
  "Outputs": {"O": {"Value": {"Fn::Join": ["", ["v", {"Ref": "V"}]]}}}
})");
  const Resolver resolver(*t.tmpl);
  const Resolution r = resolver.resolve(t.output("O"));
  BOOST_TEST(texts(r) == (Strings{"v1.29", "v1.30"}), boost::test_tools::per_element());
  BOOST_TEST(r.values[1].describe(*t.doc.source) == "'v1.30' from parameter V's allowed value at line 2");
}

BOOST_AUTO_TEST_CASE(sub_variables_parse_names_offsets_and_skip_literals) {
  const auto vars = cfn_eks::sub_variables("a${X}b${!Lit}${Y.Attr}${}${AWS::Region} ${unterminated");
  BOOST_REQUIRE_EQUAL(vars.size(), 3u);
  BOOST_TEST(vars[0].name == "X");
  BOOST_TEST(vars[0].offset == 1u);
  BOOST_TEST(vars[0].length == 4u);
  BOOST_TEST(vars[1].name == "Y.Attr");
  BOOST_TEST(vars[1].offset == 13u);
  BOOST_TEST(vars[2].name == "AWS::Region");
  BOOST_TEST(cfn_eks::sub_variables("${").empty());
  BOOST_TEST(cfn_eks::sub_variables("no variables").empty());
}

BOOST_AUTO_TEST_CASE(dynamic_references_are_found_with_service_and_offsets) {
  const std::string text =
      "x{{resolve:ssm:/aws/service/eks/1.29}}y{{resolve:secretsmanager:arn:aws:x:SecretString:pw}}"
      "{{resolve:ssm-secure:p:3}}{{resolve:ssm:unterminated";
  const auto refs = cfn_eks::find_dynamic_references(text);
  BOOST_REQUIRE_EQUAL(refs.size(), 3u);
  BOOST_TEST(refs[0].service == "ssm");
  BOOST_TEST(refs[0].reference == "/aws/service/eks/1.29");
  BOOST_TEST(refs[0].offset == 1u);
  BOOST_TEST(text.substr(refs[0].offset, refs[0].length) == "{{resolve:ssm:/aws/service/eks/1.29}}");
  BOOST_TEST(refs[1].service == "secretsmanager");
  BOOST_TEST(refs[1].reference == "arn:aws:x:SecretString:pw");
  BOOST_TEST(refs[2].service == "ssm-secure");
  BOOST_TEST(refs[2].reference == "p:3");
  BOOST_TEST(cfn_eks::find_dynamic_references("{{resolve:ssm:x").empty());
}

BOOST_AUTO_TEST_CASE(every_value_of_the_real_templates_resolves_within_limits) {
  const auto shared = cfn_eks::testing::shared_dir();
  if (!shared) return;  // the corpus lives beside the repository, not in it
  std::size_t files = 0;
  std::size_t resolved = 0;
  std::size_t with_values = 0;
  const cfn_eks::testing::CpuStopwatch watch;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(*shared / "corpus" / "real")) {
    const std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml" && ext != ".json" && ext != ".template")) continue;
    const Loaded t(cfn_eks::testing::read_text(entry.path()));
    if (!t.doc.root) continue;
    ++files;
    const Resolver resolver(*t.tmpl);
    const cfn_eks::DependencyGraph graph(*t.tmpl);
    BOOST_TEST(graph.topological_order().size() == t.tmpl->resources().size());
    // Resolve every node under Resources and Outputs, the way rules will ask.
    std::function<void(const cfn_eks::Node&)> visit = [&](const cfn_eks::Node& node) {
      const Resolution r = resolver.resolve(node);
      ++resolved;
      with_values += r.values.empty() ? 0 : 1;
      BOOST_TEST(r.values.size() <= ResolverLimits{}.max_values);
      for (const PossibleValue& v : r.values) BOOST_TEST(!v.describe(*t.doc.source).empty());
      for (const cfn_eks::Node* item : node.items) {
        if (item) visit(*item);
      }
      for (const cfn_eks::MapEntry& e : node.entries) {
        if (e.value) visit(*e.value);
      }
    };
    for (const char* section : {"Resources", "Outputs"}) {
      if (const cfn_eks::Node* node = t.tmpl->section(section)) visit(*node);
    }
    for (const cfn_eks::NamedNode& condition : t.tmpl->conditions()) {
      BOOST_TEST(!resolver.condition_values(condition.name).empty());
    }
  }
  BOOST_TEST_MESSAGE(files << " templates, " << resolved << " nodes resolved, " << with_values << " with values in "
                           << watch.cpu_seconds() << " CPU s");
  BOOST_TEST(files > 0u);
  BOOST_TEST(with_values > 0u);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
