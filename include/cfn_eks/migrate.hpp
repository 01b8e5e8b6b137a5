#pragma once
/// Self-managed node group (LaunchTemplate or LaunchConfiguration + AutoScalingGroup) ->
/// AWS::EKS::Nodegroup in three phases, as edits on the user's own template: phase 1 adds the
/// managed node group beside the old one, phase 2 scales the old group to zero (after
/// drain.sh), phase 3 removes it. The library computes the files; the command writes them.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cfn_eks/document.hpp"
#include "cfn_eks/eks_knowledge.hpp"

namespace cfn_eks {

struct MigrationOptions {
  /// The input's file name (no directory), used to name the phase files ("phase-1-<name>").
  std::string input_name = "template.yaml";
  /// Logical id of the Auto Scaling group to migrate; may be omitted when there is one.
  std::optional<std::string> nodegroup;
  /// Logical id of the new AWS::EKS::Nodegroup (default `<Old>Managed`, made unique).
  std::optional<std::string> new_name;
  /// --parameter KEY=VALUE: the deployed stack's parameter values. Conditions they decide fold
  /// the Fn::If the conversion meets to the deployed branch, and the phases assert the values
  /// in a Rules entry. Parameters not given stay unknown (their Default is not assumed).
  std::vector<std::pair<std::string, std::string>> parameters;
  /// EKS knowledge; null means the embedded data.
  EksKnowledgePtr eks;
};

/// One file to write into the output directory.
struct MigrationFile {
  std::string name;
  std::string content;
};

enum class MigrationOutcome : std::uint8_t {
  Migrated,     ///< `files` holds the three phases, drain.sh, plan.md and plan.json.
  NothingToDo,  ///< Already migrated (or no self-managed group): `message` says why.
  Refused,      ///< Cannot be migrated safely: `message` names the reason; nothing to write.
};

struct MigrationResult {
  MigrationOutcome outcome = MigrationOutcome::Refused;
  /// Refused / NothingToDo: the reason, in the project's message style. Migrated: a summary.
  std::string message;
  /// Where the reason is in the input (line/column), when it has one.
  std::optional<Position> position;
  std::vector<MigrationFile> files;
  /// The old and new logical ids (Migrated).
  std::string old_group;
  std::string new_nodegroup;
  std::string new_launch_template;
  /// Plan notes and warnings, also in plan.md (for the command's summary).
  std::vector<std::string> notes;
  std::vector<std::string> warnings;
};

/// The logical ids of the self-managed node groups (Auto Scaling groups that boot EKS nodes)
/// of a loaded template, in source order; empty when it does not load.
std::vector<std::string> self_managed_node_group_ids(const Document& document, EksKnowledgePtr eks = nullptr);

/// Checks `options.parameters` against the template: an unknown key (with "did you mean"), a
/// key given twice, or a value outside AllowedValues; nullopt when usable or when the
/// template does not load (migrate_node_group reports that).
std::optional<std::string> check_migration_parameters(const Document& document, const MigrationOptions& options);

/// Computes the migration of one self-managed node group of `document`. Never throws.
MigrationResult migrate_node_group(const Document& document, const MigrationOptions& options);

}  // namespace cfn_eks
