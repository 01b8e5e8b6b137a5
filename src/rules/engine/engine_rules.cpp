// Rules whose findings the lint engine makes (src/lint/suppressions.cpp, src/config/).

#include "rules/rule_lists.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kUnusedSuppression{
    "T901", "unused-suppression", Severity::Warning, "A suppression matches no finding.",
    R"(## What it checks
Every suppression — `Metadata: {cfn-eks: {ignore: [...]}}` on the template or a resource, or an
inline `# cfn-eks: ignore[ID] reason` comment — silences at least one finding of a rule that ran.

## Why it matters
A stale suppression hides nothing today but will hide a real problem tomorrow; removing it keeps
the template honest.

## Example
```yaml
Parameters:
  Unused:   # cfn-eks: ignore[T401] kept for the old pipeline
    Type: String
```
becomes flagged once the parameter is used again.

## How to fix
Delete the suppression, or correct the rule id in it.

## References
- README.md, section "Suppressing findings")",
    RuleStatus::Stable};

constexpr RuleInfo kInvalidConfiguration{
    "T902", "invalid-configuration", Severity::Error,
    "A configuration file or suppression names an unknown rule, key or value.",
    R"(## What it checks
`.cfn-eks.yaml` and suppressions use known keys, known rule ids or names, and valid values
(severities `error`, `warning`, `info`; `fail-on` also `never`).

## Why it matters
A misspelt rule id silences nothing and overrides nothing: the configuration you think you have is
not the one that runs.

## Example
```yaml
ignore: [T4O1]   # flagged: letter O instead of zero
```

## How to fix
Use `cfn-eks rules` to list the ids and names; the message suggests the closest one.

## References
- README.md, section "Configuration")",
    RuleStatus::Stable};

constexpr RuleInfo kInternalError{
    "T999", "internal-error", Severity::Error, "A rule failed while checking this template.",
    R"(## What it checks
Nothing in the template: this finding reports a bug in cfn-eks. A rule that fails is isolated,
the other rules still run, and the failure is reported here instead of crashing.

## Why it matters
The failing rule's checks did not run on this template.

## Example
`rule 'T201' failed: ...`

## How to fix
Report it with the template (or a reduced one) so the rule can be fixed; meanwhile
`--ignore` the failing rule if it blocks CI.

## References
- README.md, section "Exit status")",
    RuleStatus::Stable};

}  // namespace

void add_engine_rules(RuleList& rules) {
  rules.push_back(std::make_unique<BuiltinRule>(kUnusedSuppression));
  rules.push_back(std::make_unique<BuiltinRule>(kInvalidConfiguration));
  rules.push_back(std::make_unique<BuiltinRule>(kInternalError));
}

}  // namespace cfn_eks
