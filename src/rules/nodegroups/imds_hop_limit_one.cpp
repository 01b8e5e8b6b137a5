// N008: EKS nodes require IMDSv2 with a hop limit of 1, so pods can't reach instance metadata.

#include "rules/nodegroups/node_launch_data.hpp"
#include "rules/nodegroups/nodegroup_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "N008",
    .name = "imds-hop-limit-one",
    .severity = Severity::Info,
    .summary = "EKS nodes require IMDSv2 with a hop limit of 1, so pods outside the host network can't reach instance metadata.",
    .doc = R"md(EKS nodes require IMDSv2 with a hop limit of 1, so pods outside the host network can't reach instance metadata.

## What it checks
Launch templates and launch configurations of managed and self-managed node groups whose
`MetadataOptions` set `HttpTokens: required` and `HttpPutResponseHopLimit: 1` (every value, through
parameters and conditions).

## Why it matters
An IMDSv2 token response travels one network hop per router; a pod's network namespace is one
hop more than the node, so with a limit of 1 pods get no token. That is the secure choice when
pods use IRSA or EKS Pod Identity, but pods that rely on the node's credentials or metadata
(older AWS SDKs, the AWS Load Balancer Controller or the EBS CSI driver without their own
credentials, anything asking for the region) fail with timeouts. The EKS documents disagree on
the managed node group default (2 on the launch template page, 1 on the AL2023 page: a CONFLICT
in the facts), hence informational.

## Example
```yaml
MetadataOptions:
  HttpTokens: required
  HttpPutResponseHopLimit: 1     # flagged (info)
```

## How to fix
Keep 1 and give pods their own credentials (IRSA, Pod Identity), or set
`HttpPutResponseHopLimit: 2` if pods need the node's metadata.

## References
- eks-facts §4.3 (hop limit), §6.8
- https://docs.aws.amazon.com/eks/latest/userguide/launch-templates.html
- https://docs.aws.amazon.com/eks/latest/userguide/al2023.html
)md",
};

bool every_value_is(const LintContext& context, const Node& node, std::string_view wanted) {
  const Resolution resolution = context.resolver.resolve(node);
  if (!resolution.complete() || resolution.values.empty()) return false;
  for (const PossibleValue& value : resolution.values) {
    if (!value.is_scalar() || value.text != wanted) return false;
  }
  return true;
}

class ImdsHopLimitOne final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    for (const NodeLaunch& launch : node_launch_data(context)) {
      const Node* options = launch.data->get("MetadataOptions");
      if (options == nullptr || !options->is_mapping()) continue;
      const Node* tokens = options->get("HttpTokens");
      const Node* hops = options->get("HttpPutResponseHopLimit");
      if (tokens == nullptr || hops == nullptr) continue;
      if (!every_value_is(context, *tokens, "required") || !every_value_is(context, *hops, "1")) continue;
      sink.report(*hops, "hop limit 1 with IMDSv2 required keeps pods of " + launch.used_by +
                             " from the instance metadata service; fine with IRSA or Pod Identity, set 2 if pods need "
                             "the node's credentials");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_imds_hop_limit_one() { return std::make_unique<ImdsHopLimitOne>(); }

}  // namespace cfn_eks
