#include <charconv>

#include "cfn_eks/rule.hpp"

namespace cfn_eks {

std::string_view status_name(RuleStatus status) {
  switch (status) {
    case RuleStatus::Experimental: return "experimental";
    case RuleStatus::Stable: return "stable";
    case RuleStatus::Deprecated: return "deprecated";
  }
  return "experimental";
}

std::optional<std::string_view> RuleOptions::get(std::string_view key) const {
  const auto it = values_.find(std::string(key));
  if (it == values_.end()) return std::nullopt;
  return std::string_view(it->second);
}

long RuleOptions::get_int(std::string_view key, long fallback, std::string* error) const {
  const auto value = get(key);
  if (!value) return fallback;
  long out = 0;
  const auto [ptr, ec] = std::from_chars(value->data(), value->data() + value->size(), out);
  if (ec != std::errc() || ptr != value->data() + value->size()) {
    if (error != nullptr) *error = "option '" + std::string(key) + "' must be an integer, not '" + std::string(*value) + "'";
    return fallback;
  }
  return out;
}

Diagnostic& DiagnosticSink::report(ByteRange range, std::string message) {
  out_.push_back(document_.make_diagnostic(rule_id_, severity_, range, std::move(message)));
  return out_.back();
}

void DiagnosticSink::relate(Diagnostic& diagnostic, ByteRange range, std::string message) const {
  const SourceFile& source = *document_.source;
  diagnostic.related.push_back(RelatedLocation{range, source.position(range.begin), source.position(range.end), std::move(message)});
}

}  // namespace cfn_eks
