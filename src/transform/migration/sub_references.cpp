#include "transform/migration/sub_references.hpp"

#include "rules/common/intrinsic_args.hpp"

namespace cfn_eks {

namespace {

void sub_names(const Node* sub, const std::string& text, std::vector<SubReference>& out) {
  for (std::size_t pos = text.find("${"); pos != std::string::npos; pos = text.find("${", pos + 2)) {
    const std::size_t end = text.find('}', pos + 2);
    if (end == std::string::npos) break;
    std::string name = text.substr(pos + 2, end - pos - 2);
    if (name.empty() || name[0] == '!') continue;
    SubReference ref;
    ref.node = sub;
    ref.in_sub = true;
    if (const auto dot = name.find('.'); dot != std::string::npos) {
      ref.attribute = name.substr(dot + 1);
      name.resize(dot);
    }
    ref.resource = std::move(name);
    out.push_back(std::move(ref));
  }
}

void walk(const Node* node, std::vector<SubReference>& out, int depth) {
  if (node == nullptr || depth > 200) return;
  if (node->is_intrinsic("Ref") && node->argument && node->argument->is_string()) {
    out.push_back(SubReference{node->argument->text, "", node, false});
    return;
  }
  if (node->is_intrinsic("Fn::GetAtt")) {
    if (auto t = getatt_target(*node)) {
      out.push_back(SubReference{std::string(t->resource), std::string(t->attribute), node, false});
    }
    return;
  }
  if (node->is_intrinsic("Fn::Sub")) {
    const Node* arg = node->argument;
    if (arg && arg->is_string()) {
      sub_names(node, arg->text, out);
    } else if (arg && arg->is_sequence() && !arg->items.empty()) {
      if (arg->items[0] && arg->items[0]->is_string()) sub_names(node, arg->items[0]->text, out);
      for (std::size_t i = 1; i < arg->items.size(); ++i) walk(arg->items[i], out, depth + 1);
    }
    return;
  }
  if (node->is_intrinsic()) {
    walk(node->argument, out, depth + 1);
    return;
  }
  for (const Node* item : node->items) walk(item, out, depth + 1);
  for (const MapEntry& entry : node->entries) walk(entry.value, out, depth + 1);
}

}  // namespace

std::vector<SubReference> references_in(const Node* node) {
  std::vector<SubReference> out;
  walk(node, out, 0);
  return out;
}

}  // namespace cfn_eks
