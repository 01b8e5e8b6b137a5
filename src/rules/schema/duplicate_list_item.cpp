// S108 duplicate-list-item: a list property whose items must be unique lists the same item twice.

#include "rules/schema/schema_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "S108",
    .name = "duplicate-list-item",
    .severity = Severity::Warning,
    .summary = "A list property whose items must be unique lists the same item twice.",
    .doc = R"md(A list property whose items must be unique lists the same item twice.

## What it checks
Lists whose schema says `uniqueItems`: the same literal, the same `Ref` or the same
`Fn::GetAtt` written twice.

## Why it matters
Some services reject duplicates, others silently drop them; either way the second entry is a
mistake, often a copy-paste where another subnet or security group was meant.

## Example
```yaml
SecurityGroupIds:
  - !Ref NodeSecurityGroup
  - !Ref NodeSecurityGroup   # flagged
```

## How to fix
Remove the duplicate, or put the item that was meant.

## References
- https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html
)md",
};

}  // namespace

std::unique_ptr<Rule> make_duplicate_list_item() { return std::make_unique<SchemaProblemRule>(kInfo, SchemaProblem::DuplicateItem); }

}  // namespace cfn_eks
