#pragma once
// The hazards of a computed change set: failures, data loss, orphans, EKS update rules.

#include "cfn_eks/changeset.hpp"
#include "cfn_eks/template.hpp"

namespace cfn_eks::changeset {

/// Appends the hazards of `changeset` (whose resources, parameters and outputs are filled).
void add_hazards(ChangeSet& changeset, const Template& before, const Template& after, const EksKnowledge& eks);

}  // namespace cfn_eks::changeset
