#include "rules/eks/common/self_managed_nodes.hpp"

#include <algorithm>
#include <array>

#include "rules/common/intrinsic_args.hpp"
#include "util/user_data_bytes.hpp"

namespace cfn_eks {

namespace {

constexpr std::string_view kAsgType = "AWS::AutoScaling::AutoScalingGroup";
constexpr std::string_view kLaunchTemplateType = "AWS::EC2::LaunchTemplate";
constexpr std::string_view kLaunchConfigurationType = "AWS::AutoScaling::LaunchConfiguration";
constexpr std::string_view kClusterTagPrefix = "kubernetes.io/cluster/";

void append_text(const Node* node, UserDataText& out, int depth) {
  if (node == nullptr || depth > 16) return;
  if (node->is_string()) {
    out.text += node->text;
  } else if (node->is_scalar()) {
    out.text += node->text;
  } else if (node->is_intrinsic("Fn::Sub")) {
    const Node* text = node->argument;
    if (text && text->is_sequence() && !text->items.empty()) text = text->items.front();
    if (text && text->is_string()) {
      out.text += text->text;
    } else {
      out.complete = false;
    }
  } else if (node->is_intrinsic("Fn::Join")) {
    const Node* delimiter = argument_item(*node, 0);
    const Node* parts = argument_item(*node, 1);
    if (parts == nullptr || !parts->is_sequence()) {
      out.complete = false;
      out.text += "${?}";
      return;
    }
    const std::string sep = delimiter && delimiter->is_string() ? delimiter->text : std::string();
    bool first = true;
    for (const Node* part : parts->items) {
      if (!first) out.text += sep;
      first = false;
      append_text(part, out, depth + 1);
    }
  } else if (node->is_intrinsic("Fn::Base64")) {
    append_text(node->argument, out, depth + 1);
  } else if (node->is_intrinsic("Fn::If")) {
    for (std::size_t i = 1; i <= 2; ++i) {
      if (i == 2) out.text += "\n";
      append_text(argument_item(*node, i), out, depth + 1);
    }
  } else if (node->is_intrinsic("Ref")) {
    out.complete = false;
    out.text += "${" + (node->argument && node->argument->is_string() ? node->argument->text : std::string("?")) + "}";
  } else {
    out.complete = false;
    out.text += "${?}";
  }
}

// The word after `needle` in `text` (skipping spaces and quotes), up to whitespace/quote/;.
std::string word_after(std::string_view text, std::size_t pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\'' || text[pos] == '"')) ++pos;
  std::size_t end = pos;
  while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n' && text[end] != '\r' &&
         text[end] != '\'' && text[end] != '"' && text[end] != ';' && text[end] != '\\') {
    ++end;
  }
  return std::string(text.substr(pos, end - pos));
}

void add_unique(std::vector<std::string>& list, std::string value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

void collect_paths(const LintContext& context, const Node* node, std::vector<AmiPathValue>& out, int depth) {
  if (node == nullptr || depth > 8) return;
  const EksKnowledge& eks = context.eks;
  auto consider = [&](const std::string& text, const Node* at, std::string where, bool conditional) {
    for (const DynamicReference& ref : find_dynamic_references(text)) {
      if (ref.service != "ssm") continue;
      std::string path = ref.reference;
      const auto colon = path.rfind(':');
      if (colon != std::string::npos && colon > 0 && path.find('/') != std::string::npos &&
          path.find_first_not_of("0123456789", colon + 1) == std::string::npos) {
        path.resize(colon);  // "{{resolve:ssm:/path:3}}" pins parameter version 3
      }
      if (!eks.looks_like_eks_ami_ssm_path(path) && !eks.parse_ssm_ami_path(path)) continue;
      out.push_back(AmiPathValue{path, eks.parse_ssm_ami_path(path), at, where, conditional || depth > 0});
    }
    if (text.starts_with("/") && (eks.looks_like_eks_ami_ssm_path(text) || eks.parse_ssm_ami_path(text))) {
      out.push_back(AmiPathValue{text, eks.parse_ssm_ami_path(text), at, std::move(where), conditional || depth > 0});
    }
  };
  if (node->is_intrinsic("Ref") && node->argument && node->argument->is_string()) {
    const Parameter* parameter = context.tmpl.parameter(node->argument->text);
    if (parameter != nullptr && parameter->type.starts_with("AWS::SSM::Parameter::Value")) {
      const Resolution values = context.resolver.parameter_values(parameter->name);
      for (const PossibleValue& v : values.values) {
        if (v.kind != PossibleValue::Kind::String) continue;
        consider(v.text, v.origin ? v.origin : node, v.describe(*context.document.source), !v.assumptions.empty());
      }
      return;
    }
  }
  if (node->is_intrinsic("Fn::If")) {
    collect_paths(context, argument_item(*node, 1), out, depth + 1);
    collect_paths(context, argument_item(*node, 2), out, depth + 1);
    return;
  }
  const Resolution resolution = context.resolver.resolve(*node);
  for (const PossibleValue& v : resolution.values) {
    if (v.kind != PossibleValue::Kind::String) continue;
    consider(v.text, v.origin ? v.origin : node, v.describe(*context.document.source), !v.assumptions.empty());
  }
}

// A value that arises with every parameter at its default. A name chosen through another of a
// parameter's AllowedValues is a choice, not what deploys; pairing it with the cluster's default
// version would report combinations nobody deploys.
bool holds_by_default(const Template& tmpl, const PossibleValue& value) {
  for (const Binding& binding : value.bindings) {
    const Parameter* parameter = tmpl.parameter(binding.parameter);
    if (parameter == nullptr) continue;  // pseudo parameters
    const Node* fallback = parameter->default_value;
    if (fallback == nullptr || !fallback->is_scalar() || fallback->text != binding.value) return false;
  }
  return true;
}

std::string line_text(const LintContext& context, const Node* node) {
  return std::to_string(context.document.source->position(node->range.begin).line);
}

void add_name(const LintContext& context, std::vector<AmiNameValue>& out, const std::string& text, const Node* at,
              std::string where, bool conditional) {
  auto parsed = context.eks.parse_ami_name(text, true);
  if (!parsed || at == nullptr) return;
  for (const AmiNameValue& seen : out) {
    if (seen.at == at && seen.name == text) return;
  }
  out.push_back(AmiNameValue{text, *parsed, at, std::move(where), conditional});
}

// Strings in a custom resource's properties (nested lists/mappings such as EC2 Filters too).
void collect_property_names(const LintContext& context, const Resource& resource, std::string_view property,
                            const Node* node, std::vector<AmiNameValue>& out, bool conditional, int depth) {
  if (node == nullptr || depth > 6) return;
  if (node->is_mapping()) {
    for (const MapEntry& entry : node->entries) {
      collect_property_names(context, resource, property, entry.value, out, conditional, depth + 1);
    }
    return;
  }
  if (node->is_sequence()) {
    for (const Node* item : node->items) collect_property_names(context, resource, property, item, out, conditional, depth + 1);
    return;
  }
  for (const PossibleValue& v : context.resolver.resolve(*node).values) {
    if (v.kind != PossibleValue::Kind::String || !holds_by_default(context.tmpl, v)) continue;
    add_name(context, out, v.text, v.origin ? v.origin : node,
             v.describe(*context.document.source) + ", property " + std::string(property) + " of custom resource " +
                 std::string(resource.name) + ", which gives the ImageId",
             conditional || !v.assumptions.empty());
  }
}

void collect_names(const LintContext& context, const Node* node, std::vector<AmiNameValue>& out, int depth) {
  if (node == nullptr || depth > 8) return;
  const Template& tmpl = context.tmpl;
  if (node->is_intrinsic("Fn::If")) {
    collect_names(context, argument_item(*node, 1), out, depth + 1);
    collect_names(context, argument_item(*node, 2), out, depth + 1);
    return;
  }
  if (node->is_intrinsic("Fn::FindInMap")) {
    // ImageId: !FindInMap [AMIMap, !Ref AWS::Region, Key] with a row whose Key cell is a
    // DescribeImages filter ({name: amazon-eks-node-1.16-v20??????}): the id was looked up by that name.
    const Node* map_name = argument_item(*node, 0);
    const Node* second = argument_item(*node, 2);
    if (map_name == nullptr || !map_name->is_string() || second == nullptr) return;
    const NamedNode* map = tmpl.mapping(map_name->text);
    if (map == nullptr || map->node == nullptr || !map->node->is_mapping()) return;
    for (const PossibleValue& key : context.resolver.resolve(*second).values) {
      if (key.kind != PossibleValue::Kind::String || !holds_by_default(tmpl, key)) continue;
      for (const MapEntry& row : map->node->entries) {
        const Node* cell = row.value ? row.value->get(key.text) : nullptr;
        if (cell == nullptr || !cell->is_mapping()) continue;
        for (const MapEntry& field : cell->entries) {
          if (field.key != "name" && field.key != "Name") continue;
          if (field.value == nullptr || !field.value->is_string()) continue;
          add_name(context, out, field.value->text, field.value,
                   "'" + field.value->text + "', the AMI name filter of mapping " + std::string(map->name) + "'s " +
                       row.key + "." + key.text + " at line " + line_text(context, field.value),
                   depth > 0 || !key.assumptions.empty());
        }
      }
    }
    return;
  }
  std::string_view target;
  if (node->is_intrinsic("Ref") && node->argument && node->argument->is_string()) {
    target = node->argument->text;
  } else if (node->is_intrinsic("Fn::GetAtt")) {
    if (auto t = getatt_target(*node)) target = t->resource;
  }
  const Resource* resource = target.empty() ? nullptr : tmpl.resource(target);
  if (resource == nullptr || resource->properties == nullptr || !resource->properties->is_mapping()) return;
  if (!resource->type.starts_with("Custom::") && resource->type != "AWS::CloudFormation::CustomResource") return;
  for (const MapEntry& property : resource->properties->entries) {
    if (property.key == "ServiceToken") continue;
    collect_property_names(context, *resource, property.key, property.value, out, depth > 0, 0);
  }
}

// The cluster-tag key node of a Tags list ({Key, Value} items), or nullptr.
const Node* cluster_tag_in(const Node* tags, std::string& token) {
  if (tags == nullptr || !tags->is_sequence()) return nullptr;
  for (const Node* tag : tags->items) {
    const Node* key = tag ? tag->get("Key") : nullptr;
    if (key == nullptr) continue;
    std::string text;
    if (key->is_string()) {
      text = key->text;
    } else if (key->is_intrinsic("Fn::Sub")) {
      const Node* s = key->argument;
      if (s && s->is_sequence() && !s->items.empty()) s = s->items.front();
      if (s && s->is_string()) text = s->text;
    } else if (key->is_intrinsic("Fn::Join")) {
      UserDataText joined;
      append_text(key, joined, 0);
      text = joined.text;
    }
    if (text.starts_with(kClusterTagPrefix)) {
      token = text.substr(kClusterTagPrefix.size());
      return key;
    }
  }
  return nullptr;
}

void collect_instance_types(const LintContext& context, const Node* node, std::vector<std::string>& out) {
  if (node == nullptr) return;
  for (const std::string& value : context.resolver.strings(*node)) add_unique(out, value);
}

}  // namespace

std::optional<LaunchData> launch_data(const Resource& resource) {
  LaunchData out;
  out.resource = &resource;
  if (resource.type == kLaunchTemplateType) {
    out.data = resource.property("LaunchTemplateData");
  } else if (resource.type == kLaunchConfigurationType) {
    out.data = resource.properties;
    out.launch_configuration = true;
  } else {
    return std::nullopt;
  }
  if (out.data != nullptr && out.data->is_mapping()) {
    out.image_id = out.data->get("ImageId");
    out.user_data = out.data->get("UserData");
    out.instance_type = out.data->get("InstanceType");
  }
  return out;
}

std::optional<UserDataText> decode_user_data(const Node* user_data) {
  if (user_data == nullptr) return std::nullopt;
  UserDataText out;
  out.node = user_data;
  if (user_data->is_string()) {
    // A literal UserData is already base64 (EC2 expects it encoded), maybe of gzip (eksctl).
    if (auto decoded = decode_user_data_literal(user_data->text)) {
      out.gzipped = decoded->gzipped;
      if (decoded->error) {
        out.text = user_data->text;
        out.complete = false;
        out.error = std::move(decoded->error);
      } else {
        out.text = std::move(decoded->text);
      }
    } else {
      out.text = user_data->text;
    }
    return out;
  }
  append_text(user_data, out, 0);
  return out;
}

BootstrapInfo inspect_user_data(std::string_view text) {
  BootstrapInfo info;
  if (auto pos = text.find("/etc/eks/bootstrap.sh"); pos != std::string_view::npos) {
    info.bootstrap_sh = true;
    std::string word = word_after(text, pos + std::string_view("/etc/eks/bootstrap.sh").size());
    if (!word.starts_with("-")) info.cluster_token = word;
  }
  if (text.find("node.eks.aws") != std::string_view::npos && text.find("NodeConfig") != std::string_view::npos) {
    info.nodeadm = true;
    // cluster:\n  name: X
    if (auto c = text.find("cluster:"); c != std::string_view::npos) {
      if (auto n = text.find("name:", c); n != std::string_view::npos && n - c < 200 && info.cluster_token.empty()) {
        info.cluster_token = word_after(text, n + 5);
      }
    }
  }
  if (text.find("[settings.kubernetes]") != std::string_view::npos) {
    info.bottlerocket = true;
    if (auto n = text.find("cluster-name", text.find("[settings.kubernetes]")); n != std::string_view::npos) {
      auto eq = text.find('=', n);
      if (eq != std::string_view::npos && info.cluster_token.empty()) info.cluster_token = word_after(text, eq + 1);
    }
  }
  if (text.find("/var/lib/cloud/scripts/eksctl/bootstrap") != std::string_view::npos) {
    info.eksctl = true;
    // eksctl writes the cluster into /etc/eksctl/metadata.env.
    constexpr std::string_view kName = "AWS_EKS_CLUSTER_NAME=";
    if (auto n = text.find(kName); n != std::string_view::npos && info.cluster_token.empty()) {
      info.cluster_token = word_after(text, n + kName.size());
    }
  }
  if (auto pos = text.find("Start-EKSBootstrap.ps1"); pos != std::string_view::npos) {
    info.windows = true;
    if (auto flag = text.find("-EKSClusterName", pos); flag != std::string_view::npos && info.cluster_token.empty()) {
      info.cluster_token = word_after(text, flag + std::string_view("-EKSClusterName").size());
    }
  }
  return info;
}

std::vector<AmiPathValue> ami_ssm_paths(const LintContext& context, const Node* image_id) {
  std::vector<AmiPathValue> out;
  collect_paths(context, image_id, out, 0);
  return out;
}

std::vector<AmiNameValue> ami_names_of_image(const LintContext& context, const Node* image_id) {
  std::vector<AmiNameValue> out;
  collect_names(context, image_id, out, 0);
  return out;
}

const Resource* launch_template_of(const Template& tmpl, const Node* specification) {
  if (specification == nullptr || !specification->is_mapping()) return nullptr;
  for (std::string_view key : {"LaunchTemplateId", "LaunchTemplateName", "Id", "Name"}) {
    const Node* value = specification->get(key);
    if (value == nullptr) continue;
    std::string_view target;
    if (value->is_intrinsic("Ref") && value->argument && value->argument->is_string()) {
      target = value->argument->text;
    } else if (value->is_intrinsic("Fn::GetAtt")) {
      if (auto t = getatt_target(*value)) target = t->resource;
    }
    const Resource* r = target.empty() ? nullptr : tmpl.resource(target);
    if (r != nullptr && r->type == kLaunchTemplateType) return r;
  }
  return nullptr;
}

const Resource* asg_launch_resource(const Template& tmpl, const Resource& group) {
  if (const Resource* lt = launch_template_of(tmpl, group.property("LaunchTemplate"))) return lt;
  if (const Node* mixed = group.property("MixedInstancesPolicy")) {
    if (const Node* lt = mixed->get("LaunchTemplate")) {
      if (const Resource* r = launch_template_of(tmpl, lt->get("LaunchTemplateSpecification"))) return r;
    }
  }
  if (const Node* lc = group.property("LaunchConfigurationName")) {
    if (lc->is_intrinsic("Ref") && lc->argument && lc->argument->is_string()) {
      const Resource* r = tmpl.resource(lc->argument->text);
      if (r != nullptr && r->type == kLaunchConfigurationType) return r;
    }
  }
  return nullptr;
}

std::vector<std::string> string_values(const LintContext& context, const Node* node) {
  if (node == nullptr) return {};
  return context.resolver.strings(*node);
}

const std::vector<SelfManagedNodeGroup>& self_managed_node_groups(const LintContext& context) {
  return context.cache.get<std::vector<SelfManagedNodeGroup>>("self-managed-node-groups",
                                                              [&] { return find_self_managed_node_groups(context); });
}

std::vector<SelfManagedNodeGroup> find_self_managed_node_groups(const LintContext& context) {
  std::vector<SelfManagedNodeGroup> out;
  const Template& tmpl = context.tmpl;
  for (const Resource* group : tmpl.resources_of_type(kAsgType)) {
    SelfManagedNodeGroup g;
    g.group = group;
    if (const Resource* launch = asg_launch_resource(tmpl, *group)) g.launch = launch_data(*launch);
    std::string tag_token;
    g.cluster_tag = cluster_tag_in(group->property("Tags"), tag_token);
    if (g.launch) {
      if (auto text = decode_user_data(g.launch->user_data)) {
        g.bootstrap = inspect_user_data(text->text);
        g.user_data = std::move(text);
      }
      g.ami_paths = ami_ssm_paths(context, g.launch->image_id);
      g.ami_names = ami_names_of_image(context, g.launch->image_id);
      if (g.cluster_tag == nullptr && g.launch->data && !g.launch->launch_configuration) {
        if (const Node* specs = g.launch->data->get("TagSpecifications"); specs && specs->is_sequence()) {
          for (const Node* spec : specs->items) {
            if (spec && (g.cluster_tag = cluster_tag_in(spec->get("Tags"), tag_token))) break;
          }
        }
      }
      collect_instance_types(context, g.launch->instance_type, g.instance_types);
    }
    if (const Node* mixed = group->property("MixedInstancesPolicy")) {
      if (const Node* lt = mixed->get("LaunchTemplate")) {
        if (const Node* overrides = lt->get("Overrides"); overrides && overrides->is_sequence()) {
          for (const Node* item : overrides->items) {
            if (item) collect_instance_types(context, item->get("InstanceType"), g.instance_types);
          }
        }
      }
    }
    if (g.bootstrap.bootstrap_sh) g.evidence.push_back("user data runs /etc/eks/bootstrap.sh");
    if (g.bootstrap.nodeadm) g.evidence.push_back("user data carries a nodeadm NodeConfig");
    if (g.bootstrap.bottlerocket) g.evidence.push_back("user data has Bottlerocket Kubernetes settings");
    if (g.bootstrap.windows) g.evidence.push_back("user data runs Start-EKSBootstrap.ps1");
    if (g.bootstrap.eksctl) g.evidence.push_back("user data runs eksctl's node bootstrap");
    if (std::any_of(g.ami_paths.begin(), g.ami_paths.end(), [](const AmiPathValue& p) { return p.parsed.has_value(); })) {
      g.evidence.push_back("its ImageId is an EKS-optimized AMI parameter");
    }
    if (g.cluster_tag != nullptr) g.evidence.push_back("it carries the kubernetes.io/cluster/<name> tag");
    if (g.evidence.empty()) continue;
    if (!g.bootstrap.cluster_token.empty()) {
      g.cluster = find_cluster_by_token(context, g.bootstrap.cluster_token,
                                        g.launch && g.launch->user_data ? g.launch->user_data : group->node);
    }
    if (g.cluster.location != ClusterLocation::SameStack && g.cluster_tag != nullptr && !tag_token.empty()) {
      ClusterLink by_tag = find_cluster_by_token(context, tag_token, g.cluster_tag);
      if (by_tag.location == ClusterLocation::SameStack || g.cluster.location == ClusterLocation::Unknown) {
        g.cluster = std::move(by_tag);
      }
    }
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace cfn_eks
