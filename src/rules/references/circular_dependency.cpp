// T208: resources that depend on each other in a cycle.

#include "rules/common/names.hpp"
#include "rules/references/reference_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "T208",
    .name = "circular-dependency",
    .severity = Severity::Error,
    .summary = "Resources depend on each other in a cycle.",
    .doc = R"(Resources depend on each other in a cycle.

## What it checks
The dependency graph made by `Ref`, `Fn::GetAtt`, `Fn::Sub` variables and `DependsOn` between
resources. Each cycle is reported once, at the first resource of the cycle, with the whole
cycle in the message and each edge as a related location. A resource naming itself in
`DependsOn` is reported by T204 instead.

## Why it matters
CloudFormation can't order the creation of the resources and rejects the template ("Circular
dependency between resources: [A, B]"). In EKS stacks the classic case is a security group whose
inline ingress rule references a second group whose inline rule references the first.

## Example
```yaml
Resources:
  ControlPlaneSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: control plane
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, SourceSecurityGroupId: !Ref NodeSg}
  NodeSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: nodes
      SecurityGroupIngress:
        - {IpProtocol: "-1", SourceSecurityGroupId: !Ref ControlPlaneSg}
```
Flagged: `ControlPlaneSg -> NodeSg -> ControlPlaneSg`.

## How to fix
Break one edge: move the rule into a separate `AWS::EC2::SecurityGroupIngress` resource, drop a
redundant `DependsOn`, or pass the value another way.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-dependson.html
- https://aws.amazon.com/blogs/infrastructure-and-automation/handling-circular-dependency-errors-in-aws-cloudformation/
)",
};

std::string_view via_name(Dependency::Via via) {
  switch (via) {
    case Dependency::Via::Ref: return "Ref";
    case Dependency::Via::GetAtt: return "Fn::GetAtt";
    case Dependency::Via::Sub: return "Fn::Sub";
    case Dependency::Via::DependsOn: return "DependsOn";
  }
  return "reference";
}

class CircularDependency final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const std::vector<Resource>& resources = context.tmpl.resources();
    for (const std::vector<const Dependency*>& cycle : context.graph.cycles()) {
      if (cycle.empty()) continue;
      const Dependency& first = *cycle.front();
      if (first.from >= resources.size() || resources[first.from].entry == nullptr) continue;
      // Naming itself in DependsOn is T204's finding.
      if (cycle.size() == 1 && first.from == first.to && first.via == Dependency::Via::DependsOn) continue;
      std::string path(resources[first.from].name);
      for (const Dependency* edge : cycle) {
        if (edge->to < resources.size()) path += " -> " + std::string(resources[edge->to].name);
      }
      Diagnostic& diagnostic = sink.report_key(
          *resources[first.from].entry,
          "circular dependency " + path + "; remove one of the references or DependsOn entries that form it");
      for (const Dependency* edge : cycle) {
        if (edge->at == nullptr || edge->from >= resources.size() || edge->to >= resources.size()) continue;
        sink.relate(diagnostic, edge->at->range,
                    "'" + std::string(resources[edge->from].name) + "' needs '" +
                        std::string(resources[edge->to].name) + "' through " + std::string(via_name(edge->via)));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_circular_dependency() { return std::make_unique<CircularDependency>(); }

}  // namespace cfn_eks
