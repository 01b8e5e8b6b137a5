#pragma once
// Factories of the Dxxx rules (EKS add-ons), one per rule file; addon_rules.cpp lists them.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cfn_eks/rule.hpp"

namespace cfn_eks {

std::unique_ptr<Rule> make_addon_version_malformed();       // D001
std::unique_ptr<Rule> make_addon_version_incompatible();    // D002
std::unique_ptr<Rule> make_addon_version_unlisted();        // D003
std::unique_ptr<Rule> make_addon_version_unpinned();        // D004
std::unique_ptr<Rule> make_addon_resolve_conflicts();       // D005
std::unique_ptr<Rule> make_addon_cluster_version_unknown(); // D006

/// One add-on version checked against one cluster version the add-on's cluster can have.
struct AddonVersionVerdict {
  const Node* at = nullptr;     ///< The AddonVersion node.
  AddonCheck check;             ///< Not Compatible (only problems are kept).
  KubeVersion cluster;
  std::string cluster_where;    ///< "'1.31' from parameter KubernetesVersion's default at line 6".
};

/// The add-on versions of an AWS::EKS::Addon checked against its cluster's versions, in the
/// world where parameters keep their defaults (see DefaultWorld). At most one verdict per
/// version value: Incompatible before NotKnown.
struct AddonVersionChecks {
  std::vector<AddonVersionVerdict> problems;
  /// Set when a well-formed version of a known add-on could not be checked because the cluster
  /// version is unknown: the "could not check" text.
  std::optional<std::string> unchecked;
};
AddonVersionChecks check_addon_versions(const LintContext& context, const Resource& addon);

}  // namespace cfn_eks
