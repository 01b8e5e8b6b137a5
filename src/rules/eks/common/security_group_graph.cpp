#include "rules/eks/common/security_group_graph.hpp"

#include <algorithm>
#include <charconv>

#include "rules/common/intrinsic_args.hpp"

namespace cfn_eks {

namespace {

constexpr std::string_view kSecurityGroup = "AWS::EC2::SecurityGroup";
constexpr std::string_view kCluster = "AWS::EKS::Cluster";

std::optional<long> parse_long(std::string_view text) {
  long value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

// The single literal value of a node (through parameters with one possible value), or nullopt.
std::optional<std::string> single_value(const Resolver& resolver, const Node* node) {
  if (node == nullptr) return std::nullopt;
  if (node->is_scalar()) return node->text;
  const Resolution resolution = resolver.resolve(*node);
  if (!resolution.complete() || resolution.values.size() != 1 || !resolution.values[0].is_scalar()) {
    return std::nullopt;
  }
  return resolution.values[0].text;
}

}  // namespace

std::string normalise_protocol(std::string_view protocol) {
  if (protocol == "6" || protocol == "TCP" || protocol == "Tcp") return "tcp";
  if (protocol == "17" || protocol == "UDP" || protocol == "Udp") return "udp";
  if (protocol == "1" || protocol == "ICMP") return "icmp";
  if (protocol == "58") return "icmpv6";
  return std::string(protocol);
}

std::string GroupRef::key() const {
  switch (kind) {
    case Kind::Resource: return "sg:" + name;
    case Kind::ClusterSecurityGroup: return "csg:" + name;
    case Kind::Opaque: break;
  }
  return "opaque:" + name;
}

std::string GroupRef::describe() const {
  if (kind == Kind::ClusterSecurityGroup) return "the cluster security group of '" + name + "'";
  return "'" + name + "'";
}

bool SgRule::may_allow(std::string_view wanted, long port) const {
  if (protocol.empty() || protocol == "-1") return true;
  if (protocol != wanted) return false;
  const long low = from_port.value_or(port);
  const long high = to_port.value_or(port);
  if (low == -1 && high == -1) return true;  // -1/-1: all ports
  return low <= port && port <= high;
}

SecurityGroupGraph::SecurityGroupGraph(const Template& tmpl, const Resolver& resolver)
    : tmpl_(&tmpl), resolver_(&resolver) {
  for (const Resource& resource : tmpl.resources()) {
    if (resource.type == kSecurityGroup) {
      const GroupRef owner{GroupRef::Kind::Resource, std::string(resource.name), resource.node};
      for (const auto& [key, ingress] : {std::pair{"SecurityGroupIngress", true}, {"SecurityGroupEgress", false}}) {
        const Node* list = resource.property(key);
        if (list == nullptr || !list->is_sequence()) continue;
        for (const Node* item : list->items) {
          if (item && item->is_mapping()) add_rule(ingress, owner, *item, resource);
        }
      }
    } else if (resource.type == "AWS::EC2::SecurityGroupIngress" || resource.type == "AWS::EC2::SecurityGroupEgress") {
      if (resource.properties == nullptr || !resource.properties->is_mapping()) continue;
      const Node* group_id = resource.property("GroupId");
      if (group_id == nullptr) continue;  // GroupName: a default-VPC group, not followed
      add_rule(resource.type == "AWS::EC2::SecurityGroupIngress", group_ref(*group_id), *resource.properties,
               resource);
    }
  }
  add_carriers();
  build_indexes();
}

void SecurityGroupGraph::build_indexes() {
  for (const SgRule& rule : rules_) {
    if (rule.ingress) ingress_by_owner_[rule.owner.key()].push_back(&rule);
  }
  for (const GroupCarrier& carrier : carriers_) {
    if (carrier.kind == GroupCarrier::Kind::ControlPlane) control_planes_[carrier.resource->name].push_back(&carrier);
  }
}

const SecurityGroupGraph& SecurityGroupGraph::of(const LintContext& context) {
  return context.cache.get<SecurityGroupGraph>("security-group-graph",
                                               [&] { return SecurityGroupGraph(context.tmpl, context.resolver); });
}

GroupRef SecurityGroupGraph::group_ref(const Node& node) const {
  GroupRef ref;
  ref.node = &node;
  if (node.is_intrinsic("Ref") && node.argument && node.argument->is_string()) {
    ref.name = node.argument->text;
    const Resource* resource = tmpl_->resource(ref.name);
    if (resource && resource->type == kSecurityGroup) ref.kind = GroupRef::Kind::Resource;
    return ref;
  }
  if (const auto target = getatt_target(node)) {
    ref.name = std::string(target->resource);
    const Resource* resource = tmpl_->resource(target->resource);
    if (resource && resource->type == kSecurityGroup && target->attribute == "GroupId") {
      ref.kind = GroupRef::Kind::Resource;
    } else if (resource && resource->type == kCluster && target->attribute == "ClusterSecurityGroupId") {
      ref.kind = GroupRef::Kind::ClusterSecurityGroup;
    } else {
      ref.name += "." + std::string(target->attribute);
    }
    return ref;
  }
  ref.name = node.is_scalar() ? node.text : (node.is_intrinsic() ? node.text : "value");
  return ref;
}

std::vector<GroupRef> SecurityGroupGraph::groups_in(const Node* value, bool& complete) const {
  std::vector<GroupRef> out;
  if (value == nullptr) return out;
  if (value->is_sequence()) {
    for (const Node* item : value->items) {
      if (item == nullptr) continue;
      auto more = groups_in(item, complete);
      out.insert(out.end(), more.begin(), more.end());
    }
    return out;
  }
  if (value->is_intrinsic("Fn::If")) {
    for (std::size_t i = 1; i <= 2; ++i) {
      auto more = groups_in(argument_item(*value, i), complete);
      out.insert(out.end(), more.begin(), more.end());
    }
    return out;
  }
  if (value->is_intrinsic("Ref") && value->argument && value->argument->is_string()) {
    if (value->argument->text == "AWS::NoValue") return out;
    if (const Parameter* parameter = tmpl_->parameter(value->argument->text)) {
      // A list of groups chosen at deployment: its members are not known.
      if (parameter->type.starts_with("List<") || parameter->type == "CommaDelimitedList") complete = false;
    }
  }
  GroupRef ref = group_ref(*value);
  if (!ref.known() && !value->is_scalar() && !value->is_intrinsic("Ref") && !value->is_intrinsic("Fn::ImportValue") &&
      !value->is_intrinsic("Fn::GetAtt")) {
    complete = false;  // Fn::Split, Fn::Select, ...: not followed
  }
  out.push_back(std::move(ref));
  return out;
}

void SecurityGroupGraph::add_rule(bool ingress, const GroupRef& owner, const Node& rule_node,
                                  const Resource& resource) {
  SgRule rule;
  rule.ingress = ingress;
  rule.owner = owner;
  rule.node = &rule_node;
  rule.resource = &resource;
  rule.protocol_node = rule_node.get("IpProtocol");
  rule.from_port_node = rule_node.get("FromPort");
  rule.to_port_node = rule_node.get("ToPort");
  if (auto protocol = single_value(*resolver_, rule.protocol_node)) rule.protocol = normalise_protocol(*protocol);
  if (auto from = single_value(*resolver_, rule.from_port_node)) rule.from_port = parse_long(*from);
  if (auto to = single_value(*resolver_, rule.to_port_node)) rule.to_port = parse_long(*to);
  const char* group_key = ingress ? "SourceSecurityGroupId" : "DestinationSecurityGroupId";
  const char* prefix_key = ingress ? "SourcePrefixListId" : "DestinationPrefixListId";
  if (const Node* group = rule_node.get(group_key)) {
    rule.peer.kind = RulePeer::Kind::Group;
    rule.peer.group = group_ref(*group);
    rule.peer.node = group;
  } else if (const Node* prefix = rule_node.get(prefix_key)) {
    rule.peer.kind = RulePeer::Kind::PrefixList;
    rule.peer.node = prefix;
  } else if (const Node* cidr = rule_node.get("CidrIp") ? rule_node.get("CidrIp") : rule_node.get("CidrIpv6")) {
    rule.peer.kind = RulePeer::Kind::Cidr;
    rule.peer.node = cidr;
    if (cidr->is_string()) rule.peer.cidr = cidr->text;
  } else if (const Node* name = rule_node.get("SourceSecurityGroupName")) {
    rule.peer.kind = RulePeer::Kind::Group;
    rule.peer.group = group_ref(*name);
    rule.peer.node = name;
  }
  rules_.push_back(std::move(rule));
}

std::string SecurityGroupGraph::cluster_named_by(const Node* value) const {
  if (value == nullptr || !value->is_intrinsic("Ref") || value->argument == nullptr || !value->argument->is_string()) {
    return {};
  }
  const Resource* resource = tmpl_->resource(value->argument->text);
  return resource && resource->type == kCluster ? std::string(resource->name) : std::string();
}

const Node* SecurityGroupGraph::launch_template_data(const Node* spec, bool& complete) const {
  if (spec == nullptr || !spec->is_mapping()) return nullptr;
  const Node* id = spec->get("LaunchTemplateId") ? spec->get("LaunchTemplateId") : spec->get("Id");
  const Node* name = spec->get("LaunchTemplateName") ? spec->get("LaunchTemplateName") : spec->get("Name");
  const Node* ref = id ? id : name;
  std::string_view logical;
  if (ref && ref->is_intrinsic("Ref") && ref->argument && ref->argument->is_string()) logical = ref->argument->text;
  if (ref) {
    if (const auto target = getatt_target(*ref)) logical = target->resource;
  }
  const Resource* resource = logical.empty() ? nullptr : tmpl_->resource(logical);
  if (resource == nullptr || resource->type != "AWS::EC2::LaunchTemplate") {
    complete = false;
    return nullptr;
  }
  const Node* data = resource->property("LaunchTemplateData");
  return data && data->is_mapping() ? data : nullptr;
}

void SecurityGroupGraph::add_carriers() {
  // Groups a launch template's data sets: instance level and network interfaces.
  auto launch_template_groups = [&](const Node* data, GroupCarrier& carrier) {
    if (data == nullptr) return;
    for (const char* key : {"SecurityGroupIds", "SecurityGroups"}) {
      if (const Node* groups = data->get(key)) {
        auto found = groups_in(groups, carrier.complete);
        carrier.groups.insert(carrier.groups.end(), found.begin(), found.end());
        if (carrier.groups_node == nullptr) carrier.groups_node = groups;
      }
    }
    if (const Node* interfaces = data->get("NetworkInterfaces"); interfaces && interfaces->is_sequence()) {
      for (const Node* interface : interfaces->items) {
        if (interface == nullptr || !interface->is_mapping()) continue;
        if (const Node* groups = interface->get("Groups")) {
          auto found = groups_in(groups, carrier.complete);
          carrier.groups.insert(carrier.groups.end(), found.begin(), found.end());
          if (carrier.groups_node == nullptr) carrier.groups_node = groups;
        }
      }
    } else if (interfaces != nullptr) {
      carrier.complete = false;
    }
  };

  for (const Resource& resource : tmpl_->resources()) {
    GroupCarrier carrier;
    carrier.resource = &resource;
    const std::string_view type = resource.type;
    if (type == "AWS::EKS::Nodegroup") {
      carrier.kind = GroupCarrier::Kind::ManagedNodegroup;
      carrier.cluster = cluster_named_by(resource.property("ClusterName"));
      if (const Node* spec = resource.property("LaunchTemplate")) {
        launch_template_groups(launch_template_data(spec, carrier.complete), carrier);
      }
      carrier.launch_template_groups = !carrier.groups.empty();
      if (carrier.groups.empty() && carrier.complete) {
        if (carrier.cluster.empty()) {
          carrier.groups.push_back(GroupRef{GroupRef::Kind::Opaque, "cluster security group", resource.node});
        } else {
          carrier.groups.push_back(GroupRef{GroupRef::Kind::ClusterSecurityGroup, carrier.cluster, resource.node});
        }
      }
    } else if (type == "AWS::AutoScaling::AutoScalingGroup") {
      carrier.kind = GroupCarrier::Kind::SelfManagedNodes;
      if (const Node* spec = resource.property("LaunchTemplate")) {
        launch_template_groups(launch_template_data(spec, carrier.complete), carrier);
      } else if (const Node* mixed = resource.property("MixedInstancesPolicy")) {
        const Node* lt = mixed->is_mapping() ? mixed->get("LaunchTemplate") : nullptr;
        const Node* mixed_spec = lt && lt->is_mapping() ? lt->get("LaunchTemplateSpecification") : nullptr;
        launch_template_groups(launch_template_data(mixed_spec, carrier.complete), carrier);
      } else if (const Node* config = resource.property("LaunchConfigurationName")) {
        const Resource* lc = nullptr;
        if (config->is_intrinsic("Ref") && config->argument && config->argument->is_string()) {
          lc = tmpl_->resource(config->argument->text);
        }
        if (lc && lc->type == "AWS::AutoScaling::LaunchConfiguration") {
          if (const Node* groups = lc->property("SecurityGroups")) {
            carrier.groups = groups_in(groups, carrier.complete);
            carrier.groups_node = groups;
          }
        } else {
          carrier.complete = false;
        }
      } else {
        carrier.complete = false;
      }
    } else if (type == kCluster) {
      carrier.kind = GroupCarrier::Kind::ControlPlane;
      carrier.cluster = std::string(resource.name);
      carrier.groups.push_back(GroupRef{GroupRef::Kind::ClusterSecurityGroup, carrier.cluster, resource.node});
      if (const Node* vpc = resource.property("ResourcesVpcConfig"); vpc && vpc->is_mapping()) {
        if (const Node* groups = vpc->get("SecurityGroupIds")) {
          auto found = groups_in(groups, carrier.complete);
          carrier.groups.insert(carrier.groups.end(), found.begin(), found.end());
          carrier.groups_node = groups;
        }
      }
    } else {
      const char* key = nullptr;
      GroupCarrier::Kind kind = GroupCarrier::Kind::DataStore;
      if (type == "AWS::RDS::DBInstance") key = "VPCSecurityGroups";
      else if (type == "AWS::RDS::DBCluster") key = "VpcSecurityGroupIds";
      else if (type == "AWS::ElastiCache::CacheCluster") key = "VpcSecurityGroupIds";
      else if (type == "AWS::ElastiCache::ReplicationGroup") key = "SecurityGroupIds";
      else if (type == "AWS::ElasticLoadBalancingV2::LoadBalancer") {
        key = "SecurityGroups";
        kind = GroupCarrier::Kind::LoadBalancer;
      } else if (type == "AWS::ElasticLoadBalancing::LoadBalancer") {
        key = "SecurityGroups";
        kind = GroupCarrier::Kind::LoadBalancer;
      }
      if (key == nullptr) continue;
      carrier.kind = kind;
      const Node* groups = resource.property(key);
      if (groups == nullptr) continue;
      carrier.groups = groups_in(groups, carrier.complete);
      carrier.groups_node = groups;
    }
    carriers_.push_back(std::move(carrier));
  }
}

const std::vector<const SgRule*>& SecurityGroupGraph::ingress_of(const GroupRef& group) const {
  static const std::vector<const SgRule*> kNone;
  const auto it = ingress_by_owner_.find(group.key());
  return it == ingress_by_owner_.end() ? kNone : it->second;
}

const std::vector<const GroupCarrier*>& SecurityGroupGraph::control_planes_of(std::string_view cluster) const {
  static const std::vector<const GroupCarrier*> kNone;
  const auto it = control_planes_.find(cluster);
  return it == control_planes_.end() ? kNone : it->second;
}

namespace {

// Every resource or parameter named in Outputs through Ref, Fn::GetAtt or `${Name...}` in a
// Fn::Sub text (the prefix match of the old per-name scan: "${Sg" also names "Sg" and "SgB").
void collect_output_mentions(const Template& tmpl, std::unordered_set<std::string>& names,
                             std::vector<std::string>& sub_texts) {
  for (const Output& output : tmpl.outputs()) {
    std::vector<const Node*> stack{output.value};
    while (!stack.empty()) {
      const Node* node = stack.back();
      stack.pop_back();
      if (node == nullptr) continue;
      if (node->is_intrinsic("Ref") && node->argument && node->argument->is_string()) {
        names.insert(node->argument->text);
      } else if (auto target = getatt_target(*node)) {
        names.insert(std::string(target->resource));
        if (node->argument) stack.push_back(node->argument);
      } else if (node->is_intrinsic("Fn::Sub") && node->argument) {
        const Node* text = node->argument->is_sequence() ? argument_item(*node, 0) : node->argument;
        if (text && text->is_string()) sub_texts.push_back(text->text);
        stack.push_back(node->argument);
      } else {
        if (node->argument) stack.push_back(node->argument);
        for (const Node* item : node->items) stack.push_back(item);
        for (const MapEntry& entry : node->entries) stack.push_back(entry.value);
      }
    }
  }
}

}  // namespace

bool SecurityGroupGraph::exported(std::string_view logical_id) const {
  if (!exported_) {
    exported_.emplace();
    std::vector<std::string> sub_texts;
    collect_output_mentions(*tmpl_, *exported_, sub_texts);
    // `${X` in a Sub text matches every id starting with X: keep the texts' variable prefixes.
    for (const std::string& text : sub_texts) {
      for (std::size_t at = text.find("${"); at != std::string::npos; at = text.find("${", at + 2)) {
        exported_sub_texts_.push_back(text.substr(at + 2));
      }
    }
    std::sort(exported_sub_texts_.begin(), exported_sub_texts_.end());
  }
  if (exported_->contains(std::string(logical_id))) return true;
  // The first text not below the id is the only candidate that can start with it.
  const auto it = std::lower_bound(exported_sub_texts_.begin(), exported_sub_texts_.end(), logical_id);
  return it != exported_sub_texts_.end() && it->starts_with(logical_id);
}

}  // namespace cfn_eks

namespace cfn_eks {

namespace {

bool contains_key(const std::vector<GroupRef>& groups, const std::string& key) {
  for (const GroupRef& group : groups) {
    if (group.key() == key) return true;
  }
  return false;
}

std::string_view peer_phrase(SgPeer peer) {
  switch (peer) {
    case SgPeer::ControlPlane: return "the control plane";
    case SgPeer::Node: return "the nodes";
    case SgPeer::ClusterSecurityGroup: return "the cluster security group";
    case SgPeer::Internet: return "the internet";
  }
  return "";
}

}  // namespace

std::vector<const SecurityGroupFlow*> missing_node_flows(const SecurityGroupGraph& graph,
                                                         const std::vector<GroupRef>& nodes,
                                                         const std::vector<GroupRef>* control_plane,
                                                         const SecurityGroupFacts& facts, std::string_view model) {
  std::vector<const SecurityGroupFlow*> missing;
  auto is_control_plane_peer = [](SgPeer peer) {
    return peer == SgPeer::ControlPlane || peer == SgPeer::ClusterSecurityGroup;
  };
  for (const SecurityGroupFlow& flow : facts.flows) {
    if (flow.model != model || !flow.minimum) continue;
    if (flow.from == SgPeer::Internet || flow.to == SgPeer::Internet) continue;
    const std::vector<GroupRef>* destinations = nullptr;
    if (flow.to == SgPeer::Node) destinations = &nodes;
    else if (is_control_plane_peer(flow.to)) destinations = control_plane;
    if (destinations == nullptr) continue;  // not known: assume it is allowed
    bool allowed = false;
    for (const GroupRef& destination : *destinations) {
      if (!destination.known()) {
        allowed = true;
        break;
      }
      for (const SgRule* rule : graph.ingress_of(destination)) {
        if (flow.protocol == "-1") {
          if (!rule->protocol.empty() && rule->protocol != "-1") continue;
        } else if (!rule->may_allow(flow.protocol, flow.from_port) || !rule->may_allow(flow.protocol, flow.to_port)) {
          continue;
        }
        if (rule->peer.kind != RulePeer::Kind::Group || !rule->peer.group.known()) {
          allowed = true;  // an address range, a prefix list, a group we cannot see into
        } else {
          const std::string key = rule->peer.group.key();
          if (flow.from == SgPeer::Node) {
            allowed = contains_key(nodes, key);
          } else if (is_control_plane_peer(flow.from)) {
            allowed = control_plane ? contains_key(*control_plane, key) : !contains_key(nodes, key);
          }
        }
        if (allowed) break;
      }
      if (allowed) break;
    }
    if (!allowed) missing.push_back(&flow);
  }
  return missing;
}

std::string describe_flow(const SecurityGroupFlow& flow) {
  std::string text = flow.protocol == "-1" ? std::string("all traffic") : flow.protocol + " " + std::to_string(flow.from_port);
  if (flow.protocol != "-1" && flow.to_port != flow.from_port) text += "-" + std::to_string(flow.to_port);
  text += " from " + std::string(peer_phrase(flow.from)) + " to " + std::string(peer_phrase(flow.to));
  if (!flow.purpose.empty()) text += " (" + flow.purpose + ")";
  return text;
}

}  // namespace cfn_eks
