#include "transform/migration/launch_user_data.hpp"

#include <algorithm>

#include "rules/common/intrinsic_args.hpp"
#include "rules/eks/common/launch_templates.hpp"
#include "transform/migration/user_data_text.hpp"

namespace cfn_eks {

namespace {

// One user data value that no Fn::If chooses.
LaunchUserData convert_one(const Node* user_data, bool eks_bootstraps) {
  LaunchUserData out;
  const SubText text = user_data_sub_text(user_data);
  if (text.error) {
    out.refusal = *text.error;
    out.refusal_at = text.error_at ? text.error_at : user_data;
    return out;
  }
  ConvertedUserData converted = convert_user_data_for_managed_nodegroup(text.text, eks_bootstraps);
  if (converted.refusal) {
    out.refusal = std::move(converted.refusal);
    out.refusal_at = user_data;
    return out;
  }
  out.notes = std::move(converted.notes);
  out.bootstrap = std::move(converted.bootstrap);
  if (text.gzipped) {
    out.notes.insert(out.notes.begin(), "the old user data is base64 of gzip (as eksctl writes it); the new launch "
                                        "template carries the converted user data as readable text");
  }
  // Labels and taints read from a NodeConfig, eksctl's kubelet.env or Bottlerocket settings ride
  // on the bootstrap call's kubelet args, which phase 1 turns into Labels/Taints.
  if (!converted.carried_kubelet_flags.empty()) {
    if (!out.bootstrap) out.bootstrap = BootstrapCall{};
    for (const std::string& flag : converted.carried_kubelet_flags) {
      out.bootstrap->kubelet_extra_args += (out.bootstrap->kubelet_extra_args.empty() ? "" : " ") + flag;
    }
  }
  if (converted.mime.empty()) return out;
  // Variables the converted text still uses (the bootstrap call may have taken some away).
  std::vector<FragmentEntry> variables;
  if (text.variables != nullptr && text.variables->is_mapping()) {
    for (const MapEntry& e : text.variables->entries) {
      if (e.value) variables.push_back(FragmentEntry{e.key, Fragment::from_node(*e.value)});
    }
  }
  variables.insert(variables.end(), text.extra_variables.begin(), text.extra_variables.end());
  std::erase_if(variables, [&](const FragmentEntry& v) {
    return converted.mime.find("${" + v.key + "}") == std::string::npos;
  });
  Fragment body = converted.mime.find("${") == std::string::npos ? Fragment::string(converted.mime)
                  : !variables.empty() ? Fragment::sub(converted.mime, Fragment::mapping(std::move(variables)))
                                       : Fragment::sub(converted.mime);
  out.user_data = Fragment::intrinsic("Fn::Base64", std::move(body));
  return out;
}

LaunchUserData convert_value(const Node* user_data, bool under_base64, bool eks_bootstraps);

// `if_node` chooses the user data (`under_base64`: it is the argument of Fn::Base64, so each
// branch is the text to encode). Each branch is converted on its own and the results go under
// the same condition as whole UserData values (`!If [C, !Base64 A', !Base64 B']`): a branch
// with nothing left becomes AWS::NoValue, which Fn::Base64 around the Fn::If could not hold.
// One launch template with a chosen UserData is smaller than one template per branch, which
// would repeat every other launch data key.
LaunchUserData convert_chosen(const Node& if_node, bool under_base64, bool eks_bootstraps) {
  LaunchUserData out;
  const Node* condition = argument_item(if_node, 0);
  if (condition == nullptr || !condition->is_string() || argument_item(if_node, 1) == nullptr ||
      argument_item(if_node, 2) == nullptr) {
    out.refusal = "the user data's Fn::If is not [condition, value if true, value if false]";
    out.refusal_at = &if_node;
    return out;
  }
  std::vector<Fragment> items{Fragment::string(condition->text)};
  bool any = false;
  for (std::size_t i = 1; i <= 2; ++i) {
    const Node* branch = argument_item(if_node, i);
    const std::string which = std::string(i == 1 ? "true" : "false") + " branch of the Fn::If on condition '" +
                              condition->text + "'";
    if (is_no_value(*branch)) {
      items.push_back(Fragment::ref("AWS::NoValue"));
      continue;
    }
    LaunchUserData converted = convert_value(branch, under_base64, eks_bootstraps);
    if (converted.refusal) {
      out.refusal = "the user data in the " + which + " cannot be converted: " + *converted.refusal;
      out.refusal_at = converted.refusal_at ? converted.refusal_at : branch;
      return out;
    }
    for (std::string& n : converted.notes) {
      if (std::find(out.notes.begin(), out.notes.end(), n) == out.notes.end()) out.notes.push_back(std::move(n));
    }
    // Labels and taints come from bootstrap.sh's --kubelet-extra-args; a node group has one set.
    if (converted.bootstrap && out.bootstrap &&
        converted.bootstrap->kubelet_extra_args != out.bootstrap->kubelet_extra_args) {
      out.refusal = "the branches of the Fn::If on condition '" + condition->text + "' pass different "
                    "--kubelet-extra-args to bootstrap.sh ('" + out.bootstrap->kubelet_extra_args + "' and '" +
                    converted.bootstrap->kubelet_extra_args + "'), and a managed node group has one set of Labels "
                    "and Taints; make the flags the same in both branches first";
      out.refusal_at = branch;
      return out;
    }
    if (!out.bootstrap) out.bootstrap = std::move(converted.bootstrap);
    if (converted.user_data) {
      items.push_back(std::move(*converted.user_data));
      any = true;
    } else {
      items.push_back(Fragment::ref("AWS::NoValue"));
    }
  }
  if (any) out.user_data = Fragment::intrinsic("Fn::If", Fragment::sequence(std::move(items)));
  return out;
}

LaunchUserData convert_value(const Node* user_data, bool under_base64, bool eks_bootstraps) {
  if (user_data != nullptr && user_data->is_intrinsic("Fn::If")) {
    return convert_chosen(*user_data, under_base64, eks_bootstraps);
  }
  if (!under_base64 && user_data != nullptr && user_data->is_intrinsic("Fn::Base64") && user_data->argument &&
      user_data->argument->is_intrinsic("Fn::If")) {
    return convert_chosen(*user_data->argument, true, eks_bootstraps);
  }
  if (!under_base64) return convert_one(user_data, eks_bootstraps);
  // A branch below Fn::Base64 is the text itself: read it as `Fn::Base64: <branch>`.
  Node wrapper;
  wrapper.kind = NodeKind::Intrinsic;
  wrapper.text = "Fn::Base64";
  wrapper.range = user_data->range;
  wrapper.argument = const_cast<Node*>(user_data);  // read only; the wrapper never outlives this call
  LaunchUserData out = convert_one(&wrapper, eks_bootstraps);
  if (out.refusal_at == &wrapper) out.refusal_at = user_data;
  return out;
}

}  // namespace

LaunchUserData convert_launch_user_data(const Node* user_data, bool eks_bootstraps) {
  return convert_value(user_data, false, eks_bootstraps);
}

}  // namespace cfn_eks
