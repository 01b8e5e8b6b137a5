#include "transform/migration/phase_one.hpp"

#include <algorithm>

#include "cfn_eks/edits.hpp"
#include "rules/common/intrinsic_args.hpp"
#include "rules/eks/common/launch_templates.hpp"
#include "transform/migration/kubelet_args.hpp"
#include "transform/migration/launch_data_conversion.hpp"
#include "transform/migration/user_data_conversion.hpp"
#include "transform/migration/user_data_text.hpp"

namespace cfn_eks {

namespace {

constexpr std::string_view kInstanceProfileType = "AWS::IAM::InstanceProfile";
constexpr std::string_view kRoleType = "AWS::IAM::Role";
constexpr std::string_view kNodegroupType = "AWS::EKS::Nodegroup";
constexpr std::string_view kLaunchTemplateType = "AWS::EC2::LaunchTemplate";

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

// The logical id a Ref or GetAtt names, or empty.
std::string target_of(const Node* node) {
  if (node == nullptr) return {};
  if (node->is_intrinsic("Ref") && node->argument && node->argument->is_string()) return node->argument->text;
  if (node->is_intrinsic("Fn::GetAtt")) {
    if (auto t = getatt_target(*node)) return std::string(t->resource);
  }
  return {};
}

bool is_logical_id(std::string_view s) {
  return !s.empty() && s.size() <= 255 &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

// A name not yet used by a resource, parameter, output, mapping or condition.
std::string unique_id(const Template& tmpl, std::string base) {
  auto taken = [&](const std::string& id) {
    return tmpl.resource(id) || tmpl.parameter(id) || tmpl.output(id) || tmpl.mapping(id) || tmpl.condition(id);
  };
  if (!taken(base)) return base;
  for (int i = 2;; ++i) {
    std::string candidate = base + std::to_string(i);
    if (!taken(candidate)) return candidate;
  }
}

// "${ClusterName}" -> Ref ClusterName; "prod-${Env}" -> Sub; "prod" -> string.
Fragment token_fragment(const Template& tmpl, const std::string& token) {
  if (token.size() > 3 && token.starts_with("${") && token.ends_with("}") &&
      token.find("${", 2) == std::string::npos) {
    const std::string name = token.substr(2, token.size() - 3);
    if (tmpl.parameter(name) || tmpl.resource(name) || is_pseudo_parameter(name)) return Fragment::ref(name);
  }
  if (token.find("${") != std::string::npos) return Fragment::sub(token);
  return Fragment::string(token);
}

// A label or taint value: a Ref when it is exactly `${Parameter}`, Sub when it carries `${X}`.
Fragment text_fragment(const Template& tmpl, const std::string& text) {
  if (text.find("${") == std::string::npos) return Fragment::string(text);
  return token_fragment(tmpl, text);
}

// ASG sizes are strings in CloudFormation; a node group's ScalingConfig takes integers.
Fragment size_fragment(const Node& node) {
  if (node.is_string() && !node.text.empty() &&
      std::all_of(node.text.begin(), node.text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return Fragment::number(node.text);
  }
  return Fragment::from_node(node);
}

// `UserData: !If [...]` or `Fn::Base64: !If [...]`.
bool user_data_is_chosen(const Node* user_data) {
  if (user_data == nullptr) return false;
  if (user_data->is_intrinsic("Fn::If")) return true;
  return user_data->is_intrinsic("Fn::Base64") && user_data->argument && user_data->argument->is_intrinsic("Fn::If");
}

const Node* instance_profile_node(const LaunchData& launch) {
  if (launch.data == nullptr || !launch.data->is_mapping()) return nullptr;
  const Node* profile = launch.data->get("IamInstanceProfile");
  if (profile == nullptr) return nullptr;
  if (!launch.launch_configuration && profile->is_mapping()) {
    if (const Node* arn = profile->get("Arn")) return arn;
    if (const Node* name = profile->get("Name")) return name;
  }
  return profile;
}

class PhaseOneBuilder {
 public:
  PhaseOneBuilder(const TemplateAnalysis& analysis, const SelfManagedNodeGroup& group, const std::string& new_name)
      : a_(analysis), tmpl_(analysis.tmpl()), g_(group), new_name_(new_name) {}

  PhaseOneResult build() {
    if (!g_.launch) {
      for (const LaunchTemplateUse& use : auto_scaling_group_launch_templates(tmpl_, *g_.group)) {
        if (use.id != nullptr && use.id->is_intrinsic("Fn::If")) return build_chosen(*use.id, false);
        if (use.id == nullptr && use.name != nullptr && use.name->is_intrinsic("Fn::If")) return build_chosen(*use.name, true);
      }
    }
    Fragment properties = Fragment::mapping();
    Fragment data = Fragment::mapping();
    if (!derive(properties, data)) return std::move(result_);
    properties.add("LaunchTemplate", Fragment::mapping()
                                         .add("Id", Fragment::ref(facts().new_launch_template))
                                         .add("Version", Fragment::get_att(facts().new_launch_template, "LatestVersionNumber")));
    std::vector<FragmentEntry> templates;
    templates.push_back(FragmentEntry{facts().new_launch_template, launch_template_resource(std::move(data))});
    return emit(std::move(properties), std::move(templates));
  }

 private:
  // The node group's properties and the new launch template's data, from the group and its
  // launch data.
  bool derive(Fragment& properties, Fragment& data) {
    facts().old_group = std::string(g_.group->name);
    if (!check_supported()) return false;
    if (!choose_names()) return false;
    if (!cluster_name(properties) || !node_role(properties) || !subnets(properties)) return false;
    scaling(properties);
    load_balancers();
    if (!ami(properties)) return false;
    version(properties);
    if (!launch_template_data(data)) return false;
    capacity_and_types(properties, data);
    labels_and_taints(properties);
    return true;
  }

  Fragment launch_template_resource(Fragment data) const {
    Fragment launch_template = Fragment::mapping();
    launch_template.add("Type", Fragment::string(std::string(kLaunchTemplateType)));
    if (g_.group->condition) launch_template.add("Condition", Fragment::from_node(*g_.group->condition));
    launch_template.add("Properties", Fragment::mapping().add("LaunchTemplateData", std::move(data)));
    return launch_template;
  }

  // Inserts the parameter (if any), the new launch templates and the node group after the old group.
  PhaseOneResult emit(Fragment properties, std::vector<FragmentEntry> entries) {
    Fragment nodegroup = Fragment::mapping();
    nodegroup.add("Type", Fragment::string(std::string(kNodegroupType)));
    if (g_.group->condition) nodegroup.add("Condition", Fragment::from_node(*g_.group->condition));
    nodegroup.add("Metadata", Fragment::mapping().add(std::string(kMigrationMarkerKey),
                                                      Fragment::mapping().add(std::string(kMigrationMarkerField),
                                                                              Fragment::string(facts().old_group))));
    nodegroup.add("Properties", std::move(properties));
    entries.push_back(FragmentEntry{facts().new_nodegroup, std::move(nodegroup)});

    const DocumentEditor editor(a_.document());
    EditList edits;
    if (!new_parameter_.entries().empty()) {
      auto added = editor.insert_section_entry("Parameters", facts().new_parameter, new_parameter_);
      if (!added) return refuse("cannot add parameter '" + facts().new_parameter + "': " + added.error(), nullptr);
      append_edits(edits, added.value());
    }
    const Node* resources = tmpl_.section("Resources");
    auto inserted = editor.insert_entries(*resources, std::move(entries), facts().old_group);
    if (!inserted) return refuse("cannot insert the managed node group: " + inserted.error(), g_.group->node);
    append_edits(edits, inserted.value());
    auto applied = editor.apply(std::move(edits));
    if (!applied) return refuse("cannot apply the phase 1 edits: " + applied.error(), nullptr);
    result_.text = std::move(applied).value();
    return std::move(result_);
  }

  // One launch template a branch of the choosing Fn::If names.
  struct ChosenLaunch {
    const Resource* resource = nullptr;
    const Node* at = nullptr;  ///< The branch.
    std::string where;         ///< "the true branch of the Fn::If on condition 'C' (line 12)".
  };

  std::string line_of(const Node* node) const {
    if (node == nullptr || a_.document().source == nullptr) return {};
    return " (line " + std::to_string(a_.document().source->position(node->range.begin).line) + ")";
  }

  // The launch templates the branches of `choice` (nested Fn::If too) name; false with a
  // refusal naming the branch that names none in this stack.
  bool chosen_launches(const Node& choice, bool by_name, std::vector<ChosenLaunch>& out) {
    const Node* condition = argument_item(choice, 0);
    if (condition == nullptr || !condition->is_string() || argument_item(choice, 1) == nullptr ||
        argument_item(choice, 2) == nullptr) {
      return fail(old() + " chooses its launch template with an Fn::If that is not [condition, value if true, "
                          "value if false]", &choice);
    }
    for (std::size_t i = 1; i <= 2; ++i) {
      const Node* branch = argument_item(choice, i);
      const std::string where = std::string("the ") + (i == 1 ? "true" : "false") + " branch of the Fn::If on condition " +
                                quoted(condition->text) + line_of(branch);
      if (is_no_value(*branch)) continue;
      if (branch->is_intrinsic("Fn::If")) {
        if (!chosen_launches(*branch, by_name, out)) return false;
        continue;
      }
      const Resource* resource = by_name ? launch_template_named(tmpl_, nullptr, branch)
                                         : launch_template_named(tmpl_, branch, nullptr);
      if (resource == nullptr) {
        return fail(old() + " chooses its launch template with Fn::If, and " + where + " names a launch template "
                        "that is not in this template, whose launch data cannot be read or converted; migrate in the "
                        "stack that defines it, or make the choice fixed first",
                    branch);
      }
      out.push_back(ChosenLaunch{resource, branch, where});
    }
    return true;
  }

  // `choice` with each branch that names a launch template replaced by `leaf(its resource)`;
  // AWS::NoValue branches stay AWS::NoValue.
  template <typename Leaf>
  Fragment mirror(const Node& choice, bool by_name, const Leaf& leaf) const {
    if (is_no_value(choice)) return Fragment::ref("AWS::NoValue");
    if (choice.is_intrinsic("Fn::If")) {
      std::vector<Fragment> items{Fragment::from_node(*argument_item(choice, 0))};
      for (std::size_t i = 1; i <= 2; ++i) items.push_back(mirror(*argument_item(choice, i), by_name, leaf));
      return Fragment::intrinsic("Fn::If", Fragment::sequence(std::move(items)));
    }
    return leaf(*(by_name ? launch_template_named(tmpl_, nullptr, &choice) : launch_template_named(tmpl_, &choice, nullptr)));
  }

  // The group's launch template is chosen by Fn::If: each launch template a branch names is
  // converted on its own, as if it were the group's only one, and the node group picks among the
  // new templates with the same Fn::If (Id and Version). One new template per old one is the
  // smallest correct output here: the old templates already differ as whole templates, and
  // folding them into one would need an Fn::If on every key that differs, while the choice
  // costs two lines. What the node group itself says (AMI type, role, sizes, labels) must be
  // the same for every branch; a difference is refused, naming the branch.
  PhaseOneResult build_chosen(const Node& choice, bool by_name) {
    facts().old_group = std::string(g_.group->name);
    std::vector<ChosenLaunch> chosen;
    if (!chosen_launches(choice, by_name, chosen)) return std::move(result_);
    if (chosen.empty()) {
      return refuse(old() + " chooses its launch template with Fn::If and every branch is AWS::NoValue", &choice);
    }
    std::optional<Fragment> reference;
    std::vector<std::pair<const Resource*, std::string>> names;
    std::vector<FragmentEntry> templates;
    std::vector<std::string> notes, warnings;
    for (const ChosenLaunch& c : chosen) {
      if (std::any_of(names.begin(), names.end(), [&](const auto& n) { return n.first == c.resource; })) continue;
      const SelfManagedNodeGroup variant = with_launch_resource(a_, g_, *c.resource);
      PhaseOneBuilder sub(a_, variant, new_name_);
      Fragment properties = Fragment::mapping();
      Fragment data = Fragment::mapping();
      if (!sub.derive(properties, data)) {
        return refuse("the launch template " + quoted(c.resource->name) + " that " + c.where + " chooses cannot be "
                          "migrated: " + *sub.result_.refusal,
                      sub.result_.refusal_at ? sub.result_.refusal_at : c.at);
      }
      for (std::string& n : sub.facts().notes) {
        if (std::find(notes.begin(), notes.end(), n) == notes.end()) notes.push_back(std::move(n));
      }
      for (std::string& w : sub.facts().warnings) {
        if (std::find(warnings.begin(), warnings.end(), w) == warnings.end()) warnings.push_back(std::move(w));
      }
      // Named after the node group and the old template: `<NewGroup><OldTemplate>`.
      std::string name;
      if (!reference) {
        result_.facts = std::move(sub.result_.facts);
        new_parameter_ = std::move(sub.new_parameter_);
        reference = std::move(properties);
        name = unique_id(tmpl_, facts().new_nodegroup + std::string(c.resource->name));
        facts().new_launch_template = name;
      } else {
        if (!(properties == *reference)) {
          std::string keys;
          for (const FragmentEntry& e : properties.entries()) {
            const Fragment* other = reference->get(e.key);
            if (other == nullptr || !(*other == e.value)) keys += (keys.empty() ? "" : ", ") + e.key;
          }
          for (const FragmentEntry& e : reference->entries()) {
            if (properties.get(e.key) == nullptr) keys += (keys.empty() ? "" : ", ") + e.key;
          }
          return refuse("the launch template " + quoted(c.resource->name) + " that " + c.where + " chooses gives the "
                            "managed node group other settings (" + keys + ") than " + quoted(names.front().first->name) +
                            ", and one node group has one of each; make the launch templates agree on them first",
                        c.at);
        }
        facts().other_old_launches.push_back(std::string(c.resource->name));
        name = unique_id(tmpl_, facts().new_nodegroup + std::string(c.resource->name));
        const bool taken = std::any_of(names.begin(), names.end(), [&](const auto& n) { return n.second == name; });
        if (taken) name = unique_id(tmpl_, name + std::to_string(names.size() + 1));
        facts().other_new_launch_templates.push_back(name);
      }
      names.emplace_back(c.resource, name);
      templates.push_back(FragmentEntry{name, launch_template_resource(std::move(data))});
    }
    facts().notes = std::move(notes);
    facts().warnings = std::move(warnings);
    auto name_of = [&](const Resource& r) {
      for (const auto& [resource, name] : names) {
        if (resource == &r) return name;
      }
      return std::string();
    };
    Fragment properties = std::move(*reference);
    properties.add("LaunchTemplate",
                   Fragment::mapping()
                       .add("Id", mirror(choice, by_name, [&](const Resource& r) { return Fragment::ref(name_of(r)); }))
                       .add("Version", mirror(choice, by_name, [&](const Resource& r) {
                              return Fragment::get_att(name_of(r), "LatestVersionNumber");
                            })));
    if (names.size() > 1) {
      std::string list;
      for (const auto& [resource, name] : names) {
        list += (list.empty() ? "" : ", ") + quoted(resource->name) + " -> " + quoted(name);
      }
      note(old() + " chooses its launch template with Fn::If; each one is converted to its own new launch template (" +
           list + ") and " + quoted(facts().new_nodegroup) + " chooses among them with the same Fn::If");
    }
    return emit(std::move(properties), std::move(templates));
  }

  PhaseOneFacts& facts() { return result_.facts; }
  void note(std::string text) { facts().notes.push_back(std::move(text)); }
  void warn(std::string text) { facts().warnings.push_back(std::move(text)); }

  PhaseOneResult refuse(std::string reason, const Node* at) {
    result_.refusal = std::move(reason);
    result_.refusal_at = at;
    return std::move(result_);
  }
  bool fail(std::string reason, const Node* at) {
    result_.refusal = std::move(reason);
    result_.refusal_at = at;
    return false;
  }

  std::string old() const { return quoted(g_.group->name); }

  bool check_supported() {
    if (!g_.launch) {
      const Node* at = g_.group->property("LaunchTemplate");
      if (at == nullptr) at = g_.group->property("LaunchConfigurationName");
      if (at == nullptr) at = g_.group->property("MixedInstancesPolicy");
      return fail(old() + " uses a launch template or launch configuration that is not in this template; "
                          "migrate in the stack that defines it", at ? at : g_.group->node);
    }
    const LaunchData& launch = *g_.launch;
    facts().old_launch = std::string(launch.resource->name);
    facts().launch_configuration = launch.launch_configuration;
    // User data chosen by Fn::If: g_.bootstrap and g_.user_data join every branch, so the
    // checks on them would blame the whole group for one branch; launch_user_data converts each
    // branch on its own and refuses naming the branch it cannot convert.
    const bool chosen = user_data_is_chosen(launch.user_data);
    const auto windows_ami = std::find_if(g_.ami_paths.begin(), g_.ami_paths.end(), [](const AmiPathValue& p) {
      return p.parsed && p.parsed->family == AmiFamily::Windows;
    });
    // A Windows AMI one Fn::If branch chooses: name that branch, not the whole group.
    if (windows_ami != g_.ami_paths.end() && windows_ami->conditional) {
      return fail(old() + " can run Windows nodes: the ImageId of " + quoted(launch.resource->name) + " chooses " +
                      windows_ami->where + " by condition; migrating Windows node groups is not supported (user data "
                      "and the aws-auth mapping differ); make the choice fixed to a Linux AMI first",
                  windows_ami->at ? windows_ami->at : launch.image_id);
    }
    if ((!chosen && g_.bootstrap.windows) || windows_ami != g_.ami_paths.end()) {
      return fail(old() + " runs Windows nodes; migrating Windows node groups is not supported "
                          "(user data and the aws-auth mapping differ); create the managed node group by hand",
                  launch.user_data ? launch.user_data : launch.resource->node);
    }
    if (launch.resource->metadata && launch.resource->metadata->get("AWS::CloudFormation::Init")) {
      return fail(quoted(launch.resource->name) + " carries AWS::CloudFormation::Init metadata that its user data "
                      "applies with cfn-init; a managed node group's launch template cannot reproduce it safely "
                      "(cfn-init reads the metadata of a resource phase 3 removes); move the configuration into "
                      "user data first",
                  launch.resource->metadata);
    }
    if (launch.user_data != nullptr && !chosen) {
      const SubText text = user_data_sub_text(launch.user_data);
      if (text.error) return fail(*text.error, text.error_at ? text.error_at : launch.user_data);
    }
    if (!chosen && g_.user_data && g_.user_data->text.find("cfn-init") != std::string::npos) {
      return fail("the user data of " + quoted(launch.resource->name) + " runs cfn-init, which reads the metadata of a "
                      "resource phase 3 removes; move that configuration into user data first",
                  launch.user_data);
    }
    return true;
  }

  bool choose_names() {
    if (!new_name_.empty()) {
      if (!is_logical_id(new_name_)) {
        return fail("--name '" + new_name_ + "' is not a logical id (letters and digits only)", nullptr);
      }
      if (tmpl_.resource(new_name_) || tmpl_.parameter(new_name_) || tmpl_.output(new_name_)) {
        return fail("--name '" + new_name_ + "' is already used in the template; choose another name", nullptr);
      }
      facts().new_nodegroup = new_name_;
    } else {
      facts().new_nodegroup = unique_id(tmpl_, facts().old_group + "Managed");
    }
    facts().new_launch_template = unique_id(tmpl_, facts().new_nodegroup + "LaunchTemplate");
    return true;
  }

  bool cluster_name(Fragment& properties) {
    if (g_.cluster.location == ClusterLocation::SameStack && g_.cluster.cluster != nullptr) {
      const std::string cluster(g_.cluster.cluster->name);
      properties.add("ClusterName", Fragment::ref(cluster));
      facts().cluster = "resource " + quoted(cluster);
      facts().cluster_in_stack = true;
      return true;
    }
    std::string token = g_.bootstrap.cluster_token;
    if (token.empty() && g_.cluster_tag != nullptr) {
      SubText key;
      append_sub_part(g_.cluster_tag, key);
      constexpr std::string_view kPrefix = "kubernetes.io/cluster/";
      if (!key.error && key.text.starts_with(kPrefix)) token = key.text.substr(kPrefix.size());
    }
    if (token.empty()) {
      return fail("cannot tell which cluster " + old() + " joins (no bootstrap.sh argument and no "
                  "kubernetes.io/cluster/<name> tag); add the tag to the group first",
                  g_.group->node);
    }
    Fragment name = token_fragment(tmpl_, token);
    if (name.kind() == Fragment::Kind::Intrinsic && name.text() == "Ref") {
      facts().cluster = "parameter " + quoted(name.argument().text());
    } else if (name.kind() == Fragment::Kind::String) {
      facts().cluster = quoted(token);
      facts().cluster_literal = token;
    } else {
      facts().cluster = "'" + token + "'";
    }
    properties.add("ClusterName", std::move(name));
    return true;
  }

  bool node_role(Fragment& properties) {
    const Node* profile = instance_profile_node(*g_.launch);
    const std::string profile_id = target_of(profile);
    const Resource* profile_resource = profile_id.empty() ? nullptr : tmpl_.resource(profile_id);
    if (profile_resource != nullptr && profile_resource->type == kInstanceProfileType) {
      facts().instance_profile = profile_id;
      const Node* roles = profile_resource->property("Roles");
      const Node* role = roles && roles->is_sequence() && !roles->items.empty() ? roles->items.front() : nullptr;
      const std::string role_id = target_of(role);
      const Resource* role_resource = role_id.empty() ? nullptr : tmpl_.resource(role_id);
      if (role_resource != nullptr && role_resource->type == kRoleType) {
        facts().node_role = role_id;
        properties.add("NodeRole", Fragment::get_att(role_id, "Arn"));
        note("the managed node group uses the old nodes' role " + quoted(role_id) +
             " (NodeRole), so the nodes keep their Kubernetes identity and their IAM permissions");
        return true;
      }
      if (role != nullptr && role->is_intrinsic("Ref") && !role_id.empty() && tmpl_.parameter(role_id)) {
        properties.add("NodeRole", Fragment::sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${" + role_id + "}"));
        warn("the node role comes from parameter " + quoted(role_id) + " (a role name); NodeRole is built as "
             "arn:...:role/<name>, which is wrong for a role with a path: check it");
        return true;
      }
      if (role != nullptr && role->is_string()) {
        properties.add("NodeRole", Fragment::sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/" + role->text));
        warn("the node role " + quoted(role->text) + " is not in this stack; NodeRole is built from its name, "
             "which is wrong for a role with a path: check it");
        return true;
      }
    }
    // The role is not visible: ask for its ARN.
    facts().new_parameter = unique_id(tmpl_, facts().new_nodegroup + "NodeRoleArn");
    new_parameter_ = Fragment::mapping()
                         .add("Type", Fragment::string("String"))
                         .add("Description", Fragment::string("ARN of the IAM role of the nodes of " +
                                                              facts().old_group +
                                                              " (the role behind its instance profile), reused by the "
                                                              "managed node group"));
    properties.add("NodeRole", Fragment::ref(facts().new_parameter));
    warn("the old nodes' role is not in this stack; phase 1 adds parameter " + quoted(facts().new_parameter) +
         ": pass the ARN of the role behind the old instance profile so the new nodes keep the same Kubernetes "
         "identity (the plan's phase 1 change set passes ParameterKey=" + facts().new_parameter +
         ",ParameterValue=$" + std::string(kNodeRoleArnVariable) + "; the later ones keep it with UsePreviousValue)");
    return true;
  }

  bool subnets(Fragment& properties) {
    const Node* zones = g_.group->property("VPCZoneIdentifier");
    if (zones == nullptr) {
      return fail(old() + " sets no VPCZoneIdentifier; a managed node group needs its subnets; set "
                          "VPCZoneIdentifier on the group first",
                  g_.group->node);
    }
    properties.add("Subnets", Fragment::from_node(*zones));
    return true;
  }

  void scaling(Fragment& properties) {
    Fragment config = Fragment::mapping();
    if (const Node* min = g_.group->property("MinSize")) config.add("MinSize", size_fragment(*min));
    if (const Node* max = g_.group->property("MaxSize")) config.add("MaxSize", size_fragment(*max));
    if (const Node* desired = g_.group->property("DesiredCapacity")) config.add("DesiredSize", size_fragment(*desired));
    properties.add("ScalingConfig", std::move(config));
  }

  // A managed node group has no TargetGroupARNs / LoadBalancerNames: say what stops working.
  void load_balancers() {
    for (const char* key : {"TargetGroupARNs", "LoadBalancerNames"}) {
      if (g_.group->property(key) == nullptr) continue;
      warn(old() + " registers its instances with load balancers (" + key + "); a managed node group cannot, so "
           "once the old group is at zero no node is registered there: attach the managed node group's Auto Scaling "
           "group (aws eks describe-nodegroup: resources.autoScalingGroups) to them, or let the AWS Load Balancer "
           "Controller register pods, before phase 2");
    }
  }

  bool ami(Fragment& properties) {
    const LaunchData& launch = *g_.launch;
    std::vector<std::string> types;
    for (const AmiPathValue& path : g_.ami_paths) {
      if (path.parsed && path.parsed->ami_type != nullptr &&
          std::find(types.begin(), types.end(), path.parsed->ami_type->name) == types.end()) {
        types.push_back(path.parsed->ami_type->name);
      }
    }
    if (launch.image_id == nullptr) {
      return fail(quoted(launch.resource->name) + " sets no ImageId; cannot tell which AMI the nodes run",
                  launch.resource->node);
    }
    if (types.size() > 1) {
      std::string list;
      for (const std::string& t : types) list += (list.empty() ? "" : ", ") + t;
      return fail("the ImageId of " + quoted(launch.resource->name) + " can be EKS AMIs of several types (" + list +
                      "); a managed node group has one AmiType; pin one AMI family and architecture first",
                  launch.image_id);
    }
    if (launch.image_id->is_string() && launch.image_id->text.empty()) {
      return fail("the ImageId of " + quoted(launch.resource->name) + " is empty; cannot tell which AMI the nodes run",
                  launch.image_id);
    }
    if (types.empty()) {
      if (!g_.bootstrap.bootstrap_sh && !g_.bootstrap.nodeadm && !g_.bootstrap.bottlerocket && !g_.bootstrap.eksctl) {
        return fail(old() + " runs a custom AMI whose user data neither calls /etc/eks/bootstrap.sh nor carries a "
                            "nodeadm NodeConfig, Bottlerocket settings or eksctl's bootstrap, so cfn-eks cannot tell how its nodes join the cluster; a managed node "
                            "group on a custom AMI must bootstrap its nodes that way; move to an EKS-optimized AMI "
                            "(or add the bootstrap call) first",
                    launch.user_data ? launch.user_data : launch.image_id);
      }
      facts().custom_ami = true;
      note("the nodes run a custom AMI (ImageId is not an EKS-optimized AMI parameter): the new launch template "
           "keeps the ImageId and the user data that bootstraps the nodes, and the node group sets no AmiType or Version");
      return true;
    }
    facts().ami_type = types.front();
    // EKS merges user data of the AMI type's own format: a NodeConfig needs AL2023, TOML Bottlerocket.
    const bool al2023 = types.front().starts_with("AL2023"), bottlerocket = types.front().starts_with("BOTTLEROCKET");
    if ((g_.bootstrap.nodeadm && !al2023) || (g_.bootstrap.bottlerocket && !bottlerocket)) {
      return fail("the user data of " + quoted(launch.resource->name) + " is " +
                      (g_.bootstrap.nodeadm ? "a nodeadm NodeConfig (AL2023)" : "Bottlerocket settings") +
                      " but its ImageId is an EKS AMI of type " + types.front() + "; make the AMI and the user data agree first",
                  launch.image_id);
    }
    // The AMI type must exist at the cluster's version (AL2 ends with 1.32).
    const ClusterVersions versions = cluster_versions(a_.context(), g_.cluster);
    for (const KubeVersion& v : versions.versions()) {
      if (a_.eks().ami_type_availability(types.front(), v) == Availability::Discontinued) {
        return fail("the nodes of " + old() + " run AMI type " + types.front() + ", which EKS does not build for "
                        "Kubernetes " + v.to_string() + " (the cluster's "
                        "version); move the nodes to an AL2023 AMI first, then migrate",
                    launch.image_id);
      }
    }
    properties.add("AmiType", Fragment::string(types.front()));
    if (launch.image_id->is_intrinsic("Fn::If")) {
      std::string branch;
      for (std::size_t i = 1; i <= 2; ++i) {
        const Node* item = argument_item(*launch.image_id, i);
        const std::string id = target_of(item);
        const Parameter* p = id.empty() ? nullptr : tmpl_.parameter(id);
        if (p != nullptr && !p->type.starts_with("AWS::SSM::Parameter::Value")) branch = id;
      }
      const Node* condition = argument_item(*launch.image_id, 0);
      warn("the ImageId of " + quoted(launch.resource->name) + " is chosen by condition " +
           quoted(condition && condition->is_string() ? condition->text : std::string("?")) +
           "; the managed node group uses the EKS-optimized AMI (AmiType " + types.front() + ")" +
           (branch.empty() ? std::string() : "; a custom image given through parameter " + quoted(branch) +
                                                 " is not carried over (set ImageId in the new launch template, "
                                                 "remove AmiType and keep the bootstrap call if you use one)"));
    }
    return true;
  }

  void version(Fragment& properties) {
    if (facts().custom_ami) return;
    if (g_.cluster.location == ClusterLocation::SameStack && g_.cluster.cluster != nullptr) {
      if (const Node* v = g_.cluster.cluster->property("Version")) {
        properties.add("Version", Fragment::from_node(*v));
        return;
      }
    }
    note("Version is not set: the cluster's version is not written in this template, and EKS creates the node "
         "group at the cluster's version; pin Version (and raise it with each cluster upgrade) afterwards");
  }

  // The new launch template's data: launch_data_conversion (security groups, block devices,
  // key, IMDS, tags, forbidden settings, user data).
  bool launch_template_data(Fragment& data) {
    LaunchDataOptions options;
    options.custom_ami = facts().custom_ami;
    options.cluster_in_stack = facts().cluster_in_stack;
    LaunchDataConversion converted = convert_launch_data(a_, g_, *g_.launch, options);
    for (std::string& n : converted.notes) note(std::move(n));
    if (converted.refusal) return fail(std::move(*converted.refusal), converted.refusal_at);
    bootstrap_ = std::move(converted.bootstrap);
    data = std::move(converted.data);
    return true;
  }

  // Instance types: one type stays in the launch template (a change rolls the nodes in place);
  // several (MixedInstancesPolicy) go to InstanceTypes. Spot -> CapacityType SPOT.
  void capacity_and_types(Fragment& properties, Fragment& data) {
    const LaunchData& launch = *g_.launch;
    std::vector<const Node*> overrides;
    const Node* distribution = nullptr;
    if (const Node* mixed = g_.group->property("MixedInstancesPolicy")) {
      distribution = mixed->get("InstancesDistribution");
      if (const Node* lt = mixed->get("LaunchTemplate")) {
        if (const Node* list = lt->get("Overrides"); list && list->is_sequence()) {
          for (const Node* item : list->items) {
            if (const Node* type = item ? item->get("InstanceType") : nullptr) overrides.push_back(type);
          }
        }
      }
    }
    bool spot = false;
    if (launch.data) {
      if (const Node* market = launch.data->get("InstanceMarketOptions")) {
        const Node* type = market->get("MarketType");
        spot = type == nullptr || (type->is_string() && type->text == "spot") || !type->is_string();
      }
      if (launch.launch_configuration && launch.data->get("SpotPrice") != nullptr) spot = true;
    }
    if (distribution != nullptr) {
      const Node* base = distribution->get("OnDemandBaseCapacity");
      const Node* above = distribution->get("OnDemandPercentageAboveBaseCapacity");
      auto values = [&](const Node* n) { return n ? a_.resolver().strings(*n) : std::vector<std::string>{}; };
      const auto above_values = values(above);
      const auto base_values = values(base);
      const bool all_on_demand = above == nullptr || (above_values.size() == 1 && above_values[0] == "100");
      if (!all_on_demand) {
        spot = true;
        const bool pure_spot = above_values.size() == 1 && above_values[0] == "0" &&
                               (base == nullptr || (base_values.size() == 1 && base_values[0] == "0"));
        if (!pure_spot) {
          warn(old() + " mixes on-demand and spot instances (InstancesDistribution); one managed node group has one "
               "capacity type: the new group uses SPOT. Add a second, ON_DEMAND node group for the on-demand base "
               "capacity if you need it");
        }
      }
    }
    if (spot) properties.add("CapacityType", Fragment::string("SPOT"));
    if (!overrides.empty()) {
      std::vector<Fragment> types;
      for (const Node* n : overrides) types.push_back(Fragment::from_node(*n));
      properties.add("InstanceTypes", Fragment::sequence(std::move(types)));
      return;
    }
    if (launch.instance_type == nullptr) return;
    if (spot) {
      properties.add("InstanceTypes", Fragment::sequence({Fragment::from_node(*launch.instance_type)}));
      return;
    }
    // Keep the launch template's entry order: InstanceType goes where the old data had it.
    std::vector<FragmentEntry> entries;
    bool placed = false;
    for (const MapEntry& e : launch.data->entries) {
      if (e.key == "InstanceType") {
        entries.push_back(FragmentEntry{"InstanceType", Fragment::from_node(*launch.instance_type)});
        placed = true;
      }
      for (const FragmentEntry& f : data.entries()) {
        if (f.key == e.key || (e.key == "SecurityGroups" && f.key == "SecurityGroupIds") ||
            (e.key == "InstanceMonitoring" && f.key == "Monitoring") || (e.key == "PlacementTenancy" && f.key == "Placement")) {
          if (std::none_of(entries.begin(), entries.end(), [&](const FragmentEntry& x) { return x.key == f.key; })) {
            entries.push_back(f);
          }
        }
      }
    }
    for (const FragmentEntry& f : data.entries()) {
      if (std::none_of(entries.begin(), entries.end(), [&](const FragmentEntry& x) { return x.key == f.key; })) {
        entries.push_back(f);
      }
    }
    if (!placed) entries.push_back(FragmentEntry{"InstanceType", Fragment::from_node(*launch.instance_type)});
    data = Fragment::mapping(std::move(entries));
  }

  void labels_and_taints(Fragment& properties) {
    if (!bootstrap_) return;
    for (const std::string& flag : bootstrap_->other_flags) {
      if (flag.find("${") != std::string::npos) {
        warn("bootstrap.sh receives " + quoted(flag) + " at deploy time; labels, taints and kubelet flags passed "
             "that way are not visible here" + std::string(facts().custom_ami ? "" : " and are dropped with the bootstrap call") +
             ": set the node group's Labels and Taints for them");
        break;
      }
    }
    if (bootstrap_->kubelet_extra_args.empty()) return;
    const KubeletArgs args = parse_kubelet_extra_args(bootstrap_->kubelet_extra_args);
    for (const std::string& p : args.problems) warn("--kubelet-extra-args: " + p);
    if (!args.labels.empty()) {
      Fragment labels = Fragment::mapping();
      for (const auto& [key, value] : args.labels) {
        if (key.find("${") != std::string::npos) {
          warn("node label " + quoted(key) + " has a deploy-time key; it is not carried into Labels");
          continue;
        }
        labels.add(key, text_fragment(tmpl_, value));
      }
      if (!labels.entries().empty()) properties.add("Labels", std::move(labels));
    }
    if (!args.taints.empty()) {
      std::vector<Fragment> taints;
      for (const NodeTaint& t : args.taints) {
        const std::string effect = managed_taint_effect(t.effect);
        if (effect.empty()) {
          warn("taint " + quoted(t.key) + " has effect " + quoted(t.effect) + ", which a managed node group does "
               "not accept; it is not carried");
          continue;
        }
        Fragment taint = Fragment::mapping().add("Key", text_fragment(tmpl_, t.key));
        if (!t.value.empty()) taint.add("Value", text_fragment(tmpl_, t.value));
        taint.add("Effect", Fragment::string(effect));
        taints.push_back(std::move(taint));
      }
      if (!taints.empty()) properties.add("Taints", Fragment::sequence(std::move(taints)));
    }
    if (!facts().custom_ami && !args.other.empty()) {
      std::string list;
      for (const std::string& o : args.other) list += (list.empty() ? "" : " ") + o;
      warn("kubelet flags " + quoted(list) + " are dropped with the bootstrap call (EKS bootstraps managed nodes and "
           "computes max-pods itself); use a custom AMI or a NodeConfig if you need them");
    }
  }

  const TemplateAnalysis& a_;
  const Template& tmpl_;
  const SelfManagedNodeGroup& g_;
  std::string new_name_;
  PhaseOneResult result_;
  Fragment new_parameter_ = Fragment::mapping();
  std::optional<BootstrapCall> bootstrap_;
};

}  // namespace

SelfManagedNodeGroup with_launch_resource(const TemplateAnalysis& analysis, const SelfManagedNodeGroup& group,
                                          const Resource& launch) {
  SelfManagedNodeGroup out = group;
  out.launch = launch_data(launch);
  if (!out.launch) return out;
  out.user_data.reset();
  out.bootstrap = BootstrapInfo{};
  if (auto text = decode_user_data(out.launch->user_data)) {
    out.bootstrap = inspect_user_data(text->text);
    out.user_data = std::move(text);
  }
  out.ami_paths = ami_ssm_paths(analysis.context(), out.launch->image_id);
  out.ami_names = ami_names_of_image(analysis.context(), out.launch->image_id);
  if (out.cluster.location != ClusterLocation::SameStack && !out.bootstrap.cluster_token.empty()) {
    ClusterLink link = find_cluster_by_token(analysis.context(), out.bootstrap.cluster_token, out.launch->user_data);
    if (link.location == ClusterLocation::SameStack || out.cluster.location == ClusterLocation::Unknown) out.cluster = link;
  }
  return out;
}

PhaseOneResult build_phase_one(const TemplateAnalysis& analysis, const SelfManagedNodeGroup& group,
                               const std::string& new_name) {
  return PhaseOneBuilder(analysis, group, new_name).build();
}

bool is_migrated_nodegroup_for(const Resource& resource, std::string_view old_group) {
  if (resource.type != kNodegroupType || resource.metadata == nullptr) return false;
  const Node* marker = resource.metadata->get(kMigrationMarkerKey);
  const Node* from = marker ? marker->get(kMigrationMarkerField) : nullptr;
  return from != nullptr && from->is_string() && from->text == old_group;
}

}  // namespace cfn_eks
