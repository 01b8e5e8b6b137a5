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

// One context is kept for the whole walk and updated in place around each child (saved and
// restored), so the intrinsic and loop stacks are not copied at every node: the walk is run by
// several rules over every node of the template.
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
  // The fields a child changes; restored when the child is done.
  struct Saved {
    std::string_view entry_name, attribute;
    const Node* parent;
    const Node* function;
    int argument_index;
  };
  static Saved save(const WalkContext& ctx) {
    return Saved{ctx.entry_name, ctx.attribute, ctx.parent, ctx.function, ctx.argument_index};
  }
  static void restore(WalkContext& ctx, const Saved& saved) {
    ctx.entry_name = saved.entry_name;
    ctx.attribute = saved.attribute;
    ctx.parent = saved.parent;
    ctx.function = saved.function;
    ctx.argument_index = saved.argument_index;
  }

  void walk_items(const Node& node, WalkContext& ctx) {
    // Items of an intrinsic's list argument are that intrinsic's positional arguments.
    const bool is_argument_list =
        ctx.function != nullptr && ctx.argument_index == -1 && ctx.function->argument == &node;
    const Node* function = is_argument_list ? ctx.function : nullptr;
    const Saved saved = save(ctx);
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      if (node.items[i] == nullptr) continue;
      ctx.parent = &node;
      ctx.function = function;
      ctx.argument_index = function ? static_cast<int>(i) : -1;
      walk(*node.items[i], ctx, kDeep);
      restore(ctx, saved);
    }
  }

  void walk_entries(const Node& node, WalkContext& ctx, int level) {
    const Saved saved = save(ctx);
    for (const MapEntry& entry : node.entries) {
      if (entry.value == nullptr) continue;
      ctx.parent = &node;
      ctx.function = nullptr;
      ctx.argument_index = -1;
      if (level == 0) ctx.entry_name = entry.key;
      if (level == 1) ctx.attribute = entry.key;
      if (is_foreach_key(entry.key) && level <= 1) {
        walk_loop(*entry.value, ctx, level);
      } else {
        walk(*entry.value, ctx, level < kDeep ? level + 1 : kDeep);
      }
      restore(ctx, saved);
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
    ctx.parent = &value;
    ctx.function = nullptr;
    ctx.argument_index = -1;
    if (level == 0) ctx.entry_name = {};
    if (level == 1) ctx.attribute = {};
    const bool named = identifier != nullptr && identifier->is_string();
    if (named) ctx.loop_identifiers.push_back(identifier->text);
    const Saved inner = save(ctx);
    for (std::size_t i = 0; i < value.items.size(); ++i) {
      if (value.items[i] == nullptr) continue;
      if (i == 2 && value.items[i]->is_mapping()) {
        walk(*value.items[i], ctx, level);
      } else {
        walk(*value.items[i], ctx, kDeep);
      }
      restore(ctx, inner);
    }
    if (named) ctx.loop_identifiers.pop_back();
  }

  void walk_argument(const Node& node, WalkContext& ctx) {
    if (node.argument == nullptr) return;
    const Saved saved = save(ctx);
    ctx.parent = &node;
    ctx.intrinsics.push_back(&node);
    ctx.function = &node;
    ctx.argument_index = -1;
    walk(*node.argument, ctx, kDeep);
    ctx.intrinsics.pop_back();
    restore(ctx, saved);
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
