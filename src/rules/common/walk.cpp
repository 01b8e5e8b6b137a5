#include "rules/common/walk.hpp"

#include <algorithm>

namespace cfn_eks {

bool WalkContext::inside(std::string_view function_name) const {
  return std::any_of(intrinsics.begin(), intrinsics.end(),
                     [&](const Node* node) { return node->text == function_name; });
}

namespace {

// Levels below a section: 0 = the section value, 1 = an entry's value (a resource), 2 = an
// attribute's value (Properties); deeper nodes carry no more naming.
constexpr int kDeep = 3;

class Walker {
 public:
  explicit Walker(const NodeVisitor& visit) : visit_(visit) {}

  void walk(const Node& node, WalkContext& ctx, int level) {
    visit_(node, ctx);
    switch (node.kind) {
      case NodeKind::Sequence: walk_items(node, ctx); break;
      case NodeKind::Mapping: walk_entries(node, ctx, level); break;
      case NodeKind::Intrinsic: walk_argument(node, ctx); break;
      default: break;
    }
  }

 private:
  void walk_items(const Node& node, WalkContext& ctx) {
    // Items of an intrinsic's list argument are that intrinsic's positional arguments.
    const bool is_argument_list =
        ctx.function != nullptr && ctx.argument_index == -1 && ctx.function->argument == &node;
    const Node* function = is_argument_list ? ctx.function : nullptr;
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      if (node.items[i] == nullptr) continue;
      WalkContext child = child_context(ctx, node);
      child.function = function;
      child.argument_index = function ? static_cast<int>(i) : -1;
      walk(*node.items[i], child, kDeep);
    }
  }

  void walk_entries(const Node& node, WalkContext& ctx, int level) {
    for (const MapEntry& entry : node.entries) {
      if (entry.value == nullptr) continue;
      WalkContext child = child_context(ctx, node);
      if (level == 0) child.entry_name = entry.key;
      if (level == 1) child.attribute = entry.key;
      if (is_foreach_key(entry.key) && level <= 1) {
        walk_loop(*entry.value, child, level);
        continue;
      }
      walk(*entry.value, child, level < kDeep ? level + 1 : kDeep);
    }
  }

  // [Identifier, Collection, {OutputKey: Body}]: the output mapping's entries stand where the
  // loop is, so they keep the level of the mapping holding the loop.
  void walk_loop(const Node& value, WalkContext& ctx, int level) {
    visit_(value, ctx);
    if (!value.is_sequence()) {
      walk(value, ctx, kDeep);
      return;
    }
    const Node* identifier = value.items.empty() ? nullptr : value.items[0];
    WalkContext inner = child_context(ctx, value);
    if (level == 0) inner.entry_name = {};
    if (level == 1) inner.attribute = {};
    if (identifier != nullptr && identifier->is_string()) {
      inner.loop_identifiers.push_back(identifier->text);
    }
    for (std::size_t i = 0; i < value.items.size(); ++i) {
      if (value.items[i] == nullptr) continue;
      WalkContext child = inner;
      if (i == 2 && value.items[i]->is_mapping()) {
        walk(*value.items[i], child, level);
      } else {
        walk(*value.items[i], child, kDeep);
      }
    }
  }

  void walk_argument(const Node& node, WalkContext& ctx) {
    if (node.argument == nullptr) return;
    WalkContext child = child_context(ctx, node);
    child.intrinsics.push_back(&node);
    child.function = &node;
    child.argument_index = -1;
    walk(*node.argument, child, kDeep);
  }

  // Callers set `function` and `argument_index` for the child; by default it is no argument.
  static WalkContext child_context(const WalkContext& ctx, const Node& parent) {
    WalkContext child = ctx;
    child.parent = &parent;
    child.function = nullptr;
    child.argument_index = -1;
    return child;
  }

  const NodeVisitor& visit_;
};

}  // namespace

void walk_node(const Node& node, const WalkContext& start, const NodeVisitor& visit) {
  Walker walker(visit);
  WalkContext ctx = start;
  walker.walk(node, ctx, kDeep);
}

void walk_template(const Template& tmpl, const NodeVisitor& visit) {
  const Node* root = tmpl.root();
  if (root == nullptr || !root->is_mapping()) return;
  Walker walker(visit);
  for (const MapEntry& entry : root->entries) {
    if (entry.value == nullptr) continue;
    WalkContext ctx;
    ctx.section = entry.key;
    ctx.parent = root;
    walker.walk(*entry.value, ctx, 0);
  }
}

}  // namespace cfn_eks
