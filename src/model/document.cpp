#include "cfn_eks/document.hpp"

namespace cfn_eks {

Diagnostic Document::make_diagnostic(std::string_view rule_id, Severity severity, ByteRange range,
                                     std::string message) const {
  Diagnostic diagnostic;
  diagnostic.rule_id = std::string(rule_id);
  diagnostic.severity = severity;
  diagnostic.message = std::move(message);
  diagnostic.file = source->path();
  diagnostic.range = range;
  diagnostic.start = source->position(range.begin);
  diagnostic.end = source->position(range.end);
  return diagnostic;
}

Document load_document(SourcePtr source, const LoadLimits& limits) {
  // JSON is the only format whose first meaningful character is '{'; a YAML template
  // written in flow style is valid JSON-like YAML and parses the same either way.
  const std::string& text = source->text();
  std::size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
  if (i < text.size() && text[i] == '{') return load_json(std::move(source), limits);
  return load_yaml(std::move(source), limits);
}

}  // namespace cfn_eks
