#include "transform/migration/plan_builder.hpp"

#include "cfn_eks/template.hpp"
#include "transform/migration/changeset_preview.hpp"

namespace cfn_eks {

namespace {

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string list(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

bool has_iam(const Document& document, bool named) {
  const Template tmpl(document);
  for (const Resource& r : tmpl.resources()) {
    if (!r.type.starts_with("AWS::IAM::")) continue;
    if (!named) return true;
    for (const char* key : {"RoleName", "InstanceProfileName", "PolicyName", "ManagedPolicyName", "UserName", "GroupName"}) {
      if (r.property(key) != nullptr && r.type != "AWS::IAM::Policy") return true;
    }
  }
  return false;
}

std::string role_mapping_note(const PhaseOneFacts& f) {
  const std::string role = f.node_role.empty() ? std::string("the node role") : "role " + quoted(f.node_role);
  return "Role mapping: the old and the new nodes use " + role +
         ". When the cluster's authentication mode uses the aws-auth ConfigMap (CONFIG_MAP or API_AND_CONFIG_MAP), "
         "EKS adds the role to aws-auth when it creates the managed node group — the self-managed nodes are mapped "
         "through the same role, so both groups keep working; in API mode EKS creates the role's access entry "
         "itself. Phase 3 removes only the self-managed resources: keep the role's aws-auth mapping (or EC2_LINUX "
         "access entry), it now serves the managed node group. Never delete the managed node group while "
         "self-managed nodes still use the role: deleting the last managed node group with a role removes the "
         "role's mapping and those nodes go NotReady.";
}

}  // namespace

MigrationPlan build_migration_plan(const PlanInputs& in) {
  const PhaseOneFacts& f = in.facts;
  MigrationPlan plan;
  plan.input_file = in.input_name;
  plan.old_group = f.old_group;
  plan.new_nodegroup = f.new_nodegroup;
  plan.cluster = f.cluster;
  const Template input(in.input);
  for (const Parameter& p : input.parameters()) plan.parameters.emplace_back(p.name);
  plan.pinned_parameters = in.pinned;
  plan.pinning_rule = in.pinning_rule;
  if (!f.new_parameter.empty()) {
    plan.new_parameters.push_back(NewPlanParameter{f.new_parameter, std::string(kNodeRoleArnVariable),
                                                   "the ARN of the IAM role behind the instance profile of " +
                                                       quoted(f.old_group) + " (aws iam get-instance-profile), so "
                                                       "the new nodes keep the old nodes' Kubernetes identity"});
  }
  if (has_iam(in.phase2, false)) plan.capabilities.push_back("CAPABILITY_IAM");
  if (has_iam(in.phase2, true)) plan.capabilities.push_back("CAPABILITY_NAMED_IAM");

  plan.notes.push_back(role_mapping_note(f));
  for (const std::string& n : f.notes) plan.notes.push_back(n);
  for (const std::string& n : in.two.notes) plan.notes.push_back("Phase 2: " + n);
  for (const std::string& n : in.three.notes) plan.notes.push_back("Phase 3: " + n);
  plan.warnings = f.warnings;
  for (const std::string& w : in.two.warnings) plan.warnings.push_back("Phase 2: " + w);
  for (const std::string& w : in.three.warnings) plan.warnings.push_back("Phase 3: " + w);
  const std::string nodes_of_new = "kubectl get nodes -l eks.amazonaws.com/nodegroup -o wide";
  PlanPhase one;
  one.number = 1;
  one.title = "add the managed node group";
  one.template_file = in.files[0];
  one.template_bytes = in.phase1.source->text().size();
  // Several new launch templates when an Fn::If chose among old ones (phase_one).
  std::string templates = quoted(f.new_launch_template);
  for (const std::string& t : f.other_new_launch_templates) templates += " and " + quoted(t);
  one.summary = "Adds AWS::EKS::Nodegroup " + quoted(f.new_nodegroup) + " and its AWS::EC2::LaunchTemplate" +
                (f.other_new_launch_templates.empty() ? " " : "s ") + templates + " beside " + quoted(f.old_group) +
                ", which is not changed. The new nodes carry the old nodes' security groups and role, so data "
                "stores and load balancers that trust them keep working.";
  one.checks_before = {"cfn-eks lint " + in.files[0] + " reports no new error compared with " + in.input_name,
                       "the change set only adds " + quoted(f.new_nodegroup) + " and " + templates +
                           " (describe-change-set: Action Add, nothing Modify/Remove)"};
  one.checks_after = {"aws eks describe-nodegroup shows the new node group ACTIVE (the stack resource's physical id is "
                      "<cluster>/<nodegroup>)",
                      nodes_of_new + " lists the new nodes Ready",
                      "a pod scheduled on a new node reaches what the old nodes reached (databases, caches, "
                      "services behind security groups that trust the node security group)"};
  one.rollback = {"update the stack with " + in.input_name + " again: CloudFormation deletes the new node group and "
                  "launch template; the old group was never touched"};

  PlanPhase two;
  two.number = 2;
  two.title = "drain and scale the old group to zero";
  two.template_file = in.files[1];
  two.template_bytes = in.phase2.source->text().size();
  two.summary = "First run drain.sh: it taints the old nodes NoSchedule and drains them (PodDisruptionBudgets "
                "respected). Then the change set sets MinSize and DesiredCapacity of " + quoted(f.old_group) +
                " to 0; MaxSize stays, so the group can be scaled back.";
  two.run_drain_script = true;
  two.checks_before = {"every new node is Ready (" + nodes_of_new + ")",
                       "kubectl get pdb -A: every PodDisruptionBudget allows at least one disruption",
                       "drain.sh ended with no pod (other than DaemonSets) left on the old nodes"};
  two.checks_after = {"aws autoscaling describe-auto-scaling-groups for the old group shows 0 instances",
                      "kubectl get nodes shows only the managed nodes; kubectl get pods -A -o wide shows every "
                      "workload on them and kubectl get endpoints -A has no empty endpoints that had some before"};
  two.rollback = {"update the stack with " + in.files[0] + " again: the old group scales back to its sizes",
                  "once the old nodes are Ready, run drain.sh --undo: it removes the taint it added and uncordons them"};

  PlanPhase three;
  three.number = 3;
  three.title = "remove the old group";
  three.template_file = in.files[2];
  three.template_bytes = in.phase3.source->text().size();
  three.summary = "Removes " + list(in.three.removed) + "." +
                  (in.three.kept.empty() ? std::string() : " Kept because still used: " + list(in.three.kept) + ".") +
                  " The node role, the node security group and its rules stay: the managed nodes use them.";
  three.checks_before = {"the old group has run 0 instances long enough that nothing needs it",
                         "no other stack imports an output phase 3 removes (aws cloudformation list-imports)",
                         "the role mapping stays (see the role mapping note)"};
  three.checks_after = {nodes_of_new + " still lists every managed node Ready",
                        "kubectl get pods -A shows no Pending pod"};
  three.rollback = {"update the stack with " + in.files[1] + " again: CloudFormation recreates the old group at size "
                    "0 with its launch data; deploy " + in.files[0] + " after it to scale the old group back up"};

  const auto previews = changeset_previews(in.input, in.phase1, in.phase2, in.phase3);
  one.changeset_markdown = previews[0].markdown;
  one.changeset_json = previews[0].json;
  two.changeset_markdown = previews[1].markdown;
  two.changeset_json = previews[1].json;
  three.changeset_markdown = previews[2].markdown;
  three.changeset_json = previews[2].json;

  plan.phases = {std::move(one), std::move(two), std::move(three)};
  fill_standard_commands(plan);
  return plan;
}

}  // namespace cfn_eks
