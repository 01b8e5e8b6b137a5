#pragma once
// plan.md / plan.json of a migration: per phase the template, its change-set preview, the
// aws cloudformation commands, what to check before and after, and how to roll back.

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace cfn_eks {

/// CloudFormation's limit for --template-body; larger templates go through S3 (--template-url).
inline constexpr std::size_t kMaxTemplateBodyBytes = 51200;

struct PlanPhase {
  int number = 0;                 // 1, 2, 3
  std::string title;              // e.g. "add the managed node group"
  std::string template_file;      // file name inside the output directory
  std::size_t template_bytes = 0; // size of that file (decides --template-body vs S3)
  std::string summary;
  std::string changeset_markdown; // `cfn-eks changeset` preview against the previous phase
  std::string changeset_json;     // the same as JSON text (embedded as JSON in plan.json when valid)
  std::vector<std::string> checks_before;
  std::vector<std::string> checks_after;
  std::vector<std::string> rollback;
  std::vector<std::string> commands;  // shell commands, in order (see fill_standard_commands)
  bool run_drain_script = false;      // phase 2: run drain.sh before executing the change set
};

/// A parameter phase 1 adds (the node role ARN when the role is not in the stack): it has no
/// previous value, so phase 1's change set passes it from a shell variable; later phases keep
/// it with UsePreviousValue.
struct NewPlanParameter {
  std::string name;         // the template parameter
  std::string variable;     // the shell variable the commands read ("NODE_ROLE_ARN")
  std::string description;  // what to set the variable to
};

struct MigrationPlan {
  std::string input_file;
  std::string old_group;      // logical id of the self-managed Auto Scaling group
  std::string new_nodegroup;  // logical id of the new AWS::EKS::Nodegroup
  std::string cluster;        // cluster name or how it is given (e.g. "parameter ClusterName")
  std::vector<std::string> parameters;    // template parameter names, passed with UsePreviousValue
  std::vector<NewPlanParameter> new_parameters;  // added by phase 1
  /// --parameter KEY=VALUE: passed with ParameterValue instead of UsePreviousValue in every
  /// phase, asserted by the Rules entry `pinning_rule` that phase 1 adds.
  std::vector<std::pair<std::string, std::string>> pinned_parameters;
  std::string pinning_rule;
  std::vector<std::string> capabilities;  // e.g. CAPABILITY_IAM, CAPABILITY_NAMED_IAM
  std::vector<PlanPhase> phases;
  std::vector<std::string> notes;
  std::vector<std::string> warnings;
  std::string drain_script_file = "drain.sh";
};

/// Replaces each phase's `commands` with the standard sequence: (phase 2: drain.sh first),
/// create-change-set (`--template-body file://...`, or an S3 upload and `--template-url` above
/// kMaxTemplateBodyBytes), wait change-set-create-complete, describe-change-set,
/// execute-change-set, wait stack-update-complete. `$STACK` (and `$REGION`-free) placeholders.
/// --parameters: every input parameter with UsePreviousValue=true (the CLI resets an unlisted
/// parameter to its default once --parameters is given), and each new parameter with
/// `ParameterValue=$VARIABLE` in phase 1 (UsePreviousValue is invalid for a parameter the stack
/// does not have yet), UsePreviousValue=true after. A pinned parameter (--parameter) is passed
/// with `ParameterValue=VALUE` in every phase.
/// Empty capabilities default to CAPABILITY_IAM CAPABILITY_NAMED_IAM.
void fill_standard_commands(MigrationPlan& plan);

/// The change-set name used for phase `number` (cfn-eks-phase-N).
std::string phase_changeset_name(int number);

std::string render_plan_markdown(const MigrationPlan& plan);
/// Stable field names: {format_version: 1, input_file, old_group, new_nodegroup, cluster,
/// parameters[], new_parameters[{name, variable, description}] (only when phase 1 adds one),
/// pinned_parameters[{name, value}] and pinning_rule (only with --parameter),
/// capabilities[], drain_script, warnings[], notes[], phases: [{number, title,
/// template_file, template_bytes, summary, runs_drain_script, checks_before[],
/// changeset_preview: {markdown, json (the preview embedded as JSON; null when absent or not
/// JSON, the text then under json_text)}, commands[], checks_after[], rollback[]}]}.
std::string render_plan_json(const MigrationPlan& plan);

}  // namespace cfn_eks
