#include "model/tree_builder.hpp"

#include <cstring>

namespace cfn_eks {

namespace {
constexpr std::size_t kIndexThreshold = 8;
}

bool TreeBuilder::begin_collection(NodeKind kind, std::uint32_t begin, ScalarStyle style, Node* wrapper) {
  if (frames_.size() >= limits_.max_depth) {
    document_.diagnostics.push_back(document_.make_diagnostic(
        load_rules::kNestingTooDeep, Severity::Error, ByteRange{begin, begin + 1},
        "nesting is deeper than " + std::to_string(limits_.max_depth) + " levels; flatten the template"));
    return false;
  }
  Node* node = document_.arena.make(kind);
  node->range = ByteRange{begin, begin};
  node->style = style;
  frames_.push_back(Frame{node, wrapper, false, {}});
  return true;
}

void TreeBuilder::end_collection(std::uint32_t end) {
  Frame frame = std::move(frames_.back());
  frames_.pop_back();
  frame.node->range.end = end;
  Node* finished = frame.node;
  if (finished->kind == NodeKind::Mapping) normalise_long_form(*finished);
  if (frame.wrapper != nullptr) {
    frame.wrapper->argument = frame.node;
    frame.wrapper->range.end = end;
    finished = frame.wrapper;
  }
  add_value(finished);
}

bool TreeBuilder::expecting_key() const {
  return !frames_.empty() && frames_.back().node->kind == NodeKind::Mapping && !frames_.back().has_pending_key;
}

void TreeBuilder::add_key(std::string key, ByteRange range, ScalarStyle style) {
  Frame& frame = frames_.back();
  check_duplicate(frame, key, range);
  frame.node->entries.push_back(MapEntry{std::move(key), range, style, nullptr});
  frame.has_pending_key = true;
}

void TreeBuilder::add_value(Node* node) {
  if (frames_.empty()) {
    root_ = node;
    return;
  }
  Frame& frame = frames_.back();
  if (frame.node->kind == NodeKind::Sequence) {
    frame.node->items.push_back(node);
  } else {
    frame.node->entries.back().value = node;
    frame.has_pending_key = false;
  }
}

void TreeBuilder::check_duplicate(Frame& frame, const std::string& key, ByteRange range) {
  const auto& entries = frame.node->entries;
  const MapEntry* first = nullptr;
  if (entries.size() < kIndexThreshold) {
    for (const MapEntry& entry : entries) {
      if (entry.key == key) {
        first = &entry;
        break;
      }
    }
  } else {
    if (frame.key_index.empty()) {
      for (std::size_t i = 0; i < entries.size(); ++i) frame.key_index.emplace(entries[i].key, i);
    }
    const auto [it, inserted] = frame.key_index.emplace(key, entries.size());
    if (!inserted) first = &entries[it->second];
  }
  if (first == nullptr) return;
  Diagnostic diagnostic = document_.make_diagnostic(
      load_rules::kDuplicateKey, Severity::Error, range,
      "duplicate key '" + key + "'; CloudFormation keeps only one of them, remove or rename the other");
  const Position start = document_.source->position(first->key_range.begin);
  const Position end = document_.source->position(first->key_range.end);
  diagnostic.related.push_back(RelatedLocation{first->key_range, start, end, "first defined here"});
  document_.diagnostics.push_back(std::move(diagnostic));
}

void TreeBuilder::normalise_long_form(Node& node) {
  if (node.entries.size() != 1 || !node.tag.empty()) return;
  MapEntry& entry = node.entries.front();
  if (!is_intrinsic_function_name(entry.key) || entry.value == nullptr) return;
  node.kind = NodeKind::Intrinsic;
  node.form = IntrinsicForm::LongForm;
  node.text = std::move(entry.key);
  node.name_range = entry.key_range;
  node.argument = entry.value;
  node.entries.clear();
}

std::string intrinsic_for_tag(std::string_view tag) {
  if (tag.size() < 2 || tag[0] != '!' || tag[1] == '!') return {};
  const std::string_view name = tag.substr(1);
  if (name == "Ref" || name == "Condition") return std::string(name);
  // "Fn::" + name, built on the stack: most tags are intrinsics, checked once per scalar.
  char buffer[32] = "Fn::";
  if (name.size() > sizeof buffer - 4) return {};
  std::memcpy(buffer + 4, name.data(), name.size());
  const std::string_view long_form(buffer, name.size() + 4);
  return is_intrinsic_function_name(long_form) ? std::string(long_form) : std::string();
}

}  // namespace cfn_eks
