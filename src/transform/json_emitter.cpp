// JSON rendering of fragments with the file's indentation; intrinsics are always long form.

#include <cstdio>
#include <string>

#include "cfn_eks/emitter.hpp"
#include "transform/emitter_internal.hpp"

namespace cfn_eks {

namespace {

// Short lists of scalars stay on one line, as CloudFormation JSON usually writes
// `"Fn::GetAtt": ["Role", "Arn"]`.
constexpr std::size_t kInlineWidth = 60;

class JsonWriter {
 public:
  explicit JsonWriter(const TextStyle& style) : unit_(style.json_unit()), eol_(style.eol()) {}

  std::string value(const Fragment& fragment, const std::string& indent) const {
    switch (fragment.kind()) {
      case Fragment::Kind::Null: return "null";
      case Fragment::Kind::Bool:
      case Fragment::Kind::Number: return fragment.text();
      case Fragment::Kind::String: return json_quote(fragment.text());
      case Fragment::Kind::Sequence: return sequence(fragment, indent);
      case Fragment::Kind::Mapping: return mapping(fragment, indent);
      case Fragment::Kind::Intrinsic: {
        // `{"Ref": "X"}` and other functions with a one-line argument stay on one line.
        const std::string argument = value(fragment.argument(), indent);
        if (argument.find('\n') == std::string::npos && argument.size() <= kInlineWidth) {
          return "{" + json_quote(fragment.text()) + ": " + argument + "}";
        }
        return mapping(Fragment::mapping({FragmentEntry{fragment.text(), fragment.argument()}}), indent);
      }
    }
    return "null";
  }

 private:
  std::string mapping(const Fragment& fragment, const std::string& indent) const {
    if (fragment.entries().empty()) return "{}";
    const std::string inner = indent + unit_;
    std::string out = "{";
    bool first = true;
    for (const FragmentEntry& entry : fragment.entries()) {
      if (!first) out += ",";
      out += eol_;
      out += inner + json_quote(entry.key) + ": " + value(entry.value, inner);
      first = false;
    }
    out += eol_;
    out += indent + "}";
    return out;
  }

  std::string sequence(const Fragment& fragment, const std::string& indent) const {
    if (fragment.items().empty()) return "[]";
    bool scalars = true;
    for (const Fragment& item : fragment.items()) scalars = scalars && item.is_scalar();
    if (scalars) {
      std::string line = "[";
      for (std::size_t i = 0; i < fragment.items().size(); ++i) {
        if (i > 0) line += ", ";
        line += value(fragment.items()[i], indent);
      }
      line += "]";
      if (line.size() <= kInlineWidth) return line;
    }
    const std::string inner = indent + unit_;
    std::string out = "[";
    bool first = true;
    for (const Fragment& item : fragment.items()) {
      if (!first) out += ",";
      out += eol_;
      out += inner + value(item, inner);
      first = false;
    }
    out += eol_;
    out += indent + "]";
    return out;
  }

  std::string unit_;
  std::string eol_;
};

}  // namespace

std::string json_quote(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

std::string render_json(const Fragment& fragment, const TextStyle& style, unsigned depth) {
  std::string indent;
  for (unsigned i = 0; i < depth; ++i) indent += style.json_unit();
  return JsonWriter(style).value(fragment, indent);
}

std::string render_document(const Fragment& fragment, const TextStyle& style) {
  std::string text = style.format == SourceFormat::Json ? render_json(fragment, style) : render_yaml(fragment, style);
  text += style.eol();
  return text;
}

namespace emit {

std::string json_value(const Fragment& value, const TextStyle& style, std::string_view base_indent) {
  return JsonWriter(style).value(value, std::string(base_indent));
}

}  // namespace emit

}  // namespace cfn_eks
