// S001 unknown-resource-type: a resource Type that CloudFormation does not have.

#include "rules/common/names.hpp"
#include "rules/schema/schema_rules.hpp"
#include "util/edit_distance.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "S001",
    .name = "unknown-resource-type",
    .severity = Severity::Error,
    .summary = "A resource's Type is not a CloudFormation resource type.",
    .doc = R"md(A resource's Type is not a CloudFormation resource type.

## What it checks
Each resource `Type` in the `AWS::` and `Alexa::` namespaces must be a type CloudFormation has:
one with a loaded schema, or one of the type names cfn-eks ships
(`schemas/cloudformation/resource_types.json`, every commercial region). Type names are
case-sensitive, so `AWS::EKS::NodeGroup` is flagged with "did you mean 'AWS::EKS::Nodegroup'".
`Custom::*` types, third-party and private registry types (other namespaces) and
`AWS::Serverless::*` (expanded by the SAM transform) are not flagged; templates with a macro
transform are skipped, since the macro may rewrite types. A malformed Type (`AWS::S3:Bucket`)
is T108.

## Why it matters
CloudFormation rejects the template ("Unrecognized resource types: [AWS::EKS::NodeGroup]").

## Example
```yaml
Nodes:
  Type: AWS::EKS::NodeGroup   # flagged: did you mean 'AWS::EKS::Nodegroup'?
```

## How to fix
Correct the type name. A type that is newer than cfn-eks's list can be checked by passing
`--registry-schemas DIR` with its official schema.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html
)md",
};

class UnknownResourceType final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    if (macro_may_add_names(context)) return;
    for (const Resource& resource : context.tmpl.resources()) {
      const std::string_view type = resource.type;
      if (resource.type_node == nullptr || type.empty()) continue;
      if (!type.starts_with("AWS::") && !type.starts_with("Alexa::")) continue;
      if (schema_skipped_for_transform(context.tmpl, type) || context.schemas.is_known_type(type)) continue;
      sink.report(*resource.type_node,
                  "'" + std::string(type) + "' is not a CloudFormation resource type" +
                      did_you_mean(type, context.schemas.known_type_names(), "correct the type name"));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_unknown_resource_type() { return std::make_unique<UnknownResourceType>(); }

}  // namespace cfn_eks
