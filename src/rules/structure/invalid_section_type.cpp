// T106 invalid-section-type: a section or a section entry of the wrong kind.

#include <array>

#include "rules/structure/structure_rules.hpp"
#include "rules/structure/template_keys.hpp"

namespace cfn_eks {
namespace {

constexpr RuleInfo kInfo{
    .id = "T106",
    .name = "invalid-section-type",
    .severity = Severity::Error,
    .summary = "A template section, or an entry of one, has the wrong kind of value.",
    .doc = R"md(A template section, or an entry of one, has the wrong kind of value.

## What it checks
- The template itself must be a mapping of sections.
- `Description` must be a string; `Metadata`, `Parameters`, `Rules`, `Mappings`,
  `Conditions`, `Outputs` and `Hooks` must be mappings; `Transform` a name, a list of names or
  a mapping with `Name`.
- Each parameter, resource, output, rule and mapping must be a mapping, and so must each key
  of a mapping.

`Resources` itself is checked by T102 and `AWSTemplateFormatVersion` by T103. Values inserted
by `Fn::Transform` and `Fn::ForEach` loops are skipped.

## Why it matters
CloudFormation rejects the template ("Template format error: Every Parameters member must be
an object"). Indentation slips in YAML often turn a mapping into a string or a list.

## Example
```yaml
Parameters:
  - Env: String      # flagged: Parameters is a list
```
Fixed:
```yaml
Parameters:
  Env:
    Type: String
```

## How to fix
Fix the indentation or the structure so that the section has the documented shape.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/transform-section-structure.html
)md",
};

/// Sections whose value is a mapping, with what each entry must be.
struct MappingSection {
  std::string_view name;
  std::string_view entry_noun;  // empty: entries may be anything
};

constexpr std::array<MappingSection, 7> kMappingSections = {{
    {"Metadata", ""},
    {"Parameters", "parameter"},
    {"Rules", "rule"},
    {"Mappings", "mapping"},
    {"Conditions", ""},  // condition functions are checked by the intrinsic rules
    {"Outputs", "output"},
    {"Hooks", ""},
}};

class InvalidSectionType final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const Node* root = context.document.root;
    if (!root || root->kind == NodeKind::Null) return;  // T102: empty template
    if (!root->is_mapping()) {
      sink.report(*root, "template is " + kind_with_article(root->kind) +
                             "; write a mapping of sections such as Resources");
      return;
    }
    check_description(*root, sink);
    check_transform(*root, sink);
    for (const MappingSection& spec : kMappingSections) check_mapping_section(*root, spec, sink);
    check_resources(*root, sink);
    check_mappings(*root, sink);
  }

 private:
  static void check_description(const Node& root, DiagnosticSink& sink) {
    const Node* value = root.get("Description");
    if (!value || value->is_string()) return;
    sink.report(*value, "Description is " + kind_with_article(value->kind) + "; write a string");
  }

  static void check_transform(const Node& root, DiagnosticSink& sink) {
    const Node* value = root.get("Transform");
    if (!value) return;
    auto valid_item = [](const Node* item) {
      return item && (item->is_string() || (item->is_mapping() && item->get("Name")));
    };
    if (valid_item(value)) return;
    if (value->is_sequence()) {
      for (const Node* item : value->items) {
        if (valid_item(item)) continue;
        bool empty = !item || item->kind == NodeKind::Null;
        sink.report(item ? item->range : value->range,
                    (empty ? std::string("transform is empty") : "transform is " + kind_with_article(item->kind)) +
                        "; write a transform or macro name");
      }
      return;
    }
    sink.report(*value, "Transform is " + kind_with_article(value->kind) +
                            "; write a transform name, a list of names or a mapping with Name");
  }

  static void check_mapping_section(const Node& root, const MappingSection& spec, DiagnosticSink& sink) {
    const MapEntry* entry = root.find(spec.name);
    if (!entry) return;
    const Node* value = entry->value;
    if (is_transform_value(value)) return;
    if (!value || !value->is_mapping()) {
      if (!value || value->kind == NodeKind::Null) {
        sink.report_key(*entry, std::string(spec.name) + " is empty; write a mapping or remove the section");
      } else {
        sink.report(*value, std::string(spec.name) + " is " + kind_with_article(value->kind) + "; write a mapping");
      }
      return;
    }
    if (spec.entry_noun.empty()) return;
    for (const MapEntry& item : value->entries) check_entry(item, spec.entry_noun, sink);
  }

  static void check_entry(const MapEntry& item, std::string_view noun, DiagnosticSink& sink) {
    if (is_expansion_key(item.key)) return;
    const Node* value = item.value;
    if (value && (value->is_mapping() || is_transform_value(value))) return;
    std::string name = std::string(noun) + " " + quote_name(item.key);
    if (!value || value->kind == NodeKind::Null) {
      sink.report_key(item, name + " is empty; write a mapping");
    } else {
      sink.report(*value, name + " is " + kind_with_article(value->kind) + "; write a mapping");
    }
  }

  static void check_resources(const Node& root, DiagnosticSink& sink) {
    const Node* resources = root.get("Resources");
    if (!resources || !resources->is_mapping()) return;  // T102
    for (const MapEntry& item : resources->entries) check_entry(item, "resource", sink);
  }

  // Mappings are two levels of mappings: name -> key -> attributes.
  static void check_mappings(const Node& root, DiagnosticSink& sink) {
    const Node* mappings = root.get("Mappings");
    if (!mappings || !mappings->is_mapping()) return;
    for (const MapEntry& mapping : mappings->entries) {
      if (is_expansion_key(mapping.key) || !mapping.value || !mapping.value->is_mapping()) continue;
      for (const MapEntry& key : mapping.value->entries) check_entry(key, "mapping key", sink);
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_invalid_section_type_rule() { return std::make_unique<InvalidSectionType>(); }

}  // namespace cfn_eks
