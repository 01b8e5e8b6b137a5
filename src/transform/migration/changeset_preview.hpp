#pragma once
// The change-set preview of each phase against the previous one, for the plan.

#include <array>
#include <string>

#include "cfn_eks/document.hpp"

namespace cfn_eks {

struct ChangesetPreview {
  std::string markdown;
  std::string json;
};

/// Previews of input -> phase 1, phase 1 -> phase 2, phase 2 -> phase 3.
std::array<ChangesetPreview, 3> changeset_previews(const Document& input, const Document& phase1,
                                                    const Document& phase2, const Document& phase3);

}  // namespace cfn_eks
