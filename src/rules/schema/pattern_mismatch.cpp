// S105 pattern-mismatch: a property's value does not match the pattern its type requires.

#include "rules/schema/schema_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "S105",
    .name = "pattern-mismatch",
    .severity = Severity::Error,
    .summary = "A property's value does not match the pattern its type requires.",
    .doc = R"md(A property's value does not match the pattern its type requires.

## What it checks
String properties with a `pattern` in their schema, for example a cluster's `Version`
(`^1\.\d\d?$`) or a name's allowed characters. Literal values and the values parameters,
mappings and `Fn::Sub`/`Fn::Join` of known parts produce are checked. Dynamic references
(`{{resolve:...}}`) are not. Patterns that std::regex cannot compile (some official schemas use
`\p{L}`) and values over 4 KiB are skipped rather than guessed.

## Why it matters
The service rejects the value at deploy time.

## Example
```yaml
Version: "1.3O"   # flagged: letter O instead of zero
```

## How to fix
Correct the value so it has the required form.

## References
- https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html
)md",
};

}  // namespace

std::unique_ptr<Rule> make_pattern_mismatch() { return std::make_unique<SchemaProblemRule>(kInfo, SchemaProblem::PatternMismatch); }

}  // namespace cfn_eks
