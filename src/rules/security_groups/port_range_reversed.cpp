// G004: a TCP or UDP security-group rule whose FromPort is above its ToPort.

#include "rules/eks/common/security_group_graph.hpp"
#include "rules/security_groups/security_group_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "G004",
    .name = "port-range-reversed",
    .severity = Severity::Error,
    .summary = "A TCP or UDP security-group rule has FromPort above ToPort.",
    .doc = R"(A TCP or UDP security-group rule has FromPort above ToPort.

## What it checks
Ingress and egress rules of `AWS::EC2::SecurityGroup` (inline `SecurityGroupIngress` and
`SecurityGroupEgress`) and the standalone `AWS::EC2::SecurityGroupIngress` and
`AWS::EC2::SecurityGroupEgress` resources whose `IpProtocol` is TCP or UDP (`tcp`, `udp`, `6`,
`17`) and whose `FromPort` is greater than `ToPort`. Ports given by a parameter are checked
through its single possible value; anything else unknown is skipped. ICMP rules are not checked
(there the ports are an ICMP type and code).

## Why it matters
EC2 rejects the range, so the stack fails to create or update the security group, and with it
every node group or database that waits for it.

## Example
```yaml
NodeIngress:
  Type: AWS::EC2::SecurityGroupIngress
  Properties:
    GroupId: !Ref NodeSecurityGroup
    IpProtocol: tcp
    FromPort: 65535   # flagged
    ToPort: 1025
    SourceSecurityGroupId: !Ref ControlPlaneSecurityGroup
```

## How to fix
Swap the two values: `FromPort` is the lowest port of the range, `ToPort` the highest.

## References
- eks-facts §6.10 (security-group resources)
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-security-group-ingress.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-securitygroupingress.html
)",
};

class PortRangeReversed final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const SecurityGroupGraph& graph = SecurityGroupGraph::of(context);
    for (const SgRule& rule : graph.rules()) {
      if (rule.protocol != "tcp" && rule.protocol != "udp") continue;
      if (!rule.from_port || !rule.to_port || rule.from_port_node == nullptr) continue;
      if (*rule.from_port <= *rule.to_port) continue;
      sink.report(*rule.from_port_node, "FromPort " + std::to_string(*rule.from_port) + " is above ToPort " +
                                            std::to_string(*rule.to_port) + " in a rule of " +
                                            rule.owner.describe() + "; swap the two ports");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_port_range_reversed() { return std::make_unique<PortRangeReversed>(); }

}  // namespace cfn_eks
