// S101 unknown-property: a resource has a property its type does not define.

#include "rules/schema/schema_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "S101",
    .name = "unknown-property",
    .severity = Severity::Error,
    .summary = "A resource has a property its type does not define.",
    .doc = R"md(A resource has a property its type does not define.

## What it checks
Every key under a resource's `Properties`, and under each nested mapping whose schema closes
its keys (`additionalProperties: false`), must be a property the type's schema defines. A
misspelt key gets a "did you mean" suggestion. Setting a read-only attribute (`Arn`,
`ClusterSecurityGroupId`) as a property is reported too: it can only be read with `Fn::GetAtt`.
Schemas are ours (`schemas/resources/`) or official ones from `--registry-schemas DIR`; when
ours lacks a top-level property the official schema has, the official one decides.

## Why it matters
CloudFormation rejects the stack at deploy time ("Encountered unsupported property
Scalingconfig"), after earlier resources of the change set may already have been changed.

## Example
```yaml
Nodes:
  Type: AWS::EKS::Nodegroup
  Properties:
    ClusterName: !Ref Cluster
    NodeRole: !GetAtt NodeRole.Arn
    Subnets: !Ref Subnets
    Scalingconfig: {MinSize: 1, MaxSize: 3, DesiredSize: 2}   # flagged: did you mean 'ScalingConfig'?
```

## How to fix
Correct the name (property names are case-sensitive), or remove the key.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html
- https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html
)md",
};

}  // namespace

std::unique_ptr<Rule> make_unknown_property() { return std::make_unique<SchemaProblemRule>(kInfo, SchemaProblem::UnknownProperty); }

}  // namespace cfn_eks
