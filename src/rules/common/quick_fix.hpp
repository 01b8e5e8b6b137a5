#pragma once
// Building quick fixes where a rule reports: small replacements of what the user wrote, in the
// way it was written (the same quotes in YAML, a string in JSON), so a fixed file differs from
// the original only there. Only for fixes with one right answer (see include/cfn_eks/fixes.hpp).

#include <string>
#include <string_view>

#include "cfn_eks/diagnostic.hpp"
#include "cfn_eks/document.hpp"

namespace cfn_eks {

/// A scalar reading back as the string `value`, written like `like`: single or double quotes
/// kept, plain when `like` was plain and plain is safe; a JSON string in JSON documents.
std::string scalar_like(const Document& document, const Node& like, std::string_view value);

/// Adds a safe fix that replaces `range` by `replacement`; returns the diagnostic.
Diagnostic& add_replacement_fix(Diagnostic& diagnostic, std::string title, ByteRange range, std::string replacement);

/// Adds a safe fix that replaces the scalar `node` by the string `value`, written like it.
Diagnostic& add_scalar_fix(Diagnostic& diagnostic, const Document& document, const Node& node, std::string_view value,
                           std::string title);

/// `!GetAtt Resource.Attribute` (YAML) or `{"Fn::GetAtt": ["Resource", "Attribute"]}` (JSON),
/// on one line so it can replace a scalar anywhere.
std::string inline_get_att(const Document& document, std::string_view resource, std::string_view attribute);

}  // namespace cfn_eks
