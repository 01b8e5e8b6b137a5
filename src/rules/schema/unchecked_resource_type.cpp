// S002 unchecked-resource-type: a resource type with no schema loaded, so its properties are
// not checked (one note per type per template).

#include <set>

#include "rules/schema/schema_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "S002",
    .name = "unchecked-resource-type",
    .severity = Severity::Info,
    .summary = "A resource type has no schema loaded, so its properties are not checked.",
    .doc = R"md(A resource type has no schema loaded, so its properties are not checked.

## What it checks
For information: the first resource of each type that has no schema, once per type per
template. cfn-eks ships schemas for the types EKS stacks use (`schemas/resources/`); any other
type is checked when `--registry-schemas DIR` gives its official schema. `Custom::*` types use
the custom-resource schema when one is loaded; `AWS::Serverless::*` types (expanded by SAM)
and misspelt types (S001) are not reported here.

## Why it matters
A clean lint says nothing about the properties of these resources; this note says so instead
of staying silent.

## Example
```yaml
Logs:
  Type: AWS::S3::Bucket   # noted: no schema for AWS::S3::Bucket
```

## How to fix
Nothing is wrong. To check these types, pass the official registry schemas:
`cfn-eks lint --registry-schemas DIR` (one JSON file per type, as AWS publishes them per
region). To silence the note, ignore S002 in `.cfn-eks.yaml`.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resource-type-schemas.html
)md",
};

class UncheckedResourceType final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    std::set<std::string_view> noted;
    for (const Resource& resource : context.tmpl.resources()) {
      const std::string_view type = resource.type;
      if (resource.type_node == nullptr || type.empty() || context.schemas.has(type)) continue;
      if (schema_skipped_for_transform(context.tmpl, type)) continue;
      const bool aws = type.starts_with("AWS::") || type.starts_with("Alexa::");
      if (aws && !context.schemas.is_known_type(type)) continue;  // S001's
      if (!noted.insert(type).second) continue;
      sink.report(*resource.type_node, "no schema is loaded for " + std::string(type) +
                                           ", so its properties are not checked; pass --registry-schemas DIR to check them");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_unchecked_resource_type() { return std::make_unique<UncheckedResourceType>(); }

}  // namespace cfn_eks
