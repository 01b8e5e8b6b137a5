// T103 invalid-format-version: AWSTemplateFormatVersion other than "2010-09-09".

#include "rules/common/quick_fix.hpp"
#include "rules/structure/structure_rules.hpp"
#include "rules/structure/template_keys.hpp"

namespace cfn_eks {
namespace {

constexpr std::string_view kFormatVersion = "2010-09-09";

constexpr RuleInfo kInfo{
    .id = "T103",
    .name = "invalid-format-version",
    .severity = Severity::Error,
    .summary = "AWSTemplateFormatVersion is not the string 2010-09-09.",
    .doc = R"md(AWSTemplateFormatVersion is not the string 2010-09-09.

## What it checks
When present, `AWSTemplateFormatVersion` must be `2010-09-09`, the only version there is.
The unquoted YAML `2010-09-09` is accepted: CloudFormation (and cfn-lint) read it as that
string even though YAML 1.1 would call it a date. A number such as `2010` or a list is not.

## Why it matters
CloudFormation rejects any other value ("Template format error: Unsupported template format
version"). The section is optional; a wrong value is worse than none.

## Example
```yaml
AWSTemplateFormatVersion: "2010-09-10"   # flagged
```
Fixed:
```yaml
AWSTemplateFormatVersion: "2010-09-09"
```

## How to fix
Write `AWSTemplateFormatVersion: "2010-09-09"` or remove the line. For a string or number the
quick fix (`cfn-eks lint --fix`) writes `2010-09-09`, the only version there is.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/format-version-structure.html
)md",
    .quick_fix = true,
};

class InvalidFormatVersion final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const Node* root = context.document.root;
    if (!root || !root->is_mapping()) return;
    const MapEntry* entry = root->find("AWSTemplateFormatVersion");
    if (!entry) return;
    const Node* value = entry->value;
    if (!value || value->kind == NodeKind::Null) {
      sink.report_key(*entry, "AWSTemplateFormatVersion has no value; write '2010-09-09' or remove it");
      return;
    }
    if (value->is_string()) {
      if (value->text == kFormatVersion) return;
      Diagnostic& d = sink.report(*value, quote_name(value->text) + " is not a template format version; use '2010-09-09'");
      add_scalar_fix(d, context.document, *value, kFormatVersion, "write '2010-09-09'");
      return;
    }
    std::string shown = value->is_scalar() ? quote_name(value->text) + " is " : std::string("is ");
    Diagnostic& d = sink.report(*value, "AWSTemplateFormatVersion " + shown + kind_with_article(value->kind) +
                                            "; write the string '2010-09-09'");
    // A number (2010) or boolean: one version exists. Lists and intrinsics are left to the user.
    if (value->is_scalar()) add_scalar_fix(d, context.document, *value, kFormatVersion, "write '2010-09-09'");
  }
};

}  // namespace

std::unique_ptr<Rule> make_invalid_format_version_rule() { return std::make_unique<InvalidFormatVersion>(); }

}  // namespace cfn_eks
