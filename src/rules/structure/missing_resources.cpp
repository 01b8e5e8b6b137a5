// T102 missing-resources: the template declares no resources.

#include "rules/structure/structure_rules.hpp"
#include "rules/structure/template_keys.hpp"

namespace cfn_eks {
namespace {

constexpr RuleInfo kInfo{
    .id = "T102",
    .name = "missing-resources",
    .severity = Severity::Error,
    .summary = "The template has no Resources section, or it is empty or not a mapping.",
    .doc = R"md(The template has no Resources section, or it is empty or not a mapping.

## What it checks
The top-level `Resources` section must exist and be a mapping with at least one resource
(or an `Fn::Transform`/`Fn::ForEach` entry that produces resources). A template that is not a
mapping at all is reported by T106 instead; a file that does not parse by the loader rules.

## Why it matters
Resources is the only required section. CloudFormation rejects a template without it
("Template format error: At least one Resources member must be defined").

## Example
```yaml
Parameters:
  Env:
    Type: String
Resources:        # flagged: the section is empty
```
Fixed:
```yaml
Resources:
  Bucket:
    Type: AWS::S3::Bucket
```

## How to fix
Add at least one resource. A template that only computes values still needs one; a
`AWS::CloudFormation::WaitConditionHandle` is the usual placeholder.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html
)md",
};

class MissingResources final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const Document& document = context.document;
    const Node* root = document.root;
    if (!root) {
      // Nothing parsed: the loader has already said why, unless the file is simply empty.
      if (document.diagnostics.empty()) sink.report(ByteRange{}, "template is empty; add a Resources section");
      return;
    }
    if (root->kind == NodeKind::Null) {
      sink.report(root->range, "template is empty; add a Resources section");
      return;
    }
    if (!root->is_mapping()) return;  // T106 reports a template that is not a mapping.

    const MapEntry* entry = root->find("Resources");
    if (!entry) {
      ByteRange at = root->entries.empty() ? root->range : root->entries.front().key_range;
      sink.report(at, "template has no Resources section; add at least one resource");
      return;
    }
    const Node* value = entry->value;
    if (!value || value->kind == NodeKind::Null) {
      sink.report_key(*entry, "Resources section is empty; add at least one resource");
      return;
    }
    if (is_transform_value(value)) return;  // AWS::Include supplies the resources.
    if (!value->is_mapping()) {
      sink.report(*value, "Resources is " + kind_with_article(value->kind) +
                              "; write a mapping of logical ids to resources");
      return;
    }
    if (value->entries.empty()) {
      sink.report_key(*entry, "Resources section is empty; add at least one resource");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_missing_resources_rule() { return std::make_unique<MissingResources>(); }

}  // namespace cfn_eks
