#pragma once
// Phase 2 of a migration: the old Auto Scaling group scaled to zero (MinSize and
// DesiredCapacity 0, MaxSize kept), once drain.sh has moved the pods. Rolling back is
// deploying phase 1 again, which restores the sizes.

#include "transform/migration/phase_one.hpp"
#include "transform/migration/phase_result.hpp"

namespace cfn_eks {

/// `phase_one` is the analysis of the phase 1 text.
PhaseResult build_phase_two(const TemplateAnalysis& phase_one, const PhaseOneFacts& facts);

}  // namespace cfn_eks
