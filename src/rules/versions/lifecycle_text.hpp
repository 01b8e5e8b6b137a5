#pragma once
// Message parts shared by the support-lifecycle rules V004-V006.

#include <string>
#include <vector>

#include "cfn_eks/rule.hpp"
#include "rules/versions/version_scan.hpp"

namespace cfn_eks {

/// "$0.60 instead of $0.10 per cluster-hour" from the pricing data; empty when unknown.
std::string extended_price_text(const EksKnowledge& eks);

/// The oldest version in standard support on `at` ("1.34"), or empty.
std::string oldest_standard(const EksKnowledge& eks, const Date& at);

/// Calls `visit(property, candidate, status)` for each cluster Version value that deploys (not an
/// AllowedValues alternative) and parses to a known version.
template <class Visit>
void for_each_cluster_version(const LintContext& context, Visit&& visit) {
  for (const VersionProperty& property : version_properties(context, false)) {
    for (const VersionCandidate& c : property.values.candidates) {
      if (c.allowed_value || c.mangled_number || !c.version) continue;
      const VersionStatus status = context.eks.status(*c.version, context.as_of);
      if (status.info == nullptr) continue;
      visit(property, c, status);
    }
  }
}

}  // namespace cfn_eks
