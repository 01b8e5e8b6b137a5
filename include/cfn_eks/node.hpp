#pragma once
/// The template tree: one node type for YAML and JSON, every node with its byte range.

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "cfn_eks/source.hpp"

namespace cfn_eks {

enum class NodeKind : std::uint8_t { Null, Bool, Number, String, Sequence, Mapping, Intrinsic };

/// How a scalar was written. JSON strings are DoubleQuoted, JSON literals Plain.
enum class ScalarStyle : std::uint8_t { Plain, SingleQuoted, DoubleQuoted, Literal, Folded, Flow, Block };

/// How an intrinsic function was written: `{"Fn::GetAtt": ...}` or `!GetAtt ...`.
enum class IntrinsicForm : std::uint8_t { LongForm, ShortTag };

struct Node;

/// One key/value pair of a mapping, in source order.
struct MapEntry {
  std::string key;
  ByteRange key_range;
  ScalarStyle key_style = ScalarStyle::Plain;
  Node* value = nullptr;
};

/// A node of the template tree. Nodes live in a NodeArena owned by their Document.
struct Node {
  NodeKind kind = NodeKind::Null;
  /// Scalar style; Flow or Block for collections.
  ScalarStyle style = ScalarStyle::Plain;
  IntrinsicForm form = IntrinsicForm::LongForm;
  /// The whole node: for a long-form intrinsic the enclosing `{Fn::X: ...}` mapping,
  /// for a short tag the tag and its argument.
  ByteRange range;
  /// Scalars: the decoded value (numbers and booleans as written).
  /// Intrinsic: the long-form function name ("Ref", "Fn::GetAtt", "Condition").
  std::string text;
  /// The tag as written in YAML ("!GetAtt", "!!str"); empty when none.
  std::string tag;
  /// Intrinsic: range of the function key (long form) or the tag (short form).
  ByteRange name_range;
  std::vector<Node*> items;        ///< Sequence elements.
  std::vector<MapEntry> entries;   ///< Mapping entries in source order.
  Node* argument = nullptr;        ///< Intrinsic argument.

  bool is_scalar() const {
    return kind == NodeKind::Null || kind == NodeKind::Bool || kind == NodeKind::Number ||
           kind == NodeKind::String;
  }
  bool is_string() const { return kind == NodeKind::String; }
  bool is_mapping() const { return kind == NodeKind::Mapping; }
  bool is_sequence() const { return kind == NodeKind::Sequence; }
  bool is_intrinsic() const { return kind == NodeKind::Intrinsic; }
  bool is_intrinsic(std::string_view function) const {
    return kind == NodeKind::Intrinsic && text == function;
  }

  /// The entry for `key` in a mapping (first one if duplicated), or nullptr.
  const MapEntry* find(std::string_view key) const;
  /// The value for `key` in a mapping, or nullptr.
  const Node* get(std::string_view key) const;
};

/// Owns nodes; addresses stay stable while the arena lives.
class NodeArena {
 public:
  Node* make(NodeKind kind) {
    nodes_.emplace_back();
    nodes_.back().kind = kind;
    return &nodes_.back();
  }
  std::size_t size() const { return nodes_.size(); }

 private:
  std::deque<Node> nodes_;
};

/// A short name for a node kind ("string", "mapping", ...), for messages.
std::string_view kind_name(NodeKind kind);

/// True when `name` is a CloudFormation intrinsic function name in long form.
bool is_intrinsic_function_name(std::string_view name);

}  // namespace cfn_eks
