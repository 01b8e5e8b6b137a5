#pragma once
// Small helpers shared by the structure, usage, output and transform rules: which keys of a
// section are not logical ids, and message formatting.

#include <string>
#include <string_view>

#include "cfn_eks/node.hpp"

namespace cfn_eks {

/// `Fn::ForEach::Name` (AWS::LanguageExtensions): a loop that expands to entries. Rules that
/// look at logical ids skip these keys; their content is checked only where it is plain.
inline bool is_foreach_key(std::string_view key) { return key.starts_with("Fn::ForEach::"); }

/// Keys of Resources/Outputs/Conditions/... that are not logical ids: loops, and
/// `Fn::Transform` (AWS::Include inserting entries into the section).
inline bool is_expansion_key(std::string_view key) {
  return is_foreach_key(key) || key == "Fn::Transform";
}

/// A value the template inserts by a transform (`Fn::Transform`), whose shape is unknown.
inline bool is_transform_value(const Node* node) {
  return node && node->is_intrinsic("Fn::Transform");
}

inline bool is_ascii_alphanumeric(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/// `'text'`, for messages.
inline std::string quote_name(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '\'';
  out += text;
  out += '\'';
  return out;
}

/// The number of Unicode code points in UTF-8 text (limits count characters).
inline std::size_t code_point_count(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

/// "a string", "a list", "an intrinsic function": a node kind with its article, for messages.
inline std::string kind_with_article(NodeKind kind) {
  std::string_view name = kind_name(kind);
  bool vowel = !name.empty() && (name[0] == 'a' || name[0] == 'e' || name[0] == 'i' ||
                                 name[0] == 'o' || name[0] == 'u');
  return std::string(vowel ? "an " : "a ") + std::string(name);
}

}  // namespace cfn_eks
