#pragma once
// "What does the stack deploy when nobody overrides a parameter?" Rules that combine several
// values (min/desired/max sizes, an add-on version and the cluster version) check that world:
// other allowed values of a parameter are choices made at deployment, and combining them
// freely would report pairs nobody deploys.

#include <optional>
#include <string>
#include <string_view>

#include "cfn_eks/resolver.hpp"
#include "cfn_eks/template.hpp"

namespace cfn_eks {

class DefaultWorld {
 public:
  explicit DefaultWorld(const Template& tmpl) : tmpl_(tmpl) {}

  /// The truth of a named condition when every parameter takes its default; nullopt when it
  /// depends on something else (a pseudo-parameter, a parameter without a default, a GetAtt).
  std::optional<bool> condition(std::string_view name) const { return condition(name, 0); }

  /// True when the value arises with every parameter at its default (parameters without a
  /// default count as any value) and its conditions can hold there.
  bool admits(const PossibleValue& value) const;

 private:
  std::optional<bool> condition(std::string_view name, int depth) const;
  std::optional<std::string> scalar(const Node& node) const;
  std::optional<bool> evaluate(const Node& node, int depth) const;

  const Template& tmpl_;
};

/// True when no two values assume a condition both ways or a parameter with two values.
bool consistent(const PossibleValue& a, const PossibleValue& b);

}  // namespace cfn_eks
