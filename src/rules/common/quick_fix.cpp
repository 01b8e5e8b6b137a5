#include "rules/common/quick_fix.hpp"

#include "cfn_eks/emitter.hpp"

namespace cfn_eks {

std::string scalar_like(const Document& document, const Node& like, std::string_view value) {
  if (document.format == SourceFormat::Json) return json_quote(value);
  TextStyle style;
  if (like.style == ScalarStyle::DoubleQuoted) {
    style.quote = QuotePreference::Double;
  } else if (like.style == ScalarStyle::SingleQuoted) {
    style.quote = QuotePreference::Single;
  }
  // Flow-safe quoting: the scalar may sit inside `{...}` or `[...]`.
  std::string text = yaml_quote(value, style, true);
  const bool quoted = !text.empty() && (text.front() == '\'' || text.front() == '"');
  if (!quoted && (like.style == ScalarStyle::SingleQuoted || like.style == ScalarStyle::DoubleQuoted)) {
    // yaml_quote left it plain; keep the user's quotes (no escapes needed: plain was safe).
    const char quote = like.style == ScalarStyle::SingleQuoted ? '\'' : '"';
    text = std::string(1, quote) + text + quote;
  }
  return text;
}

Diagnostic& add_replacement_fix(Diagnostic& diagnostic, std::string title, ByteRange range, std::string replacement) {
  diagnostic.fixes.push_back(Fix{std::move(title), {Edit{range, std::move(replacement)}}, true});
  return diagnostic;
}

Diagnostic& add_scalar_fix(Diagnostic& diagnostic, const Document& document, const Node& node, std::string_view value,
                           std::string title) {
  return add_replacement_fix(diagnostic, std::move(title), node.range, scalar_like(document, node, value));
}

std::string inline_get_att(const Document& document, std::string_view resource, std::string_view attribute) {
  if (document.format == SourceFormat::Json) {
    return "{\"Fn::GetAtt\": [" + json_quote(resource) + ", " + json_quote(attribute) + "]}";
  }
  return "!GetAtt " + std::string(resource) + "." + std::string(attribute);
}

}  // namespace cfn_eks
