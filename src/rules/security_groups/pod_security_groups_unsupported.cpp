// G008: security groups for pods (VPC CNI ENABLE_POD_ENI) where the cluster or the CNI lacks them.

#include <cctype>
#include <memory>
#include <optional>
#include <tuple>

#include "cfn_eks/document.hpp"
#include "rules/security_groups/security_group_rules.hpp"

namespace cfn_eks {

namespace {

constexpr std::string_view kAddonType = "AWS::EKS::Addon";

constexpr RuleInfo kInfo{
    .id = "G008",
    .name = "pod-security-groups-unsupported",
    .severity = Severity::Warning,
    .summary = "Security groups for pods are enabled on a cluster or VPC CNI version that lacks them.",
    .doc = R"(Security groups for pods are enabled on a cluster or VPC CNI version that lacks them.

## What it checks
`AWS::EKS::Addon` for `vpc-cni` whose `ConfigurationValues` (JSON or YAML text) set
`env.ENABLE_POD_ENI` to `"true"`, when the add-on's `AddonVersion` is below the minimum VPC CNI
version for security groups for pods, or the cluster it names (`ClusterName: !Ref Cluster`,
through parameters and conditions) runs a Kubernetes version below the minimum. Both minimums
come from `schemas/eks/security-groups.json` (`security_groups_for_pods`) and the add-on data.

## Why it matters
The setting is accepted but does nothing useful: pods keep the node's security groups, so
`SecurityGroupPolicy` objects silently fail to isolate them — typically the database rule
written for a pod security group never matches and the pods cannot connect.

## Example
```yaml
VpcCni:
  Type: AWS::EKS::Addon
  Properties:
    ClusterName: !Ref Cluster
    AddonName: vpc-cni
    AddonVersion: v1.7.5-eksbuild.1     # flagged: needs 1.7.7 or later
    ConfigurationValues: '{"env":{"ENABLE_POD_ENI":"true"}}'
```

## How to fix
Use a VPC CNI version at or above the minimum (and upgrade clusters older than the minimum
Kubernetes version), or drop `ENABLE_POD_ENI`. The cluster role also needs
`AmazonEKSVPCResourceController`, and only Nitro Linux instances get pod ENIs.

## References
- eks-facts §5.5 (security groups for pods)
- https://docs.aws.amazon.com/eks/latest/userguide/security-groups-for-pods.html
)",
};

// major.minor.patch of "v1.7.5-eksbuild.1" or "1.7.7".
std::optional<std::tuple<int, int, int>> numbers(std::string_view text) {
  if (text.starts_with('v')) text.remove_prefix(1);
  int parts[3] = {0, 0, 0};
  std::size_t at = 0;
  for (int index = 0; index < 3; ++index) {
    if (at >= text.size() || !std::isdigit(static_cast<unsigned char>(text[at]))) return std::nullopt;
    while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) {
      parts[index] = parts[index] * 10 + (text[at] - '0');
      ++at;
    }
    if (index < 2) {
      if (at >= text.size() || text[at] != '.') return std::nullopt;
      ++at;
    }
  }
  return std::tuple{parts[0], parts[1], parts[2]};
}

bool enables_pod_eni(const std::string& configuration) {
  if (configuration.find("ENABLE_POD_ENI") == std::string::npos) return false;
  auto source = std::make_shared<SourceFile>("configuration", configuration);
  const Document document = load_yaml(source);
  if (document.root == nullptr || !document.root->is_mapping()) return false;
  const Node* env = document.root->get("env");
  const Node* value = env && env->is_mapping() ? env->get("ENABLE_POD_ENI") : nullptr;
  return value && value->is_scalar() && (value->text == "true" || value->text == "True");
}

class PodSecurityGroupsUnsupported final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const std::string_view> resource_types() const override { return {&kAddonType, 1}; }

  void check_resource(const LintContext& context, const Resource& addon, DiagnosticSink& sink) const override {
    const Node* name = addon.property("AddonName");
    if (name == nullptr || !name->is_string() || name->text != "vpc-cni") return;
    const Node* configuration = addon.property("ConfigurationValues");
    if (configuration == nullptr || !configuration->is_string() || !enables_pod_eni(configuration->text)) return;
    const SecurityGroupFacts& facts = context.eks.security_groups();

    if (const Node* version = addon.property("AddonVersion"); version && version->is_string()) {
      const auto have = numbers(version->text);
      const auto need = numbers(facts.pod_security_groups_min_vpc_cni);
      if (have && need && *have < *need) {
        sink.report(*version, "VPC CNI '" + version->text + "' enables ENABLE_POD_ENI but security groups for pods need " +
                                  facts.pod_security_groups_min_vpc_cni + " or later; use a newer AddonVersion");
      }
    }
    if (!facts.pod_security_groups_min_kubernetes) return;
    const Node* cluster_name = addon.property("ClusterName");
    if (cluster_name == nullptr || !cluster_name->is_intrinsic("Ref") || cluster_name->argument == nullptr ||
        !cluster_name->argument->is_string()) {
      return;
    }
    const Resource* cluster = context.tmpl.resource(cluster_name->argument->text);
    if (cluster == nullptr || cluster->type != "AWS::EKS::Cluster") return;
    const Node* version = cluster->property("Version");
    if (version == nullptr) return;
    for (const PossibleValue& value : context.resolver.resolve(*version).values) {
      const auto parsed = value.is_scalar() ? parse_kube_version(value.text) : std::nullopt;
      if (!parsed || *parsed >= *facts.pod_security_groups_min_kubernetes) continue;
      sink.report(*configuration, "ENABLE_POD_ENI needs Kubernetes " +
                                      facts.pod_security_groups_min_kubernetes->to_string() + " or later but '" +
                                      std::string(cluster->name) + "' runs " + value.describe(*context.document.source) +
                                      "; upgrade the cluster or drop ENABLE_POD_ENI");
      break;
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_pod_security_groups_unsupported() {
  return std::make_unique<PodSecurityGroupsUnsupported>();
}

}  // namespace cfn_eks
