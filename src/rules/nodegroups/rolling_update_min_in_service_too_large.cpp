// N010: an Auto Scaling group's rolling update keeps more instances in service than it may have.

#include <charconv>
#include <optional>

#include "rules/eks/common/default_world.hpp"
#include "rules/eks/common/launch_templates.hpp"
#include "rules/nodegroups/nodegroup_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "N010",
    .name = "rolling-update-min-in-service-too-large",
    .severity = Severity::Error,
    .summary = "An Auto Scaling group's rolling update keeps at least MaxSize instances in service.",
    .doc = R"md(An Auto Scaling group's rolling update keeps at least MaxSize instances in service.

## What it checks
`UpdatePolicy.AutoScalingRollingUpdate.MinInstancesInService` of `AWS::AutoScaling::AutoScalingGroup`
resources (self-managed node groups) against the group's `MaxSize`, both followed through
parameters, mappings and conditions with parameters at their defaults. It must be below
`MaxSize`.

## Why it matters
CloudFormation can't replace any instance while keeping `MaxSize` of them in service, and fails
the update that changes the launch template or configuration — exactly the update that rolls
new AMIs onto EKS nodes, so the node upgrade stops half-way.

## Example
```yaml
UpdatePolicy:
  AutoScalingRollingUpdate:
    MinInstancesInService: !Ref NodeGroupMaxSize   # flagged: equals MaxSize
Properties:
  MaxSize: !Ref NodeGroupMaxSize
```

## How to fix
Keep `MinInstancesInService` at most `MaxSize - 1` (often `DesiredCapacity - 1`), or raise
`MaxSize` so that new instances fit next to the old ones.

## References
- eks-facts §6.9 (UpdatePolicy AutoScalingRollingUpdate)
- https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-updatepolicy.html
)md",
};

constexpr std::string_view kAutoScalingGroupType = "AWS::AutoScaling::AutoScalingGroup";

struct Number {
  long value = 0;
  const PossibleValue* origin = nullptr;
};

std::optional<long> parse_number(std::string_view text) {
  long out = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return out;
}

class RollingUpdateMinInServiceTooLarge final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const std::string_view> resource_types() const override { return {&kAutoScalingGroupType, 1}; }

  void check_resource(const LintContext& context, const Resource& group, DiagnosticSink& sink) const override {
    if (group.update_policy == nullptr || !group.update_policy->is_mapping()) return;
    const Node* rolling = group.update_policy->get("AutoScalingRollingUpdate");
    const Node* min_in_service = rolling != nullptr && rolling->is_mapping() ? rolling->get("MinInstancesInService") : nullptr;
    const Node* max_size = group.property("MaxSize");
    if (min_in_service == nullptr || max_size == nullptr) return;
    const DefaultWorld world(context.tmpl);
    const Resolution mins = context.resolver.resolve(*min_in_service);
    const Resolution maxes = context.resolver.resolve(*max_size);
    const SourceFile& source = *context.document.source;
    for (const PossibleValue& low : mins.values) {
      const auto low_number = low.is_scalar() && world.admits(low) ? parse_number(low.text) : std::nullopt;
      if (!low_number) continue;
      for (const PossibleValue& high : maxes.values) {
        const auto high_number = high.is_scalar() && world.admits(high) ? parse_number(high.text) : std::nullopt;
        if (!high_number || !consistent(low, high) || *low_number < *high_number) continue;
        sink.report(*min_in_service, "'MinInstancesInService' " + quoted_value(low, *min_in_service, source) +
                                         " is not below 'MaxSize' " + quoted_value(high, *max_size, source) +
                                         ", so a rolling update can't replace any instance; keep it at most MaxSize - 1");
        return;
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_rolling_update_min_in_service_too_large() {
  return std::make_unique<RollingUpdateMinInServiceTooLarge>();
}

}  // namespace cfn_eks
