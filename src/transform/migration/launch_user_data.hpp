#pragma once
// Phase 1's user data hand-off: the old launch data's UserData node -> the new launch
// template's UserData value (MIME multipart without the bootstrap call when EKS bootstraps;
// see user_data_conversion), with the Fn::Sub variables the converted text still uses. User
// data chosen by Fn::If is converted branch by branch under the same condition.

#include <optional>
#include <string>
#include <vector>

#include "cfn_eks/emitter.hpp"
#include "cfn_eks/node.hpp"
#include "transform/migration/user_data_conversion.hpp"

namespace cfn_eks {

struct LaunchUserData {
  std::optional<Fragment> user_data;      ///< The new UserData value; none when nothing remains.
  std::optional<BootstrapCall> bootstrap; ///< The bootstrap call found (removed or kept).
  std::vector<std::string> notes;
  std::optional<std::string> refusal;     ///< Set: the user data cannot be converted (reason).
  const Node* refusal_at = nullptr;
};

/// `eks_bootstraps`: the managed node group runs an EKS AMI, so EKS adds the bootstrap itself.
/// `UserData: !If [C, A, B]` and `Fn::Base64: !If [C, A, B]` (nested too) become
/// `!If [C, <A converted>, <B converted>]`; an AWS::NoValue branch, or one with nothing left
/// after the conversion, is AWS::NoValue. A branch that cannot be converted refuses the whole
/// user data, naming the branch.
LaunchUserData convert_launch_user_data(const Node* user_data, bool eks_bootstraps);

}  // namespace cfn_eks
