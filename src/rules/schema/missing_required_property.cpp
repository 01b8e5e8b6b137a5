// S102 missing-required-property: a resource lacks a property its type requires.

#include "rules/schema/schema_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "S102",
    .name = "missing-required-property",
    .severity = Severity::Error,
    .summary = "A resource lacks a property its type requires.",
    .doc = R"md(A resource lacks a property its type requires.

## What it checks
The `required` properties of the resource type, and of each nested mapping, must be present.
A required property whose value is `Fn::If` with `Ref: AWS::NoValue` in a branch the condition
can take is reported at that property: in that case it is removed. The finding points at the
`Properties` key (or the logical id when there is no `Properties`), or at the mapping's key
for a nested one.

## Why it matters
CloudFormation fails the resource at deploy time ("Property validation failure: required key
[Subnets] not found").

## Example
```yaml
Nodes:
  Type: AWS::EKS::Nodegroup
  Properties:            # flagged: 'Subnets' is required by AWS::EKS::Nodegroup
    ClusterName: !Ref Cluster
    NodeRole: !GetAtt NodeRole.Arn
```

## How to fix
Add the property, or give it a value in both branches of the `Fn::If`.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-eks-nodegroup.html
)md",
};

}  // namespace

std::unique_ptr<Rule> make_missing_required_property() { return std::make_unique<SchemaProblemRule>(kInfo, SchemaProblem::MissingRequired); }

}  // namespace cfn_eks
