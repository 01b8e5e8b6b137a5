#pragma once
// schemas/cloudformation/update-hazards.json: custom-name properties and snapshot policies.

#include <map>
#include <set>
#include <string>
#include <vector>

namespace cfn_eks::changeset {

struct SnapshotDefault {
  std::string type;
  std::string unless_property;  ///< The default is Snapshot only when this property is absent.
};

struct UpdateHazardData {
  std::map<std::string, std::string, std::less<>> physical_names;  ///< Type -> name property.
  std::set<std::string, std::less<>> snapshot_types;
  std::vector<SnapshotDefault> snapshot_by_default;
};

/// Parsed once from the compiled-in file; empty tables if it were broken (the test checks it).
const UpdateHazardData& update_hazard_data();

}  // namespace cfn_eks::changeset
