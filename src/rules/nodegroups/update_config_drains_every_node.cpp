// N011: a managed node group's UpdateConfig lets an update take every node down at once.

#include <charconv>
#include <optional>

#include "rules/eks/common/default_world.hpp"
#include "rules/eks/common/launch_templates.hpp"
#include "rules/nodegroups/nodegroup_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "N011",
    .name = "update-config-drains-every-node",
    .severity = Severity::Warning,
    .summary = "A managed node group's UpdateConfig lets an update drain every node at once.",
    .doc = R"md(A managed node group's UpdateConfig lets an update drain every node at once.

## What it checks
`UpdateConfig` of `AWS::EKS::Nodegroup`: `MaxUnavailable` at least `ScalingConfig.MaxSize`, or
`MaxUnavailablePercentage: 100`, with values followed through parameters, mappings and
conditions (parameters at their defaults). The 1-100 bounds of both fields and their mutual
exclusion are schema findings (S106, S109).

## Why it matters
During a version or launch template update EKS cordons and drains up to `MaxUnavailable` old
nodes at a time. When that covers the whole group, every pod is evicted at once and workloads
without enough replicas on the new nodes go down; PodDisruptionBudgets then make the update
hang until `PodEvictionFailure` (or are overridden by `ForceUpdateEnabled`).

## Example
```yaml
ScalingConfig: {MinSize: 2, DesiredSize: 3, MaxSize: 3}
UpdateConfig:
  MaxUnavailable: 3        # flagged
```

## How to fix
Use a small `MaxUnavailable` (1 is the default) or a percentage well below 100.

## References
- eks-facts §4.5 (update strategy)
- https://docs.aws.amazon.com/eks/latest/userguide/managed-node-update-behavior.html
- https://docs.aws.amazon.com/eks/latest/APIReference/API_NodegroupUpdateConfig.html
)md",
};

constexpr std::string_view kNodegroupType = "AWS::EKS::Nodegroup";

std::optional<long> parse_number(std::string_view text) {
  long out = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return out;
}

class UpdateConfigDrainsEveryNode final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const std::string_view> resource_types() const override { return {&kNodegroupType, 1}; }

  void check_resource(const LintContext& context, const Resource& nodegroup, DiagnosticSink& sink) const override {
    const Node* update = nodegroup.property("UpdateConfig");
    if (update == nullptr || !update->is_mapping()) return;
    const DefaultWorld world(context.tmpl);
    const SourceFile& source = *context.document.source;
    if (const Node* percentage = update->get("MaxUnavailablePercentage")) {
      for (const PossibleValue& value : context.resolver.resolve(*percentage).values) {
        const auto number = value.is_scalar() && world.admits(value) ? parse_number(value.text) : std::nullopt;
        if (!number || *number < 100) continue;
        sink.report(*percentage, "'MaxUnavailablePercentage' " + quoted_value(value, *percentage, source) +
                                     " lets an update drain every node at once; use a percentage well below 100");
        return;
      }
    }
    const Node* count = update->get("MaxUnavailable");
    const Node* scaling = nodegroup.property("ScalingConfig");
    const Node* max_size = scaling != nullptr && scaling->is_mapping() ? scaling->get("MaxSize") : nullptr;
    if (count == nullptr || max_size == nullptr) return;
    const Resolution counts = context.resolver.resolve(*count);
    const Resolution maxes = context.resolver.resolve(*max_size);
    for (const PossibleValue& low : counts.values) {
      const auto unavailable = low.is_scalar() && world.admits(low) ? parse_number(low.text) : std::nullopt;
      if (!unavailable) continue;
      for (const PossibleValue& high : maxes.values) {
        const auto most = high.is_scalar() && world.admits(high) ? parse_number(high.text) : std::nullopt;
        if (!most || !consistent(low, high) || *unavailable < *most) continue;
        sink.report(*count, "'MaxUnavailable' " + quoted_value(low, *count, source) + " is not below 'MaxSize' " +
                                quoted_value(high, *max_size, source) +
                                ", so an update may drain every node at once; use a smaller value such as 1");
        return;
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_update_config_drains_every_node() {
  return std::make_unique<UpdateConfigDrainsEveryNode>();
}

}  // namespace cfn_eks
