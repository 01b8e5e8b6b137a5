#pragma once
// One walk over a template's node tree that tells each visited node where it sits: which
// section, which logical id, which resource attribute, which intrinsic argument position, and
// which Fn::ForEach loop identifiers are in scope. Rules that look at "every Ref" or "every
// intrinsic" share it instead of each writing its own recursion.

#include <functional>
#include <string_view>
#include <vector>

#include "cfn_eks/template.hpp"

namespace cfn_eks {

/// Where a visited node sits. Valid only during the visit call.
struct WalkContext {
  std::string_view section;     ///< Top-level key: "Resources", "Conditions", ...
  std::string_view entry_name;  ///< The logical id / parameter / condition / output name; empty above it.
  /// Resources and Outputs: the attribute key under the entry ("Properties", "Type", "DependsOn",
  /// "Value", "Condition", ...); empty above it.
  std::string_view attribute;
  const Node* parent = nullptr;  ///< The enclosing mapping, sequence or intrinsic.
  /// The intrinsic this node is an argument of, directly or as an item of its list argument.
  const Node* function = nullptr;
  /// -1 when the node is `function`'s whole argument, else its index in the argument list.
  int argument_index = -1;
  /// Enclosing intrinsics, outermost first (the node itself excluded).
  std::vector<const Node*> intrinsics;
  /// Identifiers of the enclosing Fn::ForEach loops, outermost first.
  std::vector<std::string_view> loop_identifiers;

  bool in_loop() const { return !loop_identifiers.empty(); }
  /// True when an enclosing intrinsic has this long name.
  bool inside(std::string_view function_name) const;
};

using NodeVisitor = std::function<void(const Node&, const WalkContext&)>;

/// Visits every node below the template root (the root itself excluded) in source order.
/// Fn::ForEach::<Name> entries are walked with their identifier in scope; the entries of a
/// loop's output mapping count as entries of the section the loop is in.
void walk_template(const Template& tmpl, const NodeVisitor& visit);

/// Visits `node` and everything below it with `start` as the context of `node`.
void walk_node(const Node& node, const WalkContext& start, const NodeVisitor& visit);

/// The key prefix of AWS::LanguageExtensions loops.
inline constexpr std::string_view kForEachPrefix = "Fn::ForEach::";
inline bool is_foreach_key(std::string_view key) { return key.starts_with(kForEachPrefix); }

}  // namespace cfn_eks
