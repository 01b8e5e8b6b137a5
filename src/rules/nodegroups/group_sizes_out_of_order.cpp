// N009: a node group's minimum, desired and maximum sizes are out of order.

#include <charconv>
#include <optional>

#include "rules/eks/common/default_world.hpp"
#include "rules/eks/common/launch_templates.hpp"
#include "rules/nodegroups/nodegroup_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "N009",
    .name = "group-sizes-out-of-order",
    .severity = Severity::Error,
    .summary = "A node group's minimum, desired and maximum sizes are out of order.",
    .doc = R"md(A node group's minimum, desired and maximum sizes are out of order.

## What it checks
`ScalingConfig` of `AWS::EKS::Nodegroup` (`MinSize`, `DesiredSize`, `MaxSize`) and the sizes of
`AWS::AutoScaling::AutoScalingGroup` (`MinSize`, `DesiredCapacity`, `MaxSize`) must satisfy
min <= desired <= max. Values are followed through parameters, mappings and `Fn::If` as they
are when every parameter keeps its default (conditions that depend on anything else, such as
`AWS::Region`, count both ways); other allowed values are the deployer's choice. The message
names where each value came from.

## Why it matters
EKS rejects the node group (`InvalidParameterException`: desired size must be between min and
max) and Auto Scaling rejects the group ("Desired capacity ... must be between the specified min
size and max size"); the stack fails or rolls back. The mistake usually hides in parameter
defaults that are changed one at a time.

## Example
```yaml
Parameters:
  NodeMaxSize: {Type: Number, Default: 2}
Resources:
  Nodes:
    Type: AWS::EKS::Nodegroup
    Properties:
      ScalingConfig:
        MinSize: 1
        DesiredSize: 3       # flagged: greater than maximum size '2' from parameter NodeMaxSize's default
        MaxSize: !Ref NodeMaxSize
```

## How to fix
Make min <= desired <= max for every combination of defaults and conditions; consider leaving
`DesiredSize` out of Auto Scaling groups managed by the cluster autoscaler.

## References
- eks-facts §4.5, §6.2, §6.9
- https://docs.aws.amazon.com/eks/latest/APIReference/API_NodegroupScalingConfig.html
- https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html
)md",
};

constexpr std::string_view kTypes[] = {"AWS::EKS::Nodegroup", "AWS::AutoScaling::AutoScalingGroup"};
constexpr std::size_t kMaxCombinations = 4096;

struct Size {
  std::string_view property;
  const Node* node = nullptr;
  long number = 0;
  const PossibleValue* value = nullptr;
};

std::optional<long> parse_number(std::string_view text) {
  long out = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return out;
}

class GroupSizesOutOfOrder final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const std::string_view> resource_types() const override { return kTypes; }

  void check_resource(const LintContext& context, const Resource& resource, DiagnosticSink& sink) const override {
    const Node* holder = resource.properties;
    std::string_view desired_key = "DesiredCapacity";
    if (resource.type == kTypes[0]) {
      holder = resource.property("ScalingConfig");
      desired_key = "DesiredSize";
    }
    if (holder == nullptr || !holder->is_mapping()) return;

    // Candidate values of each size that is written.
    std::vector<std::string_view> keys;
    std::vector<const Node*> nodes;
    std::vector<Resolution> resolutions;
    for (std::string_view key : {std::string_view("MinSize"), desired_key, std::string_view("MaxSize")}) {
      const Node* node = holder->get(key);
      if (node == nullptr) continue;
      keys.push_back(key);
      nodes.push_back(node);
      resolutions.push_back(context.resolver.resolve(*node));
    }
    if (keys.size() < 2) return;
    const DefaultWorld world(context.tmpl);
    std::vector<std::vector<Size>> candidates(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
      for (const PossibleValue& value : resolutions[i].values) {
        if (!value.is_scalar() || !world.admits(value)) continue;
        if (const auto number = parse_number(value.text)) {
          candidates[i].push_back(Size{keys[i], nodes[i], *number, &value});
        }
      }
      if (candidates[i].empty()) return;
    }

    // Every consistent combination; the first one out of order is reported.
    std::vector<std::size_t> index(keys.size(), 0);
    for (std::size_t tried = 0; tried < kMaxCombinations; ++tried) {
      std::vector<const Size*> pick;
      bool together = true;
      for (std::size_t i = 0; i < keys.size(); ++i) {
        pick.push_back(&candidates[i][index[i]]);
        for (std::size_t j = 0; j < i; ++j) together = together && consistent(*pick[j]->value, *pick[i]->value);
      }
      if (together && report_disorder(context, pick, desired_key, sink)) return;
      std::size_t i = 0;
      while (i < index.size() && ++index[i] == candidates[i].size()) index[i++] = 0;
      if (i == index.size()) return;
    }
  }

 private:
  static bool report_disorder(const LintContext& context, const std::vector<const Size*>& pick,
                              std::string_view desired_key, DiagnosticSink& sink) {
    const SourceFile& source = *context.document.source;
    for (std::size_t i = 0; i < pick.size(); ++i) {
      for (std::size_t j = i + 1; j < pick.size(); ++j) {
        const Size& low = *pick[i];
        const Size& high = *pick[j];
        if (low.number <= high.number) continue;
        const Size& at = high.property == "MaxSize" ? low : high;
        sink.report(*at.node, label(low.property) + " " + quoted_value(*low.value, *low.node, source) + " is greater than " +
                                  label(high.property) + " " + quoted_value(*high.value, *high.node, source) +
                                  "; keep MinSize <= " + std::string(desired_key) + " <= MaxSize");
        return true;
      }
    }
    return false;
  }

  static std::string label(std::string_view property) {
    if (property == "MinSize") return "minimum size";
    if (property == "MaxSize") return "maximum size";
    return "desired size";
  }
};

}  // namespace

std::unique_ptr<Rule> make_group_sizes_out_of_order() { return std::make_unique<GroupSizesOutOfOrder>(); }

}  // namespace cfn_eks
