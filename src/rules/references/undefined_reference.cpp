// T201: Ref naming something that is neither a resource, a parameter nor a pseudo-parameter.

#include "rules/common/names.hpp"
#include "rules/common/walk.hpp"
#include "rules/references/reference_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "T201",
    .name = "undefined-reference",
    .severity = Severity::Error,
    .summary = "Ref names something that is not a resource, parameter or pseudo-parameter.",
    .doc = R"(Ref names something that is not a resource, parameter or pseudo-parameter.

## What it checks
Every `Ref` (`!Ref X` or `{"Ref": "X"}`) whose argument is a literal name. The name must be a
logical id in `Resources`, a name in `Parameters`, or a pseudo-parameter such as `AWS::Region`.
A close name is suggested. Templates with a SAM transform or a macro are skipped, because the
transform may create the resource (`MyFunctionRole`, `ServerlessRestApi`); so are names that an
`Fn::ForEach` loop may generate and the loop's own identifier.

## Why it matters
CloudFormation rejects the template at validation ("Unresolved resource dependencies [X] in
the Resources block of the template") before anything is created.

## Example
```yaml
Parameters:
  ClusterName: {Type: String}
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      Name: !Ref ClusterNmae   # flagged: did you mean 'ClusterName'?
```
Fixed: `Name: !Ref ClusterName`.

## How to fix
Correct the spelling, or add the missing parameter or resource.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-ref.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html
)",
};

class UndefinedReference final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const Template& tmpl = context.tmpl;
    if (transform_may_add_names(context)) return;
    const LoopNames& loops = loop_names(context);
    const std::vector<std::string_view> candidates = referable_names(tmpl);
    walk_template(tmpl, [&](const Node& node, const WalkContext& ctx) {
      if (!node.is_intrinsic("Ref") || node.argument == nullptr || !node.argument->is_string()) return;
      const std::string& name = node.argument->text;
      if (tmpl.resource(name) || tmpl.parameter(name) || is_pseudo_parameter(name)) return;
      if (mentions_loop_identifier(name, ctx) || loops.may_generate(name)) return;
      sink.report(*node.argument, "'" + name + "' is not a resource, parameter or pseudo-parameter" +
                                      did_you_mean(name, candidates, "define it or correct the name"));
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_undefined_reference() { return std::make_unique<UndefinedReference>(); }

}  // namespace cfn_eks
