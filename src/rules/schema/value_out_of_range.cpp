// S106 value-out-of-range: a property's value is too long, too short, too small or too large.

#include "rules/schema/schema_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "S106",
    .name = "value-out-of-range",
    .severity = Severity::Error,
    .summary = "A property's value is too long, too short, too small or too large.",
    .doc = R"md(A property's value is too long, too short, too small or too large.

## What it checks
`minLength`/`maxLength` of strings (counted in characters) and `minimum`/`maximum` of numbers,
for literal values and for the values parameters and mappings give. Dynamic references
(`{{resolve:...}}`) are not measured.

## Why it matters
The service rejects the value at deploy time, for example a nodegroup `DiskSize` below 1 or a
cluster name over 100 characters.

## Example
```yaml
ScalingConfig:
  MinSize: -1    # flagged: must be at least 0
```

## How to fix
Use a value within the bounds.

## References
- https://docs.aws.amazon.com/eks/latest/APIReference/API_NodegroupScalingConfig.html
)md",
};

}  // namespace

std::unique_ptr<Rule> make_value_out_of_range() { return std::make_unique<SchemaProblemRule>(kInfo, SchemaProblem::OutOfRange); }

}  // namespace cfn_eks
