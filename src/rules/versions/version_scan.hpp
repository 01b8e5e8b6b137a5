#pragma once
// What the V rules share: the version properties of clusters and managed node groups with their
// possible values, and a de-duplicating reporter (one parameter default used by a cluster and
// its node groups is reported once).

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "cfn_eks/rule.hpp"
#include "rules/eks/common/cluster_lookup.hpp"

namespace cfn_eks {

inline constexpr std::string_view kClusterType = "AWS::EKS::Cluster";
inline constexpr std::string_view kNodegroupType = "AWS::EKS::Nodegroup";

/// A Version property and its values.
struct VersionProperty {
  const Resource* resource = nullptr;
  const Node* node = nullptr;
  VersionValues values;
  bool cluster() const { return resource->type == kClusterType; }
};

/// The Version properties of clusters and managed node groups, in source order, with their
/// resolved values. Computed once per lint (LintCache) and shared by the V rules, which each
/// used to resolve every Version again.
const std::vector<VersionProperty>& version_properties(const LintContext& context);

/// Where to report a candidate: its origin (a default, a literal) or the property.
const Node& report_node(const VersionCandidate& candidate, const Node& property);

/// Reports each (place, message) once.
class OnceReporter {
 public:
  explicit OnceReporter(DiagnosticSink& sink) : sink_(sink) {}
  Diagnostic* report(const Node& node, std::string message);

 private:
  DiagnosticSink& sink_;
  std::set<std::pair<std::size_t, std::string>> seen_;
};

/// "resource type 'Name'" for messages: "cluster 'Cluster'", "node group 'Nodes'".
std::string describe_resource(const Resource& resource);

/// The UpgradePolicy.SupportType values of a cluster ("STANDARD"/"EXTENDED"), empty when unset.
std::vector<std::string> support_types(const LintContext& context, const Resource& cluster);

/// True when `a` and `b` could hold at once: no parameter bound to two different values.
bool compatible(const PossibleValue& a, const PossibleValue& b);

}  // namespace cfn_eks
