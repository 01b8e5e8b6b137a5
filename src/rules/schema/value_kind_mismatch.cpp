// S202 value-kind-mismatch: a Ref, GetAtt or literal gives a different kind of value than the property needs (a name where an id is).

#include "rules/schema/schema_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "S202",
    .name = "value-kind-mismatch",
    .severity = Severity::Error,
    .summary = "A Ref, GetAtt or literal gives a different kind of value than the property needs (a name where an id is).",
    .doc = R"md(A Ref, GetAtt or literal gives a different kind of value than the property needs (a name where an id is).

## What it checks
What a `Ref` or `Fn::GetAtt` returns against what the property takes:
- kinds of values: a security group *name* where a security group id is needed — a parameter
  of type `AWS::EC2::SecurityGroup::GroupName`, or `Ref` to an `AWS::EC2::SecurityGroup`
  without `VpcId` (such a group is in the default VPC and `Ref` returns its name; with `VpcId`,
  even through `Fn::If`, it returns the id) — `Ref` to an IAM role (its name) where a role ARN
  is needed, a subnet where a VPC is needed. Kinds come from parameter types, the schema's
  `refReturns` (and its `withoutProperty` case) and attribute formats;
- shapes: a `List<...>` or `CommaDelimitedList` parameter (a list) where a single string is
  needed, or a string-valued `Ref` where a list is needed;
- literal ids: a security group, subnet or VPC id written as a literal must start with `sg-`,
  `subnet-` or `vpc-`.
Values whose kind is not known are not flagged. KMS key ids, ARNs and aliases are accepted for
each other, as KMS does.

## Why it matters
CloudFormation or the service rejects the value at deploy time ("Invalid security group id"),
or, worse, a name that happens to be valid as an id elsewhere points at the wrong thing.

## Example
```yaml
Parameters:
  NodeSecurityGroup: {Type: AWS::EC2::SecurityGroup::GroupName}
Resources:
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        SecurityGroupIds: [!Ref NodeSecurityGroup]   # flagged: a name where an id is needed
```

## How to fix
Use the right kind: `AWS::EC2::SecurityGroup::Id` parameters, `!GetAtt Group.GroupId` (or a
`VpcId` on the group) instead of `!Ref Group` for a default-VPC group, `!GetAtt Role.Arn`
instead of `!Ref Role`, `!Select [0, !Ref Subnets]` for one item of a list.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-getatt.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroup.html (Return values: Ref)
)md",
};

}  // namespace

std::unique_ptr<Rule> make_value_kind_mismatch() { return std::make_unique<SchemaProblemRule>(kInfo, SchemaProblem::ValueKind); }

}  // namespace cfn_eks
