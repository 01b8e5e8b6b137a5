// G001: a managed node group's launch template sets security groups without the cluster
// security group, and those groups do not let nodes and control plane talk.

#include "rules/eks/common/security_group_graph.hpp"
#include "rules/security_groups/security_group_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "G001",
    .name = "managed-nodegroup-sg-blocks-join",
    .severity = Severity::Error,
    .summary = "A managed node group's launch template security groups block node-to-control-plane traffic.",
    .doc = R"(A managed node group's launch template security groups block node-to-control-plane traffic.

## What it checks
`AWS::EKS::Nodegroup` with a launch template of the same stack that sets security groups
(`SecurityGroupIds`, or `Groups` of a network interface) and does not include the cluster
security group (`!GetAtt Cluster.ClusterSecurityGroupId`). EKS then attaches only those
groups, so their ingress rules (inline or `AWS::EC2::SecurityGroupIngress`) must carry the
minimum flows of `schemas/eks/security-groups.json` (model `cluster-security-group`): TCP 443
from the nodes to the control plane (the cluster security group or `SecurityGroupIds` of the
cluster's `ResourcesVpcConfig`), TCP 10250 from the control plane to the nodes, and DNS (TCP
and UDP 53) between nodes. A rule whose source is an address range, a prefix list or a group
of another stack counts as allowing the flow. Node groups with a group from a parameter, an
import or a literal id, and clusters of another stack (for flows into the control plane), are
not judged: the rule stays silent when it cannot decide. Egress rules are not checked.

## Why it matters
Without these flows the kubelet cannot register with the API server and the control plane
cannot reach the kubelet: the node group fails with `NodeCreationFailure` ("Instances failed
to join the kubernetes cluster") after a long wait, and the stack rolls back.

## Example
```yaml
NodeLaunchTemplate:
  Type: AWS::EC2::LaunchTemplate
  Properties:
    LaunchTemplateData:
      SecurityGroupIds: [!Ref NodeSecurityGroup]   # no cluster security group, no rules
Nodes:
  Type: AWS::EKS::Nodegroup
  Properties:
    ClusterName: !Ref Cluster
    LaunchTemplate: {Id: !Ref NodeLaunchTemplate}   # flagged
```

## How to fix
Add `!GetAtt Cluster.ClusterSecurityGroupId` to the launch template's security groups (what
EKS does when the launch template sets none), or add the missing ingress rules.

## References
- eks-facts §4.4 (security groups with launch templates), §5.1-§5.2 (cluster security group, minimum rules)
- https://docs.aws.amazon.com/eks/latest/userguide/launch-templates.html
- https://docs.aws.amazon.com/eks/latest/userguide/sec-group-reqs.html
)",
};

class ManagedNodegroupSgBlocksJoin final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const SecurityGroupGraph& graph = SecurityGroupGraph::of(context);
    for (const GroupCarrier& nodes : graph.carriers()) {
      if (nodes.kind != GroupCarrier::Kind::ManagedNodegroup || !nodes.launch_template_groups || !nodes.complete) {
        continue;
      }
      bool decidable = true;
      for (const GroupRef& group : nodes.groups) {
        if (!group.known() || group.kind == GroupRef::Kind::ClusterSecurityGroup) decidable = false;
      }
      if (!decidable) continue;
      const std::vector<GroupRef>* control_plane = nullptr;
      for (const GroupCarrier* carrier : graph.control_planes_of(nodes.cluster)) {
        if (carrier->complete && !nodes.cluster.empty()) control_plane = &carrier->groups;
      }
      const auto missing =
          missing_node_flows(graph, nodes.groups, control_plane, context.eks.security_groups(), "cluster-security-group");
      if (missing.empty()) continue;
      std::string flows;
      for (const SecurityGroupFlow* flow : missing) flows += (flows.empty() ? "" : ", ") + describe_flow(*flow);
      const MapEntry* where = nodes.resource->properties->find("LaunchTemplate");
      const std::string cluster_group = nodes.cluster.empty()
                                            ? std::string("the cluster security group")
                                            : "!GetAtt " + nodes.cluster + ".ClusterSecurityGroupId";
      Diagnostic& diagnostic = sink.report_key(
          *where, "the launch template of managed node group '" + std::string(nodes.resource->name) +
                      "' sets security groups without the cluster security group, and they do not allow " + flows +
                      "; nodes will not join: add " + cluster_group +
                      " to the launch template's groups or add the rules");
      if (nodes.groups_node) sink.relate(diagnostic, nodes.groups_node->range, "security groups set here");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_managed_nodegroup_sg_blocks_join() {
  return std::make_unique<ManagedNodegroupSgBlocksJoin>();
}

}  // namespace cfn_eks
