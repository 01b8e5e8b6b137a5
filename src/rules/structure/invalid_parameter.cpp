// T109 invalid-parameter: a parameter without a valid Type, with unknown properties, or whose
// Default breaks its own constraints.

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <regex>

#include "knowledge/template_limits.hpp"
#include "rules/structure/structure_rules.hpp"
#include "rules/structure/template_keys.hpp"
#include "util/edit_distance.hpp"

namespace cfn_eks {
namespace {

constexpr RuleInfo kInfo{
    .id = "T109",
    .name = "invalid-parameter",
    .severity = Severity::Error,
    .summary = "A parameter has no valid Type, an unknown property, or a Default that breaks its constraints.",
    .doc = R"md(A parameter has no valid Type, an unknown property, or a Default that breaks its constraints.

## What it checks
- `Type` is present and is a parameter type: String, Number, List<Number>, List<String>,
  CommaDelimitedList, an AWS-specific type (`AWS::EC2::KeyPair::KeyName`,
  `List<AWS::EC2::Subnet::Id>`, ...), `AWS::SSM::Parameter::Name` or
  `AWS::SSM::Parameter::Value<...>` (`schemas/cloudformation/template_syntax.json`).
- Every property is one of Type, Default, AllowedValues, AllowedPattern,
  ConstraintDescription, Description, MaxLength, MinLength, MaxValue, MinValue, NoEcho.
- The `Default` is a string or number (not a list), and respects the parameter's own
  constraints: it is one of `AllowedValues`, matches `AllowedPattern` in full, is a number for
  Number and List<Number>, and lies within MinLength/MaxLength (String) and
  MinValue/MaxValue (Number).
  List types are checked element by element. Defaults of `AWS::SSM::Parameter::Value<...>`
  parameters are SSM parameter names and are not checked against the constraints. A pattern
  that the C++ regex engine cannot read (Java-only syntax), or one with nested unbounded
  repetition such as `(a+)+` (exponential to evaluate), is skipped.

## Why it matters
CloudFormation rejects an unknown type or property when the template is validated. A default
that breaks its own constraints makes every deployment that relies on the default fail
("Parameter 'Env' must be one of AllowedValues"), typically far from the author's desk.

## Example
```yaml
Parameters:
  Env:
    Type: String
    AllowedValues: [dev, prod]
    Default: test          # flagged
```
Fixed:
```yaml
Parameters:
  Env:
    Type: String
    AllowedValues: [dev, prod]
    Default: dev
```

## How to fix
Correct the type or property name, or change the default (or the constraint) so that they
agree.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-supplied-parameter-types.html
)md",
};

// std::regex backtracks recursively: long inputs can exhaust the stack, so longer defaults
// are not matched.
constexpr std::size_t kMaxPatternInput = 1024;

/// True when an unbounded quantifier (`+`, `*`, `{n,}`) applies to a group that itself holds a
/// quantifier or an alternation, as in `(a+)+` or `(a|aa)*`: backtracking engines take
/// exponential time on such patterns, so they are not evaluated.
bool risky_pattern(std::string_view pattern) {
  struct Group {
    bool inner = false;  // holds a quantifier or '|'
  };
  std::vector<Group> groups;
  auto unbounded_at = [&](std::size_t i) {
    if (i >= pattern.size()) return false;
    char c = pattern[i];
    if (c == '+' || c == '*') return true;
    if (c != '{') return false;
    std::size_t close = pattern.find('}', i);
    return close != std::string_view::npos && pattern.substr(i, close - i).find(',') != std::string_view::npos &&
           pattern[close - 1] == ',';
  };
  auto mark_inner = [&] {
    if (!groups.empty()) groups.back().inner = true;
  };
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (c == '[') {  // a class: skip to its end
      std::size_t j = i + 1;
      if (j < pattern.size() && pattern[j] == '^') ++j;
      if (j < pattern.size() && pattern[j] == ']') ++j;
      while (j < pattern.size() && pattern[j] != ']') j += pattern[j] == '\\' ? 2 : 1;
      i = j;
      continue;
    }
    if (c == '(') {
      groups.push_back({});
    } else if (c == ')') {
      if (groups.empty()) continue;
      bool inner = groups.back().inner;
      groups.pop_back();
      if (inner && unbounded_at(i + 1)) return true;
      if (inner) mark_inner();
    } else if (c == '|' || c == '+' || c == '*' || c == '{' || c == '?') {
      mark_inner();
    }
    if (c != '(' && c != ')' && unbounded_at(i + 1)) mark_inner();
  }
  return false;
}

std::optional<double> parse_number(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::string copy(text);
  char* end = nullptr;
  double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size()) return std::nullopt;
  return value;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool is_list_type(std::string_view type) {
  return type == "CommaDelimitedList" || type.starts_with("List<");
}

bool is_number_type(std::string_view type) { return type == "Number" || type == "List<Number>"; }

/// What a parameter's values look like, for the default checks.
struct ParameterShape {
  std::string_view name;
  std::string_view type;
  const Node* node = nullptr;
};

class InvalidParameter final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const TemplateSyntax* syntax = template_syntax();
    const Node* root = context.document.root;
    if (!syntax || !root || !root->is_mapping()) return;
    const Node* parameters = root->get("Parameters");
    if (!parameters || !parameters->is_mapping()) return;
    for (const MapEntry& entry : parameters->entries) {
      if (!entry.value || !entry.value->is_mapping()) continue;  // T106
      check_parameter(entry, *syntax, sink);
    }
  }

 private:
  static void check_parameter(const MapEntry& entry, const TemplateSyntax& syntax, DiagnosticSink& sink) {
    const Node& node = *entry.value;
    std::vector<std::string_view> keys(syntax.parameter_keys.begin(), syntax.parameter_keys.end());
    for (const MapEntry& property : node.entries) {
      if (std::find(keys.begin(), keys.end(), property.key) != keys.end()) continue;
      std::string message = quote_name(property.key) + " is not a parameter property";
      std::string_view suggestion = closest_match(property.key, keys);
      if (!suggestion.empty()) {
        message += "; did you mean " + quote_name(suggestion) + "?";
      } else {
        message += "; remove it";
      }
      sink.report_key(property, std::move(message));
    }

    const MapEntry* type_entry = node.find("Type");
    if (!type_entry) {
      sink.report_key(entry, "parameter " + quote_name(entry.key) + " has no Type; add Type: String or another type");
      return;
    }
    const Node* type = type_entry->value;
    if (!type || !type->is_string()) {
      if (type && type->kind != NodeKind::Null) {
        sink.report(*type, "Type of parameter " + quote_name(entry.key) + " is " + kind_with_article(type->kind) +
                               "; write a parameter type such as String");
      } else {
        sink.report_key(*type_entry, "parameter " + quote_name(entry.key) + " has an empty Type; write a type");
      }
      return;
    }
    if (!syntax.parameter_types.contains(type->text)) {
      std::vector<std::string_view> types(syntax.parameter_types.begin(), syntax.parameter_types.end());
      std::string message = quote_name(type->text) + " is not a parameter type";
      std::string_view suggestion = closest_match(type->text, types);
      if (!suggestion.empty()) {
        message += "; did you mean " + quote_name(suggestion) + "?";
      } else {
        message += "; use String, Number, CommaDelimitedList or an AWS-specific type";
      }
      sink.report(*type, std::move(message));
      return;
    }
    check_default(ParameterShape{entry.key, type->text, &node}, sink);
  }

  static void check_default(const ParameterShape& parameter, DiagnosticSink& sink) {
    const Node* value = parameter.node->get("Default");
    if (!value || value->kind == NodeKind::Null) return;
    if (!value->is_scalar()) {
      sink.report(*value, "Default of parameter " + quote_name(parameter.name) + " is " +
                              kind_with_article(value->kind) +
                              (is_list_type(parameter.type) ? "; write a comma-separated string"
                                                             : "; write a string"));
      return;
    }
    // The default of an SSM value parameter is the SSM parameter's name, not its value.
    if (parameter.type.starts_with("AWS::SSM::Parameter::Value<")) return;

    std::vector<std::string_view> values;
    if (is_list_type(parameter.type)) {
      std::string_view rest = value->text;
      while (true) {
        std::size_t comma = rest.find(',');
        values.push_back(trim(rest.substr(0, comma)));
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
      }
    } else {
      values.push_back(value->text);
    }

    bool numbers = is_number_type(parameter.type);
    for (std::string_view item : values) {
      if (numbers && !parse_number(item)) {
        sink.report(*value, "default " + quote_name(item) + " is not a number; parameter " + quote_name(parameter.name) +
                                " has Type " + std::string(parameter.type));
        return;
      }
    }
    check_allowed_values(parameter, *value, values, numbers, sink);
    if (!numbers) check_allowed_pattern(parameter, *value, values, sink);
    if (parameter.type == "String") check_length(parameter, *value, sink);
    if (parameter.type == "Number") check_range(parameter, *value, values, sink);
  }

  static void check_allowed_values(const ParameterShape& parameter, const Node& value,
                                   const std::vector<std::string_view>& values, bool numbers,
                                   DiagnosticSink& sink) {
    const Node* allowed = parameter.node->get("AllowedValues");
    if (!allowed) return;
    if (!allowed->is_sequence()) {
      if (allowed->kind != NodeKind::Null && !allowed->is_intrinsic()) {
        sink.report(*allowed, "AllowedValues is " + kind_with_article(allowed->kind) + "; write a list");
      }
      return;
    }
    std::vector<std::string_view> allowed_texts;
    for (const Node* item : allowed->items) {
      if (!item || !item->is_scalar()) return;  // not checkable
      allowed_texts.push_back(item->text);
    }
    for (std::string_view item : values) {
      auto same = [&](std::string_view candidate) {
        if (candidate == item) return true;
        if (!numbers) return false;
        auto a = parse_number(candidate);
        auto b = parse_number(item);
        return a && b && *a == *b;
      };
      if (std::any_of(allowed_texts.begin(), allowed_texts.end(), same)) continue;
      std::string list;
      for (std::size_t i = 0; i < allowed_texts.size() && i < 8; ++i) {
        list += (i ? ", " : "") + std::string(allowed_texts[i]);
      }
      if (allowed_texts.size() > 8) list += ", ...";
      sink.report(value, "default " + quote_name(item) + " is not one of the AllowedValues (" + list +
                             "); change the default or allow it");
    }
  }

  static void check_allowed_pattern(const ParameterShape& parameter, const Node& value,
                                    const std::vector<std::string_view>& values, DiagnosticSink& sink) {
    const Node* pattern = parameter.node->get("AllowedPattern");
    if (!pattern || !pattern->is_string() || risky_pattern(pattern->text)) return;
    std::optional<std::regex> regex;
    try {
      regex.emplace(pattern->text, std::regex::ECMAScript);
    } catch (const std::regex_error&) {
      return;  // Java syntax std::regex does not read: not checkable here.
    }
    for (std::string_view item : values) {
      if (item.size() > kMaxPatternInput) continue;
      bool matched = false;
      try {
        matched = std::regex_match(item.begin(), item.end(), *regex);
      } catch (const std::regex_error&) {
        continue;  // complexity or stack limits
      }
      if (matched) continue;
      sink.report(value, "default " + quote_name(item) + " does not match AllowedPattern " + quote_name(pattern->text) +
                             "; change the default or the pattern");
    }
  }

  /// A constraint's number, or nullopt; reports a constraint that is not a number.
  static std::optional<double> constraint(const ParameterShape& parameter, std::string_view key,
                                          DiagnosticSink& sink) {
    const Node* node = parameter.node->get(key);
    if (!node) return std::nullopt;
    std::optional<double> number = node->is_scalar() ? parse_number(node->text) : std::nullopt;
    if (!number) {
      sink.report(*node, std::string(key) + " of parameter " + quote_name(parameter.name) + " is not a number; write one");
    }
    return number;
  }

  static void check_length(const ParameterShape& parameter, const Node& value, DiagnosticSink& sink) {
    auto length = static_cast<double>(code_point_count(value.text));
    if (auto min = constraint(parameter, "MinLength", sink); min && length < *min) {
      sink.report(value, "default " + quote_name(value.text) + " is shorter than MinLength " +
                             parameter.node->get("MinLength")->text + "; lengthen it or lower MinLength");
    }
    if (auto max = constraint(parameter, "MaxLength", sink); max && length > *max) {
      sink.report(value, "default " + quote_name(value.text) + " is longer than MaxLength " +
                             parameter.node->get("MaxLength")->text + "; shorten it or raise MaxLength");
    }
  }

  static void check_range(const ParameterShape& parameter, const Node& value,
                          const std::vector<std::string_view>& values, DiagnosticSink& sink) {
    std::optional<double> min = constraint(parameter, "MinValue", sink);
    std::optional<double> max = constraint(parameter, "MaxValue", sink);
    for (std::string_view item : values) {
      std::optional<double> number = parse_number(item);
      if (!number) continue;
      if (min && *number < *min) {
        sink.report(value, "default " + quote_name(item) + " is less than MinValue " +
                               parameter.node->get("MinValue")->text + "; raise it or lower MinValue");
      }
      if (max && *number > *max) {
        sink.report(value, "default " + quote_name(item) + " is more than MaxValue " +
                               parameter.node->get("MaxValue")->text + "; lower it or raise MaxValue");
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_invalid_parameter_rule() { return std::make_unique<InvalidParameter>(); }

}  // namespace cfn_eks
