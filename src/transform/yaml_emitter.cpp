// YAML rendering of fragments in a file's style. Strings are quoted whenever a YAML 1.1
// reader (CloudFormation's) or a YAML 1.2 tool could read them as anything but a string.

#include <cstdio>
#include <string>

#include "cfn_eks/emitter.hpp"
#include "model/scalar_resolution.hpp"
#include "transform/emitter_internal.hpp"

namespace cfn_eks {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Code point at `at` (UTF-8) and its length; malformed bytes count as one-byte U+FFFD.
char32_t decode(std::string_view s, std::size_t at, std::size_t& length) {
  const auto b = static_cast<unsigned char>(s[at]);
  length = 1;
  if (b < 0x80) return b;
  std::size_t n = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
  if (n == 0 || at + n > s.size()) return 0xFFFD;
  char32_t cp = b & (0x7F >> n);
  for (std::size_t i = 1; i < n; ++i) {
    const auto c = static_cast<unsigned char>(s[at + i]);
    if ((c & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (c & 0x3F);
  }
  length = n;
  return cp;
}

// Characters a YAML reader treats as line breaks or strips (NEL, LS, PS, BOM), or that are
// not printable: only a double-quoted escape keeps them.
bool needs_escape(char32_t cp) {
  if (cp < 0x20) return cp != '\n';  // tabs too: quoted scalars may fold them away at line ends
  return cp == 0x7F || cp == 0x85 || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || (cp >= 0x80 && cp < 0xA0) ||
         cp == 0xFFFD;
}

bool any_escape_needed(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t length = 0;
    const char32_t cp = decode(s, i, length);
    if (needs_escape(cp) && !(cp == 0xFFFD && length == 3)) return true;
    i += length;
  }
  return false;
}

// Looks like a number, date, time or sexagesimal in some YAML version: "1.35", "0123",
// "1e5", "0x1F", "0o17", "1_000", "2012-10-17", "1:20", ".5", "+1".
bool numeric_looking(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i < s.size() && s[i] == '.') ++i;
  if (i >= s.size() || !is_digit(s[i])) return false;
  for (char c : s) {
    const bool allowed = is_digit(c) || c == '.' || c == '_' || c == ':' || c == '-' || c == '+' || c == 'e' ||
                         c == 'E' || c == 'x' || c == 'X' || c == 'o' || c == 'O' || c == 'b' || c == 'B' ||
                         (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == 'T' || c == 't' || c == 'Z' ||
                         c == ' ';
    if (!allowed) return false;
  }
  return true;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool plain_safe(std::string_view s, bool flow) {
  if (s.empty()) return false;
  if (resolve_plain_scalar(s) != NodeKind::String) return false;
  if (numeric_looking(s)) return false;
  const std::string l = lower(s);
  if (l == "y" || l == "n" || l == ".inf" || l == "-.inf" || l == "+.inf" || l == ".nan" || l == "<<" || l == "=") {
    return false;
  }
  static constexpr std::string_view kIndicators = "-?:,[]{}#&*!|>'\"%@`";
  if (kIndicators.find(s.front()) != std::string_view::npos) return false;
  if (s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
  if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) return false;
  if (flow && s.find_first_of(",[]{}") != std::string_view::npos) return false;
  if (s.find('\n') != std::string_view::npos) return false;
  if (s.find('\t') != std::string_view::npos) return false;
  // "---" and "..." at a line start end a document.
  if (s.rfind("---", 0) == 0 || s.rfind("...", 0) == 0) return false;
  return !any_escape_needed(s);
}

std::string double_quoted(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    std::size_t length = 0;
    const char32_t cp = decode(s, i, length);
    const bool malformed = cp == 0xFFFD && length == 1;
    switch (cp) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case 0x85: out += "\\N"; break;
      case 0x2028: out += "\\L"; break;
      case 0x2029: out += "\\P"; break;
      default:
        if (malformed || (needs_escape(cp) && !(cp == 0xFFFD && length == 3))) {
          char buffer[16];
          if (malformed) {
            std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned char>(s[i]));
          } else if (cp < 0x100) {
            std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned>(cp));
          } else {
            std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(cp));
          }
          out += buffer;
        } else {
          out.append(s.substr(i, length));
        }
    }
    i += length;
  }
  out += '"';
  return out;
}

std::string single_quoted(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  out += '\'';
  return out;
}

// A literal block scalar keeps a script byte for byte; it cannot hold escapes, carriage
// returns or whitespace-only lines, and its first line may not start with a space (the
// reader takes the indentation from it).
bool literal_possible(std::string_view s) {
  if (s.find('\n') == std::string_view::npos || s.find('\r') != std::string_view::npos) return false;
  std::string_view body = s;
  while (!body.empty() && body.back() == '\n') body.remove_suffix(1);
  if (body.empty()) return false;
  bool first_content = true;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view line = body.substr(start, end - start);
    if (!line.empty()) {
      if (line.find_first_not_of(" \t") == std::string_view::npos) return false;
      if (first_content && (line.front() == ' ' || line.front() == '\t')) return false;
      first_content = false;
    }
    start = end + 1;
  }
  for (std::size_t i = 0; i < s.size();) {
    std::size_t length = 0;
    const char32_t cp = decode(s, i, length);
    if (cp != '\t' && needs_escape(cp)) return false;
    if (cp == 0xFFFD && length == 1) return false;
    i += length;
  }
  return true;
}

std::string literal_block(std::string_view s, const TextStyle& style, unsigned content_column) {
  std::size_t trailing = 0;
  while (trailing < s.size() && s[s.size() - 1 - trailing] == '\n') ++trailing;
  const std::string_view body = s.substr(0, s.size() - trailing);
  std::string out = trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+";
  const std::string indent(content_column, ' ');
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    out += style.eol();
    if (end > start) {
      out += indent;
      out.append(body.substr(start, end - start));
    }
    start = end + 1;
  }
  for (std::size_t i = 1; i < trailing; ++i) out += style.eol();
  return out;
}

std::string short_tag(std::string_view function) {
  if (function.rfind("Fn::", 0) == 0) return "!" + std::string(function.substr(4));
  return "!" + std::string(function);
}

class YamlWriter {
 public:
  explicit YamlWriter(const TextStyle& style) : style_(style), eol_(style.eol()) {}

  // A scalar in block context; multi-line strings become literal blocks whose lines sit at
  // `content_column`.
  std::string scalar(const Fragment& value, unsigned content_column, bool flow) const {
    switch (value.kind()) {
      case Fragment::Kind::Null: return "null";
      case Fragment::Kind::Bool:
      case Fragment::Kind::Number: return value.text();
      default: break;
    }
    if (!flow && literal_possible(value.text())) return literal_block(value.text(), style_, content_column);
    return yaml_quote(value.text(), style_, flow);
  }

  // Short tags when the file prefers them, but never a tag on a tagged node (`!Base64 !Sub`
  // is not YAML): the outer function then takes the long form.
  bool use_short(const Fragment& value) const {
    if (!style_.short_tags || value.kind() != Fragment::Kind::Intrinsic) return false;
    const Fragment& argument = value.argument();
    return !(argument.kind() == Fragment::Kind::Intrinsic && use_short(argument));
  }

  // GetAtt with two plain strings goes dotted: `!GetAtt Resource.Attribute`.
  static bool dotted_get_att(const Fragment& value) {
    if (value.text() != "Fn::GetAtt") return false;
    const Fragment& argument = value.argument();
    return argument.kind() == Fragment::Kind::Sequence && argument.items().size() == 2 &&
           argument.items()[0].kind() == Fragment::Kind::String && argument.items()[1].kind() == Fragment::Kind::String &&
           argument.items()[0].text().find('.') == std::string::npos && !argument.items()[0].text().empty();
  }

  static Fragment long_form(const Fragment& value) {
    return Fragment::mapping({FragmentEntry{value.text(), value.argument()}});
  }

  bool single_line(const Fragment& value) const {
    switch (value.kind()) {
      case Fragment::Kind::Sequence: return value.items().empty();
      case Fragment::Kind::Mapping: return value.entries().empty();
      case Fragment::Kind::Intrinsic:
        if (!use_short(value)) return false;
        if (dotted_get_att(value)) return true;
        return single_line(value.argument());
      case Fragment::Kind::String: return !literal_possible(value.text());
      default: return true;
    }
  }

  // Text after `key:`; nested blocks start at key_column + indent.
  std::string after_key(const Fragment& value, unsigned key_column) const {
    const unsigned child = key_column + style_.indent;
    switch (value.kind()) {
      case Fragment::Kind::Mapping:
        if (value.entries().empty()) return " {}";
        return std::string(eol_) + mapping(value, child, true);
      case Fragment::Kind::Sequence:
        if (value.items().empty()) return " []";
        return std::string(eol_) + sequence(value, style_.indent_sequences ? child : key_column, true);
      case Fragment::Kind::Intrinsic: return intrinsic_after(value, key_column, child);
      default: return " " + scalar(value, child, false);
    }
  }

  std::string after_dash(const Fragment& value, unsigned dash_column) const {
    const unsigned content = dash_column + 2;
    switch (value.kind()) {
      case Fragment::Kind::Mapping:
        if (value.entries().empty()) return " {}";
        return " " + mapping(value, content, false);
      case Fragment::Kind::Sequence:
        if (value.items().empty()) return " []";
        return " " + sequence(value, content, false);
      case Fragment::Kind::Intrinsic:
        if (!use_short(value)) return " " + mapping(long_form(value), content, false);
        return intrinsic_after(value, dash_column, content);
      default: return " " + scalar(value, content, false);
    }
  }

  std::string mapping(const Fragment& value, unsigned column, bool indent_first) const {
    std::string out;
    bool first = true;
    for (const FragmentEntry& entry : value.entries()) {
      if (!first) out += eol_;
      if (!first || indent_first) out.append(column, ' ');
      out += entry_text(entry.key, entry.value, column);
      first = false;
    }
    return out;
  }

  std::string sequence(const Fragment& value, unsigned column, bool indent_first) const {
    std::string out;
    bool first = true;
    for (const Fragment& item : value.items()) {
      if (!first) out += eol_;
      if (!first || indent_first) out.append(column, ' ');
      out += "-";
      out += after_dash(item, column);
      first = false;
    }
    return out;
  }

  std::string entry_text(std::string_view key, const Fragment& value, unsigned column) const {
    if (value.kind() == Fragment::Kind::Intrinsic && !use_short(value)) {
      return emit::yaml_key(key, style_, false) + ":" + after_key(long_form(value), column);
    }
    return emit::yaml_key(key, style_, false) + ":" + after_key(value, column);
  }

  std::string flow(const Fragment& value) const {
    switch (value.kind()) {
      case Fragment::Kind::Sequence: {
        std::string out = "[";
        for (std::size_t i = 0; i < value.items().size(); ++i) {
          if (i > 0) out += ", ";
          out += flow(value.items()[i]);
        }
        return out + "]";
      }
      case Fragment::Kind::Mapping: {
        std::string out = "{";
        for (std::size_t i = 0; i < value.entries().size(); ++i) {
          if (i > 0) out += ", ";
          out += emit::yaml_key(value.entries()[i].key, style_, true) + ": " + flow(value.entries()[i].value);
        }
        return out + "}";
      }
      case Fragment::Kind::Intrinsic:
        if (!use_short(value)) return flow(long_form(value));
        if (dotted_get_att(value)) {
          const auto& items = value.argument().items();
          return "!GetAtt " + yaml_quote(items[0].text() + "." + items[1].text(), style_, true);
        }
        return short_tag(value.text()) + " " + flow(value.argument());
      default: return scalar(value, 0, true);
    }
  }

 private:
  // `key_column` is where the owning key or dash sits; `child` where nested blocks go.
  std::string intrinsic_after(const Fragment& value, unsigned key_column, unsigned child) const {
    if (!use_short(value)) return after_key(long_form(value), key_column);
    const std::string tag = short_tag(value.text());
    if (dotted_get_att(value)) {
      const auto& items = value.argument().items();
      return " " + tag + " " + yaml_quote(items[0].text() + "." + items[1].text(), style_, false);
    }
    const Fragment& argument = value.argument();
    switch (argument.kind()) {
      case Fragment::Kind::Mapping:
        if (argument.entries().empty()) return " " + tag + " {}";
        return " " + tag + std::string(eol_) + mapping(argument, child, true);
      case Fragment::Kind::Sequence:
        if (argument.items().empty()) return " " + tag + " []";
        return " " + tag + std::string(eol_) + sequence(argument, child, true);
      case Fragment::Kind::Intrinsic:
        // Only reached for a long-form argument (use_short refused a short one).
        return " " + tag + std::string(eol_) + mapping(long_form(argument), child, true);
      default: return " " + tag + " " + scalar(argument, child, false);
    }
  }

  const TextStyle& style_;
  std::string_view eol_;
};

}  // namespace

std::string yaml_quote(std::string_view value, const TextStyle& style, bool flow) {
  if (plain_safe(value, flow)) return std::string(value);
  if (style.quote == QuotePreference::Double || any_escape_needed(value) || value.find('\n') != std::string_view::npos) {
    return double_quoted(value);
  }
  return single_quoted(value);
}

std::string render_yaml(const Fragment& fragment, const TextStyle& style, unsigned column) {
  const YamlWriter writer(style);
  switch (fragment.kind()) {
    case Fragment::Kind::Mapping:
      if (fragment.entries().empty()) return "{}";
      return writer.mapping(fragment, column, false);
    case Fragment::Kind::Sequence:
      if (fragment.items().empty()) return "[]";
      return writer.sequence(fragment, column, false);
    case Fragment::Kind::Intrinsic: {
      if (!writer.use_short(fragment)) return writer.mapping(YamlWriter::long_form(fragment), column, false);
      return writer.after_key(fragment, column).substr(1);  // drop the space that follows a key
    }
    default: return writer.scalar(fragment, column + style.indent, false);
  }
}

namespace emit {

std::string yaml_after_key(const Fragment& value, const TextStyle& style, unsigned key_column) {
  const YamlWriter writer(style);
  if (value.kind() == Fragment::Kind::Intrinsic && !writer.use_short(value)) {
    return writer.after_key(YamlWriter::long_form(value), key_column);
  }
  return writer.after_key(value, key_column);
}

std::string yaml_after_dash(const Fragment& value, const TextStyle& style, unsigned dash_column) {
  return YamlWriter(style).after_dash(value, dash_column);
}

std::string yaml_entry(std::string_view key, const Fragment& value, const TextStyle& style, unsigned column) {
  return YamlWriter(style).entry_text(key, value, column);
}

std::string yaml_key(std::string_view key, const TextStyle& style, bool flow) { return yaml_quote(key, style, flow); }

std::string yaml_flow(const Fragment& value, const TextStyle& style) { return YamlWriter(style).flow(value); }

bool yaml_single_line(const Fragment& value, const TextStyle& style) { return YamlWriter(style).single_line(value); }

}  // namespace emit

}  // namespace cfn_eks
