// S103 wrong-value-type: a property's value is of the wrong type (a list where a string is needed, text where a number is).

#include "rules/schema/schema_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "S103",
    .name = "wrong-value-type",
    .severity = Severity::Error,
    .summary = "A property's value is of the wrong type (a list where a string is needed, text where a number is).",
    .doc = R"md(A property's value is of the wrong type (a list where a string is needed, text where a number is).

## What it checks
Each property value against the `type` of its schema: string, integer, number, boolean, list
or mapping. Values are checked the way CloudFormation converts them: `"1"` is a fine integer,
`3` a fine string, `"true"` a fine boolean. Intrinsic functions are checked by what they can
return, never for being functions: `Fn::If` branches are each checked, `Ref: AWS::NoValue`
removes the property, parameter defaults and allowed values are checked where they are used
(the message says where the value came from), `Fn::Sub` and `Fn::Join` give strings, and
`Fn::Split`, `Fn::GetAZs` and `Fn::Cidr` give lists. A `Ref` or `Fn::GetAtt` of the wrong kind is
S202.

## Why it matters
CloudFormation rejects the value at deploy time ("Value of property MinSize must be of type
Integer").

## Example
```yaml
ScalingConfig:
  MinSize: one          # flagged: must be an integer
  MaxSize: 3
Subnets: !Join [",", [subnet-1, subnet-2]]   # flagged: a string where a list is needed
```

## How to fix
Write a value of the type the property takes; for a list, write a YAML list or use
`Fn::Split`.

## References
- https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
)md",
};

}  // namespace

std::unique_ptr<Rule> make_wrong_value_type() { return std::make_unique<SchemaProblemRule>(kInfo, SchemaProblem::WrongType); }

}  // namespace cfn_eks
