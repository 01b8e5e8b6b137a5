// Axxx: node AMIs: hard-coded ids, EKS-optimized SSM parameter paths, AmiType, ReleaseVersion.

#include "rules/amis/ami_rules.hpp"
#include "rules/rule_lists.hpp"

namespace cfn_eks {

void add_ami_rules(RuleList& /*rules*/) {}

}  // namespace cfn_eks
