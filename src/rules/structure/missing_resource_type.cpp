// T108 missing-resource-type: a resource without a Type, or with a Type that is not a
// resource type name.

#include "rules/structure/structure_rules.hpp"
#include "rules/structure/template_keys.hpp"

namespace cfn_eks {
namespace {

constexpr RuleInfo kInfo{
    .id = "T108",
    .name = "missing-resource-type",
    .severity = Severity::Error,
    .summary = "A resource has no Type, or its Type is not a well-formed resource type name.",
    .doc = R"md(A resource has no Type, or its Type is not a well-formed resource type name.

## What it checks
Every resource needs a `Type` written as a literal string of one of these forms:
- `Org::Service::Resource` (`AWS::EKS::Cluster`, `Alexa::ASK::Skill`, registry types);
- `Org::Service::Name::MODULE` (CloudFormation modules);
- `Custom::Name` where Name has letters, digits, `_`, `@` or `-` (at most 60 characters).

Whether the type exists is a different question, answered by the resource rules. `Fn::ForEach`
loops are skipped.

## Why it matters
CloudFormation rejects the template ("Template format error: [/Resources/Bucket] Every
Resources object must contain a Type member"). Missing colons (`AWS::S3:Bucket`) are a common
typo that is easy to overlook.

## Example
```yaml
Resources:
  Bucket:
    Type: AWS::S3:Bucket     # flagged
```
Fixed:
```yaml
Resources:
  Bucket:
    Type: AWS::S3::Bucket
```

## How to fix
Add or correct `Type`. Types cannot be computed with intrinsic functions.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-custom-resources.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/modules.html
)md",
};

constexpr std::size_t kCustomNameLength = 60;

std::vector<std::string_view> split_parts(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t at = text.find("::", start);
    if (at == std::string_view::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, at - start));
    start = at + 2;
  }
}

bool alphanumeric_part(std::string_view part) {
  if (part.empty()) return false;
  for (char c : part) {
    if (!is_ascii_alphanumeric(c)) return false;
  }
  return true;
}

bool custom_name(std::string_view part) {
  if (part.empty() || part.size() > kCustomNameLength) return false;
  for (char c : part) {
    if (!is_ascii_alphanumeric(c) && c != '_' && c != '@' && c != '-') return false;
  }
  return true;
}

bool well_formed_type(std::string_view type) {
  std::vector<std::string_view> parts = split_parts(type);
  if (parts.size() == 2 && parts[0] == "Custom") return custom_name(parts[1]);
  if (parts.size() == 4 && parts[3] == "MODULE") parts.pop_back();
  if (parts.size() != 3) return false;
  return alphanumeric_part(parts[0]) && alphanumeric_part(parts[1]) && alphanumeric_part(parts[2]);
}

class MissingResourceType final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const Node* root = context.document.root;
    if (!root || !root->is_mapping()) return;
    const Node* resources = root->get("Resources");
    if (!resources || !resources->is_mapping()) return;
    for (const MapEntry& entry : resources->entries) {
      if (is_expansion_key(entry.key) || !entry.value || !entry.value->is_mapping()) continue;
      check_type(entry, sink);
    }
  }

 private:
  static void check_type(const MapEntry& entry, DiagnosticSink& sink) {
    const MapEntry* type_entry = entry.value->find("Type");
    if (!type_entry) {
      sink.report_key(entry, "resource " + quote_name(entry.key) + " has no Type; add one such as AWS::S3::Bucket");
      return;
    }
    const Node* type = type_entry->value;
    if (!type || type->kind == NodeKind::Null) {
      sink.report_key(*type_entry, "resource " + quote_name(entry.key) + " has an empty Type; write a resource type");
      return;
    }
    if (!type->is_string()) {
      sink.report(*type, "Type of resource " + quote_name(entry.key) + " is " + kind_with_article(type->kind) +
                             "; write a literal resource type name");
      return;
    }
    if (well_formed_type(type->text)) return;
    sink.report(*type, quote_name(type->text) +
                           " is not a resource type name; write Org::Service::Resource or Custom::Name");
  }
};

}  // namespace

std::unique_ptr<Rule> make_missing_resource_type_rule() { return std::make_unique<MissingResourceType>(); }

}  // namespace cfn_eks
