#include "rules/versions/lifecycle_text.hpp"

#include <cstdio>

namespace cfn_eks {

namespace {

std::string money(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

}  // namespace

std::string extended_price_text(const EksKnowledge& eks) {
  const Pricing& p = eks.pricing();
  if (p.extended_per_cluster_hour <= 0) return {};
  const std::string unit = p.currency == "USD" || p.currency.empty() ? "$" : p.currency + " ";
  return unit + money(p.extended_per_cluster_hour) + " instead of " + unit + money(p.standard_per_cluster_hour) +
         " per cluster-hour";
}

std::string oldest_standard(const EksKnowledge& eks, const Date& at) {
  const auto versions = eks.versions_in(SupportStatus::Standard, at);
  return versions.empty() ? std::string() : versions.front().to_string();
}

}  // namespace cfn_eks
