// G007: the cluster's public API endpoint is open to every address.

#include "rules/security_groups/security_group_rules.hpp"

namespace cfn_eks {

namespace {

constexpr std::string_view kClusterType = "AWS::EKS::Cluster";

constexpr RuleInfo kInfo{
    .id = "G007",
    .name = "public-api-endpoint-open",
    .severity = Severity::Info,
    .summary = "The cluster's public API endpoint accepts requests from every address.",
    .doc = R"(The cluster's public API endpoint accepts requests from every address.

## What it checks
`AWS::EKS::Cluster` whose `ResourcesVpcConfig.EndpointPublicAccess` is true or absent (the
default is true) and whose `PublicAccessCidrs` is absent (the default is `0.0.0.0/0`) or lists
`0.0.0.0/0`. Values from parameters and conditions are followed; when the endpoint may be
private or the ranges may be narrowed by a parameter, nothing is reported unless some
possible value opens it. Informational: many clusters choose a public endpoint on purpose.

## Why it matters
The Kubernetes API is then reachable from the whole internet. Authentication still applies, but
the API server is exposed to credential stuffing, to vulnerabilities before they are patched,
and to anyone holding a leaked kubeconfig token.

## Example
```yaml
Cluster:
  Type: AWS::EKS::Cluster
  Properties:
    ResourcesVpcConfig:          # flagged: public endpoint, no PublicAccessCidrs
      SubnetIds: !Ref Subnets
```

## How to fix
Set `PublicAccessCidrs` to the ranges that administer the cluster, or set
`EndpointPrivateAccess: true` and `EndpointPublicAccess: false` and reach the API from the VPC.

## References
- eks-facts §6.1 (AWS::EKS::Cluster)
- https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-eks-cluster-resourcesvpcconfig.html
)",
};

class PublicApiEndpointOpen final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const std::string_view> resource_types() const override { return {&kClusterType, 1}; }

  void check_resource(const LintContext& context, const Resource& resource, DiagnosticSink& sink) const override {
    const MapEntry* vpc_entry = resource.properties ? resource.properties->find("ResourcesVpcConfig") : nullptr;
    if (vpc_entry == nullptr || vpc_entry->value == nullptr || !vpc_entry->value->is_mapping()) return;
    const Node& vpc = *vpc_entry->value;
    std::string why;
    if (const Node* access = vpc.get("EndpointPublicAccess")) {
      const Resolution resolution = context.resolver.resolve(*access);
      const PossibleValue* open = nullptr;
      for (const PossibleValue& value : resolution.values) {
        if (value.is_scalar() && (value.text == "true" || value.text == "True")) open = &value;
      }
      if (open == nullptr) return;
      if (!access->is_scalar()) why = " (EndpointPublicAccess " + open->describe(*context.document.source) + ")";
    }
    std::string ranges = "PublicAccessCidrs is not set and defaults to 0.0.0.0/0";
    if (const Node* cidrs = vpc.get("PublicAccessCidrs")) {
      bool world = false;
      const Resolution resolution = context.resolver.resolve(*cidrs);
      for (const PossibleValue& value : resolution.values) {
        if (value.text == "0.0.0.0/0") world = true;
        for (const PossibleValue& element : value.elements) {
          if (element.text == "0.0.0.0/0") world = true;
        }
      }
      if (!world) return;
      ranges = "PublicAccessCidrs includes 0.0.0.0/0";
    }
    sink.report_key(*vpc_entry, "the API endpoint of '" + std::string(resource.name) + "' is public" + why +
                                    " and " + ranges +
                                    "; restrict PublicAccessCidrs or use a private endpoint");
  }
};

}  // namespace

std::unique_ptr<Rule> make_public_api_endpoint_open() { return std::make_unique<PublicApiEndpointOpen>(); }

}  // namespace cfn_eks
