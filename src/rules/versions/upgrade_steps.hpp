#pragma once
// The "stack update raises Version by more than one minor" check. It needs the template before
// the update as well as after, so it is not a lint rule (a rule that can never fire in
// single-template lint would only mislead `cfn-eks rules`): the change-set command calls this
// function with the deployed template and the new one and reports its findings under the id
// kVersionUpgradeStepId.
//
// For each AWS::EKS::Cluster present in both templates (same logical id), the Version that
// deploys (literal, parameter default, mapping/condition value; AllowedValues alternatives are
// ignored; YAML numbers read as CloudFormation reads them) is compared: EKS upgrades a control
// plane one minor at a time and never downgrades it (eks-facts §1.1, §2.1), so 1.29 -> 1.31 in
// one stack update fails after CloudFormation has started the update.

#include <string>
#include <string_view>
#include <vector>

#include "cfn_eks/eks_knowledge.hpp"
#include "cfn_eks/template.hpp"

namespace cfn_eks {

inline constexpr std::string_view kVersionUpgradeStepId = "V011";

struct VersionUpgradeFinding {
  const Resource* resource = nullptr;  ///< The cluster in the new template.
  const Node* node = nullptr;          ///< Where its new Version is written (to report at).
  KubeVersion from;
  KubeVersion to;
  UpgradeStep step = UpgradeStep::Same;  ///< TooManyMinors or Downgrade.
  Severity severity = Severity::Error;   ///< Warning when the skew data marks the rule unsure.
  std::string message;                   ///< Style-conformant, names both versions and the fix.
};

/// Clusters whose Version moves by more than one minor, or down, between `before` and `after`.
std::vector<VersionUpgradeFinding> check_version_upgrades(const Template& before, const Template& after,
                                                          const EksKnowledge& eks);

}  // namespace cfn_eks
