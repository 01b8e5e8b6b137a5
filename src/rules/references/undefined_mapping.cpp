// T206: Fn::FindInMap naming a mapping, or a literal key, that doesn't exist.

#include "rules/common/intrinsic_args.hpp"
#include "rules/common/names.hpp"
#include "rules/common/walk.hpp"
#include "rules/references/reference_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "T206",
    .name = "undefined-mapping",
    .severity = Severity::Error,
    .summary = "Fn::FindInMap names a mapping or a literal key that does not exist.",
    .doc = R"(Fn::FindInMap names a mapping or a literal key that does not exist.

## What it checks
The map name of every `Fn::FindInMap` must be a key of `Mappings`. When the top-level key is
written as a literal it must exist in that mapping, and when the second-level key is a literal
too it must exist under the top-level key. Keys computed by `Ref` or other functions are not
checked, and neither are keys of a lookup with a `DefaultValue` (AWS::LanguageExtensions).

## Why it matters
CloudFormation rejects the template for an unknown map name ("Template error: Mapping named
'X' is not present in the 'Mappings' section of template"), and fails the stack operation when
a key is missing ("Template error: Unable to get mapping for X::Y::Z").

## Example
```yaml
Mappings:
  AmiFamily:
    al2023: {Type: AL2023_x86_64_STANDARD}
Resources:
  NodeGroup:
    Type: AWS::EKS::Nodegroup
    Properties:
      AmiType: !FindInMap [AmiFamily, al2023, Typ]   # flagged: did you mean 'Type'?
```
Fixed: `AmiType: !FindInMap [AmiFamily, al2023, Type]`.

## How to fix
Correct the map name or key, add the missing entry to the mapping, or (with the
AWS::LanguageExtensions transform) give the lookup a `DefaultValue`.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-findinmap.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/mappings-section-structure.html
)",
};

bool is_literal_key(const Node* node) {
  return node != nullptr && (node->kind == NodeKind::String || node->kind == NodeKind::Number ||
                             node->kind == NodeKind::Bool);
}

std::vector<std::string_view> keys_of(const Node& mapping) {
  std::vector<std::string_view> keys;
  for (const MapEntry& entry : mapping.entries) keys.push_back(entry.key);
  return keys;
}

class UndefinedMapping final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const Template& tmpl = context.tmpl;
    if (macro_may_add_names(context)) return;
    std::vector<std::string_view> map_names;
    for (const NamedNode& mapping : tmpl.mappings()) map_names.push_back(mapping.name);
    walk_template(tmpl, [&](const Node& node, const WalkContext& ctx) {
      if (!node.is_intrinsic("Fn::FindInMap")) return;
      const Node* map_name = argument_item(node, 0);
      if (map_name == nullptr || !map_name->is_string() || mentions_loop_identifier(map_name->text, ctx)) return;
      const NamedNode* mapping = tmpl.mapping(map_name->text);
      if (mapping == nullptr) {
        sink.report(*map_name, "'" + map_name->text + "' is not a mapping" +
                                   did_you_mean(map_name->text, map_names, "define it in Mappings or correct the name"));
        return;
      }
      if (argument_item(node, 3) != nullptr) return;  // DefaultValue covers missing keys
      const Node* top_key = argument_item(node, 1);
      if (mapping->node == nullptr || !mapping->node->is_mapping() || !is_literal_key(top_key)) return;
      const Node* top_value = mapping->node->get(top_key->text);
      if (top_value == nullptr) {
        sink.report(*top_key, "'" + top_key->text + "' is not a top-level key of mapping '" + map_name->text +
                                  "'" + did_you_mean(top_key->text, keys_of(*mapping->node), "add the key or correct it"));
        return;
      }
      const Node* second_key = argument_item(node, 2);
      if (!top_value->is_mapping() || !is_literal_key(second_key) || top_value->get(second_key->text)) return;
      sink.report(*second_key, "'" + second_key->text + "' is not a key of mapping '" + map_name->text + "' under '" +
                                   top_key->text + "'" +
                                   did_you_mean(second_key->text, keys_of(*top_value), "add the key or correct it"));
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_undefined_mapping() { return std::make_unique<UndefinedMapping>(); }

}  // namespace cfn_eks
