// G002: self-managed EKS nodes whose security groups miss the node/control-plane flows.

#include <unordered_map>

#include "rules/eks/common/security_group_graph.hpp"
#include "rules/eks/common/self_managed_nodes.hpp"
#include "rules/security_groups/security_group_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "G002",
    .name = "self-managed-nodes-sg-flows",
    .severity = Severity::Warning,
    .summary = "Self-managed EKS nodes carry security groups that block node-to-control-plane traffic.",
    .doc = R"(Self-managed EKS nodes carry security groups that block node-to-control-plane traffic.

## What it checks
`AWS::AutoScaling::AutoScalingGroup` resources that boot EKS nodes (the shared recognition:
a `kubernetes.io/cluster/<name>` tag, user data that runs `/etc/eks/bootstrap.sh` or nodeadm,
an EKS AMI SSM path) and whose security groups — all
defined in this stack — do not include the cluster security group. Their ingress rules must
carry the minimum flows of the legacy model in `schemas/eks/security-groups.json`: TCP 443 from
the nodes into the control plane's groups and TCP 10250 from the control plane into the
nodes. The control plane is the cluster the nodes join when it is in this stack (else the
stack's only `AWS::EKS::Cluster`): its cluster security group and
`ResourcesVpcConfig.SecurityGroupIds`. When it is in another stack or not known, flows into the
control plane are not judged and any group other than the nodes' may be the control plane. Sources that
cannot be judged (an address range, a prefix list, a group of another stack) count as allowing
the flow; groups from parameters or imports make the rule stay silent. Warning: the legacy
model and the recognition of self-managed nodes are heuristics.

## Why it matters
Nodes that cannot reach the API server never register; a control plane that cannot reach the
kubelet breaks `kubectl logs`/`exec`, metrics and webhooks. The Auto Scaling group waits for
its signals and the stack rolls back.

## Example
```yaml
NodeSecurityGroup:
  Type: AWS::EC2::SecurityGroup
  Properties:
    GroupDescription: nodes
    VpcId: !Ref VpcId            # no ingress from the control plane
NodeGroup:
  Type: AWS::AutoScaling::AutoScalingGroup   # flagged
  Properties:
    LaunchTemplate: {LaunchTemplateId: !Ref NodeLaunchTemplate, Version: !GetAtt NodeLaunchTemplate.LatestVersionNumber}
```

## How to fix
Add the rules of AWS's node group template: ingress to the control-plane group on TCP 443 from
the node group; ingress to the node group on TCP 1025-65535 (at least 10250) from the
control-plane group. Or attach the cluster security group to the nodes.

## References
- eks-facts §5.3 (legacy control-plane/node security group model), §6.9
- https://docs.aws.amazon.com/eks/latest/userguide/sec-group-reqs.html
- https://s3.us-west-2.amazonaws.com/amazon-eks/cloudformation/2022-12-23/amazon-eks-nodegroup.yaml
)",
};

class SelfManagedNodesSgFlows final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const SecurityGroupGraph& graph = SecurityGroupGraph::of(context);
    const GroupCarrier* control_plane = nullptr;
    int clusters = 0;
    for (const GroupCarrier& carrier : graph.carriers()) {
      if (carrier.kind == GroupCarrier::Kind::ControlPlane) {
        ++clusters;
        control_plane = &carrier;
      }
    }
    const std::vector<SelfManagedNodeGroup>& self_managed = self_managed_node_groups(context);
    std::unordered_map<const Resource*, const SelfManagedNodeGroup*> by_group;
    for (const SelfManagedNodeGroup& candidate : self_managed) by_group[candidate.group] = &candidate;  // last wins
    for (const GroupCarrier& nodes : graph.carriers()) {
      if (nodes.kind != GroupCarrier::Kind::SelfManagedNodes || !nodes.complete || nodes.groups.empty()) continue;
      bool decidable = true;
      for (const GroupRef& group : nodes.groups) {
        if (!group.known() || group.kind == GroupRef::Kind::ClusterSecurityGroup) decidable = false;
      }
      const auto found = by_group.find(nodes.resource);
      const SelfManagedNodeGroup* eks_nodes = found == by_group.end() ? nullptr : found->second;
      if (!decidable || eks_nodes == nullptr) continue;
      // The control plane: the cluster the nodes join, else the stack's only cluster.
      const std::vector<GroupRef>* control_plane_groups =
          clusters == 1 && control_plane->complete ? &control_plane->groups : nullptr;
      if (eks_nodes->cluster.location == ClusterLocation::SameStack && eks_nodes->cluster.cluster) {
        control_plane_groups = nullptr;
        for (const GroupCarrier* carrier : graph.control_planes_of(eks_nodes->cluster.cluster->name)) {
          if (carrier->resource == eks_nodes->cluster.cluster && carrier->complete) control_plane_groups = &carrier->groups;
        }
      } else if (eks_nodes->cluster.location == ClusterLocation::OtherStack) {
        control_plane_groups = nullptr;
      }
      const auto missing =
          missing_node_flows(graph, nodes.groups, control_plane_groups, context.eks.security_groups(), "legacy");
      if (missing.empty()) continue;
      std::string flows;
      for (const SecurityGroupFlow* flow : missing) flows += (flows.empty() ? "" : ", ") + describe_flow(*flow);
      std::string groups;
      for (const GroupRef& group : nodes.groups) groups += (groups.empty() ? "" : ", ") + group.describe();
      Diagnostic& diagnostic = sink.report_key(
          *nodes.resource->entry, "the security groups of self-managed nodes '" + std::string(nodes.resource->name) +
                                      "' (" + groups + ") do not allow " + flows +
                                      "; add the ingress rules of AWS's node group template or attach the cluster "
                                      "security group");
      if (nodes.groups_node) sink.relate(diagnostic, nodes.groups_node->range, "security groups set here");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_self_managed_nodes_sg_flows() { return std::make_unique<SelfManagedNodesSgFlows>(); }

}  // namespace cfn_eks
