// G005: IpProtocol -1 with a port range other than "all": the ports are ignored.

#include "rules/eks/common/security_group_graph.hpp"
#include "rules/security_groups/security_group_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "G005",
    .name = "ports-ignored-for-all-protocols",
    .severity = Severity::Info,
    .summary = "A security-group rule with IpProtocol -1 names ports, which EC2 ignores.",
    .doc = R"(A security-group rule with IpProtocol -1 names ports, which EC2 ignores.

## What it checks
Security-group rules (inline or standalone) with `IpProtocol: -1` whose `FromPort`/`ToPort`
name a range other than "every port" (`0`-`65535` or `-1`). Informational.

## Why it matters
`-1` means every protocol on every port: a rule written as "443 from the nodes" with protocol
`-1` opens everything from the nodes. The ports give a false impression of a narrow rule.

## Example
```yaml
ApiIngress:
  Type: AWS::EC2::SecurityGroupIngress
  Properties:
    GroupId: !Ref ControlPlaneSecurityGroup
    IpProtocol: -1      # flagged: the ports below are ignored
    FromPort: 443
    ToPort: 443
    SourceSecurityGroupId: !Ref NodeSecurityGroup
```

## How to fix
Use `tcp` (or `udp`) to allow only the ports; or drop the ports when all traffic is meant.

## References
- eks-facts §6.10 (`IpProtocol: -1` means all protocols and ports)
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-securitygroupingress.html
)",
};

class PortsIgnoredForAllProtocols final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const SecurityGroupGraph& graph = SecurityGroupGraph::of(context);
    for (const SgRule& rule : graph.rules()) {
      if (rule.protocol != "-1" || rule.protocol_node == nullptr) continue;
      if (!rule.from_port && !rule.to_port) continue;
      const long from = rule.from_port.value_or(0);
      const long to = rule.to_port.value_or(65535);
      const bool everything = (from <= 0 && (to == 65535 || to == -1)) || (from == -1 && to == -1);
      if (everything) continue;
      const std::string ports = from == to ? "port " + std::to_string(from)
                                           : "ports " + std::to_string(from) + "-" + std::to_string(to);
      sink.report(*rule.protocol_node, "IpProtocol -1 allows every protocol and port, so " + ports + " of this rule of " +
                                           rule.owner.describe() +
                                           (from == to ? " is" : " are") + std::string(" ignored; use tcp or udp to allow only these ports"));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_ports_ignored_for_all_protocols() {
  return std::make_unique<PortsIgnoredForAllProtocols>();
}

}  // namespace cfn_eks
