#pragma once
// A launch template's or configuration's UserData as Fn::Sub text, so it can be converted and
// written back: literal parts escaped (`${` -> `${!`), Ref/GetAtt as `${X}`/`${A.B}`, other
// functions inside an Fn::Join kept as Fn::Sub variables.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cfn_eks/emitter.hpp"
#include "cfn_eks/node.hpp"

namespace cfn_eks {

struct SubText {
  std::string text;
  const Node* variables = nullptr;  ///< The variable map of a two-argument Fn::Sub.
  /// Parts of an Fn::Join that are other functions (Fn::FindInMap, Fn::If, ...), kept as
  /// Fn::Sub variables `${CfnEksUserDataN}`.
  std::vector<FragmentEntry> extra_variables;
  bool gzipped = false;  ///< A base64 literal of gzip-compressed text (eksctl), inflated here.
  std::optional<std::string> error;  ///< Why the user data cannot be read as text.
  const Node* error_at = nullptr;
};

/// `${` in literal text written so Fn::Sub leaves it alone (`${!`).
std::string escape_sub(std::string_view literal);

/// Appends one Fn::Join part (or the tag key of a cluster tag) as Fn::Sub text.
void append_sub_part(const Node* node, SubText& out);

/// The whole UserData value (Fn::Base64 of a literal, Fn::Sub or Fn::Join; or a base64 literal,
/// also of gzip: inflated with a 16 MiB cap, corrupt data an error at the literal).
SubText user_data_sub_text(const Node* user_data);

}  // namespace cfn_eks
