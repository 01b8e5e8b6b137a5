// S110 missing-dependent-property: a property needs another one that is missing, or none of a required group is set.

#include "rules/schema/schema_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "S110",
    .name = "missing-dependent-property",
    .severity = Severity::Error,
    .summary = "A property needs another one that is missing, or none of a required group is set.",
    .doc = R"md(A property needs another one that is missing, or none of a required group is set.

## What it checks
`dependentRequired` (setting A requires B) and groups of which at least one, or exactly one,
must be set (`oneOf`/`anyOf` of required sets in the schema). A property that only one
`Fn::If` branch sets counts as possibly set and is not flagged.

## Why it matters
The service rejects the request at deploy time.

## Example
```yaml
LaunchTemplate:
  Version: "3"     # flagged: the launch template needs 'Id' or 'Name'
```

## How to fix
Add the missing property, or remove the one that needs it.

## References
- https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html
)md",
};

}  // namespace

std::unique_ptr<Rule> make_missing_dependent_property() { return std::make_unique<SchemaProblemRule>(kInfo, SchemaProblem::MissingDependent); }

}  // namespace cfn_eks
