#include "transform/migration/launch_data_conversion.hpp"

#include <algorithm>
#include <set>

#include "transform/migration/launch_user_data.hpp"

namespace cfn_eks {

namespace {

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

bool literal_true(const Node* node) {
  return node != nullptr && node->is_scalar() && (node->text == "true" || node->text == "True" || node->text == "TRUE");
}

// The paths the knowledge forbids in a managed node group's launch template, split into
// top-level keys and item keys ("NetworkInterfaces[].SubnetId" -> {NetworkInterfaces, SubnetId}).
struct Forbidden {
  std::set<std::string> keys;
  std::vector<std::pair<std::string, std::string>> item_keys;
};

Forbidden forbidden_paths(const EksKnowledge& eks) {
  Forbidden out;
  for (const LaunchTemplateRestriction& r : eks.launch_template_restrictions()) {
    if (r.kind != "forbidden" || r.condition != "always") continue;
    for (const std::string& path : r.launch_template_paths) {
      if (const auto items = path.find("[]."); items != std::string::npos) {
        out.item_keys.emplace_back(path.substr(0, items), path.substr(items + 3));
      } else if (path.find('.') == std::string::npos && path.find('|') == std::string::npos) {
        out.keys.insert(path);
      }
    }
  }
  return out;
}

class LaunchDataConverter {
 public:
  LaunchDataConverter(const TemplateAnalysis& analysis, const SelfManagedNodeGroup& group, const LaunchData& launch,
                      const LaunchDataOptions& options)
      : analysis_(analysis), g_(group), launch_(launch), options_(options) {}

  LaunchDataConversion run() {
    if (!convert(result_.data)) result_.data = Fragment::mapping();
    return std::move(result_);
  }

 private:
  void note(std::string text) { result_.notes.push_back(std::move(text)); }
  bool fail(std::string reason, const Node* at) {
    result_.refusal = std::move(reason);
    result_.refusal_at = at;
    return false;
  }
  std::string old() const { return quoted(g_.group->name); }

  // The user data hand-off: converted in launch_user_data, placed where the old data had it.
  bool user_data(Fragment& data) {
    LaunchUserData converted = convert_launch_user_data(launch_.user_data, !options_.custom_ami);
    for (std::string& n : converted.notes) note(std::move(n));
    if (converted.refusal) return fail(std::move(*converted.refusal), converted.refusal_at);
    result_.bootstrap = std::move(converted.bootstrap);
    if (converted.user_data) data.add("UserData", std::move(*converted.user_data));
    return true;
  }

  // Security groups as written in the old launch data: LT SecurityGroupIds/SecurityGroups, LC SecurityGroups.
  bool convert(Fragment& data) {
    const LaunchData& launch = launch_;
    const Forbidden forbidden = forbidden_paths(analysis_.eks());
    if (launch.data == nullptr || !launch.data->is_mapping()) {
      return fail(quoted(launch.resource->name) + " has no launch data to read", launch.resource->node);
    }
    std::vector<std::string> dropped;
    for (const MapEntry& entry : launch.data->entries) {
      const std::string& key = entry.key;
      if (entry.value == nullptr) continue;
      if (key == "ImageId") {
        if (options_.custom_ami) data.add(key, Fragment::from_node(*entry.value));
      } else if (key == "UserData") {
        if (!user_data(data)) return false;
      } else if (key == "InstanceType" || key == "SpotPrice") {
        // Chosen in capacity_and_types.
      } else if (forbidden.keys.count(key) || key == "IamInstanceProfile") {
        dropped.push_back(key);
      } else if (!launch.launch_configuration && key == "NetworkInterfaces" && entry.value->is_sequence()) {
        data.add(key, without_item_keys(*entry.value, key, forbidden, dropped));
      } else if (!launch.launch_configuration) {
        data.add(key, Fragment::from_node(*entry.value));
      } else {
        launch_configuration_entry(entry, data, dropped);
      }
    }
    if (!dropped.empty()) {
      std::string list;
      for (const std::string& d : dropped) list += (list.empty() ? "" : ", ") + d;
      note("not carried into the new launch template (managed node groups set them themselves or forbid them): " + list);
    }
    merge_instance_tags(data);
    add_cluster_security_group(data);
    return true;
  }

  // With security groups in the launch template EKS does not attach the cluster security group
  // (facts 4.4); add it when the cluster is in this stack, so the new nodes get the default
  // node <-> control plane path on top of the old groups' rules.
  void add_cluster_security_group(Fragment& data) {
    if (!options_.cluster_in_stack || g_.cluster.cluster == nullptr) {
      if (data.get("SecurityGroupIds") || data.get("SecurityGroups") || data.get("NetworkInterfaces")) {
        note("the new launch template carries the old nodes' security groups, so EKS does not attach the cluster "
             "security group: the new nodes reach the control plane through these groups' rules, as the old nodes "
             "did (the cluster is in another stack, so its security group cannot be added here)");
      }
      return;
    }
    const Fragment cluster_sg = Fragment::get_att(std::string(g_.cluster.cluster->name), "ClusterSecurityGroupId");
    std::vector<FragmentEntry> entries = data.entries();
    auto append_to = [&](Fragment& list) {
      if (list.kind() != Fragment::Kind::Sequence) return false;
      if (std::find(list.items().begin(), list.items().end(), cluster_sg) != list.items().end()) return true;
      list.push(cluster_sg);
      note("the new launch template adds the cluster security group (!GetAtt " + std::string(g_.cluster.cluster->name) +
           ".ClusterSecurityGroupId) to the old nodes' groups: with groups in a launch template EKS does not attach "
           "it itself");
      return true;
    };
    bool done = false;
    for (FragmentEntry& entry : entries) {
      if (entry.key == "SecurityGroupIds" || entry.key == "SecurityGroups") {
        done = append_to(entry.value);
        if (!done) note("the old nodes' security groups are not a literal list, so the cluster security group is not "
                        "added to the new launch template; add !GetAtt ...ClusterSecurityGroupId if the nodes need it");
        done = true;
      } else if (entry.key == "NetworkInterfaces" && entry.value.kind() == Fragment::Kind::Sequence) {
        std::vector<Fragment> items = entry.value.items();
        for (Fragment& item : items) {
          if (item.get("Groups") == nullptr) continue;
          std::vector<FragmentEntry> fields = item.entries();
          for (FragmentEntry& f : fields) {
            if (f.key == "Groups" && !append_to(f.value)) {
              note("the old nodes' security groups are not a literal list, so the cluster security group is not "
                   "added to the new launch template; add !GetAtt ...ClusterSecurityGroupId if the nodes need it");
            }
          }
          item = Fragment::mapping(std::move(fields));
          done = true;
          break;
        }
        entry.value = Fragment::sequence(std::move(items));
      }
      if (done) break;
    }
    data = Fragment::mapping(std::move(entries));
  }

  Fragment without_item_keys(const Node& list, const std::string& key, const Forbidden& forbidden,
                             std::vector<std::string>& dropped) {
    std::vector<Fragment> items;
    for (const Node* item : list.items) {
      if (item == nullptr) continue;
      if (!item->is_mapping()) {
        items.push_back(Fragment::from_node(*item));
        continue;
      }
      Fragment copy = Fragment::mapping();
      for (const MapEntry& e : item->entries) {
        const bool drop = std::any_of(forbidden.item_keys.begin(), forbidden.item_keys.end(),
                                      [&](const auto& p) { return p.first == key && p.second == e.key; });
        if (drop) {
          const std::string what = key + "[]." + e.key;
          if (std::find(dropped.begin(), dropped.end(), what) == dropped.end()) dropped.push_back(what);
        } else if (e.value) {
          copy.add(e.key, Fragment::from_node(*e.value));
        }
      }
      items.push_back(std::move(copy));
    }
    return Fragment::sequence(std::move(items));
  }

  // AWS::AutoScaling::LaunchConfiguration properties -> LaunchTemplateData.
  void launch_configuration_entry(const MapEntry& entry, Fragment& data, std::vector<std::string>& dropped) {
    const std::string& key = entry.key;
    const Node& value = *entry.value;
    if (key == "SecurityGroups") {
      data.add("SecurityGroupIds", Fragment::from_node(value));
    } else if (key == "KeyName" || key == "EbsOptimized" || key == "MetadataOptions" || key == "KernelId" ||
               key == "RamDiskId") {
      data.add(key, Fragment::from_node(value));
    } else if (key == "InstanceMonitoring") {
      data.add("Monitoring", Fragment::mapping().add("Enabled", Fragment::from_node(value)));
    } else if (key == "PlacementTenancy") {
      data.add("Placement", Fragment::mapping().add("Tenancy", Fragment::from_node(value)));
    } else if (key == "BlockDeviceMappings" && value.is_sequence()) {
      std::vector<Fragment> items;
      for (const Node* item : value.items) {
        if (item == nullptr || !item->is_mapping()) continue;
        Fragment copy = Fragment::mapping();
        for (const MapEntry& e : item->entries) {
          if (e.value == nullptr) continue;
          if (e.key == "NoDevice") {
            // LaunchConfiguration: boolean; LaunchTemplate: a string ("" suppresses the device).
            if (literal_true(e.value)) copy.add("NoDevice", Fragment::string(""));
          } else {
            copy.add(e.key, Fragment::from_node(*e.value));
          }
        }
        items.push_back(std::move(copy));
      }
      data.add("BlockDeviceMappings", Fragment::sequence(std::move(items)));
    } else if (key == "AssociatePublicIpAddress") {
      dropped.push_back(key);
      note("AssociatePublicIpAddress of the launch configuration is not carried: managed nodes get public addresses "
           "as their subnets' MapPublicIpOnLaunch says");
    } else {
      dropped.push_back(key);
    }
  }

  // Tags the Auto Scaling group propagates to its instances go to the new launch template's
  // instance TagSpecifications (a managed node group's own Tags do not reach the instances).
  void merge_instance_tags(Fragment& data) {
    const Node* tags = g_.group->property("Tags");
    if (tags == nullptr || !tags->is_sequence()) return;
    std::vector<Fragment> propagated;
    for (const Node* tag : tags->items) {
      if (tag == nullptr || !tag->is_mapping() || !literal_true(tag->get("PropagateAtLaunch"))) continue;
      const Node* key = tag->get("Key");
      const Node* value = tag->get("Value");
      if (key == nullptr || value == nullptr) continue;
      propagated.push_back(Fragment::mapping().add("Key", Fragment::from_node(*key)).add("Value", Fragment::from_node(*value)));
    }
    if (propagated.empty()) return;
    std::vector<FragmentEntry> entries = data.entries();
    bool placed = false;
    for (FragmentEntry& entry : entries) {
      if (entry.key != "TagSpecifications" || entry.value.kind() != Fragment::Kind::Sequence) continue;
      std::vector<Fragment> specs = entry.value.items();
      for (Fragment& spec : specs) {
        const Fragment* type = spec.get("ResourceType");
        const Fragment* list = spec.get("Tags");
        if (type == nullptr || type->kind() != Fragment::Kind::String || type->text() != "instance" || list == nullptr ||
            list->kind() != Fragment::Kind::Sequence) {
          continue;
        }
        std::vector<Fragment> merged = list->items();
        for (const Fragment& tag : propagated) {
          const bool present = std::any_of(merged.begin(), merged.end(), [&](const Fragment& t) {
            return t.get("Key") && tag.get("Key") && *t.get("Key") == *tag.get("Key");
          });
          if (!present) merged.push_back(tag);
        }
        std::vector<FragmentEntry> spec_entries = spec.entries();
        for (FragmentEntry& e : spec_entries) {
          if (e.key == "Tags") e.value = Fragment::sequence(merged);
        }
        spec = Fragment::mapping(std::move(spec_entries));
        placed = true;
        break;
      }
      if (!placed) {
        specs.push_back(Fragment::mapping()
                            .add("ResourceType", Fragment::string("instance"))
                            .add("Tags", Fragment::sequence(propagated)));
        placed = true;
      }
      entry.value = Fragment::sequence(std::move(specs));
    }
    if (!placed) {
      entries.push_back(FragmentEntry{
          "TagSpecifications",
          Fragment::sequence({Fragment::mapping()
                                  .add("ResourceType", Fragment::string("instance"))
                                  .add("Tags", Fragment::sequence(propagated))})});
    }
    data = Fragment::mapping(std::move(entries));
    note("the tags " + old() + " propagates to its instances are set on the new launch template's instances "
         "(TagSpecifications)");
  }

  const TemplateAnalysis& analysis_;
  const SelfManagedNodeGroup& g_;
  const LaunchData& launch_;
  LaunchDataOptions options_;
  LaunchDataConversion result_;
};

}  // namespace

LaunchDataConversion convert_launch_data(const TemplateAnalysis& analysis, const SelfManagedNodeGroup& group,
                                         const LaunchData& launch, const LaunchDataOptions& options) {
  return LaunchDataConverter(analysis, group, launch, options).run();
}

}  // namespace cfn_eks
