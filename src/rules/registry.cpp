#include "cfn_eks/registry.hpp"

#include <algorithm>
#include <cassert>

#include "rules/rule_lists.hpp"
#include "util/edit_distance.hpp"

namespace cfn_eks {

Registry::Registry(std::vector<std::unique_ptr<Rule>> rules) : rules_(std::move(rules)) {
  std::sort(rules_.begin(), rules_.end(),
            [](const auto& a, const auto& b) { return a->info().id < b->info().id; });
}

const Rule* Registry::find(std::string_view id_or_name) const {
  for (const auto& rule : rules_) {
    if (rule->info().id == id_or_name || rule->info().name == id_or_name) return rule.get();
  }
  return nullptr;
}

const Registry& default_registry() {
  // Built once on first use and immutable afterwards; initialisation of a function-local
  // static is thread-safe.
  static const Registry registry = [] {
    RuleList rules;
    add_loader_rules(rules);
    add_structure_rules(rules);
    add_reference_rules(rules);
    add_intrinsic_rules(rules);
    add_usage_rules(rules);
    add_output_rules(rules);
    add_transform_rules(rules);
    add_schema_rules(rules);
    add_security_group_rules(rules);
    add_manifest_rules(rules);
    add_nodegroup_rules(rules);
    add_addon_rules(rules);
    add_version_rules(rules);
    add_ami_rules(rules);
    add_engine_rules(rules);
    return Registry(std::move(rules));
  }();
  return registry;
}

std::string_view suggest_rule(const Registry& registry, std::string_view text) {
  std::vector<std::string_view> candidates;
  for (const auto& rule : registry.rules()) {
    candidates.push_back(rule->info().id);
    candidates.push_back(rule->info().name);
  }
  return closest_match(text, candidates);
}

}  // namespace cfn_eks
