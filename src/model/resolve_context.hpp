#pragma once
/// The working state of one resolver query: limits, memoised conditions, the scenario being
/// checked. Lives only for one call, so Resolver itself stays const and shareable.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "cfn_eks/resolver.hpp"

namespace cfn_eks::detail {

/// Bits of the truth values a condition can take.
inline constexpr unsigned kCanBeFalse = 1;
inline constexpr unsigned kCanBeTrue = 2;
inline constexpr unsigned kEitherWay = kCanBeFalse | kCanBeTrue;

class ResolveContext {
 public:
  /// `fixed`, when given, pins parameters to one value each (a scenario being checked).
  ResolveContext(const Template& tmpl, const ResolverLimits& limits,
                 const std::vector<Binding>* fixed = nullptr)
      : tmpl_(tmpl), limits_(limits), fixed_(fixed) {}

  Resolution resolve(const Node& node, unsigned depth);
  /// The values of `Ref: name`; `at` is the node asking (for Unknown::at).
  Resolution resolve_ref(std::string_view name, const Node* at, unsigned depth);
  /// Default and AllowedValues; `as_ref` applies the Type (SSM types unknown, lists split).
  Resolution parameter_values(const Parameter& param, const Node* at, bool as_ref);

  /// kCanBeTrue / kCanBeFalse bits for a named condition (memoised, cycle-safe).
  unsigned condition_mask(std::string_view name);
  /// The same for a condition function node (Fn::Equals, Fn::And, Condition, ...).
  unsigned condition_node_mask(const Node& node, unsigned depth);

  /// Whether a value's assumptions and bindings can all hold in one deployment.
  bool feasible(const std::vector<Assumption>& assumptions, const std::vector<Binding>& bindings);

  /// Adds the constraints of `other` to `into`; false when they contradict.
  bool merge_constraints(PossibleValue& into, const PossibleValue& other);

  /// Appends a value unless an identical one is there; marks truncation at the limit.
  void add_value(Resolution& out, PossibleValue value) const;
  static void add_unknown(Resolution& out, const Node* at, std::string reason);
  /// Copies `from`'s unknowns and truncation into `out`.
  static void add_unknowns(Resolution& out, const Resolution& from);

  const ResolverLimits& limits() const { return limits_; }
  const Template& tmpl() const { return tmpl_; }

 private:
  // Function handlers (resolver.cpp).
  Resolution resolve_intrinsic(const Node& node, unsigned depth);
  Resolution resolve_sequence(const Node& node, unsigned depth);
  Resolution resolve_if(const Node& node, unsigned depth);
  Resolution resolve_find_in_map(const Node& node, unsigned depth);
  Resolution resolve_sub(const Node& node, unsigned depth);
  Resolution resolve_join(const Node& node, unsigned depth);
  Resolution resolve_select(const Node& node, unsigned depth);
  Resolution resolve_split(const Node& node, unsigned depth);
  Resolution resolve_length(const Node& node, unsigned depth);
  Resolution resolve_to_json_string(const Node& node);
  /// A `[a, b]` argument with both items resolved.
  struct TwoItems {
    const Node* arg = nullptr;
    Resolution first;
    Resolution second;
  };
  /// Resolves both items of a two-item argument ([delimiter, list], [delimiter, string]) and adds
  /// their unknowns to `out`; nullopt, with `shape` as an unknown, when it is not two items.
  std::optional<TwoItems> resolve_two_items(const Node& node, unsigned depth, std::string_view shape,
                                            Resolution& out);
  /// Combines resolved parts into lists, one element per part (cartesian product, bounded,
  /// contradictory combinations dropped).
  Resolution combine(const std::vector<Resolution>& parts);

  // Condition helpers (condition_evaluator.cpp).
  void collect_parameters(const Node& node, std::unordered_set<std::string_view>& params,
                          std::unordered_set<std::string_view>& seen_conditions) const;

  const Template& tmpl_;
  const ResolverLimits& limits_;
  const std::vector<Binding>* fixed_;
  std::unordered_map<std::string_view, unsigned> condition_memo_;
  std::unordered_set<std::string_view> conditions_in_progress_;
  std::unordered_map<std::string, bool> feasible_memo_;
};

/// True when the two values have the same kind, text, origin, elements and constraints.
bool same_value(const PossibleValue& a, const PossibleValue& b);

/// The text a scalar compares by in Fn::Equals (YAML booleans spelt `True`/`yes` as "true").
std::string comparable_text(const PossibleValue& value);

}  // namespace cfn_eks::detail
