#pragma once
// The resources a value names: Ref, Fn::GetAtt and `${X}` / `${X.Attr}` inside Fn::Sub text.

#include <string>
#include <vector>

#include "cfn_eks/node.hpp"

namespace cfn_eks {

struct SubReference {
  std::string resource;   ///< Logical id (or parameter) named.
  std::string attribute;  ///< GetAtt / `${X.Attr}` attribute; empty for Ref / `${X}`.
  const Node* node = nullptr;  ///< The Ref / GetAtt node, or the Fn::Sub node.
  bool in_sub = false;
};

/// Every name `node` refers to, in document order (intrinsics nested anywhere below it).
std::vector<SubReference> references_in(const Node* node);

}  // namespace cfn_eks
