// T101 unknown-top-level-key: a top-level key CloudFormation does not know.

#include <algorithm>
#include <cctype>

#include "rules/structure/structure_rules.hpp"
#include "rules/structure/template_keys.hpp"
#include "util/edit_distance.hpp"

namespace cfn_eks {
namespace {

constexpr RuleInfo kInfo{
    .id = "T101",
    .name = "unknown-top-level-key",
    .severity = Severity::Error,
    .summary = "A top-level key is not a CloudFormation template section.",
    .doc = R"md(A top-level key is not a CloudFormation template section.

## What it checks
Every key at the top of the template must be one of the sections CloudFormation knows:
AWSTemplateFormatVersion, Description, Metadata, Parameters, Rules, Mappings, Conditions,
Transform, Resources, Outputs (and Hooks). A misspelt key gets a "did you mean" suggestion.

## Why it matters
CloudFormation rejects the template ("Invalid template property or properties"). A misspelt
section such as `Output` or `resources` is also never read, so its content silently goes
missing in tools that ignore unknown keys.

## Example
```yaml
Resource:          # flagged: did you mean 'Resources'?
  Bucket:
    Type: AWS::S3::Bucket
```
Fixed:
```yaml
Resources:
  Bucket:
    Type: AWS::S3::Bucket
```

## How to fix
Correct the spelling (section names are case-sensitive), or move the content under
`Metadata` if it is information for other tools.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html
)md",
};

class UnknownTopLevelKey final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const Node* root = context.document.root;
    if (!root || !root->is_mapping()) return;
    const std::vector<std::string_view>& sections = top_level_sections();
    for (const MapEntry& entry : root->entries) {
      if (is_foreach_key(entry.key)) continue;
      if (std::find(sections.begin(), sections.end(), entry.key) != sections.end()) continue;
      std::string message = quote_name(entry.key) + " is not a template section";
      std::string_view suggestion = suggest(entry.key, sections);
      if (!suggestion.empty()) {
        message += "; did you mean " + quote_name(suggestion) + "?";
      } else {
        message += "; remove it or move it under Metadata";
      }
      sink.report_key(entry, std::move(message));
    }
  }

 private:
  // Section names are case-sensitive, so a case-only difference is the likeliest typo.
  static std::string_view suggest(std::string_view key, const std::vector<std::string_view>& sections) {
    for (std::string_view section : sections) {
      if (equals_ignoring_case(section, key)) {
        return section;
      }
    }
    return closest_match(key, sections);
  }
};

}  // namespace

std::unique_ptr<Rule> make_unknown_top_level_key_rule() { return std::make_unique<UnknownTopLevelKey>(); }

}  // namespace cfn_eks
