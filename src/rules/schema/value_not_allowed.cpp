// S104 value-not-allowed: a property's value is not one of the values the type allows.

#include "rules/schema/schema_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "S104",
    .name = "value-not-allowed",
    .severity = Severity::Error,
    .summary = "A property's value is not one of the values the type allows.",
    .doc = R"md(A property's value is not one of the values the type allows.

## What it checks
Properties whose schema lists the allowed values (`enum`, `const`): for example a nodegroup's
`AmiType` (the 23 values of the EKS API), `CapacityType` or an access entry's `Type`. Literal
values, parameter defaults and allowed values, mapping values and each `Fn::If` branch are
checked; values known only at deployment are not. Numbers compare by value (`1` matches `1.0`).

## Why it matters
The EKS API rejects the request at deploy time ("1 validation error detected: Value 'AL2_X86_64'
at 'amiType' failed to satisfy constraint").

## Example
```yaml
AmiType: AL2023_x86_64_STANDRD   # flagged: did you mean 'AL2023_x86_64_STANDARD'?
```

## How to fix
Use one of the listed values (they are case-sensitive).

## References
- https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateNodegroup.html
)md",
};

}  // namespace

std::unique_ptr<Rule> make_value_not_allowed() { return std::make_unique<SchemaProblemRule>(kInfo, SchemaProblem::ValueNotAllowed); }

}  // namespace cfn_eks
