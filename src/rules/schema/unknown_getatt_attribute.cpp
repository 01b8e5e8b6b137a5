// S201 unknown-getatt-attribute: Fn::GetAtt (or ${X.Attr} in Fn::Sub) names an attribute the
// resource's type does not have.

#include "rules/common/intrinsic_args.hpp"
#include "rules/common/names.hpp"
#include "rules/common/walk.hpp"
#include "rules/schema/schema_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "S201",
    .name = "unknown-getatt-attribute",
    .severity = Severity::Error,
    .summary = "Fn::GetAtt names an attribute the resource's type does not have.",
    .doc = R"md(Fn::GetAtt names an attribute the resource's type does not have.

## What it checks
The attribute of every `Fn::GetAtt` (`!GetAtt Cluster.Endpoint`, `[Cluster, Endpoint]`) and of
every `${Resource.Attribute}` in `Fn::Sub`, against the attributes of the resource's type: its
schema's `readOnlyProperties`, nested ones as dotted names
(`KubernetesNetworkConfig.ServiceIpv6Cidr`). A resource that is not there is T202's finding;
this rule is about the attribute. Not checked: types without a schema (S002), custom resources
(any attribute their function returns), `AWS::CloudFormation::Stack` outputs, attributes
written with an intrinsic, and types whose schema lists no attributes.

## Why it matters
CloudFormation rejects the template ("Template error: resource Cluster does not support
attribute type Endpoints in Fn::GetAtt").

## Example
```yaml
Outputs:
  Endpoint:
    Value: !GetAtt Cluster.Endpoints   # flagged: did you mean 'Endpoint'?
```

## How to fix
Use one of the type's attributes (listed under "Return values" in the resource's reference
page).

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-getatt.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-eks-cluster.html
)md",
};

class UnknownGetAttAttribute final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const SourceFile& source = *context.document.source;
    walk_template(context.tmpl, [&](const Node& node, const WalkContext&) {
      if (auto target = getatt_target(node)) {
        if (target->attribute.empty()) return;
        const Node* argument = node.argument;
        ByteRange range = argument->range;
        if (argument->is_sequence() && argument->items.size() > 1 && argument->items[1] != nullptr) {
          range = argument->items[1]->range;
        } else if (argument->is_string()) {
          range = range_in_scalar(source, *argument, target->attribute, 0);
        }
        check(context, sink, target->resource, target->attribute, range);
        return;
      }
      if (node.is_intrinsic("Fn::Sub") && node.argument != nullptr) {
        const Node* text = node.argument->is_sequence() ? argument_item(node, 0) : node.argument;
        if (text == nullptr || !text->is_string()) return;
        const Node* variables = node.argument->is_sequence() ? argument_item(node, 1) : nullptr;
        for (const SubVariable& variable : sub_variables(text->text)) {
          const std::size_t dot = variable.name.find('.');
          if (dot == std::string::npos) continue;
          const std::string_view resource = std::string_view(variable.name).substr(0, dot);
          if (variables != nullptr && variables->is_mapping() && variables->get(resource) != nullptr) continue;
          const std::string_view attribute = std::string_view(variable.name).substr(dot + 1);
          check(context, sink, resource, attribute,
                range_in_scalar(source, *text, text->text.substr(variable.offset, variable.length), 0));
        }
      }
    });
  }

 private:
  static void check(const LintContext& context, DiagnosticSink& sink, std::string_view name, std::string_view attribute,
                    ByteRange range) {
    const Resource* resource = context.tmpl.resource(name);
    if (resource == nullptr || resource->type.empty()) return;
    const std::string_view type = resource->type;
    if (type.starts_with("Custom::") || type == "AWS::CloudFormation::CustomResource") return;
    if (type == "AWS::CloudFormation::Stack" && attribute.starts_with("Outputs.")) return;
    const ResourceSchema* schema = context.schemas.find(type);
    if (schema == nullptr || schema->attributes().empty() || schema->attribute(attribute) != nullptr) return;
    std::vector<std::string_view> names;
    for (const SchemaAttribute& a : schema->attributes()) names.push_back(a.name);
    sink.report(range, "'" + std::string(attribute) + "' is not an attribute of " + std::string(type) +
                           did_you_mean(attribute, names, "use one of its return values"));
  }
};

}  // namespace

std::unique_ptr<Rule> make_unknown_getatt_attribute() { return std::make_unique<UnknownGetAttAttribute>(); }

}  // namespace cfn_eks
