// T202: Fn::GetAtt naming a resource that doesn't exist.

#include "rules/common/intrinsic_args.hpp"
#include "rules/common/names.hpp"
#include "rules/common/walk.hpp"
#include "rules/references/reference_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "T202",
    .name = "undefined-getatt-target",
    .severity = Severity::Error,
    .summary = "Fn::GetAtt names a resource that is not in the template.",
    .doc = R"(Fn::GetAtt names a resource that is not in the template.

## What it checks
The logical id of every `Fn::GetAtt`, in all its forms: `!GetAtt Cluster.Arn`,
`!GetAtt [Cluster, Arn]` and `{"Fn::GetAtt": ["Cluster", "Arn"]}`. The short string form splits
at the first dot, so `!GetAtt Cluster.KubernetesNetworkConfig.ServiceIpv6Cidr` names `Cluster`.
A parameter named there is reported by T203 instead. Templates with a SAM transform or a macro
are skipped, as are names an `Fn::ForEach` loop may generate.

## Why it matters
CloudFormation rejects the template ("Template error: instance of Fn::GetAtt references
undefined resource X").

## Example
```yaml
Outputs:
  Endpoint:
    Value: !GetAtt EksCluster.Endpoint   # flagged when the resource is called 'Cluster'
```
Fixed: `Value: !GetAtt Cluster.Endpoint`.

## How to fix
Correct the logical id, or add the resource.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-getatt.html
)",
};

class UndefinedGetAttTarget final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const Template& tmpl = context.tmpl;
    if (transform_may_add_names(context)) return;
    const LoopNames& loops = loop_names(context);
    const std::vector<std::string_view> candidates = resource_names(tmpl);
    const SourceFile& source = *context.document.source;
    walk_template(tmpl, [&](const Node& node, const WalkContext& ctx) {
      const std::optional<GetAttTarget> target = getatt_target(node);
      if (!target) return;
      const std::string_view name = target->resource;
      if (tmpl.resource(name) || tmpl.parameter(name)) return;
      if (mentions_loop_identifier(name, ctx) || loops.may_generate(name)) return;
      sink.report(precise_range(source, *target),
                  "'" + std::string(name) + "' is not a resource" +
                      did_you_mean(name, candidates, "define it or correct the logical id"));
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_undefined_getatt_target() { return std::make_unique<UndefinedGetAttTarget>(); }

}  // namespace cfn_eks
