#pragma once
// One walk over a template collecting which parameters, mappings and conditions are used.
// Shared by the T4xx rules.

#include <set>
#include <string>
#include <string_view>

#include "cfn_eks/rule.hpp"

namespace cfn_eks {

struct UsageScan {
  std::set<std::string, std::less<>> refs;         ///< Ref targets and Fn::Sub variables.
  std::set<std::string, std::less<>> maps;         ///< Fn::FindInMap map names.
  std::set<std::string, std::less<>> conditions;   ///< Conditions named by Condition, Fn::If, ...
  bool dynamic_refs = false;        ///< A Ref whose target is computed or templated.
  bool dynamic_maps = false;        ///< A Fn::FindInMap whose map name is computed.
  bool dynamic_conditions = false;  ///< A condition named by a computed value.
  /// A transform other than AWS::LanguageExtensions (Transform section or Fn::Transform):
  /// what it generates may use anything, so usage cannot be judged.
  bool opaque_transform = false;
};

/// Walks the whole template once.
UsageScan scan_usage(const Template& tmpl);
/// scan_usage of the template being linted, made once per lint (LintCache) for the three U rules.
const UsageScan& usage_scan(const LintContext& context);

}  // namespace cfn_eks
