// Axxx: node AMIs: hard-coded ids, EKS-optimized SSM parameter paths, AmiType, ReleaseVersion.

#include "rules/amis/ami_rules.hpp"
#include "rules/rule_lists.hpp"

namespace cfn_eks {

void add_ami_rules(RuleList& rules) {
  rules.push_back(make_hard_coded_ami_id());
  rules.push_back(make_ami_path_version_mismatch());
  rules.push_back(make_ami_family_not_available());
  rules.push_back(make_ami_architecture_mismatch());
  rules.push_back(make_invalid_ami_type());
  rules.push_back(make_ami_type_instance_mismatch());
  rules.push_back(make_release_version_mismatch());
  rules.push_back(make_known_bad_ami_release());
  rules.push_back(make_floating_ami_path());
}

}  // namespace cfn_eks
