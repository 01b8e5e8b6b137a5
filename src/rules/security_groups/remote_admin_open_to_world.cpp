// G006: SSH or RDP open to every address.

#include <set>
#include <string>

#include "rules/eks/common/security_group_graph.hpp"
#include "rules/security_groups/security_group_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "G006",
    .name = "remote-admin-open-to-world",
    .severity = Severity::Warning,
    .summary = "A security group admits SSH or RDP from 0.0.0.0/0 or ::/0.",
    .doc = R"(A security group admits SSH or RDP from 0.0.0.0/0 or ::/0.

## What it checks
Ingress rules (inline or standalone) whose source is `0.0.0.0/0` or `::/0` — written literally
or as the single possible value of a parameter — and whose protocol and ports include a remote
administration port (22 SSH, 3389 RDP; the list is `remote_admin_ports` in
`schemas/eks/security-groups.json`). Rules with ports that cannot be resolved are skipped, and
so are groups used only by load balancers of the stack (they answer on their listener ports only).

## Why it matters
Node and bastion hosts reachable from the whole internet on SSH or RDP are scanned and
brute-forced within minutes. Worker nodes rarely need inbound administration at all: AWS Systems
Manager Session Manager works without an open port.

## Example
```yaml
NodeSecurityGroup:
  Type: AWS::EC2::SecurityGroup
  Properties:
    GroupDescription: nodes
    SecurityGroupIngress:
      - IpProtocol: tcp
        FromPort: 22
        ToPort: 22
        CidrIp: 0.0.0.0/0   # flagged
```

## How to fix
Limit the source to your network (a parameter with your office CIDR, a bastion's security
group, a prefix list), or remove the rule and use Session Manager.

## References
- eks-facts §5.4, §6.10
- https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/security-group-rules-reference.html
- https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html
)",
};

// True when nothing but load balancers and security-group rules refers to the group.
bool only_on_load_balancers(const LintContext& context, std::string_view name) {
  const auto& resources = context.tmpl.resources();
  for (std::size_t index = 0; index < resources.size(); ++index) {
    if (resources[index].name != name) continue;
    for (const Dependency* edge : context.graph.dependents_of(index)) {
      const std::string_view type = resources[edge->from].type;
      if (type != "AWS::ElasticLoadBalancingV2::LoadBalancer" && type != "AWS::ElasticLoadBalancing::LoadBalancer" &&
          type != "AWS::EC2::SecurityGroup" && type != "AWS::EC2::SecurityGroupIngress" &&
          type != "AWS::EC2::SecurityGroupEgress") {
        return false;
      }
    }
    return true;
  }
  return false;
}

class RemoteAdminOpenToWorld final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const SecurityGroupGraph& graph = SecurityGroupGraph::of(context);
    // A load balancer answers on its listener ports only: an open group there exposes no SSH.
    std::set<std::string> load_balancer_groups;
    for (const GroupCarrier& carrier : graph.carriers()) {
      if (carrier.kind != GroupCarrier::Kind::LoadBalancer) continue;
      for (const GroupRef& group : carrier.groups) {
        if (group.kind == GroupRef::Kind::Resource && only_on_load_balancers(context, group.name)) {
          load_balancer_groups.insert(group.key());
        }
      }
    }
    for (const SgRule& rule : graph.rules()) {
      if (load_balancer_groups.contains(rule.owner.key())) continue;
      if (!rule.ingress || rule.peer.kind != RulePeer::Kind::Cidr || rule.peer.node == nullptr) continue;
      if (rule.protocol != "tcp" && rule.protocol != "-1") continue;
      if (rule.protocol == "tcp" && (!rule.from_port || !rule.to_port)) continue;
      std::string cidr = rule.peer.cidr;
      std::string where;
      if (cidr.empty()) {
        const Resolution resolution = context.resolver.resolve(*rule.peer.node);
        if (!resolution.complete() || resolution.values.size() != 1) continue;
        cidr = resolution.values[0].text;
        where = " (" + resolution.values[0].describe(*context.document.source) + ")";
      }
      if (cidr != "0.0.0.0/0" && cidr != "::/0") continue;
      for (const int port : context.eks.security_groups().remote_admin_ports) {
        if (!rule.may_allow("tcp", port)) continue;
        sink.report(*rule.peer.node, "'" + cidr + "'" + where + " may reach port " + std::to_string(port) +
                                         (port == 22 ? " (SSH)" : port == 3389 ? " (RDP)" : "") + " of " +
                                         rule.owner.describe() +
                                         "; limit the source to your network or use Session Manager");
        break;
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_remote_admin_open_to_world() { return std::make_unique<RemoteAdminOpenToWorld>(); }

}  // namespace cfn_eks
