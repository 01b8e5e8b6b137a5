// S109 exclusive-properties: two properties that exclude each other are both set.

#include "rules/schema/schema_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "S109",
    .name = "exclusive-properties",
    .severity = Severity::Error,
    .summary = "Two properties that exclude each other are both set.",
    .doc = R"md(Two properties that exclude each other are both set.

## What it checks
Properties a schema declares mutually exclusive: `dependentExcluded`, a `oneOf` of required
sets, and the exclusive groups of official schemas. For example a launch template given to a
nodegroup by both `Id` and `Name`. Properties set only in one branch of an `Fn::If` are not
counted as set. The finding points at the second property.

## Why it matters
The service rejects the request at deploy time ("Either launch template ID or name may be
specified, but not both").

## Example
```yaml
LaunchTemplate:
  Id: !Ref LaunchTemplate
  Name: nodes-lt         # flagged
```

## How to fix
Keep one of the two properties.

## References
- https://docs.aws.amazon.com/eks/latest/APIReference/API_LaunchTemplateSpecification.html
)md",
};

}  // namespace

std::unique_ptr<Rule> make_exclusive_properties() { return std::make_unique<SchemaProblemRule>(kInfo, SchemaProblem::ExclusiveProperties); }

}  // namespace cfn_eks
