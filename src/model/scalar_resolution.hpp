#pragma once
// What a plain (unquoted, untagged) YAML scalar means to CloudFormation's YAML 1.1 parser.

#include <string_view>

#include "cfn_eks/node.hpp"

namespace cfn_eks {

/// Null, Bool, Number or String for a plain scalar; `1.30` is a Number, `yes` a Bool.
NodeKind resolve_plain_scalar(std::string_view text);

/// Kind for a standard YAML tag ("tag:yaml.org,2002:str" -> String); Null kind with
/// `known` false when the tag is not one CloudFormation understands.
NodeKind kind_for_standard_tag(std::string_view tag, bool& known);

}  // namespace cfn_eks
