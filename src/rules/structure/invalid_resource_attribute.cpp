// T107 invalid-resource-attribute: unknown keys in a resource, bad DeletionPolicy or
// UpdateReplacePolicy values, attribute values of the wrong kind.

#include <algorithm>

#include "knowledge/template_limits.hpp"
#include "rules/common/quick_fix.hpp"
#include "rules/structure/structure_rules.hpp"
#include "rules/structure/template_keys.hpp"
#include "util/edit_distance.hpp"

namespace cfn_eks {
namespace {

constexpr RuleInfo kInfo{
    .id = "T107",
    .name = "invalid-resource-attribute",
    .severity = Severity::Error,
    .summary = "A resource has an unknown attribute or an invalid DeletionPolicy or UpdateReplacePolicy.",
    .doc = R"md(A resource has an unknown attribute or an invalid DeletionPolicy or UpdateReplacePolicy.

## What it checks
- Each key of a resource must be one of Type, Properties, DependsOn, Condition,
  DeletionPolicy, UpdateReplacePolicy, UpdatePolicy, CreationPolicy, Metadata (custom
  resources may also carry the legacy `Version`); a misspelt key gets a "did you mean"
  suggestion.
- `DeletionPolicy` must be Delete, Retain, RetainExceptOnCreate or Snapshot;
  `UpdateReplacePolicy` must be Delete, Retain or Snapshot. Snapshot is accepted only by the
  resource types that support it (RDS, EBS volumes, ElastiCache, Neptune, DocumentDB,
  Redshift; `schemas/cloudformation/template_syntax.json`). A policy written with an intrinsic
  function is checked when all of its values are known.
- `Properties`, `Metadata`, `UpdatePolicy` and `CreationPolicy` must be mappings.

`Fn::ForEach` loops are skipped; `Type` is checked by T108.

## Why it matters
CloudFormation rejects the template ("Invalid template resource property 'Propertes'"). A
misspelt `Properties` key otherwise means the resource is created with no properties at all.

## Example
```yaml
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    DeletionPolicy: Snapshot    # flagged: S3 buckets cannot be snapshotted
    Propertes:                  # flagged: did you mean 'Properties'?
      BucketName: logs
```
Fixed:
```yaml
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    Properties:
      BucketName: logs
```

## How to fix
Correct the attribute name, or move custom data under `Metadata`. Use a policy value that the
resource type supports. A policy written in the wrong letter case (`retain`) has a quick fix
(`cfn-eks lint --fix`).

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-product-attribute-reference.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-updatereplacepolicy.html
)md",
    .quick_fix = true,
};

std::string join_values(const std::vector<std::string>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i != 0) out += i + 1 == values.size() ? " or " : ", ";
    out += values[i];
  }
  return out;
}

bool is_custom_type(std::string_view type) {
  return type.starts_with("Custom::") || type == "AWS::CloudFormation::CustomResource";
}

class InvalidResourceAttribute final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const Node* root = context.document.root;
    if (!root || !root->is_mapping()) return;
    const Node* resources = root->get("Resources");
    if (!resources || !resources->is_mapping()) return;
    for (const MapEntry& entry : resources->entries) {
      if (is_expansion_key(entry.key) || !entry.value || !entry.value->is_mapping()) continue;
      check_resource_node(context, *entry.value, sink);
    }
  }

 private:
  static void check_resource_node(const LintContext& context, const Node& resource, DiagnosticSink& sink) {
    const std::vector<std::string_view>& attributes = resource_attributes();
    const Node* type = resource.get("Type");
    std::string_view type_name = type && type->is_string() ? std::string_view(type->text) : std::string_view();
    for (const MapEntry& attribute : resource.entries) {
      if (std::find(attributes.begin(), attributes.end(), attribute.key) != attributes.end()) continue;
      // Custom resources keep the legacy `Version: "1.0"` attribute, which CloudFormation accepts.
      if (attribute.key == "Version" && is_custom_type(type_name)) continue;
      std::string message = quote_name(attribute.key) + " is not a resource attribute";
      std::string_view suggestion = closest_match(attribute.key, attributes);
      if (!suggestion.empty()) {
        message += "; did you mean " + quote_name(suggestion) + "?";
      } else {
        message += "; move it under Properties or Metadata";
      }
      sink.report_key(attribute, std::move(message));
    }

    for (std::string_view key : {"Properties", "Metadata", "UpdatePolicy", "CreationPolicy"}) {
      const Node* value = resource.get(key);
      if (!value || value->is_mapping() || value->is_intrinsic() || value->kind == NodeKind::Null) continue;
      sink.report(*value, std::string(key) + " is " + kind_with_article(value->kind) + "; write a mapping");
    }

    const TemplateSyntax* syntax = template_syntax();
    if (!syntax) return;
    check_policy(context, resource.get("DeletionPolicy"), "DeletionPolicy", syntax->deletion_policy_values,
                 type_name, *syntax, sink);
    check_policy(context, resource.get("UpdateReplacePolicy"), "UpdateReplacePolicy",
                 syntax->update_replace_policy_values, type_name, *syntax, sink);
  }

  static void check_policy(const LintContext& context, const Node* value, std::string_view attribute,
                           const std::vector<std::string>& all_values, std::string_view type,
                           const TemplateSyntax& syntax, DiagnosticSink& sink) {
    if (!value) return;
    // Snapshot only for types that support it; an unknown (missing) type gets the benefit of the doubt.
    std::vector<std::string> allowed;
    bool snapshot_ok = type.empty() || syntax.snapshot_resource_types.contains(type);
    for (const std::string& v : all_values) {
      if (v != "Snapshot" || snapshot_ok) allowed.push_back(v);
    }

    if (value->is_intrinsic()) {
      // Functions (Ref, FindInMap, If, ...) are checked when every value they can take is known.
      Resolution resolution = context.resolver.resolve(*value);
      if (!resolution.complete()) return;
      for (const PossibleValue& possible : resolution.values) {
        if (possible.kind != PossibleValue::Kind::String) continue;
        if (std::find(allowed.begin(), allowed.end(), possible.text) != allowed.end()) continue;
        sink.report(*value, describe_bad(attribute, possible.text, possible.describe(*context.document.source),
                                         allowed, type, all_values));
      }
      return;
    }
    if (!value->is_string()) {
      sink.report(*value, std::string(attribute) + " is " + kind_with_article(value->kind) + "; use " +
                              join_values(allowed));
      return;
    }
    if (std::find(allowed.begin(), allowed.end(), value->text) != allowed.end()) return;
    Diagnostic& d = sink.report(*value, describe_bad(attribute, value->text, quote_name(value->text), allowed, type, all_values));
    // Only the letter case wrong ('retain'): the one allowed value it spells is the fix.
    const std::string* spelled = nullptr;
    for (const std::string& candidate : allowed) {
      if (!equals_ignoring_case(candidate, value->text)) continue;
      if (spelled != nullptr) return;
      spelled = &candidate;
    }
    if (spelled != nullptr) add_scalar_fix(d, context.document, *value, *spelled, "write '" + *spelled + "'");
  }

  /// `subject` shows the value: "'Retian'" or "'Retian' from parameter Policy's default at line 4".
  static std::string describe_bad(std::string_view attribute, const std::string& text, const std::string& subject,
                                  const std::vector<std::string>& allowed, std::string_view type,
                                  const std::vector<std::string>& all_values) {
    bool known_elsewhere = std::find(all_values.begin(), all_values.end(), text) != all_values.end();
    if (known_elsewhere) {
      return subject + " is not a " + std::string(attribute) + " for " + std::string(type) + "; use " +
             join_values(allowed);
    }
    std::vector<std::string_view> candidates(allowed.begin(), allowed.end());
    std::string_view suggestion = closest_match(text, candidates);
    std::string message = subject + " is not a valid " + std::string(attribute);
    if (!suggestion.empty()) return message + "; did you mean " + quote_name(suggestion) + "?";
    return message + "; use " + join_values(allowed);
  }
};

}  // namespace

std::unique_ptr<Rule> make_invalid_resource_attribute_rule() {
  return std::make_unique<InvalidResourceAttribute>();
}

}  // namespace cfn_eks
