// T502 duplicate-export-name: two outputs export the same name.

#include <optional>

#include "rules/outputs/output_rules.hpp"
#include "rules/structure/template_keys.hpp"

namespace cfn_eks {
namespace {

constexpr RuleInfo kInfo{
    .id = "T502",
    .name = "duplicate-export-name",
    .severity = Severity::Error,
    .summary = "Two outputs export the same name.",
    .doc = R"md(Two outputs export the same name.

## What it checks
The `Export.Name` values of all outputs are compared. Names are compared only when they are
known for certain: literal text, and `Fn::Sub`/`Fn::Join` built from literals and references.
The same reference stands for the same value within one stack, so
`!Sub "${AWS::StackName}-VpcId"` twice is a duplicate whatever the stack is called, and so is
`!Join ["-", [!Ref "AWS::StackName", VpcId]]` next to it. Other functions are resolved when all
their values are known. Two outputs with different `Condition`s are not compared (they may
never exist together).

## Why it matters
Export names must be unique within an account and region; CloudFormation rejects the stack
("Template format error: duplicate Export names"). Copy-pasted outputs often keep the old
name.

## Example
```yaml
Outputs:
  VpcId:
    Value: !Ref Vpc
    Export: {Name: !Sub "${AWS::StackName}-Vpc"}
  SubnetIds:
    Value: !Join [",", [!Ref SubnetA, !Ref SubnetB]]
    Export: {Name: !Sub "${AWS::StackName}-Vpc"}    # flagged
```
Fixed: export the second output as `!Sub "${AWS::StackName}-SubnetIds"`.

## How to fix
Give each export its own name; prefixing with the stack name keeps them unique across stacks.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/outputs-section-structure.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-stack-exports.html
)md",
};

/// A string expression written out with references kept symbolic: `key` compares (references
/// are delimited so they cannot collide with text), `display` is shown in messages.
struct SymbolicString {
  std::string key;
  std::string display;

  void literal(std::string_view text) {
    for (char c : text) {
      if (c == '\x01') key += '\x01';  // escape the delimiter
      key += c;
    }
    display += text;
  }
  void reference(std::string_view kind, std::string_view name) {
    key += '\x01';
    key += kind;
    key += ':';
    key += name;
    key += '\x01';
    display += "${";
    display += name;
    display += '}';
  }
  void append(const SymbolicString& other) {
    key += other.key;
    display += other.display;
  }
};

class Symbolizer {
 public:
  explicit Symbolizer(const Resolver& resolver) : resolver_(resolver) {}

  /// The expression as a symbolic string, or nullopt when its value is not certain.
  std::optional<SymbolicString> symbolize(const Node& node, unsigned depth = 0) const {
    if (depth > kMaxDepth) return std::nullopt;
    if (node.is_string() || node.kind == NodeKind::Number || node.kind == NodeKind::Bool) {
      SymbolicString out;
      out.literal(node.text);
      return out;
    }
    if (!node.is_intrinsic()) return std::nullopt;
    const Node* argument = node.argument;
    if (node.text == "Ref" && argument && argument->is_string()) {
      SymbolicString out;
      out.reference("Ref", argument->text);
      return out;
    }
    if (node.text == "Fn::GetAtt" && argument) {
      std::string name;
      if (argument->is_string()) {
        name = argument->text;
      } else if (argument->is_sequence() && argument->items.size() == 2 && argument->items[0]->is_string() &&
                 argument->items[1]->is_string()) {
        name = argument->items[0]->text + "." + argument->items[1]->text;
      } else {
        return std::nullopt;
      }
      SymbolicString out;
      out.reference("GetAtt", name);
      return out;
    }
    if (node.text == "Fn::Sub" && argument) return sub(*argument, depth);
    if (node.text == "Fn::Join" && argument) return join(*argument, depth);
    return resolved(node);
  }

 private:
  static constexpr unsigned kMaxDepth = 16;

  std::optional<SymbolicString> sub(const Node& argument, unsigned depth) const {
    const Node* text = &argument;
    const Node* variables = nullptr;
    if (argument.is_sequence()) {
      if (argument.items.empty() || argument.items.size() > 2) return std::nullopt;
      text = argument.items[0];
      variables = argument.items.size() == 2 ? argument.items[1] : nullptr;
      if (variables && !variables->is_mapping()) return std::nullopt;
    }
    if (!text || !text->is_string()) return std::nullopt;
    SymbolicString out;
    std::size_t at = 0;
    for (const SubVariable& variable : sub_variables(text->text)) {
      out.literal(unescape(std::string_view(text->text).substr(at, variable.offset - at)));
      at = variable.offset + variable.length;
      const Node* bound = variables ? variables->get(variable.name) : nullptr;
      if (bound) {
        auto value = symbolize(*bound, depth + 1);
        if (!value) return std::nullopt;
        out.append(*value);
      } else {
        bool attribute = variable.name.find('.') != std::string::npos;
        out.reference(attribute ? "GetAtt" : "Ref", variable.name);
      }
    }
    out.literal(unescape(std::string_view(text->text).substr(at)));
    return out;
  }

  // `${!Literal}` in Fn::Sub text stands for `${Literal}`.
  static std::string unescape(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text.compare(i, 3, "${!") == 0) {
        out += "${";
        i += 2;
        continue;
      }
      out += text[i];
    }
    return out;
  }

  std::optional<SymbolicString> join(const Node& argument, unsigned depth) const {
    if (!argument.is_sequence() || argument.items.size() != 2) return std::nullopt;
    const Node* delimiter = argument.items[0];
    const Node* list = argument.items[1];
    if (!delimiter || !delimiter->is_string() || !list || !list->is_sequence()) return std::nullopt;
    SymbolicString out;
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      if (i != 0) out.literal(delimiter->text);
      auto item = list->items[i] ? symbolize(*list->items[i], depth + 1) : std::nullopt;
      if (!item) return std::nullopt;
      out.append(*item);
    }
    return out;
  }

  // Anything else: known only when the resolver finds exactly one value with certainty.
  std::optional<SymbolicString> resolved(const Node& node) const {
    Resolution resolution = resolver_.resolve(node);
    if (!resolution.complete() || resolution.values.size() != 1) return std::nullopt;
    const PossibleValue& value = resolution.values.front();
    if (!value.is_scalar() || !value.assumptions.empty()) return std::nullopt;
    SymbolicString out;
    out.literal(value.text);
    return out;
  }

  const Resolver& resolver_;
};

struct Export {
  std::string_view output;
  const Node* name = nullptr;
  const Node* condition = nullptr;
  SymbolicString value;
};

/// Whether two outputs can exist in the same deployment, as far as we can tell cheaply.
bool may_coexist(const Export& a, const Export& b) {
  if (!a.condition || !b.condition) return true;
  return a.condition->is_string() && b.condition->is_string() && a.condition->text == b.condition->text;
}

class DuplicateExportName final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const Node* outputs = context.tmpl.section("Outputs");
    if (!outputs || !outputs->is_mapping()) return;
    Symbolizer symbolizer(context.resolver);
    std::vector<Export> exports;
    for (const MapEntry& entry : outputs->entries) {
      if (is_expansion_key(entry.key) || !entry.value || !entry.value->is_mapping()) continue;
      const Node* export_node = entry.value->get("Export");
      const Node* name = export_node && export_node->is_mapping() ? export_node->get("Name") : nullptr;
      if (!name) continue;
      std::optional<SymbolicString> value = symbolizer.symbolize(*name);
      if (!value) continue;
      Export current{entry.key, name, entry.value->get("Condition"), std::move(*value)};
      for (const Export& earlier : exports) {
        if (earlier.value.key != current.value.key || !may_coexist(earlier, current)) continue;
        Diagnostic& diagnostic =
            sink.report(*name, "export name " + quote_name(current.value.display) + " is also exported by output " +
                                   quote_name(earlier.output) + "; export names must be unique");
        sink.relate(diagnostic, earlier.name->range, "first exported here");
        break;
      }
      exports.push_back(std::move(current));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_duplicate_export_name_rule() { return std::make_unique<DuplicateExportName>(); }

}  // namespace cfn_eks
