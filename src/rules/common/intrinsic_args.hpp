#pragma once
// Reading the literal parts of intrinsic arguments the way CloudFormation does.

#include <optional>
#include <string_view>

#include "cfn_eks/node.hpp"
#include "cfn_eks/source.hpp"

namespace cfn_eks {

/// The literal target of an Fn::GetAtt: `!GetAtt A.B.C` is resource "A", attribute "B.C"
/// (split at the first dot); `[A, B]` is "A", "B" (attribute empty when not a literal string).
struct GetAttTarget {
  std::string_view resource;
  std::string_view attribute;
  const Node* node = nullptr;  ///< The node the resource name is written in.
};
std::optional<GetAttTarget> getatt_target(const Node& getatt);
/// Where to report the resource name: the name part of `A.B`, or the list item.
ByteRange precise_range(const SourceFile& source, const GetAttTarget& target);

/// True for a long-form `{Condition: <not a string>}` mapping: the loader reads any single-key
/// `Condition` mapping as the Condition function, but with a list or mapping value it is data
/// (a property named Condition), not a misused function.
bool is_condition_data(const Node& node);

/// Item `index` of an intrinsic's list argument, or nullptr.
const Node* argument_item(const Node& intrinsic, std::size_t index);

}  // namespace cfn_eks
