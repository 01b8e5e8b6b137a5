// T104 invalid-logical-id: names of resources, parameters, outputs, mappings and conditions
// that CloudFormation does not accept.

#include <array>
#include <cctype>

#include "rules/structure/structure_rules.hpp"
#include "rules/structure/template_keys.hpp"

namespace cfn_eks {
namespace {

constexpr RuleInfo kInfo{
    .id = "T104",
    .name = "invalid-logical-id",
    .severity = Severity::Error,
    .summary = "A logical id has characters other than letters and digits, or is not unique.",
    .doc = R"md(A logical id has characters other than letters and digits, or is not unique.

## What it checks
The names of resources, parameters, outputs and mappings must be alphanumeric
(`[A-Za-z0-9]+`). Condition names may also contain `_` and `&`, which CloudFormation accepts
(as does cfn-lint). A parameter and a resource must not share a name. `Fn::ForEach::Name` loops
and `Fn::Transform` entries are not logical ids and are skipped. Names longer than 255
characters are reported by T105.

## Why it matters
CloudFormation rejects the template ("Template format error: Resource name my-bucket is
non alphanumeric"). Hyphens and underscores are the usual slip when the name was copied from
a physical name.

## Example
```yaml
Resources:
  my-bucket:            # flagged
    Type: AWS::S3::Bucket
```
Fixed:
```yaml
Resources:
  MyBucket:
    Type: AWS::S3::Bucket
```

## How to fix
Rename the entry (and every `Ref`, `Fn::GetAtt`, `Fn::Sub` and `DependsOn` that names it).
Physical names belong in properties such as `BucketName`, which allow other characters.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/outputs-section-structure.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/mappings-section-structure.html
)md",
};

struct SectionSpec {
  std::string_view section;
  std::string_view noun;
  bool condition_chars;  // `_` and `&` allowed as well
};

constexpr std::array<SectionSpec, 5> kSections = {{
    {"Parameters", "parameter", false},
    {"Mappings", "mapping", false},
    {"Conditions", "condition", true},
    {"Resources", "resource", false},
    {"Outputs", "output", false},
}};

bool valid_char(char c, bool condition_chars) {
  return is_ascii_alphanumeric(c) || (condition_chars && (c == '_' || c == '&'));
}

/// `my-bucket` -> `myBucket`: the name without the characters CloudFormation refuses.
std::string alphanumeric_name(std::string_view name) {
  std::string out;
  bool upper_next = false;
  for (char c : name) {
    if (is_ascii_alphanumeric(c)) {
      out += upper_next && !out.empty() ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      upper_next = false;
    } else if ((static_cast<unsigned char>(c) & 0x80) == 0) {
      upper_next = true;  // a separator such as '-' or '_' starts a new word; non-ASCII is dropped
    }
  }
  return out;
}

class InvalidLogicalId final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const Node* root = context.document.root;
    if (!root || !root->is_mapping()) return;
    for (const SectionSpec& spec : kSections) {
      const Node* section = root->get(spec.section);
      if (!section || !section->is_mapping()) continue;
      for (const MapEntry& entry : section->entries) {
        if (is_expansion_key(entry.key)) continue;
        check_name(entry, spec, sink);
      }
    }
    check_shared_names(*root, sink);
  }

 private:
  static void check_name(const MapEntry& entry, const SectionSpec& spec, DiagnosticSink& sink) {
    if (entry.key.empty()) {
      sink.report_key(entry, "empty " + std::string(spec.noun) + " name; use letters and digits");
      return;
    }
    bool valid = true;
    for (char c : entry.key) valid = valid && valid_char(c, spec.condition_chars);
    if (valid) return;
    std::string message = std::string(spec.noun) + " name " + quote_name(entry.key) +
                          (spec.condition_chars ? " has characters other than letters, digits, '_' and '&'"
                                                : " is not alphanumeric");
    std::string renamed = alphanumeric_name(entry.key);
    if (renamed.empty()) {
      message += "; use letters and digits only";
    } else {
      message += "; rename it, e.g. to " + quote_name(renamed);
    }
    sink.report_key(entry, std::move(message));
  }

  // Parameters and resources share one namespace (Ref reaches both).
  static void check_shared_names(const Node& root, DiagnosticSink& sink) {
    const Node* parameters = root.get("Parameters");
    const Node* resources = root.get("Resources");
    if (!parameters || !resources || !parameters->is_mapping() || !resources->is_mapping()) return;
    for (const MapEntry& resource : resources->entries) {
      if (is_expansion_key(resource.key)) continue;
      const MapEntry* parameter = parameters->find(resource.key);
      if (!parameter) continue;
      Diagnostic& diagnostic = sink.report_key(
          resource, quote_name(resource.key) + " is both a parameter and a resource; rename one of them");
      sink.relate(diagnostic, parameter->key_range, "parameter defined here");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_invalid_logical_id_rule() { return std::make_unique<InvalidLogicalId>(); }

}  // namespace cfn_eks
