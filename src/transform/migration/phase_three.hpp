#pragma once
// Phase 3 of a migration: the old group's resources removed — the Auto Scaling group, its
// launch template or configuration, its instance profile when nothing else uses it, and what
// belongs to the group alone (lifecycle hooks, scaling policies, scheduled actions, warm
// pools, alarms on them). Everything still referenced stays (node role, node security group
// and its rules). Outputs naming removed resources point at the new launch template when they
// named the old one, otherwise they are removed and reported.

#include "transform/migration/phase_one.hpp"
#include "transform/migration/phase_result.hpp"

namespace cfn_eks {

/// `phase_two` is the analysis of the phase 2 text.
PhaseResult build_phase_three(const TemplateAnalysis& phase_two, const PhaseOneFacts& facts);

}  // namespace cfn_eks
