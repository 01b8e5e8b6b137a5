#pragma once
// Builds the Node tree from a stream of parse events; shared by the YAML and JSON loaders so
// both report duplicate keys, nesting depth and long-form intrinsics the same way.

#include <string>
#include <unordered_map>
#include <vector>

#include "cfn_eks/document.hpp"

namespace cfn_eks {

class TreeBuilder {
 public:
  TreeBuilder(Document& document, const LoadLimits& limits) : document_(document), limits_(limits) {}

  /// Starts a mapping or sequence at `begin`. `wrapper` (optional) is a short-tag intrinsic
  /// whose argument the collection becomes. False when nesting is too deep (reported).
  bool begin_collection(NodeKind kind, std::uint32_t begin, ScalarStyle style, Node* wrapper = nullptr);
  /// Ends the innermost collection at `end`.
  void end_collection(std::uint32_t end);
  /// True when the next node completes a key (the innermost collection is a mapping awaiting a key).
  bool expecting_key() const;
  /// Adds a mapping key; reports a duplicate with both positions.
  void add_key(std::string key, ByteRange range, ScalarStyle style);
  /// Adds a finished node as a value (mapping value, sequence item or the root).
  void add_value(Node* node);

  Node* root() const { return root_; }
  std::size_t depth() const { return frames_.size(); }

 private:
  struct Frame {
    Node* node = nullptr;
    Node* wrapper = nullptr;
    bool has_pending_key = false;
    // Built lazily for large mappings so duplicate detection stays linear.
    std::unordered_map<std::string, std::size_t> key_index;
  };

  void check_duplicate(Frame& frame, const std::string& key, ByteRange range);
  static void normalise_long_form(Node& node);

  Document& document_;
  const LoadLimits& limits_;
  std::vector<Frame> frames_;
  Node* root_ = nullptr;
};

/// The long-form name for a YAML short tag ("!GetAtt" -> "Fn::GetAtt", "!Ref" -> "Ref"),
/// or empty when the tag is not an intrinsic.
std::string intrinsic_for_tag(std::string_view tag);

}  // namespace cfn_eks
