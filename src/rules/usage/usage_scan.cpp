#include "rules/usage/usage_scan.hpp"

#include <algorithm>

#include "rules/structure/template_keys.hpp"

namespace cfn_eks {
namespace {

constexpr std::string_view kLanguageExtensions = "AWS::LanguageExtensions";

/// Inside Fn::ForEach output templates, `${Id}` and `&{Id}` are replaced textually, so a
/// name containing them names something we cannot know.
bool templated(std::string_view name) {
  return name.find("${") != std::string_view::npos || name.find("&{") != std::string_view::npos;
}

class UsageWalker {
 public:
  explicit UsageWalker(UsageScan& scan) : scan_(scan) {}

  void walk(const Node* node) {
    if (!node) return;
    switch (node->kind) {
      case NodeKind::Mapping:
        for (const MapEntry& entry : node->entries) {
          if (entry.key == "Fn::Transform") scan_.opaque_transform = true;
          // A resource's or output's `Condition: Name` (also inside Fn::ForEach bodies).
          if (entry.key == "Condition" && entry.value && entry.value->is_string()) {
            add_condition(entry.value->text);
          }
          walk(entry.value);
        }
        return;
      case NodeKind::Sequence:
        for (const Node* item : node->items) walk(item);
        return;
      case NodeKind::Intrinsic:
        intrinsic(*node);
        return;
      default:
        return;
    }
  }

 private:
  void intrinsic(const Node& node) {
    const Node* argument = node.argument;
    if (node.text == "Ref") {
      if (argument && argument->is_string()) {
        add_ref(argument->text);
      } else {
        scan_.dynamic_refs = true;
      }
    } else if (node.text == "Condition") {
      if (argument && argument->is_string()) {
        add_condition(argument->text);
      } else {
        scan_.dynamic_conditions = true;
      }
    } else if (node.text == "Fn::If") {
      const Node* name = argument && argument->is_sequence() && !argument->items.empty() ? argument->items[0] : nullptr;
      if (name && name->is_string()) {
        add_condition(name->text);
      } else {
        scan_.dynamic_conditions = true;
      }
    } else if (node.text == "Fn::FindInMap") {
      const Node* name = argument && argument->is_sequence() && !argument->items.empty() ? argument->items[0] : nullptr;
      if (name && name->is_string() && !templated(name->text)) {
        scan_.maps.insert(name->text);
      } else {
        scan_.dynamic_maps = true;
      }
    } else if (node.text == "Fn::ValueOf") {
      // Rules: `Fn::ValueOf: [ParameterName, Attribute]` reads a parameter.
      const Node* name = argument && argument->is_sequence() && !argument->items.empty() ? argument->items[0] : nullptr;
      if (name && name->is_string()) add_ref(name->text);
    } else if (node.text == "Fn::Sub") {
      sub(argument);
      return;  // sub() walks what it must
    } else if (node.text == "Fn::Transform") {
      scan_.opaque_transform = true;
    }
    walk(argument);
  }

  // `${Name}` in the string names a parameter or resource unless the variable map binds it.
  void sub(const Node* argument) {
    if (!argument) return;
    const Node* text = argument;
    const Node* variables = nullptr;
    if (argument->is_sequence()) {
      text = argument->items.empty() ? nullptr : argument->items[0];
      variables = argument->items.size() > 1 ? argument->items[1] : nullptr;
    }
    if (text && text->is_string()) {
      for (const SubVariable& variable : sub_variables(text->text)) {
        if (variables && variables->is_mapping() && variables->find(variable.name)) continue;
        add_ref(variable.name);
      }
    } else {
      walk(text);
    }
    walk(variables);
  }

  void add_ref(std::string_view name) {
    if (templated(name)) {
      scan_.dynamic_refs = true;
      return;
    }
    // `${Res.Attr}` is a GetAtt; only the logical id part can be a parameter name.
    scan_.refs.insert(std::string(name.substr(0, name.find('.'))));
  }

  void add_condition(std::string_view name) {
    if (templated(name)) {
      scan_.dynamic_conditions = true;
      return;
    }
    scan_.conditions.insert(std::string(name));
  }

  UsageScan& scan_;
};

}  // namespace

UsageScan scan_usage(const Template& tmpl) {
  UsageScan scan;
  for (std::string_view transform : tmpl.transforms()) {
    if (transform != kLanguageExtensions) scan.opaque_transform = true;
  }
  // A Transform section we cannot read as names (e.g. `{Name: AWS::Include, ...}`) is opaque too.
  if (const Node* section = tmpl.section("Transform"); section && !section->is_string() && !section->is_sequence()) {
    scan.opaque_transform = true;
  }
  UsageWalker walker(scan);
  walker.walk(tmpl.root());
  return scan;
}

const UsageScan& usage_scan(const LintContext& context) {
  return context.cache.get<UsageScan>("usage-scan", [&] { return scan_usage(context.tmpl); });
}

}  // namespace cfn_eks
