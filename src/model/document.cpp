#include "cfn_eks/document.hpp"

#include <algorithm>

namespace cfn_eks {

Diagnostic Document::make_diagnostic(std::string_view rule_id, Severity severity, ByteRange range,
                                     std::string message) const {
  Diagnostic diagnostic;
  diagnostic.rule_id = std::string(rule_id);
  diagnostic.severity = severity;
  diagnostic.message = std::move(message);
  diagnostic.file = source->path();
  // A parser error at the end of the text ("expected ']'") comes as one character past it: keep
  // every range inside the text, so formats and editors never point beyond the file.
  const auto size = static_cast<std::uint32_t>(source->text().size());
  range.end = std::min(range.end, size);
  range.begin = std::min(range.begin, range.end);
  diagnostic.range = range;
  diagnostic.start = source->position(range.begin);
  diagnostic.end = source->position(range.end);
  return diagnostic;
}

Document load_document(SourcePtr source, const LoadLimits& limits) {
  // A template whose first meaningful character is '{' is read as JSON. YAML in flow style
  // (`{Resources: ...}`) also starts so: when JSON refuses it and YAML accepts it, it is YAML,
  // except in a .json file, whose author meant JSON (YAML would forgive a trailing comma).
  const std::string& text = source->text();
  std::size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
  if (i >= text.size() || text[i] != '{') return load_yaml(std::move(source), limits);
  Document json = load_json(source, limits);
  const std::string& path = json.source->path();
  const bool json_name = path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0;
  if (json.root != nullptr || json_name) return json;
  Document yaml = load_yaml(std::move(source), limits);
  return yaml.root != nullptr ? std::move(yaml) : std::move(json);
}

}  // namespace cfn_eks
