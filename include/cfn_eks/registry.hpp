#pragma once
/// The list of every rule, sorted by id.

#include <memory>
#include <string_view>
#include <vector>

#include "cfn_eks/rule.hpp"

namespace cfn_eks {

class Registry {
 public:
  explicit Registry(std::vector<std::unique_ptr<Rule>> rules);

  /// Every rule, sorted by id.
  const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }
  /// A rule by id or by name; nullptr when unknown.
  const Rule* find(std::string_view id_or_name) const;

 private:
  std::vector<std::unique_ptr<Rule>> rules_;
};

/// The registry of all rules cfn-eks ships (src/rules/registry.cpp).
const Registry& default_registry();

/// Closest known rule id or name to `text` (for "did you mean"), or empty.
std::string_view suggest_rule(const Registry& registry, std::string_view text);

}  // namespace cfn_eks
