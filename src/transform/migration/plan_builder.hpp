#pragma once
// Fills the MigrationPlan of one migration: per phase the summary, the change-set preview
// against the previous phase, checks, rollback, and the notes on the role mapping.

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "cfn_eks/document.hpp"
#include "transform/migration/migration_plan.hpp"
#include "transform/migration/phase_one.hpp"
#include "transform/migration/phase_result.hpp"

namespace cfn_eks {

struct PlanInputs {
  std::string input_name;
  const Document& input;
  const Document& phase1;
  const Document& phase2;
  const Document& phase3;
  const PhaseOneFacts& facts;
  const PhaseResult& two;
  const PhaseResult& three;
  std::array<std::string, 3> files;
  /// --parameter values and the Rules entry that asserts them (empty without --parameter).
  std::vector<std::pair<std::string, std::string>> pinned;
  std::string pinning_rule;
};

MigrationPlan build_migration_plan(const PlanInputs& inputs);

}  // namespace cfn_eks
