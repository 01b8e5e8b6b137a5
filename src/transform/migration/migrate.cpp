// migrate_node_group: choose the group, build the three phases on each other's text, check
// each one loads, and write the plan and drain script around them.

#include "cfn_eks/migrate.hpp"

#include <algorithm>
#include <exception>
#include <map>

#include "cfn_eks/edits.hpp"
#include "rules/common/intrinsic_args.hpp"
#include "rules/eks/common/launch_templates.hpp"
#include "rules/eks/common/self_managed_nodes.hpp"
#include "transform/migration/drain_script.hpp"
#include "transform/migration/migration_plan.hpp"
#include "transform/migration/parameter_pinning.hpp"
#include "transform/migration/phase_one.hpp"
#include "transform/migration/phase_three.hpp"
#include "transform/migration/phase_two.hpp"
#include "transform/migration/plan_builder.hpp"
#include "transform/migration/template_analysis.hpp"
#include "util/edit_distance.hpp"

namespace cfn_eks {

namespace {

constexpr std::string_view kAsgType = "AWS::AutoScaling::AutoScalingGroup";

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

MigrationResult refused(std::string message, const Document& document, const Node* at) {
  MigrationResult result;
  result.outcome = MigrationOutcome::Refused;
  result.message = std::move(message);
  if (at != nullptr) result.position = document.source->position(at->range.begin);
  return result;
}

MigrationResult nothing(std::string message) {
  MigrationResult result;
  result.outcome = MigrationOutcome::NothingToDo;
  result.message = std::move(message);
  return result;
}

std::optional<std::string> load_error(const Document& document) {
  if (document.root == nullptr && document.diagnostics.empty()) return std::string("the template is empty");
  for (const Diagnostic& d : document.diagnostics) {
    if (d.severity == Severity::Error) return d.message + " [" + d.rule_id + "]";
  }
  if (document.root == nullptr || !document.root->is_mapping()) return std::string("the template is not a mapping");
  return std::nullopt;
}

// A phase's text, loaded under the file name it will have.
struct LoadedPhase {
  Document document;
  std::optional<std::string> error;
};

LoadedPhase load_phase(const std::string& name, const std::string& text, SourceFormat format) {
  auto source = std::make_shared<SourceFile>(name, text);
  LoadedPhase out{format == SourceFormat::Json ? load_json(source) : load_yaml(source), std::nullopt};
  if (auto e = load_error(out.document)) {
    const Diagnostic* first = nullptr;
    for (const Diagnostic& d : out.document.diagnostics) {
      if (d.severity == Severity::Error) {
        first = &d;
        break;
      }
    }
    out.error = "internal error: " + name + " does not load (" +
                (first ? std::to_string(first->start.line) + ":" + std::to_string(first->start.column) + ": " : "") +
                *e + "); nothing was written, please report it";
  }
  return out;
}

std::vector<std::string> group_names(const std::vector<SelfManagedNodeGroup>& groups) {
  std::vector<std::string> out;
  for (const auto& g : groups) out.emplace_back(g.group->name);
  return out;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& i : items) out += (out.empty() ? "" : ", ") + quoted(i);
  return out;
}

// The managed node group a previous run added for `group`, or nullptr.
const Resource* migrated_nodegroup(const Template& tmpl, std::string_view group) {
  for (const Resource& r : tmpl.resources()) {
    if (is_migrated_nodegroup_for(r, group)) return &r;
  }
  return nullptr;
}

// The launch template an Auto Scaling group names by LaunchTemplateName (eksctl:
// `Fn::Sub ${AWS::StackName}`) rather than by Ref: the one its Version's GetAtt names, or the
// one whose LaunchTemplateName is written the same way. The shared recognition follows Ref and
// GetAtt only, so the group comes without its launch data; fill it in.
SelfManagedNodeGroup with_named_launch_template(const TemplateAnalysis& analysis, const SelfManagedNodeGroup& group) {
  SelfManagedNodeGroup out = group;
  if (out.launch) return out;
  const Template& tmpl = analysis.tmpl();
  const Resource* found = nullptr;
  for (const LaunchTemplateUse& use : auto_scaling_group_launch_templates(tmpl, *group.group)) {
    if (use.resource != nullptr) found = use.resource;
    if (found == nullptr && use.version != nullptr && use.version->is_intrinsic("Fn::GetAtt")) {
      if (auto target = getatt_target(*use.version)) {
        const Resource* r = tmpl.resource(target->resource);
        if (r != nullptr && r->type == "AWS::EC2::LaunchTemplate" && use.name != nullptr && use.id == nullptr) found = r;
      }
    }
    if (found != nullptr) break;
  }
  if (found == nullptr) return out;
  return with_launch_resource(analysis, group, *found);
}

}  // namespace

std::vector<std::string> self_managed_node_group_ids(const Document& document, EksKnowledgePtr eks) {
  if (load_error(document)) return {};
  const TemplateAnalysis analysis(document, std::move(eks));
  return group_names(find_self_managed_node_groups(analysis.context()));
}

namespace {

// The --parameter values, each key once.
PinnedParameters unique_pins(const MigrationOptions& options) {
  PinnedParameters out;
  for (const auto& kv : options.parameters) {
    if (std::none_of(out.begin(), out.end(), [&](const auto& o) { return o.first == kv.first; })) out.push_back(kv);
  }
  return out;
}

// Adds the Rules entry asserting the pinned values to phase 1's text (phases 2 and 3 are built
// on it, so they keep it): a stack update with other values fails at change-set creation.
std::optional<std::string> add_pinning_rule(std::string& text, const std::string& name, SourceFormat format,
                                            const PinnedParameters& pins, const PhaseOneFacts& facts,
                                            std::string& rule_name) {
  LoadedPhase loaded = load_phase(name, text, format);
  if (loaded.error) return loaded.error;
  const Template tmpl(loaded.document);
  const Node* rules = tmpl.section("Rules");
  rule_name = std::string(kPinningRuleName);
  for (int i = 2; rules != nullptr && rules->is_mapping() && rules->get(rule_name) != nullptr; ++i) {
    rule_name = std::string(kPinningRuleName) + std::to_string(i);
  }
  const DocumentEditor editor(loaded.document);
  auto edits = editor.insert_section_entry("Rules", rule_name, pinning_rule(pins, facts.old_group, facts.new_nodegroup));
  if (!edits) return "cannot add the Rules entry '" + rule_name + "': " + edits.error();
  auto applied = editor.apply(std::move(edits).value());
  if (!applied) return "cannot add the Rules entry '" + rule_name + "': " + applied.error();
  text = std::move(applied).value();
  return std::nullopt;
}

MigrationResult migrate_impl(const Document& input, const MigrationOptions& options) {
  // With --parameter, the conversion reads a copy of the input whose decided Fn::Ifs are folded
  // to the deployed branch; its ranges are the input's, so the phases still edit the input's text.
  const PinnedParameters pins = unique_pins(options);
  Document folded;
  if (!pins.empty() && !load_error(input)) {
    if (auto e = check_migration_parameters(input, options)) return refused(*e, input, nullptr);
    folded = input.format == SourceFormat::Json ? load_json(input.source) : load_yaml(input.source);
    std::map<std::string, bool> decided;
    {
      const Template tmpl(folded);
      decided = decided_conditions(tmpl, pins);
    }
    fold_decided_conditions(folded, decided);
  }
  const Document& document = pins.empty() || load_error(input) ? input : folded;
  // A refusal caused by an undecided condition says which --parameter would decide it.
  auto parameter_hint = [&](const std::string& message, const Node* at) { return pinning_hint(input, message, at, pins); };
  if (auto e = load_error(document)) {
    const Node* at = nullptr;
    MigrationResult result = refused("the template does not load: " + *e + "; fix it first", document, at);
    for (const Diagnostic& d : document.diagnostics) {
      if (d.severity == Severity::Error) {
        result.position = d.start;
        break;
      }
    }
    // An empty or comment-only file, or a top level that is not a mapping: point at the top
    // level's value (1:1 when there is none), so the message is positioned like every other.
    if (!result.position && document.source) {
      result.position = document.root ? document.source->position(document.root->range.begin) : Position{};
    }
    return result;
  }
  const TemplateAnalysis analysis(document, options.eks);
  const Template& tmpl = analysis.tmpl();
  if (tmpl.section("Resources") == nullptr || !tmpl.section("Resources")->is_mapping()) {
    return refused("the template has no Resources mapping", document, document.root);
  }
  const std::vector<SelfManagedNodeGroup> groups = find_self_managed_node_groups(analysis.context());

  const SelfManagedNodeGroup* chosen = nullptr;
  if (options.nodegroup) {
    const std::string& wanted = *options.nodegroup;
    const Resource* resource = tmpl.resource(wanted);
    if (resource == nullptr) {
      if (const Resource* done = migrated_nodegroup(tmpl, wanted)) {
        return nothing("nothing to do: " + quoted(wanted) + " was migrated to the managed node group " +
                       quoted(done->name) + " and is no longer in the template");
      }
      std::vector<std::string_view> candidates;
      for (const Resource* r : tmpl.resources_of_type(kAsgType)) candidates.push_back(r->name);
      std::string message = "no resource " + quoted(wanted) + " in the template";
      if (auto hint = closest_match(wanted, candidates); !hint.empty()) {
        message += "; did you mean " + quoted(hint) + "?";
      } else if (!groups.empty()) {
        message += "; its self-managed node groups: " + join(group_names(groups));
      }
      return refused(message, document, nullptr);
    }
    if (resource->type != kAsgType) {
      return refused(quoted(wanted) + " is " + std::string(resource->type) + ", not an Auto Scaling group; "
                         "--nodegroup names the AWS::AutoScaling::AutoScalingGroup of a self-managed node group",
                     document, resource->type_node);
    }
    for (const auto& g : groups) {
      if (g.group->name == wanted) chosen = &g;
    }
    if (chosen == nullptr) {
      return refused(quoted(wanted) + " is not an EKS node group: its launch data runs no bootstrap.sh, uses no "
                         "EKS-optimized AMI and it has no kubernetes.io/cluster/<name> tag",
                     document, resource->node);
    }
    if (const Resource* done = migrated_nodegroup(tmpl, wanted)) {
      return nothing("nothing to do: " + quoted(wanted) + " already has its managed node group " + quoted(done->name) +
                     " (phase 1 or 2 of a migration); continue with the phase templates of that migration");
    }
  } else {
    std::vector<const SelfManagedNodeGroup*> pending;
    std::vector<std::string> done;
    for (const auto& g : groups) {
      if (migrated_nodegroup(tmpl, g.group->name) != nullptr) {
        done.emplace_back(g.group->name);
      } else {
        pending.push_back(&g);
      }
    }
    if (groups.empty()) {
      const auto managed = tmpl.resources_of_type("AWS::EKS::Nodegroup");
      if (!managed.empty()) {
        std::vector<std::string> names;
        for (const Resource* r : managed) names.emplace_back(r->name);
        return nothing("nothing to do: the template has no self-managed node group, only managed ones (" +
                       join(names) + ")");
      }
      return nothing("nothing to do: the template has no self-managed node group (an Auto Scaling group that "
                     "boots EKS nodes)");
    }
    if (pending.empty()) {
      return nothing("nothing to do: every self-managed node group already has its managed node group (" +
                     join(done) + "); continue with the phase templates of that migration");
    }
    if (pending.size() > 1) {
      std::vector<std::string> names;
      for (const auto* g : pending) names.emplace_back(g->group->name);
      return refused("the template has " + std::to_string(pending.size()) + " self-managed node groups (" +
                         join(names) + "); choose one with --nodegroup",
                     document, nullptr);
    }
    chosen = pending.front();
  }

  const SelfManagedNodeGroup group = with_named_launch_template(analysis, *chosen);
  PhaseOneResult one = build_phase_one(analysis, group, options.new_name.value_or(""));
  if (one.refusal) {
    return refused("cannot migrate " + quoted(chosen->group->name) + ": " + *one.refusal +
                       parameter_hint(*one.refusal, one.refusal_at),
                   document, one.refusal_at ? one.refusal_at : chosen->group->node);
  }
  const PhaseOneFacts& facts = one.facts;
  const std::string name1 = "phase-1-" + options.input_name;
  const std::string name2 = "phase-2-" + options.input_name;
  const std::string name3 = "phase-3-" + options.input_name;

  std::string rule_name;
  if (!pins.empty()) {
    if (auto e = add_pinning_rule(one.text, name1, document.format, pins, facts, rule_name)) {
      return refused(*e, document, nullptr);
    }
  }
  LoadedPhase loaded1 = load_phase(name1, one.text, document.format);
  if (loaded1.error) return refused(*loaded1.error, document, nullptr);
  const TemplateAnalysis analysis1(loaded1.document, options.eks);
  PhaseResult two = build_phase_two(analysis1, facts);
  if (two.refusal) return refused("cannot build phase 2: " + *two.refusal, document, nullptr);

  LoadedPhase loaded2 = load_phase(name2, two.text, document.format);
  if (loaded2.error) return refused(*loaded2.error, document, nullptr);
  const TemplateAnalysis analysis2(loaded2.document, options.eks);
  PhaseResult three = build_phase_three(analysis2, facts);
  if (three.refusal) {
    MigrationResult result = refused("cannot migrate " + quoted(chosen->group->name) + ": " + *three.refusal, document, nullptr);
    if (three.refusal_at != nullptr) {
      // Phase 2 only adds to the input before the old group and edits its sizes, so report the line in phase 2.
      result.message += " (line " + std::to_string(loaded2.document.source->position(three.refusal_at->range.begin).line) +
                        " of " + name2 + ")";
    }
    return result;
  }
  LoadedPhase loaded3 = load_phase(name3, three.text, document.format);
  if (loaded3.error) return refused(*loaded3.error, document, nullptr);

  // The plan previews the change from the input as written (not the folded copy) to phase 1.
  PlanInputs inputs{options.input_name, input, loaded1.document, loaded2.document, loaded3.document,
                    facts, two, three, {name1, name2, name3}, pins, rule_name};
  MigrationPlan plan = build_migration_plan(inputs);

  DrainScriptInput drain;
  drain.old_group_logical_id = facts.old_group;
  drain.new_nodegroup_logical_id = facts.new_nodegroup;
  drain.cluster_name = facts.cluster_literal;
  drain.input_file = options.input_name;

  MigrationResult result;
  result.outcome = MigrationOutcome::Migrated;
  result.old_group = facts.old_group;
  result.new_nodegroup = facts.new_nodegroup;
  result.new_launch_template = facts.new_launch_template;
  result.message = "migrating " + quoted(facts.old_group) + " to managed node group " + quoted(facts.new_nodegroup) +
                   " (launch template " + quoted(facts.new_launch_template) + ") in three phases";
  result.notes = plan.notes;
  result.warnings = plan.warnings;
  result.files.push_back({name1, std::move(one.text)});
  result.files.push_back({name2, two.text});
  result.files.push_back({name3, three.text});
  result.files.push_back({plan.drain_script_file, render_drain_script(drain)});
  result.files.push_back({"plan.md", render_plan_markdown(plan)});
  result.files.push_back({"plan.json", render_plan_json(plan)});
  return result;
}

}  // namespace

std::optional<std::string> check_migration_parameters(const Document& document, const MigrationOptions& options) {
  if (options.parameters.empty() || load_error(document)) return std::nullopt;
  return check_pinned_parameters(Template(document), options.parameters);
}

MigrationResult migrate_node_group(const Document& document, const MigrationOptions& options) {
  try {
    return migrate_impl(document, options);
  } catch (const std::exception& e) {
    // A bug must not crash the command or leave partial output: nothing is written.
    MigrationResult result;
    result.outcome = MigrationOutcome::Refused;
    result.message = std::string("internal error: ") + e.what() + "; nothing was written, please report it";
    return result;
  }
}

}  // namespace cfn_eks
