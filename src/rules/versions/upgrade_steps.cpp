#include "rules/versions/upgrade_steps.hpp"

#include <optional>

#include "cfn_eks/resolver.hpp"
#include "rules/eks/common/cluster_lookup.hpp"

namespace cfn_eks {

namespace {

// The version that deploys: the first value that is not an AllowedValues alternative.
std::optional<std::pair<KubeVersion, const Node*>> deployed_version(const Resolver& resolver, const Node& node) {
  for (const PossibleValue& value : resolver.resolve(node).values) {
    if (!value.is_scalar()) continue;
    if (const Provenance* hop = value.source_hop(); hop && hop->description.ends_with("allowed value")) continue;
    const std::string text = effective_scalar_text(value);
    if (text != value.text) return std::nullopt;  // a YAML number read as another version: V002's finding
    if (auto version = parse_kube_version(text)) {
      return std::make_pair(*version, value.origin ? value.origin : &node);
    }
  }
  return std::nullopt;
}

}  // namespace

std::vector<VersionUpgradeFinding> check_version_upgrades(const Template& before, const Template& after,
                                                          const EksKnowledge& eks) {
  std::vector<VersionUpgradeFinding> out;
  const Resolver old_resolver(before);
  const Resolver new_resolver(after);
  for (const Resource* cluster : after.resources_of_type("AWS::EKS::Cluster")) {
    const Resource* previous = before.resource(cluster->name);
    if (previous == nullptr || previous->type != cluster->type) continue;
    const Node* old_node = previous->property("Version");
    const Node* new_node = cluster->property("Version");
    if (old_node == nullptr || new_node == nullptr) continue;
    const auto from = deployed_version(old_resolver, *old_node);
    const auto to = deployed_version(new_resolver, *new_node);
    if (!from || !to) continue;
    const UpgradeStep step = eks.control_plane_step(from->first, to->first);
    if (step != UpgradeStep::TooManyMinors && step != UpgradeStep::Downgrade) continue;
    VersionUpgradeFinding f;
    f.resource = cluster;
    f.node = to->second;
    f.from = from->first;
    f.to = to->first;
    f.step = step;
    f.severity = eks.skew().control_plane_confidence == Confidence::Unsure ? Severity::Warning : Severity::Error;
    const std::string head = "cluster '" + std::string(cluster->name) + "' Version goes from " + f.from.to_string() +
                             " to " + f.to.to_string() + " in one stack update";
    if (step == UpgradeStep::TooManyMinors) {
      KubeVersion next = f.from;
      ++next.minor;
      f.message = head + ", but EKS upgrades a control plane one minor at a time; deploy " + next.to_string() +
                  " first, then each following minor";
    } else {
      f.message = head + ", but EKS cannot downgrade a control plane; keep " + f.from.to_string() +
                  " (a rollback within 7 days of an in-place upgrade is an EKS operation, not a template change)";
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace cfn_eks
