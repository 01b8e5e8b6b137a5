// T204: DependsOn naming a resource that doesn't exist, or the resource itself.

#include "rules/common/names.hpp"
#include "rules/references/reference_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "T204",
    .name = "undefined-depends-on",
    .severity = Severity::Error,
    .summary = "DependsOn names a resource that is not in the template, or the resource itself.",
    .doc = R"(DependsOn names a resource that is not in the template, or the resource itself.

## What it checks
Each literal name in a resource's `DependsOn` (a string or a list of strings) must be the
logical id of another resource in the template. Names a SAM transform or macro may create, and
names an `Fn::ForEach` loop may generate, are not reported as missing.

## Why it matters
CloudFormation rejects the template ("Template format error: Unresolved resource dependencies
[X] in the Resources block of the template"); a resource that depends on itself is a circular
dependency.

## Example
```yaml
Resources:
  NodeGroup:
    Type: AWS::EKS::Nodegroup
    DependsOn: [Cluter]   # flagged: did you mean 'Cluster'?
```
Fixed: `DependsOn: [Cluster]`.

## How to fix
Correct the logical id or remove the entry. A `Ref` or `Fn::GetAtt` to the resource already
implies the dependency, so such an entry can usually be dropped.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-dependson.html
)",
};

class UndefinedDependsOn final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const Template& tmpl = context.tmpl;
    const bool names_may_be_added = transform_may_add_names(context);
    const LoopNames& loops = loop_names(context);
    const std::vector<std::string_view> candidates = resource_names(tmpl);
    for (const Resource& resource : tmpl.resources()) {
      if (resource.depends_on == nullptr || is_foreach_key(resource.name)) continue;
      const Node& depends_on = *resource.depends_on;
      std::vector<const Node*> names;
      if (depends_on.is_string()) names.push_back(&depends_on);
      for (const Node* item : depends_on.items) {
        if (item != nullptr && item->is_string()) names.push_back(item);
      }
      for (const Node* name_node : names) {
        const std::string& name = name_node->text;
        if (name == resource.name) {
          sink.report(*name_node, "'" + name + "' depends on itself; remove it from DependsOn");
          continue;
        }
        if (tmpl.resource(name) || names_may_be_added || loops.may_generate(name)) continue;
        sink.report(*name_node, "'" + name + "' is not a resource" +
                                    did_you_mean(name, candidates, "correct the logical id or remove it"));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_undefined_depends_on() { return std::make_unique<UndefinedDependsOn>(); }

}  // namespace cfn_eks
