#include "transform/migration/phase_three.hpp"

#include <algorithm>
#include <functional>
#include <set>

#include "cfn_eks/edits.hpp"
#include "rules/common/intrinsic_args.hpp"
#include "transform/migration/sub_references.hpp"

namespace cfn_eks {

namespace {

// Resources that exist only for one Auto Scaling group (or for one of those).
bool belongs_to_group(std::string_view type) {
  return type == "AWS::AutoScaling::LifecycleHook" || type == "AWS::AutoScaling::ScalingPolicy" ||
         type == "AWS::AutoScaling::ScheduledAction" || type == "AWS::AutoScaling::WarmPool" ||
         type == "AWS::CloudWatch::Alarm";
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string line_of(const TemplateAnalysis& a, const Node* node) {
  if (node == nullptr) return "";
  return " (line " + std::to_string(a.document().source->position(node->range.begin).line) + ")";
}

}  // namespace

PhaseResult build_phase_three(const TemplateAnalysis& a, const PhaseOneFacts& facts) {
  PhaseResult out;
  const Template& tmpl = a.tmpl();
  const auto& resources = tmpl.resources();
  const std::size_t group = a.index_of(facts.old_group);
  if (group >= resources.size()) {
    out.refusal = "phase 2 lost the Auto Scaling group " + quoted(facts.old_group);
    return out;
  }
  std::set<std::size_t> removed{group};
  std::set<std::size_t> candidates;  // removed only when nothing else needs them
  std::vector<std::string> owned{facts.old_launch, facts.instance_profile};
  owned.insert(owned.end(), facts.other_old_launches.begin(), facts.other_old_launches.end());
  for (const std::string& id : owned) {
    if (const std::size_t i = a.index_of(id); !id.empty() && i < resources.size()) candidates.insert(i);
  }
  // Grow the set to a fixed point: owned resources join, shared candidates leave.
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t c : candidates) {
      if (removed.count(c)) continue;
      bool only_removed = true;
      for (const Dependency* d : a.graph().dependents_of(c)) {
        if (!removed.count(d->from) && d->via != Dependency::Via::DependsOn) only_removed = false;
      }
      if (only_removed) {
        removed.insert(c);
        changed = true;
      }
    }
    for (std::size_t i = 0; i < resources.size(); ++i) {
      if (removed.count(i) || !belongs_to_group(resources[i].type)) continue;
      const auto deps = a.graph().dependencies_of(i);
      const bool on_removed = std::any_of(deps.begin(), deps.end(), [&](const Dependency* d) {
        return removed.count(d->to) && d->via != Dependency::Via::DependsOn;
      });
      if (on_removed) {
        removed.insert(i);
        changed = true;
      }
    }
  }
  // Anything left that still uses a removed resource?
  for (std::size_t r : removed) {
    for (const Dependency* d : a.graph().dependents_of(r)) {
      if (removed.count(d->from) || d->via == Dependency::Via::DependsOn) continue;
      out.refusal = quoted(resources[d->from].name) + " refers to " + quoted(resources[r].name) +
                    line_of(a, d->at) + ", which phase 3 removes; make it independent of the old node group first";
      out.refusal_at = d->at;
      return out;
    }
  }
  for (std::size_t c : candidates) {
    if (!removed.count(c)) {
      std::string users;
      for (const Dependency* d : a.graph().dependents_of(c)) {
        const std::string user = quoted(resources[d->from].name);
        if (!removed.count(d->from) && users.find(user) == std::string::npos) users += (users.empty() ? "" : ", ") + user;
      }
      out.kept.push_back(quoted(resources[c].name) + " (still used by " + users + ")");
    }
  }

  const DocumentEditor editor(a.document());
  EditList edits;
  const Node* section = tmpl.section("Resources");
  for (std::size_t r : removed) {
    auto deleted = editor.delete_entry(*section, resources[r].name);
    if (!deleted) {
      out.refusal = "cannot remove " + quoted(resources[r].name) + ": " + deleted.error();
      return out;
    }
    append_edits(edits, deleted.value());
    out.removed.push_back(quoted(resources[r].name) + " (" + std::string(resources[r].type) + ")");
  }
  // DependsOn on removed resources.
  for (std::size_t i = 0; i < resources.size(); ++i) {
    if (removed.count(i) || resources[i].depends_on == nullptr) continue;
    const Node* depends = resources[i].depends_on;
    auto gone = [&](const Node* n) { return n && n->is_string() && removed.count(a.index_of(n->text)); };
    if (depends->is_string()) {
      if (gone(depends)) append_edits(edits, editor.remove_entry(*resources[i].node, "DependsOn").value());
    } else if (depends->is_sequence()) {
      std::vector<std::size_t> drop;
      for (std::size_t k = 0; k < depends->items.size(); ++k) {
        if (gone(depends->items[k])) drop.push_back(k);
      }
      if (drop.size() == depends->items.size() && !drop.empty()) {
        append_edits(edits, editor.remove_entry(*resources[i].node, "DependsOn").value());
      } else {
        for (std::size_t k : drop) append_edits(edits, editor.delete_item(*depends, k).value());
      }
    }
  }
  // Outputs.
  std::set<std::string> removed_names;
  for (std::size_t r : removed) removed_names.insert(std::string(resources[r].name));
  std::vector<const Output*> doomed;
  for (const Output& output : tmpl.outputs()) {
    const std::vector<SubReference> refs = references_in(output.node);
    std::vector<const SubReference*> hits;
    for (const SubReference& ref : refs) {
      if (removed_names.count(ref.resource)) hits.push_back(&ref);
    }
    if (hits.empty()) continue;
    const bool launch_template_only =
        !facts.launch_configuration && std::all_of(hits.begin(), hits.end(), [&](const SubReference* h) {
          return h->resource == facts.old_launch && h->node != nullptr && !h->in_sub;
        });
    if (launch_template_only) {
      for (const SubReference* h : hits) {
        const Fragment replacement = h->node->is_intrinsic("Ref")
                                         ? Fragment::ref(facts.new_launch_template)
                                         : Fragment::get_att(facts.new_launch_template, h->attribute);
        auto replaced = editor.replace_value(*h->node, replacement);
        if (replaced) append_edits(edits, replaced.value());
      }
      out.notes.push_back("output " + quoted(output.name) + " now names the new launch template " +
                          quoted(facts.new_launch_template));
      continue;
    }
    doomed.push_back(&output);
    std::string what = "output " + quoted(output.name) + " named " + quoted(hits.front()->resource) +
                       ", which phase 3 removes; it is removed";
    if (output.export_name != nullptr) {
      what += "; it is exported: a stack that imports it blocks this update (remove the import first)";
      out.warnings.push_back(what);
    } else {
      out.notes.push_back(what);
    }
  }
  if (!doomed.empty() && doomed.size() == tmpl.outputs().size()) {
    // An empty Outputs section is invalid: remove the section.
    auto deleted = editor.delete_entry(*tmpl.root(), "Outputs");
    if (!deleted) {
      out.refusal = "cannot remove the Outputs section: " + deleted.error();
      return out;
    }
    append_edits(edits, deleted.value());
  } else {
    for (const Output* output : doomed) {
      auto deleted = editor.delete_entry(*tmpl.section("Outputs"), output->name);
      if (!deleted) {
        out.refusal = "cannot remove output " + quoted(output->name) + ": " + deleted.error();
        return out;
      }
      append_edits(edits, deleted.value());
    }
  }
  // Parameters only the removed resources used: kept (a deploy command may still pass them), reported.
  std::set<std::string> used_before, used_after;
  auto collect = [&](const Node* node, bool after) {
    for (const SubReference& ref : references_in(node)) {
      used_before.insert(ref.resource);
      if (after) used_after.insert(ref.resource);
    }
  };
  for (std::size_t i = 0; i < resources.size(); ++i) collect(resources[i].node, !removed.count(i));
  for (const Output& output : tmpl.outputs()) {
    collect(output.node, std::find(doomed.begin(), doomed.end(), &output) == doomed.end());
  }
  for (const NamedNode& condition : tmpl.conditions()) collect(condition.node, true);
  std::vector<std::string> unused;
  for (const Parameter& p : tmpl.parameters()) {
    const std::string name(p.name);
    if (used_before.count(name) && !used_after.count(name)) unused.push_back("'" + name + "'");
  }
  if (!unused.empty()) {
    std::string list;
    for (const std::string& u : unused) list += (list.empty() ? "" : ", ") + u;
    out.notes.push_back("parameters only the old group used are kept, unused (a deploy command may still pass "
                        "them): " + list + "; remove them in a later update");
  }
  auto applied = editor.apply(std::move(edits));
  if (!applied) {
    out.refusal = "cannot apply the phase 3 edits: " + applied.error();
    return out;
  }
  out.text = std::move(applied).value();
  return out;
}

}  // namespace cfn_eks
