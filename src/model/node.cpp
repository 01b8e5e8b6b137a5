#include "cfn_eks/node.hpp"

#include <algorithm>
#include <array>

namespace cfn_eks {

const MapEntry* Node::find(std::string_view key) const {
  if (kind != NodeKind::Mapping) return nullptr;
  for (const MapEntry& entry : entries) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

const Node* Node::get(std::string_view key) const {
  const MapEntry* entry = find(key);
  return entry ? entry->value : nullptr;
}

std::string_view kind_name(NodeKind kind) {
  switch (kind) {
    case NodeKind::Null: return "null";
    case NodeKind::Bool: return "boolean";
    case NodeKind::Number: return "number";
    case NodeKind::String: return "string";
    case NodeKind::Sequence: return "list";
    case NodeKind::Mapping: return "mapping";
    case NodeKind::Intrinsic: return "intrinsic function";
  }
  return "node";
}

bool is_intrinsic_function_name(std::string_view name) {
  // Template functions, plus the functions of the Rules section (Fn::Contains, ...).
  static constexpr std::array<std::string_view, 27> kNames = {
      "Condition",       "Fn::And",           "Fn::Base64",     "Fn::Cidr",         "Fn::Contains",
      "Fn::EachMemberEquals", "Fn::EachMemberIn", "Fn::Equals", "Fn::FindInMap",    "Fn::GetAZs",
      "Fn::GetAtt",      "Fn::GetStackOutput", "Fn::If",        "Fn::ImportValue",  "Fn::Join",
      "Fn::Length",      "Fn::Not",           "Fn::Or",         "Fn::RefAll",       "Fn::Select",
      "Fn::Split",       "Fn::Sub",           "Fn::ToJsonString", "Fn::Transform",  "Fn::ValueOf",
      "Fn::ValueOfAll",  "Ref"};
  return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

}  // namespace cfn_eks
