// G003: a data store or load balancer admits a node security group that no node group carries.

#include <algorithm>
#include <cctype>
#include <set>

#include "rules/eks/common/security_group_graph.hpp"
#include "rules/security_groups/security_group_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "G003",
    .name = "stale-node-security-group",
    .severity = Severity::Warning,
    .summary = "A data store or load balancer admits a node security group that no node group carries.",
    .doc = R"(A data store or load balancer admits a node security group that no node group carries.

## What it checks
Security groups of RDS (`AWS::RDS::DBInstance` `VPCSecurityGroups`, `AWS::RDS::DBCluster`
`VpcSecurityGroupIds`), ElastiCache (`CacheCluster` `VpcSecurityGroupIds`, `ReplicationGroup`
`SecurityGroupIds`) and load balancers (`AWS::ElasticLoadBalancingV2::LoadBalancer`
`SecurityGroups`) whose ingress names a node security group of this stack that nothing in the
stack attaches any more, while the stack does run node groups. A group counts as a node
security group when it carries the `kubernetes.io/cluster/<name>` tag, admits traffic from a
cluster's control-plane groups, or its logical id says Node or Worker. Managed node groups
without launch-template groups carry the cluster security group. The rule is silent when a
node group's groups cannot be followed (a launch template or group of another stack), when the
node security group appears in Outputs (another stack may attach it), or when any other
resource of the stack refers to it.

## Why it matters
This is what a migration from self-managed to managed node groups leaves behind: the new nodes
carry the cluster security group (or new groups), the database still admits only the old node
group, and every pod loses its database connection the moment the old nodes are drained.

## Example
```yaml
DatabaseSecurityGroup:
  Type: AWS::EC2::SecurityGroup
  Properties:
    GroupDescription: database
    SecurityGroupIngress:
      - IpProtocol: tcp
        FromPort: 5432
        ToPort: 5432
        SourceSecurityGroupId: !Ref NodeSecurityGroup   # flagged: no node group carries it
ManagedNodes:
  Type: AWS::EKS::Nodegroup
  Properties:
    ClusterName: !Ref Cluster     # nodes carry the cluster security group
```

## How to fix
Admit the groups the nodes carry now (`!GetAtt Cluster.ClusterSecurityGroupId` for managed
node groups without launch-template groups), keeping the old group until the migration ends.

## References
- eks-facts §5.4 (nodes and other resources), §11 (self-managed to managed migration)
- https://docs.aws.amazon.com/eks/latest/userguide/migrate-stack.html
- https://docs.aws.amazon.com/eks/latest/userguide/sec-group-reqs.html
)",
};

bool is_group_plumbing(std::string_view type) {
  return type == "AWS::EC2::SecurityGroup" || type == "AWS::EC2::SecurityGroupIngress" ||
         type == "AWS::EC2::SecurityGroupEgress";
}

bool has_cluster_tag(const Resource& group) {
  const Node* tags = group.property("Tags");
  if (tags == nullptr || !tags->is_sequence()) return false;
  for (const Node* tag : tags->items) {
    const Node* key = tag && tag->is_mapping() ? tag->get("Key") : nullptr;
    if (key == nullptr) continue;
    if (key->is_string() && key->text.starts_with("kubernetes.io/cluster/")) return true;
    if (key->is_intrinsic("Fn::Sub") && key->argument && key->argument->is_string() &&
        key->argument->text.starts_with("kubernetes.io/cluster/")) {
      return true;
    }
  }
  return false;
}

bool named_like_nodes(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower.find("node") != std::string::npos || lower.find("worker") != std::string::npos;
}

class StaleNodeSecurityGroup final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const Template& tmpl = context.tmpl;
    const SecurityGroupGraph& graph = SecurityGroupGraph::of(context);
    std::set<std::string> carried;
    std::set<std::string> control_plane;
    const GroupCarrier* example = nullptr;
    for (const GroupCarrier& carrier : graph.carriers()) {
      if (carrier.kind == GroupCarrier::Kind::ControlPlane) {
        for (const GroupRef& group : carrier.groups) control_plane.insert(group.key());
        continue;
      }
      if (carrier.kind != GroupCarrier::Kind::ManagedNodegroup && carrier.kind != GroupCarrier::Kind::SelfManagedNodes) {
        continue;
      }
      if (!carrier.complete) return;  // some nodes carry groups we cannot see
      for (const GroupRef& group : carrier.groups) {
        if (!group.known()) return;
        carried.insert(group.key());
      }
      if (example == nullptr || carrier.kind == GroupCarrier::Kind::ManagedNodegroup) example = &carrier;
    }
    if (example == nullptr) return;  // no node group in this stack

    std::set<std::string> reported;
    for (const GroupCarrier& target : graph.carriers()) {
      if (target.kind != GroupCarrier::Kind::DataStore && target.kind != GroupCarrier::Kind::LoadBalancer) continue;
      for (const GroupRef& group : target.groups) {
        if (!group.known()) continue;
        for (const SgRule* rule : graph.ingress_of(group)) {
          if (rule->peer.kind != RulePeer::Kind::Group || rule->peer.group.kind != GroupRef::Kind::Resource) continue;
          const GroupRef& source = rule->peer.group;
          if (carried.contains(source.key()) || !reported.insert(source.key() + "|" + group.key()).second) continue;
          if (!looks_like_node_group(tmpl, graph, source, control_plane) || graph.exported(source.name)) continue;
          if (attached_elsewhere(context, source.name)) continue;
          std::string nodes_carry;
          for (const GroupRef& now : example->groups) nodes_carry += (nodes_carry.empty() ? "" : ", ") + now.describe();
          sink.report(*rule->peer.node, group.describe() + " of '" + std::string(target.resource->name) + "' admits " +
                                            source.describe() + ", which no node group carries; pods on '" +
                                            std::string(example->resource->name) + "' (carrying " + nodes_carry +
                                            ") cannot reach '" + std::string(target.resource->name) +
                                            "': admit a group the nodes carry");
        }
      }
    }
  }

 private:
  static bool looks_like_node_group(const Template& tmpl, const SecurityGroupGraph& graph, const GroupRef& group,
                                    const std::set<std::string>& control_plane) {
    const Resource* resource = tmpl.resource(group.name);
    if (resource == nullptr) return false;
    if (has_cluster_tag(*resource) || named_like_nodes(group.name)) return true;
    for (const SgRule* rule : graph.ingress_of(group)) {
      if (rule->peer.kind == RulePeer::Kind::Group && control_plane.contains(rule->peer.group.key())) return true;
    }
    return false;
  }

  // True when a resource other than security groups and their rules refers to the group.
  static bool attached_elsewhere(const LintContext& context, std::string_view name) {
    const auto& resources = context.tmpl.resources();
    for (std::size_t index = 0; index < resources.size(); ++index) {
      if (resources[index].name != name) continue;
      for (const Dependency* edge : context.graph.dependents_of(index)) {
        const std::string_view type = resources[edge->from].type;
        if (!is_group_plumbing(type) && type != "AWS::RDS::DBInstance" && type != "AWS::RDS::DBCluster" &&
            type != "AWS::ElastiCache::CacheCluster" && type != "AWS::ElastiCache::ReplicationGroup" &&
            type != "AWS::ElasticLoadBalancingV2::LoadBalancer") {
          return true;
        }
      }
    }
    return false;
  }
};

}  // namespace

std::unique_ptr<Rule> make_stale_node_security_group() { return std::make_unique<StaleNodeSecurityGroup>(); }

}  // namespace cfn_eks
