#pragma once
/// Source-preserving edits: changes to a template as byte-range edits on its original text,
/// so comments, key order, quoting, indentation and blank lines survive and a diff of the
/// result shows only the change. Builders compute edits from a loaded Document; nothing is
/// applied until `apply_edits`. Edits from several builders on the same Document combine as
/// long as they do not overlap (two insertions at the same offset keep their given order).

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cfn_eks/diagnostic.hpp"
#include "cfn_eks/document.hpp"
#include "cfn_eks/emitter.hpp"

namespace cfn_eks {

/// A value or the reason there is none. Operational failures (an edit that cannot be made,
/// overlapping edits) come back as values, never as exceptions.
template <class T>
class EditResult {
 public:
  static EditResult success(T value) {
    EditResult result;
    result.value_ = std::move(value);
    return result;
  }
  static EditResult failure(std::string error) {
    EditResult result;
    result.error_ = std::move(error);
    if (result.error_.empty()) result.error_ = "edit failed";
    return result;
  }

  bool ok() const { return error_.empty(); }
  explicit operator bool() const { return ok(); }
  /// The value; default-constructed when !ok().
  const T& value() const& { return value_; }
  T& value() & { return value_; }
  T&& value() && { return std::move(value_); }
  /// Empty when ok().
  const std::string& error() const { return error_; }

 private:
  T value_{};
  std::string error_;
};

using EditList = std::vector<Edit>;

/// Applies non-overlapping edits to `text`. The edits may come in any order; insertions
/// (empty ranges) at the same offset keep their relative order and go before a replacement
/// starting there. Fails on an overlap or a range outside the text.
EditResult<std::string> apply_edits(std::string_view text, std::vector<Edit> edits);

/// The same, with the error in `*error` (may be null); returns the empty string on failure.
std::string apply_edits(std::string_view text, std::vector<Edit> edits, std::string* error);

/// Appends `more` to `edits` (so several builders' results can be applied together).
void append_edits(EditList& edits, const EditList& more);

/// Computes edits on one loaded document in its detected style. Node arguments must be
/// nodes of that document. Every builder returns the edits (empty when there is nothing to
/// do) or an error naming why the edit cannot be made; none modifies the document.
///
/// YAML: block and flow containers, CRLF, files without a final newline, comments and blank
/// lines between entries (inserted entries follow the container's convention). JSON: the
/// file's indentation (spaces or tabs) and correct commas.
class DocumentEditor {
 public:
  explicit DocumentEditor(const Document& document);
  DocumentEditor(const Document& document, TextStyle style);

  const Document& document() const { return *document_; }
  const TextStyle& style() const { return style_; }
  const std::string& text() const { return document_->source->text(); }

  /// Inserts `key: value` into `mapping` after the entry `after` (empty: at the end).
  /// Fails when `key` already exists or `after` is not a key of the mapping.
  EditResult<EditList> insert_entry(const Node& mapping, std::string_view key, const Fragment& value,
                                    std::string_view after = {}) const;
  /// Inserts several entries, in order, at one place (as one block).
  EditResult<EditList> insert_entries(const Node& mapping, const std::vector<FragmentEntry>& entries,
                                      std::string_view after = {}) const;
  /// Inserts `key` unless the mapping already has it (whatever its value): idempotent.
  EditResult<EditList> ensure_entry(const Node& mapping, std::string_view key, const Fragment& value,
                                    std::string_view after = {}) const;
  /// Makes `key` have `value`: inserted when absent, replaced when different, no edits when
  /// already equal (same_value): idempotent.
  EditResult<EditList> set_entry(const Node& mapping, std::string_view key, const Fragment& value,
                                 std::string_view after = {}) const;

  /// Inserts an entry into a top-level section ("Resources", "Outputs", ...), creating the
  /// section when absent, after the sections that precede it in the usual order
  /// (AWSTemplateFormatVersion, Description, Metadata, Transform, Parameters, Rules, Mappings,
  /// Conditions, Resources, Outputs).
  EditResult<EditList> insert_section_entry(std::string_view section, std::string_view key, const Fragment& value,
                                            std::string_view after = {}) const;
  /// Inserts into a section unless the key exists there: idempotent.
  EditResult<EditList> ensure_section_entry(std::string_view section, std::string_view key, const Fragment& value,
                                            std::string_view after = {}) const;

  /// Replaces a node (a mapping value, a sequence item or an intrinsic's argument) with
  /// `value`. Comments inside the old value go with it; those around it stay.
  EditResult<EditList> replace_value(const Node& node, const Fragment& value) const;

  /// Deletes the entry `key` with its own comment lines directly above it (same column, no
  /// blank line between), its trailing comment, and comment lines indented inside it. A
  /// comment separated by a blank line, or one that belongs to the next entry, stays. The
  /// last entry of a mapping leaves `{}` behind. Fails when the key is absent; see
  /// `remove_entry` for the idempotent form.
  EditResult<EditList> delete_entry(const Node& mapping, std::string_view key) const;
  /// Deletes `key` when present; no edits when absent.
  EditResult<EditList> remove_entry(const Node& mapping, std::string_view key) const;

  /// Renames a key in place (quoted when needed). Fails when `new_key` already exists.
  EditResult<EditList> rename_key(const Node& mapping, std::string_view key, std::string_view new_key) const;

  /// Inserts `item` into `sequence` before position `index` (nullopt or past the end: append).
  EditResult<EditList> insert_item(const Node& sequence, const Fragment& item,
                                   std::optional<std::size_t> index = std::nullopt) const;
  /// Appends `item` unless an equal item (same_value) is present: idempotent.
  EditResult<EditList> ensure_item(const Node& sequence, const Fragment& item) const;
  /// Deletes the item at `index` with its own comment lines; the last item leaves `[]`.
  EditResult<EditList> delete_item(const Node& sequence, std::size_t index) const;

  /// Applies edits (from any of the builders, in any order) to this document's text.
  /// Insertions at one offset are ordered deepest-indented first, so an item appended to
  /// a nested list lands inside its block and a new sibling entry after it.
  EditResult<std::string> apply(EditList edits) const;

 private:
  struct Parent {
    const Node* node = nullptr;  ///< Mapping, sequence or intrinsic holding the child.
    std::size_t index = 0;       ///< Entry or item index (0 for an intrinsic's argument).
  };

  void index_parents(const Node& node, unsigned depth);
  const Parent* parent_of(const Node& node) const;
  bool in_flow(const Node& node) const;
  std::optional<bool> blank_lines_in(const Node& mapping) const;

  EditResult<EditList> insert_yaml_block(const Node& mapping, const std::vector<std::string>& rendered,
                                         std::optional<std::size_t> after_index, bool before_first) const;
  EditResult<EditList> insert_flow_entries(const Node& mapping, const std::vector<FragmentEntry>& entries,
                                           std::optional<std::size_t> after_index, bool before_first) const;
  EditResult<EditList> create_section(std::string_view section, const std::vector<FragmentEntry>& entries) const;
  EditResult<EditList> delete_block_entry(const Node& mapping, std::size_t index) const;
  EditResult<EditList> delete_flow_member(const Node& container, std::size_t index) const;
  EditResult<EditList> empty_container(const Node& container, std::string_view empty_text) const;

  const Document* document_;
  TextStyle style_;
  std::unordered_map<const Node*, Parent> parents_;
};

}  // namespace cfn_eks
