// T203: Fn::GetAtt naming a parameter; parameters have no attributes.

#include "rules/common/intrinsic_args.hpp"
#include "rules/common/names.hpp"
#include "rules/common/walk.hpp"
#include "rules/references/reference_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "T203",
    .name = "getatt-on-parameter",
    .severity = Severity::Error,
    .summary = "Fn::GetAtt names a parameter, which has no attributes.",
    .doc = R"(Fn::GetAtt names a parameter, which has no attributes.

## What it checks
`Fn::GetAtt` whose logical id (the part before the first dot, or the first list item) is a name
in `Parameters` rather than `Resources`.

## Why it matters
`Fn::GetAtt` only reads attributes of resources created by the stack; CloudFormation rejects
the template. The usual intent is the parameter's value, which is `Ref`.

## Example
```yaml
Parameters:
  VpcId: {Type: AWS::EC2::VPC::Id}
Resources:
  NodeSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: nodes
      VpcId: !GetAtt VpcId.Value   # flagged
```
Fixed: `VpcId: !Ref VpcId`.

## How to fix
Use `!Ref Parameter` for the parameter's value, or name the resource the value comes from.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-getatt.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
)",
};

class GetAttOnParameter final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const Template& tmpl = context.tmpl;
    const SourceFile& source = *context.document.source;
    walk_template(tmpl, [&](const Node& node, const WalkContext&) {
      const std::optional<GetAttTarget> target = getatt_target(node);
      if (!target) return;
      const std::string name(target->resource);
      if (tmpl.resource(name) || !tmpl.parameter(name)) return;
      sink.report(precise_range(source, *target),
                  "'" + name + "' is a parameter, not a resource; use !Ref " + name + " for its value");
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_getatt_on_parameter() { return std::make_unique<GetAttOnParameter>(); }

}  // namespace cfn_eks
