#pragma once
// The changed paths of one resource: Properties compared structurally, then its attributes.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cfn_eks/changeset.hpp"
#include "cfn_eks/resolver.hpp"
#include "cfn_eks/template.hpp"

namespace cfn_eks::changeset {

/// What every resource's diff needs from the two templates.
struct DiffInputs {
  const Template& before;
  const Template& after;
  const ResourceSchemas& schemas;
  /// Parameters in both templates whose Default changed: name -> (before, after) renderings.
  std::map<std::string, std::pair<std::string, std::string>, std::less<>> changed_defaults;
  /// Mappings in both templates whose content changed.
  std::set<std::string, std::less<>> changed_mappings;
  const Resolver* before_resolver = nullptr;
  const Resolver* after_resolver = nullptr;
};

/// The 1-based position of a node's start in its document; nullopt for null.
std::optional<Position> position_of(const Template& tmpl, const Node* node);

/// Changed property paths of a resource of `type` (AFTER's), in template order, each with its
/// replacement answer. No schema for the type: Conditional, "no schema for TYPE".
std::vector<PropertyChange> diff_properties(const DiffInputs& in, std::string_view type, const Node* before,
                                            const Node* after);

/// Changed resource attributes (Condition, DependsOn, Metadata, UpdatePolicy, CreationPolicy,
/// DeletionPolicy, UpdateReplacePolicy): Never, with what the change does instead.
std::vector<PropertyChange> diff_attributes(const DiffInputs& in, const Resource& before, const Resource& after);

}  // namespace cfn_eks::changeset
