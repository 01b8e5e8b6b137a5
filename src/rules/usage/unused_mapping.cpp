// T402 unused-mapping: a mapping that no Fn::FindInMap reads.

#include "rules/structure/template_keys.hpp"
#include "rules/usage/usage_rules.hpp"
#include "rules/usage/usage_scan.hpp"

namespace cfn_eks {
namespace {

constexpr RuleInfo kInfo{
    .id = "T402",
    .name = "unused-mapping",
    .severity = Severity::Warning,
    .summary = "A mapping is declared but no Fn::FindInMap reads it.",
    .doc = R"md(A mapping is declared but no Fn::FindInMap reads it.

## What it checks
A mapping counts as used when an `Fn::FindInMap` anywhere in the template names it as a
literal first argument. The rule stays silent when some `Fn::FindInMap` computes the map name
(it could read any mapping) and when the template uses a transform other than
`AWS::LanguageExtensions` (its output may read the mappings).

## Why it matters
Unused mappings are dead data: AMI or CIDR tables that nobody reads go stale while readers
still trust them. They also count against the 200-mapping quota.

## Example
```yaml
Mappings:
  RegionAmi:          # flagged: no Fn::FindInMap reads it
    us-east-1:
      Ami: ami-12345678
```
Fixed: remove the mapping, or read it with `!FindInMap [RegionAmi, !Ref "AWS::Region", Ami]`.

## How to fix
Delete the mapping or use it where it was meant to be used.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/mappings-section-structure.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-findinmap.html
)md",
};

class UnusedMapping final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const Node* mappings = context.tmpl.section("Mappings");
    if (!mappings || !mappings->is_mapping() || mappings->entries.empty()) return;
    const UsageScan& scan = usage_scan(context);
    if (scan.opaque_transform || scan.dynamic_maps) return;
    for (const MapEntry& entry : mappings->entries) {
      if (is_expansion_key(entry.key) || scan.maps.contains(entry.key)) continue;
      sink.report_key(entry, "mapping " + quote_name(entry.key) + " is not used by any Fn::FindInMap; remove it");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_unused_mapping_rule() { return std::make_unique<UnusedMapping>(); }

}  // namespace cfn_eks
