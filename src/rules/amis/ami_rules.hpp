#pragma once
// Factories of the Axxx rules (node AMIs), one per rule file; ami_rules.cpp lists them.

#include <memory>

#include "cfn_eks/rule.hpp"

namespace cfn_eks {

}  // namespace cfn_eks
