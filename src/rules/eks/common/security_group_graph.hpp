#pragma once
// A small graph of a template's security-group wiring, shared by the G rules: the groups, their
// ingress and egress rules (inline and standalone), and which compute, data stores and load
// balancers carry which groups. Groups the template cannot see into (parameters, imports,
// literal ids, outputs of nested stacks) are "opaque": rules that would need their contents
// must stay silent.

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <string_view>
#include <vector>

#include "cfn_eks/resolver.hpp"
#include "cfn_eks/rule.hpp"
#include "cfn_eks/template.hpp"

namespace cfn_eks {

/// A security group as written in a property: which group it names.
struct GroupRef {
  enum class Kind : std::uint8_t {
    Resource,              ///< An AWS::EC2::SecurityGroup of this stack (Ref or GetAtt GroupId).
    ClusterSecurityGroup,  ///< `!GetAtt Cluster.ClusterSecurityGroupId` of a cluster in this stack.
    Opaque,                ///< A parameter, import, literal id or anything not followed.
  };
  Kind kind = Kind::Opaque;
  std::string name;            ///< Logical id (Resource, ClusterSecurityGroup) or the text as written.
  const Node* node = nullptr;  ///< Where it is written.

  bool known() const { return kind != Kind::Opaque; }
  /// "sg:Name" / "csg:Cluster" / "opaque:..." — equal keys are the same group.
  std::string key() const;
  /// For messages: "'NodeSecurityGroup'" or "the cluster security group of 'Cluster'".
  std::string describe() const;
};

/// The peer of a rule: another group, an address range or a prefix list.
struct RulePeer {
  enum class Kind : std::uint8_t { Group, Cidr, PrefixList, None };
  Kind kind = Kind::None;
  GroupRef group;            ///< Kind::Group.
  std::string cidr;          ///< Kind::Cidr: the literal range, empty when not a literal.
  const Node* node = nullptr;
};

/// One ingress or egress permission.
struct SgRule {
  bool ingress = true;
  GroupRef owner;                    ///< The group the rule belongs to (GroupId, or the inline group).
  std::string protocol;              ///< Normalised: "tcp", "udp", "icmp", "icmpv6", "-1"; empty when unknown.
  std::optional<long> from_port, to_port;  ///< Nullopt when absent or not a single literal value.
  RulePeer peer;
  const Node* node = nullptr;        ///< The rule mapping (inline) or the resource's Properties.
  const Node* protocol_node = nullptr;
  const Node* from_port_node = nullptr;
  const Node* to_port_node = nullptr;
  const Resource* resource = nullptr;  ///< The SecurityGroup or SecurityGroupIngress/Egress resource.

  /// True when the rule may carry `protocol` ("tcp"/"udp") on `port` (unknown values count as yes).
  bool may_allow(std::string_view protocol, long port) const;
};

/// What carries groups: a node group, the control plane, a data store, a load balancer.
struct GroupCarrier {
  enum class Kind : std::uint8_t { ManagedNodegroup, SelfManagedNodes, ControlPlane, DataStore, LoadBalancer };
  Kind kind = Kind::DataStore;
  const Resource* resource = nullptr;
  std::vector<GroupRef> groups;
  /// False when the group list could not be followed completely (a launch template of another
  /// stack, a group list from a parameter of list type, an unknown function).
  bool complete = true;
  /// Managed node groups: true when the launch template sets groups (else EKS attaches the
  /// cluster security group, already in `groups`).
  bool launch_template_groups = false;
  const Node* groups_node = nullptr;  ///< Where the groups are written (for findings).
  std::string cluster;                ///< Logical id of the cluster in this stack, when known.
};

class SecurityGroupGraph {
 public:
  SecurityGroupGraph(const Template& tmpl, const Resolver& resolver);
  // The indexes point into the graph's own vectors: a move keeps them, a copy would not.
  SecurityGroupGraph(const SecurityGroupGraph&) = delete;
  SecurityGroupGraph& operator=(const SecurityGroupGraph&) = delete;
  SecurityGroupGraph(SecurityGroupGraph&&) = default;
  SecurityGroupGraph& operator=(SecurityGroupGraph&&) = default;

  const std::vector<SgRule>& rules() const { return rules_; }
  /// The graph of a lint, built once and shared by the G rules (through the lint cache).
  static const SecurityGroupGraph& of(const LintContext& context);
  const std::vector<GroupCarrier>& carriers() const { return carriers_; }

  /// The groups a property value names (a list, one group, Fn::If branches joined).
  /// `complete` is cleared when something could not be followed.
  std::vector<GroupRef> groups_in(const Node* value, bool& complete) const;

  /// Ingress rules whose owner is `group` (by key), in source order. Indexed once: rules ask
  /// this per group and per node group, which scanned every rule of large stacks each time.
  const std::vector<const SgRule*>& ingress_of(const GroupRef& group) const;

  /// The control-plane carriers of the cluster with logical id `cluster` (one unless the id is
  /// duplicated), in source order.
  const std::vector<const GroupCarrier*>& control_planes_of(std::string_view cluster) const;

  /// The logical id of the AWS::EKS::Cluster a `ClusterName`-like value names in this stack, or empty.
  std::string cluster_named_by(const Node* value) const;

  /// True when a group resource is mentioned in Outputs (another stack may attach it).
  bool exported(std::string_view logical_id) const;

 private:
  GroupRef group_ref(const Node& node) const;
  void add_rule(bool ingress, const GroupRef& owner, const Node& rule_node, const Resource& resource);
  void add_carriers();
  void build_indexes();
  const Node* launch_template_data(const Node* launch_template_spec, bool& complete) const;

  const Template* tmpl_;
  const Resolver* resolver_;
  std::vector<SgRule> rules_;
  std::vector<GroupCarrier> carriers_;
  std::unordered_map<std::string, std::vector<const SgRule*>> ingress_by_owner_;
  std::unordered_map<std::string_view, std::vector<const GroupCarrier*>> control_planes_;
  /// Logical ids that Outputs mention (Ref, GetAtt, ${X} in Fn::Sub), computed on first use.
  mutable std::optional<std::unordered_set<std::string>> exported_;
  mutable std::vector<std::string> exported_sub_texts_;  ///< Sorted text after each `${` of an Output's Fn::Sub.
};

/// Normalises an IpProtocol value ("6" -> "tcp", "all" is not valid: returned as is).
std::string normalise_protocol(std::string_view protocol);

}  // namespace cfn_eks

#include "cfn_eks/eks_knowledge.hpp"

namespace cfn_eks {

/// The minimum flows of `model` ("cluster-security-group" or "legacy") from the EKS data that
/// no ingress rule of the graph is known to allow, between nodes carrying `nodes` and a control
/// plane carrying `control_plane` (null when the control plane's groups are not known: flows
/// into it are then assumed, and any group that is not a node group may be the control plane).
/// Sources that cannot be judged (an address range, a prefix list, a group of another stack)
/// count as allowing the flow; so does a destination group whose rules are not visible.
std::vector<const SecurityGroupFlow*> missing_node_flows(const SecurityGroupGraph& graph,
                                                         const std::vector<GroupRef>& nodes,
                                                         const std::vector<GroupRef>* control_plane,
                                                         const SecurityGroupFacts& facts, std::string_view model);

/// "tcp 10250 from the control plane to the nodes (the control plane reaches the kubelet)".
std::string describe_flow(const SecurityGroupFlow& flow);

}  // namespace cfn_eks
