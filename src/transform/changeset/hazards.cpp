#include "transform/changeset/hazards.hpp"

#include <algorithm>
#include <cctype>

#include "cfn_eks/resolver.hpp"
#include "rules/versions/upgrade_steps.hpp"
#include "transform/changeset/changeset_values.hpp"
#include "transform/changeset/property_diff.hpp"
#include "transform/changeset/update_hazard_data.hpp"

namespace cfn_eks::changeset {

namespace {

constexpr std::string_view kNodegroupType = "AWS::EKS::Nodegroup";
constexpr std::string_view kClusterType = "AWS::EKS::Cluster";

class HazardSink {
 public:
  explicit HazardSink(ChangeSet& changeset) : changeset_(changeset) {}
  void add(Severity severity, std::string_view kind, std::string_view id, std::string message, bool in_before,
           std::optional<Position> at) {
    Hazard h;
    h.severity = severity;
    h.kind = std::string(kind);
    h.logical_id = std::string(id);
    h.message = std::move(message);
    h.in_before = in_before;
    h.at = at;
    changeset_.hazards.push_back(std::move(h));
  }

 private:
  ChangeSet& changeset_;
};

std::optional<Position> entry_position(const Template& tmpl, const MapEntry* entry) {
  if (entry == nullptr || !tmpl.document().source) return std::nullopt;
  return tmpl.document().source->position(entry->key_range.begin);
}

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

// A policy attribute's value when it is a plain string.
std::string policy(const Node* node) { return node && node->is_string() ? node->text : std::string(); }

bool touches(const ResourceChange& change, std::string_view property) {
  for (const PropertyChange& c : change.changes) {
    if (c.scope != ChangeScope::Property) continue;
    if (c.path == property || c.path.starts_with(std::string(property) + ".") ||
        c.path.starts_with(std::string(property) + "[")) {
      return true;
    }
  }
  return false;
}

// The Kubernetes version a Version node deploys (literal, parameter default, mapping value),
// read as CloudFormation reads it; nullopt when unknown or not a version.
std::optional<KubeVersion> deployed_version(const Resolver& resolver, const Node* node) {
  if (node == nullptr) return std::nullopt;
  for (const PossibleValue& value : resolver.resolve(*node).values) {
    if (!value.is_scalar()) continue;
    if (const Provenance* hop = value.source_hop(); hop && hop->description.ends_with("allowed value")) continue;
    const std::string text = value.kind == PossibleValue::Kind::Number && value.style == ScalarStyle::Plain
                                 ? cloudformation_number(value.text)
                                 : value.text;
    return parse_kube_version(text);
  }
  return std::nullopt;
}

// True when a node group's ClusterName designates `cluster` of the same template.
bool belongs_to(const Resource& nodegroup, const Resource& cluster) {
  const Node* name = nodegroup.property("ClusterName");
  if (name == nullptr) return false;
  if (name->is_intrinsic("Ref") && name->argument && name->argument->is_string()) {
    if (name->argument->text == cluster.name) return true;
  }
  const Node* cluster_name = cluster.property("Name");
  return cluster_name != nullptr && canonical(cluster_name) == canonical(name);
}

std::string desired_size_text(const Resource& nodegroup) {
  const Node* scaling = nodegroup.property("ScalingConfig");
  const Node* desired = scaling && scaling->is_mapping() ? scaling->get("DesiredSize") : nullptr;
  if (desired && desired->is_scalar() && canonical(desired) != "\"0\"") {
    return "all " + compact(desired) + " nodes (ScalingConfig.DesiredSize)";
  }
  return "all its nodes";
}

void replacement_hazards(HazardSink& sink, const ResourceChange& change, const Template& before, const Template& after) {
  const Resource* resource = after.resource(change.logical_id);
  const Resource* old_resource = before.resource(change.logical_id);
  if (resource == nullptr || old_resource == nullptr) return;
  const bool always = change.replacement == Replacement::Always;
  const std::string head = "resource " + quoted(change.logical_id) + (always ? " is replaced" : " may be replaced") + " (" +
                           change.replacement_reason + ")";
  const auto at = change.after_at;
  const UpdateHazardData& data = update_hazard_data();

  if (auto it = data.physical_names.find(change.type); it != data.physical_names.end()) {
    const Node* name = resource->property(it->second);
    if (name != nullptr && !touches(change, it->second)) {
      sink.add(always ? Severity::Error : Severity::Warning, "custom-name-replacement", change.logical_id,
               head + " but keeps its custom name " + it->second + " " + quoted(compact(name)) +
                   ": CloudFormation cannot replace a custom-named resource, " +
                   (always ? "the update will fail" : "if it does the update fails") + "; change " + it->second +
                   " in the same update, or remove it so CloudFormation generates a name",
               false, position_of(after, name));
    }
  }

  const Node* replace_policy = resource->update_replace_policy ? resource->update_replace_policy : old_resource->update_replace_policy;
  const std::string replace = policy(replace_policy);
  if (replace == "Retain" || replace == "RetainExceptOnCreate") {
    sink.add(Severity::Warning, "replace-policy", change.logical_id,
             head + " and UpdateReplacePolicy " + replace +
                 " keeps the old one: it leaves the stack, keeps costing and may still hold its name; delete it by hand when it is no longer needed",
             false, at);
  } else if (replace == "Snapshot") {
    sink.add(Severity::Info, "replace-policy", change.logical_id,
             head + " and UpdateReplacePolicy Snapshot takes a snapshot of the old one before deleting it; the snapshot keeps costing until deleted",
             false, at);
  } else if (data.snapshot_types.contains(change.type)) {
    sink.add(always ? Severity::Error : Severity::Warning, "replace-deletes-data", change.logical_id,
             head + ": the old " + change.type + " and its data are deleted without a snapshot (UpdateReplacePolicy " +
                 (replace.empty() ? "defaults to Delete" : "is " + replace) +
                 "; DeletionPolicy does not apply to replacements); set UpdateReplacePolicy: Snapshot in an earlier update, or avoid the replacement",
             false, at);
  }

  if (change.type == kNodegroupType) {
    sink.add(Severity::Warning, "nodegroup-replacement", change.logical_id,
             "managed node group " + quoted(change.logical_id) + (always ? " is replaced" : " may be replaced") + " (" +
                 change.replacement_reason + "): CloudFormation creates a new node group, then deletes the old one, which drains and terminates " +
                 desired_size_text(*old_resource) +
                 ": every pod on them is evicted and rescheduled; make sure the new group has capacity and PodDisruptionBudgets allow the drain, "
                 "or add a second node group and remove the old one in a later update",
             false, at);
  }
}

void nodegroup_combined_hazard(HazardSink& sink, const ResourceChange& change) {
  if (change.type != kNodegroupType || change.replacement == Replacement::Always) return;
  std::vector<std::string> version_paths, other_paths;
  for (const PropertyChange& c : change.changes) {
    if (c.scope != ChangeScope::Property) continue;
    if (c.path == "Version" || c.path == "ReleaseVersion") {
      version_paths.push_back(c.path);
    } else {
      other_paths.push_back(c.path);
    }
  }
  if (version_paths.empty() || other_paths.empty()) return;
  std::string versions, others;
  for (const std::string& p : version_paths) versions += (versions.empty() ? "" : " and ") + p;
  for (std::size_t i = 0; i < other_paths.size() && i < 3; ++i) others += (i ? ", " : "") + other_paths[i];
  if (other_paths.size() > 3) others += " and " + std::to_string(other_paths.size() - 3) + " more";
  sink.add(Severity::Error, "nodegroup-version-combined", change.logical_id,
           "managed node group " + quoted(change.logical_id) + " changes " + versions + " together with " + others +
               " in one update, but EKS rejects Version and ReleaseVersion updates combined with other updates "
               "(eks-facts 2.3, containers-roadmap#1258); change " +
               versions + " alone in one stack update and the rest in another",
           false, change.after_at);
}

void removal_hazards(HazardSink& sink, const ResourceChange& change, const Template& before) {
  const Resource* resource = before.resource(change.logical_id);
  if (resource == nullptr) return;
  const UpdateHazardData& data = update_hazard_data();
  std::string deletion = policy(resource->deletion_policy);
  bool by_default = false;
  if (deletion.empty()) {
    for (const SnapshotDefault& d : data.snapshot_by_default) {
      if (d.type == change.type && (d.unless_property.empty() || resource->property(d.unless_property) == nullptr)) {
        deletion = "Snapshot";
        by_default = true;
      }
    }
  }
  const std::string head = "resource " + quoted(change.logical_id) + " (" + change.type + ") is removed" +
                           (change.renamed_to.empty() ? "" : " (renamed to " + quoted(change.renamed_to) + ")");
  const auto at = change.before_at;
  if (deletion == "Retain" || deletion == "RetainExceptOnCreate") {
    sink.add(Severity::Warning, "retained-removal", change.logical_id,
             head + " but DeletionPolicy " + deletion +
                 " keeps it: it is orphaned outside the stack and keeps costing; delete it by hand, or set DeletionPolicy: Delete in an earlier update",
             true, at);
  } else if (deletion == "Snapshot") {
    sink.add(Severity::Info, "snapshot-removal", change.logical_id,
             head + " and " + (by_default ? "its default DeletionPolicy Snapshot" : "DeletionPolicy Snapshot") +
                 " takes a final snapshot before deleting it; the snapshot keeps costing until you delete it",
             true, at);
  } else if (data.snapshot_types.contains(change.type)) {
    sink.add(Severity::Warning, "removal-deletes-data", change.logical_id,
             head + " and deleted with its data (DeletionPolicy " + (deletion.empty() ? "defaults to Delete" : "is " + deletion) +
                 "); set DeletionPolicy: Snapshot or Retain in an earlier update if the data matters",
             true, at);
  }
}

void rename_hazards(HazardSink& sink, const ResourceChange& change, const Template& after) {
  const Resource* resource = after.resource(change.logical_id);
  if (resource == nullptr) return;
  sink.add(Severity::Warning, "rename", change.logical_id,
           "resource " + quoted(change.renamed_from) + " is renamed to " + quoted(change.logical_id) +
               ": CloudFormation creates a new " + change.type + " and deletes the old one, a replacement (new physical id, "
               "generated names change); keep the logical id " + quoted(change.renamed_from) + " to update it in place",
           false, change.after_at);
  const UpdateHazardData& data = update_hazard_data();
  if (auto it = data.physical_names.find(change.type); it != data.physical_names.end()) {
    if (const Node* name = resource->property(it->second)) {
      sink.add(Severity::Error, "custom-name-replacement", change.logical_id,
               "resource " + quoted(change.logical_id) + " is created with the custom name " + it->second + " " +
                   quoted(compact(name)) + " that " + quoted(change.renamed_from) +
                   " still holds (CloudFormation creates before it deletes): the update will fail; keep the logical id " +
                   quoted(change.renamed_from) + ", or change " + it->second,
               false, change.after_at);
    }
  }
  if (change.type == kNodegroupType) {
    sink.add(Severity::Warning, "nodegroup-replacement", change.logical_id,
             "managed node group " + quoted(change.renamed_from) + " is replaced by " + quoted(change.logical_id) +
                 ": deleting the old group drains and terminates " + desired_size_text(*resource) +
                 ": every pod on them is evicted and rescheduled",
             false, change.after_at);
  }
}

void parameter_hazards(HazardSink& sink, const ChangeSet& changeset, const Template& after) {
  for (const ParameterChange& p : changeset.parameters) {
    const std::string name = quoted(p.name);
    if (p.action == ChangeAction::Add) {
      const Parameter* parameter = after.parameter(p.name);
      if (parameter && parameter->default_value == nullptr) {
        sink.add(Severity::Warning, "parameter-without-default", p.name,
                 "parameter " + name + " is new and has no Default: the update needs a value for it; pass ParameterKey=" +
                     p.name + ",ParameterValue=... or give it a Default",
                 false, p.after_at);
      }
    } else if (p.action == ChangeAction::Remove) {
      sink.add(Severity::Warning, "parameter-removed", p.name,
               "parameter " + name + " is removed: an update that still passes it fails (the template does not declare it); stop passing it",
               true, p.before_at);
    } else {
      std::string fields;
      for (const std::string& f : p.fields) fields += (fields.empty() ? "" : ", ") + f;
      const bool narrows = std::any_of(p.fields.begin(), p.fields.end(), [](const std::string& f) {
        return f == "Type" || f == "AllowedValues" || f == "AllowedPattern" || f.starts_with("Min") || f.starts_with("Max");
      });
      std::string message = "parameter " + name + " changes " + fields;
      if (std::find(p.fields.begin(), p.fields.end(), "Default") != p.fields.end()) {
        message += " (Default " + (p.before_default.empty() ? std::string("none") : quoted(p.before_default)) + " -> " +
                   (p.after_default.empty() ? std::string("none") : quoted(p.after_default)) +
                   "): an update that does not pass a value and does not use the previous value gets the new default";
      }
      if (narrows) message += "; the value the stack uses now must still be valid, or the update fails";
      sink.add(narrows ? Severity::Warning : Severity::Info, "parameter-changed", p.name, message, false, p.after_at);
    }
  }
}

void output_hazards(HazardSink& sink, const ChangeSet& changeset) {
  for (const OutputChange& o : changeset.outputs) {
    const std::string name = quoted(o.name);
    if (o.action == ChangeAction::Remove) {
      if (!o.before_export.empty()) {
        sink.add(Severity::Warning, "export-removed", o.name,
                 "output " + name + " is removed with its export " + quoted(o.before_export) +
                     ": if another stack imports it (Fn::ImportValue) the update fails; check with aws cloudformation list-imports --export-name " +
                     o.before_export + " and remove the imports first",
                 true, o.before_at);
      } else {
        sink.add(Severity::Info, "output-removed", o.name, "output " + name + " is removed: whatever reads it loses it", true, o.before_at);
      }
    } else if (o.action == ChangeAction::Add) {
      sink.add(Severity::Info, "output-added", o.name,
               "output " + name + " is added" + (o.after_export.empty() ? "" : " with export " + quoted(o.after_export) +
                                                                                     ": the export name must be unique in the region"),
               false, o.after_at);
    } else {
      const bool export_renamed = std::find(o.fields.begin(), o.fields.end(), "Export.Name") != o.fields.end();
      const bool value_changed = std::find(o.fields.begin(), o.fields.end(), "Value") != o.fields.end();
      if (export_renamed && !o.before_export.empty()) {
        sink.add(Severity::Warning, "export-changed", o.name,
                 "output " + name + " export changes from " + quoted(o.before_export) + " to " +
                     (o.after_export.empty() ? std::string("no export") : quoted(o.after_export)) +
                     ": if another stack imports " + quoted(o.before_export) +
                     " the update fails; move the importers first (aws cloudformation list-imports)",
                 false, o.after_at);
      } else if (value_changed && !o.before_export.empty()) {
        sink.add(Severity::Warning, "export-changed", o.name,
                 "output " + name + " changes the value of export " + quoted(o.before_export) +
                     ": CloudFormation refuses to change an export another stack imports; check aws cloudformation list-imports",
                 false, o.after_at);
      } else {
        std::string fields;
        for (const std::string& f : o.fields) fields += (fields.empty() ? "" : ", ") + f;
        sink.add(Severity::Info, "output-changed", o.name, "output " + name + " changes " + fields, false, o.after_at);
      }
    }
  }
}

void version_hazards(HazardSink& sink, const ChangeSet& changeset, const Template& before, const Template& after,
                     const EksKnowledge& eks) {
  for (const VersionUpgradeFinding& f : check_version_upgrades(before, after, eks)) {
    sink.add(f.severity, "version-upgrade-step", f.resource ? f.resource->name : std::string_view(), f.message, false,
             position_of(after, f.node));
  }
  // A raised cluster whose managed node groups stay behind.
  const Resolver old_resolver(before);
  const Resolver new_resolver(after);
  for (const Resource* cluster : after.resources_of_type(kClusterType)) {
    const Resource* old_cluster = before.resource(cluster->name);
    if (old_cluster == nullptr || old_cluster->type != cluster->type) continue;
    const auto from = deployed_version(old_resolver, old_cluster->property("Version"));
    const auto to = deployed_version(new_resolver, cluster->property("Version"));
    if (!from || !to || !(*to > *from)) continue;
    for (const Resource* nodegroup : after.resources_of_type(kNodegroupType)) {
      if (!belongs_to(*nodegroup, *cluster)) continue;
      const Resource* old_nodegroup = before.resource(nodegroup->name);
      if (old_nodegroup == nullptr || old_nodegroup->type != nodegroup->type) continue;  // new groups start at the cluster's
      const ResourceChange* change = changeset.resource(nodegroup->name);
      // A group that moves too, or is replaced (created anew after the cluster), does not lag.
      if (change && (touches(*change, "Version") || change->replacement == Replacement::Always)) continue;
      const auto at = deployed_version(new_resolver, nodegroup->property("Version"));
      const std::string stays = at ? "stays at " + at->to_string() : "keeps the version it runs (Version is not set, so CloudFormation does not upgrade it)";
      sink.add(Severity::Warning, "nodegroup-lags-cluster", nodegroup->name,
               "cluster " + quoted(cluster->name) + " goes from " + from->to_string() + " to " + to->to_string() +
                   " but managed node group " + quoted(nodegroup->name) + " " + stays +
                   ": its nodes lag the control plane (eks-facts 2.2, 2.3); set its Version to " + to->to_string() +
                   " in the next update, alone",
               false, entry_position(after, nodegroup->entry));
    }
  }
}

constexpr std::string_view kAsgType = "AWS::AutoScaling::AutoScalingGroup";

// The first whole number a property can deploy with (literal or parameter default).
std::optional<long> deployed_count(const Resolver& resolver, const Resource& resource, std::string_view property) {
  const Node* node = resource.property(property);
  if (node == nullptr) return std::nullopt;
  for (const std::string& text : resolver.strings(*node)) {
    if (text.empty() || text.size() > 9 || !std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); })) {
      return std::nullopt;
    }
    return std::stol(text);
  }
  return std::nullopt;
}

// Self-managed nodes: removing an Auto Scaling group terminates its instances without draining
// their pods (eks-facts 6.9). (Scale-in is the same risk; it is not reported yet because the
// migration plan's phase 2 scales the old group to 0 after its own drain step.)
void auto_scaling_hazards(HazardSink& sink, const ChangeSet& changeset, const Template& before) {
  const Resolver old_resolver(before);
  for (const ResourceChange& change : changeset.resources) {
    if (change.type != kAsgType || change.action != ChangeAction::Remove) continue;
    const Resource* old_group = before.resource(change.logical_id);
    if (old_group == nullptr || old_group->type != kAsgType) continue;
    const auto old_desired = deployed_count(old_resolver, *old_group, "DesiredCapacity");
    const auto old_min = deployed_count(old_resolver, *old_group, "MinSize");
    const std::string id = quoted(change.logical_id);
    if (old_desired == 0L && old_min.value_or(0) == 0) continue;  // already scaled to zero (drained)
    sink.add(Severity::Warning, "asg-removal", change.logical_id,
             "Auto Scaling group " + id + " is removed: its instances" +
                 (old_desired ? " (DesiredCapacity " + std::to_string(*old_desired) + ")" : std::string()) +
                 " are terminated without draining their pods; drain the nodes and scale the group to 0 in an earlier update",
             true, change.before_at);
  }
}

// A condition whose expression changes may create or delete what uses it.
void condition_hazards(HazardSink& sink, const Template& before, const Template& after) {
  for (const NamedNode& c : after.conditions()) {
    const NamedNode* old_c = before.condition(c.name);
    if (old_c == nullptr || canonical(old_c->node) == canonical(c.node)) continue;
    std::string users;
    std::size_t count = 0;
    for (const Resource& r : after.resources()) {
      if (r.condition == nullptr || !r.condition->is_string() || r.condition->text != c.name) continue;
      if (count++ < 3) users += std::string(users.empty() ? "" : ", ") + quoted(r.name);
    }
    if (count > 3) users += " and " + std::to_string(count - 3) + " more";
    sink.add(Severity::Info, "condition-changed", c.name,
             "condition " + quoted(c.name) + " changes: " +
                 (users.empty() ? std::string("values chosen with Fn::If on it may change")
                                : "resources that use it (" + users + ") are created or deleted if its value flips"),
             false, entry_position(after, c.entry));
  }
}

// Macros rewrite the template before CloudFormation compares it.
void transform_hazards(HazardSink& sink, const Template& before, const Template& after) {
  const auto& names = after.transforms().empty() ? before.transforms() : after.transforms();
  if (names.empty()) return;
  std::string list;
  for (std::string_view n : names) list += std::string(list.empty() ? "" : ", ") + std::string(n);
  sink.add(Severity::Info, "transform", "Transform",
           "the template uses Transform " + list +
               ": this preview compares the templates before the transform expands them; resources it generates are not shown",
           after.transforms().empty(), std::nullopt);
}

int severity_rank(Severity s) { return static_cast<int>(s); }

}  // namespace

void add_hazards(ChangeSet& changeset, const Template& before, const Template& after, const EksKnowledge& eks) {
  HazardSink sink(changeset);
  for (const ResourceChange& change : changeset.resources) {
    switch (change.action) {
      case ChangeAction::Modify:
        if (!change.before_type.empty()) {
          sink.add(Severity::Error, "type-changed", change.logical_id,
                   "resource " + quoted(change.logical_id) + " changes Type from " + change.before_type + " to " + change.type +
                       ", but CloudFormation refuses it ('Update of resource type is not permitted'): the update will fail; "
                       "give the new resource a new logical id so CloudFormation creates it and deletes the old one",
                   false, change.after_at);
          break;
        }
        if (change.replacement != Replacement::Never) replacement_hazards(sink, change, before, after);
        nodegroup_combined_hazard(sink, change);
        break;
      case ChangeAction::Remove: removal_hazards(sink, change, before); break;
      case ChangeAction::Add:
        if (!change.renamed_from.empty()) rename_hazards(sink, change, after);
        break;
    }
  }
  parameter_hazards(sink, changeset, after);
  output_hazards(sink, changeset);
  version_hazards(sink, changeset, before, after, eks);
  auto_scaling_hazards(sink, changeset, before);
  condition_hazards(sink, before, after);
  if (!changeset.empty()) transform_hazards(sink, before, after);
  std::stable_sort(changeset.hazards.begin(), changeset.hazards.end(), [](const Hazard& a, const Hazard& b) {
    if (a.severity != b.severity) return severity_rank(a.severity) < severity_rank(b.severity);
    return a.logical_id < b.logical_id;
  });
}

}  // namespace cfn_eks::changeset
