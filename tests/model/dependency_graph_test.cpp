#include "cfn_eks/dependency_graph.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <memory>
#include <string>

using cfn_eks::Dependency;
using cfn_eks::DependencyGraph;

namespace {

struct Loaded {
  cfn_eks::Document doc;
  std::unique_ptr<cfn_eks::Template> tmpl;

  explicit Loaded(std::string text)
      : doc(cfn_eks::load_document(std::make_shared<cfn_eks::SourceFile>("t.yaml", std::move(text)))),
        tmpl(std::make_unique<cfn_eks::Template>(doc)) {}

  std::size_t index(std::string_view name) const {
    const cfn_eks::Resource* r = tmpl->resource(name);
    BOOST_REQUIRE(r != nullptr);
    return static_cast<std::size_t>(r - tmpl->resources().data());
  }
  std::string name(std::size_t index) const { return std::string(tmpl->resources().at(index).name); }
  unsigned line(const cfn_eks::Node* node) const { return doc.source->position(node->range.begin).line; }
};

/// "From->To(via)@line" for each edge, in order.
std::vector<std::string> describe(const Loaded& t, const std::vector<const Dependency*>& edges) {
  static constexpr const char* kVia[] = {"Ref", "GetAtt", "Sub", "DependsOn"};
  std::vector<std::string> out;
  for (const Dependency* e : edges) {
    out.push_back(t.name(e->from) + "->" + t.name(e->to) + "(" + kVia[static_cast<int>(e->via)] + ")@" +
                  std::to_string(t.line(e->at)));
  }
  return out;
}

std::vector<const Dependency*> all_edges(const DependencyGraph& graph) {
  std::vector<const Dependency*> out;
  for (const Dependency& e : graph.edges()) out.push_back(&e);
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(model)
BOOST_AUTO_TEST_SUITE(dependency_graph)

BOOST_AUTO_TEST_CASE(edges_come_from_ref_getatt_sub_and_depends_on) {
  const Loaded t(R"(Parameters:
  Vpc:
    Type: String
Conditions:
  Role: !Equals [a, b]
Resources:
  Role:
    Type: AWS::IAM::Role
  Cluster:
    Type: AWS::EKS::Cluster
    Condition: Role
    Properties:
      RoleArn: !GetAtt Role.Arn
      VpcId: !Ref Vpc
      Region: !Ref AWS::Region
      Missing: !Ref Nowhere
  Nodes:
    Type: AWS::EKS::Nodegroup
    DependsOn: Cluster
    Metadata:
      Note: !Ref Role
    Properties:
      ClusterName: !Ref Cluster
      NodeRole: !GetAtt [Role, Arn]
      Tag: !Sub '${Cluster}-${Role.Arn}-${AWS::StackName}-${!Cluster}'
      Shadow: !Sub
        - '${Role}-${Extra}'
        - Role: x
          Extra: !Ref Cluster
  Deep:
    Type: AWS::EC2::Instance
    DependsOn: [Nodes, Cluster]
    UpdatePolicy:
      Fancy: !If [Role, !GetAtt Cluster.Endpoint.Address, x]
)");
  const DependencyGraph graph(*t.tmpl);
  BOOST_TEST(describe(t, all_edges(graph)) ==
                 (Strings{"Cluster->Role(GetAtt)@13", "Nodes->Role(Ref)@21", "Nodes->Cluster(Ref)@23",
                          "Nodes->Role(GetAtt)@24", "Nodes->Cluster(Sub)@25", "Nodes->Role(Sub)@25",
                          "Nodes->Cluster(Ref)@29", "Nodes->Cluster(DependsOn)@19",
                          "Deep->Cluster(GetAtt)@34", "Deep->Nodes(DependsOn)@32",
                          "Deep->Cluster(DependsOn)@32"}),
             boost::test_tools::per_element());
  BOOST_TEST(describe(t, graph.dependents_of(t.index("Role"))) ==
                 (Strings{"Cluster->Role(GetAtt)@13", "Nodes->Role(Ref)@21", "Nodes->Role(GetAtt)@24",
                          "Nodes->Role(Sub)@25"}),
             boost::test_tools::per_element());
  BOOST_TEST(graph.dependencies_of(t.index("Role")).empty());
  BOOST_TEST(graph.dependencies_of(99).empty());
  BOOST_TEST(graph.cycles().empty());
  const std::vector<std::size_t> order = graph.topological_order();
  BOOST_TEST(order == (std::vector<std::size_t>{t.index("Role"), t.index("Cluster"), t.index("Nodes"), t.index("Deep")}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(two_resource_cycle_and_self_dependency_are_each_reported_once) {
  const Loaded t(R"(Resources:
  Lonely:
    Type: AWS::SNS::Topic
  A:
    Type: AWS::SQS::Queue
    Properties:
      Name: !GetAtt B.QueueName
      Other: !Ref B
  B:
    Type: AWS::SQS::Queue
    Properties:
      Name: !Sub '${A}'
  Self:
    Type: AWS::SQS::Queue
    DependsOn: Self
    Properties:
      Name: !Ref Self
)");
  const DependencyGraph graph(*t.tmpl);
  const auto cycles = graph.cycles();
  BOOST_REQUIRE_EQUAL(cycles.size(), 2u);
  BOOST_TEST(describe(t, cycles[0]) == (Strings{"A->B(GetAtt)@7", "B->A(Sub)@12"}), boost::test_tools::per_element());
  BOOST_TEST(describe(t, cycles[1]) == Strings{"Self->Self(Ref)@17"}, boost::test_tools::per_element());
  // Every resource appears once, dependencies first where there are no cycles.
  const std::vector<std::size_t> order = graph.topological_order();
  BOOST_REQUIRE_EQUAL(order.size(), 4u);
  BOOST_TEST(order.front() == t.index("Lonely"));
  const auto components = graph.components();
  BOOST_TEST(components.size() == 3u);
  BOOST_TEST(std::count(components.begin(), components.end(),
                        std::vector<std::size_t>{t.index("A"), t.index("B")}) == 1);
}

BOOST_AUTO_TEST_CASE(three_cycles_report_the_shortest_loop_through_the_first_resource) {
  // C -> A -> B -> C is the cycle through A; B -> D -> B is in the same component.
  const Loaded t(R"(Resources:
  A:
    Type: T
    DependsOn: B
  B:
    Type: T
    DependsOn: [C, D]
  C:
    Type: T
    DependsOn: A
  D:
    Type: T
    DependsOn: B
  E:
    Type: T
    DependsOn: F
  F:
    Type: T
    DependsOn: E
)");
  const DependencyGraph graph(*t.tmpl);
  const auto cycles = graph.cycles();
  BOOST_REQUIRE_EQUAL(cycles.size(), 2u);
  BOOST_TEST(describe(t, cycles[0]) == (Strings{"A->B(DependsOn)@4", "B->C(DependsOn)@7", "C->A(DependsOn)@10"}),
             boost::test_tools::per_element());
  BOOST_TEST(describe(t, cycles[1]) == (Strings{"E->F(DependsOn)@16", "F->E(DependsOn)@19"}),
             boost::test_tools::per_element());
  // The same graph gives the same answer every time.
  BOOST_TEST(describe(t, DependencyGraph(*t.tmpl).cycles()[0]) == describe(t, cycles[0]),
             boost::test_tools::per_element());
  BOOST_TEST(graph.topological_order().size() == 6u);
}

BOOST_AUTO_TEST_CASE(long_chains_need_no_deep_recursion) {
  std::string text = "Resources:\n";
  for (int i = 0; i < 400; ++i) {
    text += "  R" + std::to_string(i) + ":\n    Type: T\n";
    if (i > 0) text += "    DependsOn: R" + std::to_string(i - 1) + "\n";
  }
  text += "  R0x:\n    Type: T\n    DependsOn: R399\n";
  const Loaded t(text);
  const DependencyGraph graph(*t.tmpl);
  BOOST_TEST(graph.edges().size() == 400u);
  BOOST_TEST(graph.cycles().empty());
  const auto order = graph.topological_order();
  BOOST_REQUIRE_EQUAL(order.size(), 401u);
  for (std::size_t i = 0; i < order.size(); ++i) BOOST_TEST(order[i] == i);
}

BOOST_AUTO_TEST_CASE(json_long_form_getatt_and_depends_on) {
  const Loaded t(R"({"Resources": {
  "A": {"Type": "T", "Properties": {"X": {"Fn::GetAtt": ["B", "Arn"]}}},
  "B": {"Type": "T", "DependsOn": ["A"]}
}})");
  const DependencyGraph graph(*t.tmpl);
  BOOST_TEST(describe(t, all_edges(graph)) == (Strings{"A->B(GetAtt)@2", "B->A(DependsOn)@3"}),
             boost::test_tools::per_element());
  BOOST_REQUIRE_EQUAL(graph.cycles().size(), 1u);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
