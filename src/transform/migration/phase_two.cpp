#include "transform/migration/phase_two.hpp"

#include "cfn_eks/edits.hpp"

namespace cfn_eks {

namespace {

std::string describe(const Node& node) {
  if (node.is_intrinsic("Ref") && node.argument && node.argument->is_string()) {
    return "parameter '" + node.argument->text + "'";
  }
  if (node.is_scalar()) return "'" + node.text + "'";
  return "'" + node.text + "'";
}

}  // namespace

PhaseResult build_phase_two(const TemplateAnalysis& phase_one, const PhaseOneFacts& facts) {
  PhaseResult out;
  const Resource* group = phase_one.tmpl().resource(facts.old_group);
  if (group == nullptr || group->properties == nullptr || !group->properties->is_mapping()) {
    out.refusal = "phase 1 lost the Auto Scaling group '" + facts.old_group + "'";
    return out;
  }
  const DocumentEditor editor(phase_one.document());
  EditList edits;
  // Sizes are strings in AWS::AutoScaling::AutoScalingGroup.
  const Fragment zero = Fragment::string("0");
  for (const char* key : {"MinSize", "DesiredCapacity"}) {
    const Node* current = group->property(key);
    if (current != nullptr && same_value(*current, zero)) continue;
    auto set = editor.set_entry(*group->properties, key, zero, current == nullptr ? "MaxSize" : "");
    if (!set && current == nullptr) set = editor.set_entry(*group->properties, key, zero);
    if (!set) {
      out.refusal = "cannot set " + std::string(key) + " of '" + facts.old_group + "' to 0: " + set.error();
      out.refusal_at = group->node;
      return out;
    }
    append_edits(edits, set.value());
    if (current != nullptr && !current->is_scalar()) {
      out.notes.push_back(std::string(key) + " of '" + facts.old_group + "' was " + describe(*current) +
                          "; phase 2 writes 0 (deploy phase 1 again to restore it)");
    }
  }
  out.notes.push_back("MaxSize of '" + facts.old_group + "' is kept, so rolling back is deploying phase 1 again; "
                      "if cluster-autoscaler manages the old group, scale it to zero there too (or remove its "
                      "k8s.io/cluster-autoscaler tags) so it does not start old nodes for pending pods");
  auto applied = editor.apply(std::move(edits));
  if (!applied) {
    out.refusal = "cannot apply the phase 2 edits: " + applied.error();
    return out;
  }
  out.text = std::move(applied).value();
  return out;
}

}  // namespace cfn_eks
