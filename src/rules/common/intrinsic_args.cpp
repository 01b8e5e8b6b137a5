#include "rules/common/intrinsic_args.hpp"

#include "rules/common/names.hpp"

namespace cfn_eks {

std::optional<GetAttTarget> getatt_target(const Node& getatt) {
  if (!getatt.is_intrinsic("Fn::GetAtt") || getatt.argument == nullptr) return std::nullopt;
  const Node& argument = *getatt.argument;
  if (argument.is_string()) {
    const std::string_view text = argument.text;
    const std::size_t dot = text.find('.');
    if (dot == std::string_view::npos || dot == 0) return std::nullopt;
    return GetAttTarget{text.substr(0, dot), text.substr(dot + 1), &argument};
  }
  if (argument.is_sequence() && !argument.items.empty() && argument.items[0] &&
      argument.items[0]->is_string()) {
    const Node* attribute = argument.items.size() > 1 ? argument.items[1] : nullptr;
    return GetAttTarget{argument.items[0]->text,
                        attribute && attribute->is_string() ? std::string_view(attribute->text) : std::string_view{},
                        argument.items[0]};
  }
  return std::nullopt;
}

ByteRange precise_range(const SourceFile& source, const GetAttTarget& target) {
  if (target.node == nullptr) return {};
  if (target.node->text == target.resource) return target.node->range;
  return range_in_scalar(source, *target.node, target.resource, 0);
}

bool is_condition_data(const Node& node) {
  return node.is_intrinsic("Condition") && node.form == IntrinsicForm::LongForm && node.argument != nullptr &&
         (node.argument->is_mapping() || node.argument->is_sequence());
}

const Node* argument_item(const Node& intrinsic, std::size_t index) {
  if (intrinsic.argument == nullptr || !intrinsic.argument->is_sequence()) return nullptr;
  return index < intrinsic.argument->items.size() ? intrinsic.argument->items[index] : nullptr;
}

}  // namespace cfn_eks
