#include "model/scalar_resolution.hpp"


namespace cfn_eks {

namespace {

bool one_of(std::string_view text, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (text == w) return true;
  }
  return false;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// YAML 1.1 int (decimal, 0x, 0o/0 octal, with '_' separators) and float
// ([-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?, .inf, .nan), hand-written for speed.
bool is_number(std::string_view t) {
  if (t.empty()) return false;
  std::size_t i = 0;
  if (t[0] == '+' || t[0] == '-') i = 1;
  if (i == t.size()) return false;
  const std::string_view body = t.substr(i);
  if (one_of(body, {".inf", ".Inf", ".INF"})) return true;
  if (i == 0 && one_of(body, {".nan", ".NaN", ".NAN"})) return true;
  if (body.size() > 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X')) {
    for (std::size_t k = 2; k < body.size(); ++k) {
      const char c = body[k];
      if (!(is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '_')) return false;
    }
    return true;
  }
  bool digits = false;
  bool dot = false;
  std::size_t k = 0;
  for (; k < body.size(); ++k) {
    const char c = body[k];
    if (is_digit(c)) {
      digits = true;
    } else if (c == '_' && digits) {
      continue;
    } else if (c == '.' && !dot) {
      dot = true;
    } else {
      break;
    }
  }
  if (k == body.size()) return digits;
  // An exponent needs a mantissa with a dot in YAML 1.1 ("1e5" is a string there).
  if (!digits || !dot || (body[k] != 'e' && body[k] != 'E')) return false;
  ++k;
  if (k < body.size() && (body[k] == '+' || body[k] == '-')) ++k;
  if (k == body.size()) return false;
  for (; k < body.size(); ++k) {
    if (!is_digit(body[k])) return false;
  }
  return true;
}

}  // namespace

NodeKind resolve_plain_scalar(std::string_view text) {
  // Most plain scalars are names and ids: a first character that starts no null, boolean or
  // number settles it without the word lists.
  if (!text.empty()) {
    const char c = text[0];
    const bool may_be_special = is_digit(c) || c == '+' || c == '-' || c == '.' || c == '~' || c == 'n' ||
                                c == 'N' || c == 't' || c == 'T' || c == 'f' || c == 'F' || c == 'y' ||
                                c == 'Y' || c == 'o' || c == 'O';
    if (!may_be_special) return NodeKind::String;
  }
  if (one_of(text, {"", "~", "null", "Null", "NULL"})) return NodeKind::Null;
  if (one_of(text, {"true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES", "no", "No", "NO",
                    "on", "On", "ON", "off", "Off", "OFF"})) {
    return NodeKind::Bool;
  }
  if (is_number(text)) return NodeKind::Number;
  return NodeKind::String;
}

NodeKind kind_for_standard_tag(std::string_view tag, bool& known) {
  known = true;
  if (tag == "tag:yaml.org,2002:str") return NodeKind::String;
  if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float") return NodeKind::Number;
  if (tag == "tag:yaml.org,2002:bool") return NodeKind::Bool;
  if (tag == "tag:yaml.org,2002:null") return NodeKind::Null;
  if (tag == "tag:yaml.org,2002:map") return NodeKind::Mapping;
  if (tag == "tag:yaml.org,2002:seq") return NodeKind::Sequence;
  known = false;
  return NodeKind::Null;
}

}  // namespace cfn_eks
