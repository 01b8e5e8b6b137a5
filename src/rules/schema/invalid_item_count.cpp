// S107 invalid-item-count: a list property has fewer or more items than its type allows.

#include "rules/schema/schema_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "S107",
    .name = "invalid-item-count",
    .severity = Severity::Error,
    .summary = "A list property has fewer or more items than its type allows.",
    .doc = R"md(A list property has fewer or more items than its type allows.

## What it checks
`minItems`/`maxItems` of list properties. Items that are `Fn::If` with `Ref: AWS::NoValue` in a
branch count as maybe there: a list is flagged only when it is too short even with all of them,
or too long even without them. Lists a parameter gives (`List<...>`, `CommaDelimitedList`) are
checked by their default and allowed values.

## Why it matters
The service rejects the list at deploy time, for example an EKS cluster's `SubnetIds` with more
than 16 entries, or an empty list where at least one item is required.

## Example
```yaml
Subnets: []   # flagged: needs at least 1 item
```

## How to fix
Add or remove items.

## References
- https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html
)md",
};

}  // namespace

std::unique_ptr<Rule> make_invalid_item_count() { return std::make_unique<SchemaProblemRule>(kInfo, SchemaProblem::ItemCount); }

}  // namespace cfn_eks
