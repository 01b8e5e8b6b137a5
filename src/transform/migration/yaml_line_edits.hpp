#pragma once
// Removing whole lines of a block-style YAML user data part (a cloud-config, a nodeadm
// NodeConfig) by the byte ranges of its parsed nodes, so everything else keeps its bytes:
// comments, quoting, indentation.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cfn_eks/document.hpp"

namespace cfn_eks {

class YamlLineEdits {
 public:
  /// Loads `text` as YAML; `error()` says why it cannot be edited (syntax, anchors, several
  /// documents, not a mapping).
  explicit YamlLineEdits(std::string text);

  const std::optional<std::string>& error() const { return error_; }
  const Node* root() const { return document_.root; }

  /// Removes a mapping entry's lines (key line to the value's last line); false when the
  /// entry does not start its own line or sits in flow style (cannot be removed by lines).
  bool remove_entry(const MapEntry& entry);
  /// Removes a block sequence item's lines (from its `-`); false when not possible.
  bool remove_item(const Node& item);

  /// The text without the removed lines.
  std::string result() const;

 private:
  bool remove_lines(std::size_t from, std::size_t to_inclusive_byte);

  std::string text_;
  Document document_;
  std::optional<std::string> error_;
  std::vector<std::pair<std::size_t, std::size_t>> removed_;  // [begin, end) line spans
};

}  // namespace cfn_eks
