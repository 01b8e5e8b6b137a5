// Edit builders: each finds the bytes a change touches in the original text and renders
// only the new parts, so everything else (comments, quoting, layout) stays as written.

#include <algorithm>
#include <array>
#include <string>

#include "cfn_eks/edits.hpp"
#include "transform/emitter_internal.hpp"
#include "transform/text_lines.hpp"

namespace cfn_eks {

namespace {

using Result = EditResult<EditList>;

Result done(EditList edits) { return Result::success(std::move(edits)); }
Result fail(std::string message) { return Result::failure(std::move(message)); }
Result nothing() { return Result::success({}); }

Edit insertion(std::uint32_t at, std::string text) { return Edit{ByteRange{at, at}, std::move(text)}; }

std::string spaces(unsigned n) { return std::string(n, ' '); }

std::string quoted(std::string_view name) { return "'" + std::string(name) + "'"; }

// The usual order of the top-level sections; a new section goes after those before it.
constexpr std::array<std::string_view, 10> kSectionOrder = {
    "AWSTemplateFormatVersion", "Description", "Metadata", "Transform", "Parameters",
    "Rules",                    "Mappings",    "Conditions", "Resources", "Outputs"};

int section_rank(std::string_view name) {
  const auto it = std::find(kSectionOrder.begin(), kSectionOrder.end(), name);
  return it == kSectionOrder.end() ? -1 : static_cast<int>(it - kSectionOrder.begin());
}

std::optional<std::size_t> entry_index(const Node& mapping, std::string_view key) {
  for (std::size_t i = 0; i < mapping.entries.size(); ++i) {
    if (mapping.entries[i].key == key) return i;
  }
  return std::nullopt;
}

// The dash of a block sequence item: the '-' before the item's text, past spaces.
std::optional<std::uint32_t> dash_of(std::string_view text, const Node& item) {
  std::uint32_t at = item.range.begin;
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
  if (at > 0 && text[at - 1] == '-') return at - 1;
  return std::nullopt;
}

bool ends_without_newline(std::string_view text) { return !text.empty() && text.back() != '\n'; }

}  // namespace

DocumentEditor::DocumentEditor(const Document& document) : DocumentEditor(document, detect_style(document)) {}

DocumentEditor::DocumentEditor(const Document& document, TextStyle style) : document_(&document), style_(style) {
  if (document.root != nullptr) index_parents(*document.root, 0);
}

void DocumentEditor::index_parents(const Node& node, unsigned depth) {
  if (depth > 512) return;  // the loader caps nesting well below this
  switch (node.kind) {
    case NodeKind::Mapping:
      for (std::size_t i = 0; i < node.entries.size(); ++i) {
        if (node.entries[i].value == nullptr) continue;
        parents_[node.entries[i].value] = Parent{&node, i};
        index_parents(*node.entries[i].value, depth + 1);
      }
      break;
    case NodeKind::Sequence:
      for (std::size_t i = 0; i < node.items.size(); ++i) {
        if (node.items[i] == nullptr) continue;
        parents_[node.items[i]] = Parent{&node, i};
        index_parents(*node.items[i], depth + 1);
      }
      break;
    case NodeKind::Intrinsic:
      if (node.argument != nullptr) {
        parents_[node.argument] = Parent{&node, 0};
        index_parents(*node.argument, depth + 1);
      }
      break;
    default: break;
  }
}

const DocumentEditor::Parent* DocumentEditor::parent_of(const Node& node) const {
  const auto it = parents_.find(&node);
  return it == parents_.end() ? nullptr : &it->second;
}

bool DocumentEditor::in_flow(const Node& node) const {
  if (document_->format == SourceFormat::Json) return true;
  for (const Parent* parent = parent_of(node); parent != nullptr; parent = parent_of(*parent->node)) {
    if (parent->node->style == ScalarStyle::Flow) return true;
  }
  return false;
}

std::optional<bool> DocumentEditor::blank_lines_in(const Node& mapping) const {
  if (auto convention = lines::blank_line_convention(text(), mapping)) return convention;
  if (&mapping == document_->root) return style_.blank_line_between_sections;
  const Parent* parent = parent_of(mapping);
  if (parent != nullptr && parent->node == document_->root) return style_.blank_line_between_entries;
  return false;
}

namespace {

// Indentation of an insertion's first line (after the line breaks it may start with).
unsigned insertion_depth(const Edit& edit) {
  std::size_t at = 0;
  const std::string& text = edit.replacement;
  while (at < text.size() && (text[at] == '\n' || text[at] == '\r')) ++at;
  unsigned depth = 0;
  while (at + depth < text.size() && (text[at + depth] == ' ' || text[at + depth] == '\t')) ++depth;
  return depth;
}

}  // namespace

EditResult<std::string> DocumentEditor::apply(EditList edits) const {
  // Only the relative order of insertions at one offset changes; apply_edits sorts the rest.
  std::stable_sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
    if (a.range.begin != b.range.begin) return a.range.begin < b.range.begin;
    const bool a_inserts = a.range.begin == a.range.end;
    const bool b_inserts = b.range.begin == b.range.end;
    if (a_inserts && b_inserts) return insertion_depth(a) > insertion_depth(b);
    return a_inserts && !b_inserts;
  });
  return apply_edits(text(), std::move(edits));
}

// ---- insertion ----------------------------------------------------------------------

Result DocumentEditor::insert_entry(const Node& mapping, std::string_view key, const Fragment& value,
                                    std::string_view after) const {
  return insert_entries(mapping, {FragmentEntry{std::string(key), value}}, after);
}

Result DocumentEditor::insert_entries(const Node& mapping, const std::vector<FragmentEntry>& entries,
                                      std::string_view after) const {
  if (document_->root == nullptr) return fail("the template could not be parsed");
  if (entries.empty()) return nothing();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (mapping.kind == NodeKind::Mapping && mapping.find(entries[i].key) != nullptr) {
      return fail("key " + quoted(entries[i].key) + " already exists");
    }
    for (std::size_t k = 0; k < i; ++k) {
      if (entries[k].key == entries[i].key) return fail("key " + quoted(entries[i].key) + " is inserted twice");
    }
  }
  // `Outputs:` with nothing after it is null: it becomes the new mapping.
  if (mapping.kind == NodeKind::Null) return replace_value(mapping, Fragment::mapping(entries));
  if (mapping.kind != NodeKind::Mapping) return fail("cannot insert an entry into a " + std::string(kind_name(mapping.kind)));
  std::optional<std::size_t> after_index;
  if (!after.empty()) {
    after_index = entry_index(mapping, after);
    if (!after_index) return fail("there is no key " + quoted(after) + " to insert after");
  }
  const bool yaml = document_->format == SourceFormat::Yaml;
  // An empty `{}` in block context turns into a block mapping, as a person would write it.
  if (yaml && mapping.entries.empty() && !in_flow(mapping) && parent_of(mapping) != nullptr) {
    return replace_value(mapping, Fragment::mapping(entries));
  }
  if (!yaml || mapping.style == ScalarStyle::Flow) return insert_flow_entries(mapping, entries, after_index, false);
  const unsigned column = lines::column_of(text(), mapping.entries.front().key_range.begin);
  std::vector<std::string> rendered;
  for (const FragmentEntry& entry : entries) rendered.push_back(emit::yaml_entry(entry.key, entry.value, style_, column));
  return insert_yaml_block(mapping, rendered, after_index, false);
}

Result DocumentEditor::insert_yaml_block(const Node& mapping, const std::vector<std::string>& rendered,
                                         std::optional<std::size_t> after_index, bool before_first) const {
  const std::string& source = text();
  if (mapping.entries.empty()) return fail("cannot insert into an empty block mapping");
  const unsigned column = lines::column_of(source, mapping.entries.front().key_range.begin);
  const bool blank = blank_lines_in(mapping).value_or(false);
  const std::string eol(style_.eol());
  if (before_first) {
    const std::uint32_t at = lines::line_start(source, mapping.entries.front().key_range.begin);
    if (!lines::first_on_line(source, mapping.entries.front().key_range.begin)) {
      return fail("cannot insert before the first key of a compact mapping");
    }
    std::string block;
    for (const std::string& entry : rendered) block += spaces(column) + entry + eol + (blank ? eol : "");
    return done({insertion(at, std::move(block))});
  }
  const MapEntry& anchor = after_index ? mapping.entries[*after_index] : mapping.entries.back();
  const std::uint32_t at = lines::block_end(source, lines::entry_end(source, anchor), column);
  std::string block;
  if (at == source.size() && ends_without_newline(source)) {
    // The file ends without a line break: the new lines go after one and keep that habit.
    for (const std::string& entry : rendered) block += eol + (blank ? eol : "") + spaces(column) + entry;
  } else {
    for (const std::string& entry : rendered) block += (blank ? eol : "") + spaces(column) + entry + eol;
  }
  return done({insertion(at, std::move(block))});
}

Result DocumentEditor::insert_flow_entries(const Node& mapping, const std::vector<FragmentEntry>& entries,
                                           std::optional<std::size_t> after_index, bool before_first) const {
  const std::string& source = text();
  const bool json = document_->format == SourceFormat::Json;
  const std::string eol(style_.eol());
  auto member = [&](const FragmentEntry& entry, std::string_view indent) {
    if (json) return json_quote(entry.key) + ": " + emit::json_value(entry.value, style_, indent);
    return emit::yaml_key(entry.key, style_, true) + ": " + emit::yaml_flow(entry.value, style_);
  };
  const std::uint32_t open = mapping.range.begin;
  const std::uint32_t close = mapping.range.end > 0 ? mapping.range.end - 1 : 0;
  if (open >= source.size() || source[open] != '{' || close >= source.size() || source[close] != '}') {
    return fail("cannot find the braces of the mapping");
  }
  if (mapping.entries.empty()) {
    if (!json) {
      std::string inline_text;
      for (std::size_t i = 0; i < entries.size(); ++i) inline_text += (i > 0 ? ", " : "") + member(entries[i], "");
      return done({Edit{ByteRange{open + 1, close}, inline_text}});
    }
    const std::string outer(lines::leading_whitespace(source, open));
    const std::string inner = outer + style_.json_unit();
    std::string block;
    for (std::size_t i = 0; i < entries.size(); ++i) block += (i > 0 ? "," : "") + eol + inner + member(entries[i], inner);
    block += eol + outer;
    return done({Edit{ByteRange{open + 1, close}, block}});
  }
  const std::uint32_t first_key = mapping.entries.front().key_range.begin;
  const bool multiline = lines::line_start(source, first_key) != lines::line_start(source, open);
  const MapEntry& anchor = after_index ? mapping.entries[*after_index] : mapping.entries.back();
  const std::string indent(multiline ? lines::leading_whitespace(source, before_first ? first_key : anchor.key_range.begin)
                                     : std::string_view());
  const std::string separator = multiline ? "," + eol + indent : std::string(", ");
  std::string block;
  if (before_first) {
    for (const FragmentEntry& entry : entries) block += member(entry, indent) + separator;
    return done({insertion(first_key, std::move(block))});
  }
  for (const FragmentEntry& entry : entries) block += separator + member(entry, indent);
  return done({insertion(lines::entry_end(source, anchor), std::move(block))});
}

Result DocumentEditor::ensure_entry(const Node& mapping, std::string_view key, const Fragment& value,
                                    std::string_view after) const {
  if (mapping.kind == NodeKind::Mapping && mapping.find(key) != nullptr) return nothing();
  return insert_entry(mapping, key, value, after);
}

Result DocumentEditor::set_entry(const Node& mapping, std::string_view key, const Fragment& value,
                                 std::string_view after) const {
  const MapEntry* entry = mapping.kind == NodeKind::Mapping ? mapping.find(key) : nullptr;
  if (entry == nullptr) return insert_entry(mapping, key, value, after);
  if (entry->value == nullptr) return fail("key " + quoted(key) + " has no value node");
  if (same_value(*entry->value, value)) return nothing();
  return replace_value(*entry->value, value);
}

Result DocumentEditor::create_section(std::string_view section, const std::vector<FragmentEntry>& entries) const {
  const Node& root = *document_->root;
  const int rank = section_rank(section);
  std::optional<std::size_t> after_index;
  for (std::size_t i = 0; i < root.entries.size(); ++i) {
    const int other = section_rank(root.entries[i].key);
    if (other >= 0 && (rank < 0 || other < rank)) after_index = i;
  }
  const bool before_first = !after_index.has_value() && rank >= 0 && !root.entries.empty();
  if (!after_index && !before_first && !root.entries.empty()) after_index = root.entries.size() - 1;
  if (document_->format == SourceFormat::Json || root.style == ScalarStyle::Flow) {
    return insert_flow_entries(root, {FragmentEntry{std::string(section), Fragment::mapping(entries)}}, after_index,
                               before_first);
  }
  if (root.entries.empty()) return fail("the template has no sections to place " + quoted(section) + " next to");
  // Written by hand so the new entries follow the file's blank-line habit.
  const std::string eol(style_.eol());
  const bool blank = style_.blank_line_between_entries;
  std::string block = emit::yaml_key(section, style_, false) + ":";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i > 0 && blank) block += eol;
    block += eol + spaces(style_.indent) + emit::yaml_entry(entries[i].key, entries[i].value, style_, style_.indent);
  }
  return insert_yaml_block(root, {block}, after_index, before_first);
}

Result DocumentEditor::insert_section_entry(std::string_view section, std::string_view key, const Fragment& value,
                                            std::string_view after) const {
  const Node* root = document_->root;
  if (root == nullptr) return fail("the template could not be parsed");
  if (root->kind != NodeKind::Mapping) return fail("the template is not a mapping");
  const Node* existing = root->get(section);
  if (existing == nullptr) {
    if (!after.empty()) return fail("there is no section " + quoted(section) + " with a key " + quoted(after));
    return create_section(section, {FragmentEntry{std::string(key), value}});
  }
  return insert_entry(*existing, key, value, after);
}

Result DocumentEditor::ensure_section_entry(std::string_view section, std::string_view key, const Fragment& value,
                                            std::string_view after) const {
  const Node* root = document_->root;
  if (root != nullptr && root->kind == NodeKind::Mapping) {
    const Node* existing = root->get(section);
    if (existing != nullptr && existing->kind == NodeKind::Mapping && existing->find(key) != nullptr) return nothing();
  }
  return insert_section_entry(section, key, value, after);
}

// ---- replacement --------------------------------------------------------------------

Result DocumentEditor::replace_value(const Node& node, const Fragment& value) const {
  const std::string& source = text();
  const Parent* parent = parent_of(node);
  if (parent == nullptr) return fail("the template root cannot be replaced");
  if (document_->format == SourceFormat::Json) {
    const std::string indent(lines::leading_whitespace(source, node.range.begin));
    return done({Edit{node.range, emit::json_value(value, style_, indent)}});
  }
  if (in_flow(node)) {
    return done({Edit{ByteRange{node.range.begin, lines::content_end(source, node)}, emit::yaml_flow(value, style_)}});
  }
  const Node& owner = *parent->node;
  switch (owner.kind) {
    case NodeKind::Mapping: {
      const MapEntry& entry = owner.entries[parent->index];
      const unsigned column = lines::column_of(source, entry.key_range.begin);
      const ByteRange range{lines::after_colon(source, entry.key_range.end), lines::entry_end(source, entry)};
      return done({Edit{range, emit::yaml_after_key(value, style_, column)}});
    }
    case NodeKind::Sequence: {
      const std::optional<std::uint32_t> dash = dash_of(source, node);
      if (!dash) return fail("cannot find the dash of the list item");
      const unsigned column = lines::column_of(source, *dash);
      const ByteRange range{*dash + 1, lines::content_end(source, node)};
      return done({Edit{range, emit::yaml_after_dash(value, style_, column)}});
    }
    case NodeKind::Intrinsic: {
      if (owner.form == IntrinsicForm::LongForm) {
        const unsigned column = lines::column_of(source, owner.name_range.begin);
        const ByteRange range{lines::after_colon(source, owner.name_range.end), lines::content_end(source, node)};
        return done({Edit{range, emit::yaml_after_key(value, style_, column)}});
      }
      // After a short tag the argument continues the tag's line, nested below its line's indentation.
      const unsigned column = lines::indent_of(source, lines::line_start(source, owner.range.begin));
      const ByteRange range{owner.name_range.end, lines::content_end(source, node)};
      return done({Edit{range, emit::yaml_after_key(value, style_, column)}});
    }
    default: return fail("cannot replace this node");
  }
}

// ---- deletion -----------------------------------------------------------------------

namespace {

// Deletes whole lines [start, end) of a block member and one run of the blank lines around
// it, so the blank-line separation between the remaining neighbours stays as it was.
Edit delete_lines(std::string_view source, std::uint32_t start, std::uint32_t end, bool first_member) {
  const bool blank_above = start > 0 && lines::is_blank(source, lines::previous_line(source, start));
  const bool blank_below = end < source.size() && lines::is_blank(source, end);
  if (blank_below && (blank_above || first_member)) {
    while (end < source.size() && lines::is_blank(source, end)) end = lines::next_line(source, end);
  } else if (blank_above && !blank_below) {
    while (start > 0 && lines::is_blank(source, lines::previous_line(source, start))) {
      start = lines::previous_line(source, start);
    }
  }
  if (end == source.size() && ends_without_newline(source) && start > 0) {
    // The deleted lines ended the file: the line before loses its break instead.
    start = lines::line_end(source, start - 1);
  }
  return Edit{ByteRange{start, end}, ""};
}

}  // namespace

Result DocumentEditor::delete_entry(const Node& mapping, std::string_view key) const {
  if (mapping.kind != NodeKind::Mapping) return fail("cannot delete from a " + std::string(kind_name(mapping.kind)));
  const std::optional<std::size_t> index = entry_index(mapping, key);
  if (!index) return fail("there is no key " + quoted(key) + " to delete");
  if (document_->format == SourceFormat::Json || mapping.style == ScalarStyle::Flow) {
    return delete_flow_member(mapping, *index);
  }
  return delete_block_entry(mapping, *index);
}

Result DocumentEditor::remove_entry(const Node& mapping, std::string_view key) const {
  if (mapping.kind != NodeKind::Mapping || mapping.find(key) == nullptr) return nothing();
  return delete_entry(mapping, key);
}

Result DocumentEditor::delete_block_entry(const Node& mapping, std::size_t index) const {
  const std::string& source = text();
  if (mapping.entries.size() == 1) return empty_container(mapping, "{}");
  const MapEntry& entry = mapping.entries[index];
  const std::uint32_t key = entry.key_range.begin;
  if (!lines::first_on_line(source, key)) {
    // The first key of a compact mapping (`- Key: v`): the next key moves up after the dash.
    return done({Edit{ByteRange{key, mapping.entries[index + 1].key_range.begin}, ""}});
  }
  const unsigned column = lines::column_of(source, key);
  const std::uint32_t start = lines::own_comments_start(source, lines::line_start(source, key), column);
  const std::uint32_t end = lines::block_end(source, lines::entry_end(source, entry), column);
  return done({delete_lines(source, start, end, index == 0)});
}

Result DocumentEditor::delete_flow_member(const Node& container, std::size_t index) const {
  const std::string& source = text();
  const bool mapping = container.kind == NodeKind::Mapping;
  const std::size_t count = mapping ? container.entries.size() : container.items.size();
  auto begin_of = [&](std::size_t i) {
    return mapping ? container.entries[i].key_range.begin : container.items[i]->range.begin;
  };
  auto end_of = [&](std::size_t i) {
    return mapping ? lines::entry_end(source, container.entries[i]) : lines::content_end(source, *container.items[i]);
  };
  if (count == 1) {
    // Everything between the brackets goes: `{}` or `[]` is left.
    return done({Edit{ByteRange{container.range.begin + 1, container.range.end - 1}, ""}});
  }
  if (index + 1 < count) {
    const std::uint32_t begin = begin_of(index);
    const std::uint32_t next = begin_of(index + 1);
    if (lines::first_on_line(source, begin) && lines::first_on_line(source, next)) {
      return done({Edit{ByteRange{lines::line_start(source, begin), lines::line_start(source, next)}, ""}});
    }
    return done({Edit{ByteRange{begin, next}, ""}});
  }
  // The last member takes the comma after the one before it.
  return done({Edit{ByteRange{end_of(index - 1), end_of(index)}, ""}});
}

Result DocumentEditor::empty_container(const Node& container, std::string_view empty_text) const {
  const std::string& source = text();
  const Parent* parent = parent_of(container);
  if (parent == nullptr) return fail("cannot delete the last entry of the template");
  const Node& owner = *parent->node;
  std::uint32_t begin = 0;
  switch (owner.kind) {
    case NodeKind::Mapping: begin = lines::after_colon(source, owner.entries[parent->index].key_range.end); break;
    case NodeKind::Sequence: {
      const std::optional<std::uint32_t> dash = dash_of(source, container);
      if (!dash) return fail("cannot find the dash of the list item");
      begin = *dash + 1;
      break;
    }
    case NodeKind::Intrinsic:
      begin = owner.form == IntrinsicForm::LongForm ? lines::after_colon(source, owner.name_range.end)
                                                    : owner.name_range.end;
      break;
    default: return fail("cannot empty this container");
  }
  const std::uint32_t first = container.kind == NodeKind::Mapping ? container.entries.front().key_range.begin
                                                                  : container.items.front()->range.begin;
  std::uint32_t end = lines::block_end(source, lines::content_end(source, container), lines::column_of(source, first));
  // Keep the line break that ended the last deleted line.
  if (end > begin && source[end - 1] == '\n') --end;
  if (end > begin && source[end - 1] == '\r') --end;
  return done({Edit{ByteRange{begin, end}, " " + std::string(empty_text)}});
}

// ---- keys ---------------------------------------------------------------------------

Result DocumentEditor::rename_key(const Node& mapping, std::string_view key, std::string_view new_key) const {
  if (mapping.kind != NodeKind::Mapping) return fail("cannot rename a key of a " + std::string(kind_name(mapping.kind)));
  const MapEntry* entry = mapping.find(key);
  if (entry == nullptr) return fail("there is no key " + quoted(key) + " to rename");
  if (key == new_key) return nothing();
  if (mapping.find(new_key) != nullptr) return fail("key " + quoted(new_key) + " already exists");
  const std::string written = document_->format == SourceFormat::Json
                                  ? json_quote(new_key)
                                  : emit::yaml_key(new_key, style_, mapping.style == ScalarStyle::Flow || in_flow(mapping));
  return done({Edit{entry->key_range, written}});
}

// ---- sequences ----------------------------------------------------------------------

Result DocumentEditor::insert_item(const Node& sequence, const Fragment& item, std::optional<std::size_t> index) const {
  if (document_->root == nullptr) return fail("the template could not be parsed");
  if (sequence.kind == NodeKind::Null) return replace_value(sequence, Fragment::sequence({item}));
  if (sequence.kind != NodeKind::Sequence) return fail("cannot insert an item into a " + std::string(kind_name(sequence.kind)));
  const std::string& source = text();
  const std::string eol(style_.eol());
  const std::size_t count = sequence.items.size();
  const std::size_t position = index && *index < count ? *index : count;
  const bool json = document_->format == SourceFormat::Json;
  if (!json && count == 0 && !in_flow(sequence) && parent_of(sequence) != nullptr) {
    return replace_value(sequence, Fragment::sequence({item}));
  }
  if (json || sequence.style == ScalarStyle::Flow) {
    auto render = [&](std::string_view indent) {
      return json ? emit::json_value(item, style_, indent) : emit::yaml_flow(item, style_);
    };
    const std::uint32_t open = sequence.range.begin;
    const std::uint32_t close = sequence.range.end > 0 ? sequence.range.end - 1 : 0;
    if (open >= source.size() || source[open] != '[' || close >= source.size() || source[close] != ']') {
      return fail("cannot find the brackets of the list");
    }
    if (count == 0) {
      const std::string outer(lines::leading_whitespace(source, open));
      const std::string inner = outer + style_.json_unit();
      const std::string one_line = render(inner);
      if (!json || one_line.find('\n') == std::string::npos) return done({Edit{ByteRange{open + 1, close}, one_line}});
      return done({Edit{ByteRange{open + 1, close}, eol + inner + one_line + eol + outer}});
    }
    const std::uint32_t first = sequence.items.front()->range.begin;
    const bool multiline = lines::line_start(source, first) != lines::line_start(source, open);
    const std::string indent(multiline ? lines::leading_whitespace(source, first) : std::string_view());
    const std::string separator = multiline ? "," + eol + indent : std::string(", ");
    if (position == count) {
      return done({insertion(lines::content_end(source, *sequence.items.back()), separator + render(indent))});
    }
    return done({insertion(sequence.items[position]->range.begin, render(indent) + separator)});
  }
  const std::optional<std::uint32_t> first_dash = dash_of(source, *sequence.items.front());
  if (!first_dash) return fail("cannot find the dash of the list item");
  const unsigned column = lines::column_of(source, *first_dash);
  const std::string line = "-" + emit::yaml_after_dash(item, style_, column);
  if (position == count) {
    const std::uint32_t at = lines::block_end(source, lines::content_end(source, *sequence.items.back()), column);
    if (at == source.size() && ends_without_newline(source)) return done({insertion(at, eol + spaces(column) + line)});
    return done({insertion(at, spaces(column) + line + eol)});
  }
  const std::optional<std::uint32_t> dash = dash_of(source, *sequence.items[position]);
  if (!dash) return fail("cannot find the dash of the list item");
  if (!lines::first_on_line(source, *dash)) {
    // A compact nested list (`- - a`): the new item takes the dash's place on that line.
    return done({insertion(*dash, line + eol + spaces(column))});
  }
  const std::uint32_t at = lines::own_comments_start(source, lines::line_start(source, *dash), column);
  return done({insertion(at, spaces(column) + line + eol)});
}

Result DocumentEditor::ensure_item(const Node& sequence, const Fragment& item) const {
  if (sequence.kind == NodeKind::Sequence) {
    for (const Node* existing : sequence.items) {
      if (existing != nullptr && same_value(*existing, item)) return nothing();
    }
  }
  return insert_item(sequence, item);
}

Result DocumentEditor::delete_item(const Node& sequence, std::size_t index) const {
  if (sequence.kind != NodeKind::Sequence) return fail("cannot delete an item from a " + std::string(kind_name(sequence.kind)));
  if (index >= sequence.items.size()) return fail("there is no item " + std::to_string(index) + " to delete");
  if (document_->format == SourceFormat::Json || sequence.style == ScalarStyle::Flow) {
    return delete_flow_member(sequence, index);
  }
  if (sequence.items.size() == 1) return empty_container(sequence, "[]");
  const std::string& source = text();
  const std::optional<std::uint32_t> dash = dash_of(source, *sequence.items[index]);
  if (!dash) return fail("cannot find the dash of the list item");
  if (!lines::first_on_line(source, *dash)) {
    const std::optional<std::uint32_t> next = dash_of(source, *sequence.items[index + 1]);
    if (!next) return fail("cannot find the dash of the list item");
    return done({Edit{ByteRange{*dash, *next}, ""}});
  }
  const unsigned column = lines::column_of(source, *dash);
  const std::uint32_t start = lines::own_comments_start(source, lines::line_start(source, *dash), column);
  const std::uint32_t end = lines::block_end(source, lines::content_end(source, *sequence.items[index]), column);
  return done({delete_lines(source, start, end, index == 0)});
}

}  // namespace cfn_eks
