// Dxxx: EKS add-on versions and settings, and the shared version check of D002/D003/D006.

#include "rules/addons/addon_rules.hpp"

#include "rules/eks/common/cluster_lookup.hpp"
#include "rules/eks/common/default_world.hpp"
#include "rules/rule_lists.hpp"

namespace cfn_eks {

void add_addon_rules(RuleList& rules) {
  rules.push_back(make_addon_version_malformed());
  rules.push_back(make_addon_version_incompatible());
  rules.push_back(make_addon_version_unlisted());
  rules.push_back(make_addon_version_unpinned());
  rules.push_back(make_addon_resolve_conflicts());
  rules.push_back(make_addon_cluster_version_unknown());
}

AddonVersionChecks check_addon_versions(const LintContext& context, const Resource& addon) {
  AddonVersionChecks out;
  const Node* name_node = addon.property("AddonName");
  const Node* version_node = addon.property("AddonVersion");
  if (name_node == nullptr || version_node == nullptr) return out;
  const std::vector<std::string> names = context.resolver.strings(*name_node);
  if (names.size() != 1 || context.eks.addon(names.front()) == nullptr) return out;
  const std::string& name = names.front();

  const DefaultWorld world(context.tmpl);
  std::vector<std::pair<const PossibleValue*, AddonVersion>> versions;
  const Resolution resolution = context.resolver.resolve(*version_node);
  for (const PossibleValue& value : resolution.values) {
    if (!value.is_scalar() || !world.admits(value)) continue;
    if (auto parsed = context.eks.parse_addon_version(value.text)) versions.emplace_back(&value, std::move(*parsed));
  }
  if (versions.empty()) return out;

  const ClusterVersions clusters = cluster_versions(context, cluster_of(context, addon));
  if (!clusters.known()) {
    out.unchecked = could_not_check_message("'" + name + "' add-on version", clusters);
    return out;
  }
  for (const auto& [value, version] : versions) {
    std::optional<AddonVersionVerdict> worst;
    for (const VersionCandidate& cluster : clusters.candidates) {
      if (!cluster.version || cluster.mangled_number) continue;
      if (!world.admits(cluster.value) || !consistent(*value, cluster.value)) continue;
      AddonCheck check = context.eks.check_addon(name, version, *cluster.version);
      if (check.verdict == AddonCompatibility::Compatible || check.verdict == AddonCompatibility::Unknown) continue;
      if (worst && !(check.verdict == AddonCompatibility::Incompatible &&
                     worst->check.verdict != AddonCompatibility::Incompatible)) {
        continue;
      }
      worst = AddonVersionVerdict{version_node, std::move(check), *cluster.version, cluster.where};
    }
    if (worst) out.problems.push_back(std::move(*worst));
  }
  return out;
}

}  // namespace cfn_eks
