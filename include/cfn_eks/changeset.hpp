#pragma once
/// Offline change-set preview: what a CloudFormation stack update from template BEFORE to
/// template AFTER would do, computed from the two templates alone (no AWS call).
///
/// Per logical id: Add, Remove or Modify. A Modify lists every changed property path (nested,
/// list items as `[i]`) and resource attribute, each with whether it replaces the resource
/// (Always / Conditional / Never, from the resource schemas' create-only paths) and why. Values
/// are compared as CloudFormation sees them: key order, quoting, JSON vs YAML and short vs long
/// intrinsic forms are not changes; `1.30` (a YAML number, the string "1.3") vs "1.30" is.
/// Hazards are the things a reviewer must not miss: a replacement that will fail (custom name),
/// resources orphaned or snapshotted, parameters the update needs, exports other stacks import,
/// and the EKS update rules (one minor per cluster update, node group version changes alone).
///
/// The library neither prints nor throws; `render_changeset` gives text, JSON or Markdown.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cfn_eks/diagnostic.hpp"
#include "cfn_eks/document.hpp"
#include "cfn_eks/eks_knowledge.hpp"
#include "cfn_eks/resource_schemas.hpp"
#include "cfn_eks/source.hpp"

namespace cfn_eks {

/// What happens to a resource, parameter, output, property or attribute.
enum class ChangeAction : std::uint8_t { Add, Remove, Modify };
/// "Add", "Remove", "Modify".
std::string_view change_action_name(ChangeAction action);

/// Where a changed property or attribute lives.
enum class ChangeScope : std::uint8_t {
  Property,   ///< Under Properties: `path` is "ResourcesVpcConfig.SubnetIds", "Subnets[0]".
  Attribute,  ///< A resource attribute: `path` is "Condition", "DependsOn", "Metadata", ...
  Type,       ///< The resource's Type itself.
};
std::string_view change_scope_name(ChangeScope scope);  ///< "property", "attribute", "type"

/// One changed path of a modified resource.
struct PropertyChange {
  ChangeScope scope = ChangeScope::Property;
  std::string path;                 ///< Dotted, list items as [i]: "LaunchTemplate.Version", "Subnets[1]".
  ChangeAction action = ChangeAction::Modify;  ///< Add: only in AFTER; Remove: only in BEFORE.
  Replacement replacement = Replacement::Never;
  /// Why: "Subnets is create-only: changing it replaces the resource", "no schema for TYPE".
  std::string reason;
  std::string before_value;         ///< Compact rendering ("1.29", "!Ref Subnets", "{...}"); empty when absent.
  std::string after_value;
  std::optional<Position> before_at;  ///< Where it is written in BEFORE / AFTER.
  std::optional<Position> after_at;
  /// Set when the text is the same in both templates (`!Ref P`) and the value changed through
  /// parameter P's Default: the parameter's name.
  std::string via_parameter;
  /// Set when the text is the same in both templates and the value changed through an
  /// Fn::FindInMap whose mapping changed (values compared as the resolver reads them): the
  /// mapping's name.
  std::string via_mapping;
};

/// One resource's change.
struct ResourceChange {
  std::string logical_id;
  ChangeAction action = ChangeAction::Modify;
  std::string type;                 ///< AFTER's type (BEFORE's for Remove).
  std::string before_type;          ///< BEFORE's type when it differs (Type changed).
  std::optional<Position> before_at;  ///< The logical id's position in BEFORE / AFTER.
  std::optional<Position> after_at;
  /// Modify: the strongest answer of its changes (a changed Type is Always). Add/Remove: Never,
  /// except a rename (below), which is a replacement: Always.
  Replacement replacement = Replacement::Never;
  std::string replacement_reason;   ///< The deciding change's reason; empty for Never.
  /// A rename: this Add's resource is identical to a removed one (`renamed_from` = its id), or
  /// this Remove's resource reappears under `renamed_to`. CloudFormation creates the new and
  /// deletes the old: physical ids and names change.
  std::string renamed_from;
  std::string renamed_to;
  std::vector<PropertyChange> changes;  ///< Modify only; properties in template order, then attributes.
};

/// One parameter's change.
struct ParameterChange {
  std::string name;
  ChangeAction action = ChangeAction::Modify;
  /// Modify: the fields that changed ("Default", "AllowedValues", "Type", "NoEcho", ...).
  std::vector<std::string> fields;
  std::string before_default;       ///< Compact renderings; empty when none.
  std::string after_default;
  std::optional<Position> before_at;
  std::optional<Position> after_at;
};

/// One output's change.
struct OutputChange {
  std::string name;
  ChangeAction action = ChangeAction::Modify;
  std::vector<std::string> fields;  ///< Modify: "Value", "Export.Name", "Condition", "Description".
  std::string before_export;        ///< Export.Name renderings; empty when not exported.
  std::string after_export;
  std::optional<Position> before_at;
  std::optional<Position> after_at;
};

/// Something in the update a reviewer must see: it fails, loses data, orphans or costs.
struct Hazard {
  Severity severity = Severity::Warning;  ///< Error: the update will fail (or destroys data).
  /// Stable kebab-case kind for tools: "custom-name-replacement", "retained-removal",
  /// "snapshot-removal", "replace-policy", "parameter-without-default", "parameter-removed",
  /// "parameter-changed", "output-removed", "output-changed", "export-changed",
  /// "export-removed", "output-added", "output-removed", "rename", "replace-deletes-data",
  /// "removal-deletes-data", "version-upgrade-step", "nodegroup-version-combined",
  /// "nodegroup-lags-cluster", "nodegroup-replacement", "type-changed", "condition-changed",
  /// "transform", "asg-removal".
  std::string kind;
  std::string logical_id;           ///< The resource, parameter or output concerned.
  std::string message;              ///< Style-conformant: problem first, remedy after "; ".
  bool in_before = false;           ///< Positioned in BEFORE (a removed thing) rather than AFTER.
  std::optional<Position> at;
};

/// The preview of one update.
struct ChangeSet {
  std::string before_path;          ///< The templates' paths as loaded (for messages).
  std::string after_path;
  std::vector<ResourceChange> resources;    ///< Sorted by logical id.
  std::vector<ParameterChange> parameters;  ///< Sorted by name.
  std::vector<OutputChange> outputs;        ///< Sorted by name.
  std::vector<Hazard> hazards;              ///< Errors first, then by logical id.

  /// True when nothing changed (no resource, parameter or output change).
  bool empty() const { return resources.empty() && parameters.empty() && outputs.empty(); }
  /// The number of hazards with severity Error.
  std::size_t error_count() const;
  /// The resource change for a logical id, or nullptr.
  const ResourceChange* resource(std::string_view logical_id) const;
};

struct ChangeSetOptions {
  /// Resource schemas for create-only paths; null means ours only (ResourceSchemas::embedded()).
  std::shared_ptr<const ResourceSchemas> schemas;
  /// EKS knowledge for the version checks; null means the embedded data.
  std::shared_ptr<const EksKnowledge> eks;
};

/// Computes the preview. Both documents are loaded already (a null root is treated as an empty
/// template; the command reports load errors before calling this).
ChangeSet compute_changeset(const Document& before, const Document& after, const ChangeSetOptions& options = {});

enum class ChangeSetFormat : std::uint8_t { Text, Json, Markdown };
/// Parses "text", "json", "markdown" (or "md").
std::optional<ChangeSetFormat> parse_changeset_format(std::string_view name);

/// Renders the preview. Text: an aligned table, then changed paths, then hazards. JSON: the
/// documented fields below (stable). Markdown: tables for a pull-request comment.
///
/// JSON: {"before": PATH, "after": PATH, "summary": {"add": N, "remove": N, "modify": N,
/// "replace": N, "errors": N, "warnings": N, "infos": N}, "resources": [{"logicalId", "action", "type",
/// "beforeType"?, "replacement": "Always|Conditional|Never", "reason"?, "renamedFrom"?,
/// "renamedTo"?, "line"?, "column"?, "changes": [{"scope", "path", "action", "replacement",
/// "reason"?, "before"?, "after"?, "viaParameter"?, "viaMapping"?, "line"?, "column"?}]}], "parameters": [{"name",
/// "action", "fields", "beforeDefault"?, "afterDefault"?}], "outputs": [{"name", "action", "fields",
/// "beforeExport"?, "afterExport"?}], "hazards": [{"severity", "kind", "logicalId", "message",
/// "file", "line"?, "column"?}]}. Positions are in AFTER, or in BEFORE for removed things.
std::string render_changeset(const ChangeSet& changeset, ChangeSetFormat format);

}  // namespace cfn_eks
