// T207: an Fn::Sub ${X} whose X is not a resource, parameter, pseudo-parameter or Sub variable.

#include "rules/common/intrinsic_args.hpp"
#include "rules/common/names.hpp"
#include "rules/common/walk.hpp"
#include "rules/references/reference_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "T207",
    .name = "undefined-sub-variable",
    .severity = Severity::Error,
    .summary = "An Fn::Sub variable names nothing the template defines.",
    .doc = R"(An Fn::Sub variable names nothing the template defines.

## What it checks
Every `${X}` in an `Fn::Sub` string must name a key of the Sub's own variable map, a resource,
a parameter or a pseudo-parameter (`${AWS::Region}`); `${X.Attr}` reads an attribute, so `X`
must be a resource. `${!Literal}` is text, not a variable. Templates with a SAM transform or a
macro are skipped, as are `Fn::ForEach` identifiers and names a loop may generate.

## Why it matters
CloudFormation rejects the template ("Template format error: Unresolved resource dependencies
[X] in the Resources block of the template"). A `${...}` meant literally, such as a shell
variable in user data, must be written `${!Name}`.

## Example
```yaml
UserData:
  Fn::Base64: !Sub |
    #!/bin/bash
    /etc/eks/bootstrap.sh ${ClusterNmae}   # flagged: did you mean 'ClusterName'?
    echo ${HOME}                           # flagged; write ${!HOME} for the shell's variable
```

## How to fix
Correct the name, add it to the Sub's variable map (`!Sub [text, {Name: value}]`), or escape a
literal `${` as `${!`.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html
)",
};

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

class UndefinedSubVariable final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const Template& tmpl = context.tmpl;
    if (transform_may_add_names(context)) return;
    const LoopNames& loops = loop_names(context);
    const SourceFile& source = *context.document.source;
    walk_template(tmpl, [&](const Node& node, const WalkContext& ctx) {
      if (!node.is_intrinsic("Fn::Sub") || node.argument == nullptr) return;
      const Node* text = node.argument;
      const Node* variables = nullptr;
      if (text->is_sequence()) {
        variables = argument_item(node, 1);
        text = argument_item(node, 0);
      }
      if (text == nullptr || !text->is_string()) return;
      for (const SubVariable& variable : sub_variables(text->text)) {
        const std::string_view name = trim(variable.name);
        const std::string problem = problem_with(tmpl, name, variables);
        if (problem.empty() || mentions_loop_identifier(name, ctx)) continue;
        const std::string_view base = name.substr(0, name.find('.'));
        if (loops.may_generate(base)) continue;
        const std::string_view written = std::string_view(text->text).substr(variable.offset, variable.length);
        std::size_t occurrence = 0;
        for (std::size_t at = text->text.find(written); at < variable.offset; at = text->text.find(written, at + 1)) {
          ++occurrence;
        }
        sink.report(range_in_scalar(source, *text, written, occurrence), problem);
      }
    });
  }

 private:
  // Empty when `name` is defined; else the message.
  static std::string problem_with(const Template& tmpl, std::string_view name, const Node* variables) {
    if (name.empty()) return {};
    const auto in_map = [&](std::string_view key) {
      return variables != nullptr && variables->is_mapping() && variables->find(key) != nullptr;
    };
    if (in_map(name)) return {};
    const std::size_t dot = name.find('.');
    if (dot == std::string_view::npos) {
      if (tmpl.resource(name) || tmpl.parameter(name) || is_pseudo_parameter(name)) return {};
      std::vector<std::string_view> candidates = referable_names(tmpl);
      if (variables != nullptr && variables->is_mapping()) {
        for (const MapEntry& entry : variables->entries) candidates.push_back(entry.key);
      }
      return "'${" + std::string(name) + "}' names no resource, parameter, pseudo-parameter or Sub variable" +
             did_you_mean(name, candidates, "correct it, or write '${!" + std::string(name) + "}' for literal text");
    }
    const std::string_view base = name.substr(0, dot);
    if (tmpl.resource(base) || in_map(base)) return {};
    if (tmpl.parameter(base) || is_pseudo_parameter(base)) {
      return "'${" + std::string(name) + "}' reads an attribute of '" + std::string(base) +
             "', which is not a resource; use '${" + std::string(base) + "}' for its value";
    }
    return "'${" + std::string(name) + "}' names no resource '" + std::string(base) + "'" +
           did_you_mean(base, resource_names(tmpl), "correct it, or write '${!" + std::string(name) + "}' for literal text");
  }
};

}  // namespace

std::unique_ptr<Rule> make_undefined_sub_variable() { return std::make_unique<UndefinedSubVariable>(); }

}  // namespace cfn_eks
