#pragma once
// The result of building one later phase (2 or 3) from the previous phase's text.

#include <optional>
#include <string>
#include <vector>

#include "cfn_eks/node.hpp"

namespace cfn_eks {

struct PhaseResult {
  std::optional<std::string> refusal;  ///< Set: the phase cannot be built (reason).
  const Node* refusal_at = nullptr;    ///< In the previous phase's document.
  std::string text;
  std::vector<std::string> notes;
  std::vector<std::string> warnings;
  /// Phase 3: what was removed and what was kept, for the plan.
  std::vector<std::string> removed;
  std::vector<std::string> kept;
};

}  // namespace cfn_eks
