#pragma once
// Factories of the T6xx rules, one per file in this directory.

#include <memory>

#include "cfn_eks/rule.hpp"

namespace cfn_eks {

std::unique_ptr<Rule> make_transform_not_checked_rule();

}  // namespace cfn_eks
