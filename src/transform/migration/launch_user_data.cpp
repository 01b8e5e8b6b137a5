#include "transform/migration/launch_user_data.hpp"

#include "transform/migration/user_data_text.hpp"

namespace cfn_eks {

LaunchUserData convert_launch_user_data(const Node* user_data, bool eks_bootstraps) {
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

}  // namespace cfn_eks
