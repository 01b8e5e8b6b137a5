#pragma once
// Factories of the T3xx rules, one per rule file; intrinsic_rules.cpp lists them.

#include <memory>

#include "cfn_eks/rule.hpp"

namespace cfn_eks {

std::unique_ptr<Rule> make_invalid_intrinsic_arguments();  // T301
std::unique_ptr<Rule> make_intrinsic_not_allowed_here();   // T302
std::unique_ptr<Rule> make_unknown_intrinsic();            // T303

/// How a function is written at `node`, for messages: "!GetAtt" for a short tag, else "Fn::GetAtt".
std::string written_name(const Node& intrinsic);

}  // namespace cfn_eks
