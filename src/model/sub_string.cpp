#include "model/sub_string.hpp"

#include "cfn_eks/resolver.hpp"

namespace cfn_eks {

namespace {

/// One `${...}` or `${!...}` occurrence; `end` is past the closing brace.
struct Placeholder {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool literal = false;
  std::string_view name;
};

/// The next placeholder at or after `from`; false when there is none, or when a `${` is never
/// closed (CloudFormation then keeps the rest as text, and so do we).
bool next_placeholder(std::string_view text, std::size_t from, Placeholder& out) {
  const std::size_t open = text.find("${", from);
  if (open == std::string_view::npos) return false;
  const std::size_t close = text.find('}', open + 2);
  if (close == std::string_view::npos) return false;
  out.begin = open;
  out.end = close + 1;
  out.literal = open + 2 < text.size() && text[open + 2] == '!';
  out.name = text.substr(open + 2, close - open - 2);
  return true;
}

}  // namespace

std::vector<SubVariable> sub_variables(std::string_view text) {
  std::vector<SubVariable> variables;
  Placeholder p;
  for (std::size_t at = 0; next_placeholder(text, at, p); at = p.end) {
    if (p.literal || p.name.empty()) continue;
    variables.push_back({std::string(p.name), p.begin, p.end - p.begin});
  }
  return variables;
}

std::vector<DynamicReference> find_dynamic_references(std::string_view text) {
  static constexpr std::string_view kOpen = "{{resolve:";
  std::vector<DynamicReference> references;
  std::size_t at = 0;
  while ((at = text.find(kOpen, at)) != std::string_view::npos) {
    const std::size_t body = at + kOpen.size();
    const std::size_t close = text.find("}}", body);
    if (close == std::string_view::npos) break;
    const std::string_view inner = text.substr(body, close - body);
    const std::size_t colon = inner.find(':');
    DynamicReference ref;
    ref.service = std::string(inner.substr(0, colon));
    ref.reference = colon == std::string_view::npos ? std::string() : std::string(inner.substr(colon + 1));
    ref.offset = at;
    ref.length = close + 2 - at;
    references.push_back(std::move(ref));
    at = close + 2;
  }
  return references;
}

namespace detail {

std::string substitute(std::string_view text,
                       const std::unordered_map<std::string_view, std::string_view>& values) {
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  Placeholder p;
  while (next_placeholder(text, at, p)) {
    out.append(text.substr(at, p.begin - at));
    if (p.literal) {
      // `${!Literal}` is how a template writes a literal `${Literal}`.
      out.append("${").append(p.name.substr(1)).append("}");
    } else if (auto found = values.find(p.name); found != values.end()) {
      out.append(found->second);
    } else {
      out.append(text.substr(p.begin, p.end - p.begin));
    }
    at = p.end;
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace detail
}  // namespace cfn_eks
