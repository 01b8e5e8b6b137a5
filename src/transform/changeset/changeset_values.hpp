#pragma once
// How the change-set preview compares and shows template values.

#include <string>

#include "cfn_eks/node.hpp"

namespace cfn_eks::changeset {

/// The value as CloudFormation sees it, as one comparable string: key order, quoting, block
/// styles, JSON vs YAML and short vs long intrinsic forms vanish (`!GetAtt A.B` equals
/// `Fn::GetAtt: [A, B]`); scalars compare as the strings CloudFormation passes on (a plain
/// YAML `1.30` is "1.3", `2` equals "2", `true` equals "true"). Null when `node` is null.
std::string canonical(const Node* node);

/// A short one-line rendering for tables: `1.29`, `!Ref Subnets`, `[a, b]`, `{Key: ...}`;
/// at most `width` characters (cut with "...").
std::string compact(const Node* node, std::size_t width = 60);

/// A plain YAML number as CloudFormation reads it: trailing zeros of a decimal fraction are
/// lost (1.30 -> 1.3, 2.50 -> 2.5, 1.0 stays 1.0).
std::string cloudformation_number(const std::string& text);

}  // namespace cfn_eks::changeset
