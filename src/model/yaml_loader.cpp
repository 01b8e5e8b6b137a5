// YAML loading from libyaml parser events (see README "Dependencies and why": libyaml reports
// unterminated quotes at the quote, rejects invalid input with positions, gives start and end
// marks and scalar styles, and is several times faster than yaml-cpp).

#include <yaml.h>

#include <memory>
#include <string>
#include <vector>

#include "cfn_eks/document.hpp"
#include "model/encoding_check.hpp"
#include "model/scalar_resolution.hpp"
#include "model/tree_builder.hpp"

namespace cfn_eks {

namespace {

// libyaml counts marks in characters; templates are mostly ASCII, so the byte offset of
// a character is computed through a table only when the text has multi-byte characters.
class MarkMap {
 public:
  MarkMap(const std::string& text, std::uint32_t base) : base_(base) {
    unsigned char high = 0;  // An OR over the text vectorises; a loop that stops early does not.
    for (std::size_t i = base; i < text.size(); ++i) high |= static_cast<unsigned char>(text[i]);
    if ((high & 0x80) == 0) return;
    char_starts_.reserve(text.size() - base + 1);
    for (std::size_t i = base; i < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) char_starts_.push_back(static_cast<std::uint32_t>(i));
    }
    char_starts_.push_back(static_cast<std::uint32_t>(text.size()));
  }

  std::uint32_t offset(const yaml_mark_t& mark) const {
    if (char_starts_.empty()) return base_ + static_cast<std::uint32_t>(mark.index);
    const std::size_t i = std::min(mark.index, char_starts_.size() - 1);
    return char_starts_[i];
  }

 private:
  std::uint32_t base_;
  std::vector<std::uint32_t> char_starts_;
};

ScalarStyle style_of(yaml_scalar_style_t style) {
  switch (style) {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: return ScalarStyle::SingleQuoted;
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return ScalarStyle::DoubleQuoted;
    case YAML_LITERAL_SCALAR_STYLE: return ScalarStyle::Literal;
    case YAML_FOLDED_SCALAR_STYLE: return ScalarStyle::Folded;
    default: return ScalarStyle::Plain;
  }
}

// Skips a tag as written ("!GetAtt ") so a short-form intrinsic's argument starts at its value.
std::uint32_t skip_tag(const std::string& text, std::uint32_t at, std::uint32_t limit) {
  if (at >= limit || text[at] != '!') return at;
  while (at < limit && text[at] != ' ' && text[at] != '\t' && text[at] != '\n' && text[at] != '\r') ++at;
  while (at < limit && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) ++at;
  return at;
}

class YamlLoader {
 public:
  YamlLoader(Document& document, const LoadLimits& limits, std::uint32_t base)
      : doc_(document), text_(document.source->text()), marks_(text_, base), builder_(document, limits) {}

  void run(std::uint32_t base) {
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    // Strings are fed past a BOM; libyaml then sees plain UTF-8.
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text_.data()) + base,
                                 text_.size() - base);
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    bool ok = true;
    int documents = 0;
    while (ok) {
      yaml_event_t event;
      if (!yaml_parser_parse(&parser, &event)) {
        report_parse_error(parser);
        ok = false;
        break;
      }
      const yaml_event_type_t type = event.type;
      if (type == YAML_DOCUMENT_START_EVENT && ++documents > 1) {
        const std::uint32_t at = marks_.offset(event.start_mark);
        doc_.diagnostics.push_back(doc_.make_diagnostic(
            load_rules::kMultipleDocuments, Severity::Error, ByteRange{at, std::max(at + 3, at)},
            "a template is one YAML document; remove the second document or split the file"));
        yaml_event_delete(&event);
        break;
      }
      ok = handle(event);
      yaml_event_delete(&event);
      if (type == YAML_STREAM_END_EVENT) break;
    }
    yaml_parser_delete(&parser);
    doc_.root = ok ? builder_.root() : nullptr;
    if (ok && doc_.root == nullptr) {
      // No document at all (empty, blank or only comments): the template is null, like `~`,
      // so rules report the missing Resources instead of the file passing silently.
      doc_.root = doc_.arena.make(NodeKind::Null);
      doc_.root->range = ByteRange{base, base};
    }
    // A failed parse leaves no tree, but findings already made (duplicates, anchors) stay.
  }

 private:
  bool handle(const yaml_event_t& event) {
    switch (event.type) {
      case YAML_SCALAR_EVENT: return on_scalar(event);
      case YAML_SEQUENCE_START_EVENT:
        return on_collection_start(event, NodeKind::Sequence, event.data.sequence_start.tag,
                                   event.data.sequence_start.anchor,
                                   event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE);
      case YAML_MAPPING_START_EVENT:
        return on_collection_start(event, NodeKind::Mapping, event.data.mapping_start.tag,
                                   event.data.mapping_start.anchor,
                                   event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE);
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        builder_.end_collection(marks_.offset(event.end_mark));
        return true;
      case YAML_ALIAS_EVENT: return on_alias(event);
      default: return true;
    }
  }

  ByteRange range_of(const yaml_event_t& event) const {
    return ByteRange{marks_.offset(event.start_mark), marks_.offset(event.end_mark)};
  }

  void report_anchor(const yaml_event_t& event, const unsigned char* anchor) {
    if (anchor == nullptr) return;
    const std::uint32_t at = marks_.offset(event.start_mark);
    const std::string name(reinterpret_cast<const char*>(anchor));
    doc_.diagnostics.push_back(doc_.make_diagnostic(
        load_rules::kAnchorOrAlias, Severity::Error, ByteRange{at, at + 1 + static_cast<std::uint32_t>(name.size())},
        "anchor '&" + name + "' is not supported by CloudFormation; repeat the value instead"));
  }

  bool on_alias(const yaml_event_t& event) {
    const ByteRange range = range_of(event);
    const std::string name(reinterpret_cast<const char*>(event.data.alias.anchor));
    doc_.diagnostics.push_back(doc_.make_diagnostic(
        load_rules::kAnchorOrAlias, Severity::Error, range,
        "alias '*" + name + "' is not supported by CloudFormation; repeat the value instead"));
    // Never expanded: an alias bomb costs nothing. It stands as null in the tree.
    if (builder_.expecting_key()) {
      builder_.add_key("*" + name, range, ScalarStyle::Plain);
      return true;
    }
    Node* node = doc_.arena.make(NodeKind::Null);
    node->range = range;
    node->text = "*" + name;
    builder_.add_value(node);
    return true;
  }

  // A tag becomes an intrinsic wrapper (short form), a standard-type override, or an
  // unknown-tag finding; returns the wrapper or nullptr.
  Node* apply_tag(const yaml_event_t& event, const unsigned char* tag_chars, NodeKind& kind, bool& forced) {
    forced = false;
    if (tag_chars == nullptr) return nullptr;
    const std::string_view tag(reinterpret_cast<const char*>(tag_chars));
    const ByteRange range = range_of(event);
    if (tag == "!") {
      // The non-specific tag: a string, never resolved as a number or boolean (libyaml marks
      // `! 12` plain-implicit, so the kind is forced here).
      if (kind != NodeKind::Sequence && kind != NodeKind::Mapping) {
        kind = NodeKind::String;
        forced = true;
      }
      return nullptr;
    }
    if (std::string function = intrinsic_for_tag(tag); !function.empty()) {
      Node* wrapper = doc_.arena.make(NodeKind::Intrinsic);
      wrapper->form = IntrinsicForm::ShortTag;
      wrapper->text = std::move(function);
      wrapper->tag = std::string(tag);
      wrapper->range = range;
      const std::uint32_t tag_end = std::min<std::uint32_t>(range.begin + static_cast<std::uint32_t>(tag.size()), range.end);
      wrapper->name_range = ByteRange{range.begin, tag_end};
      return wrapper;
    }
    bool known = false;
    const NodeKind standard = kind_for_standard_tag(tag, known);
    if (known) {
      if (kind != NodeKind::Sequence && kind != NodeKind::Mapping) {
        kind = standard;
        forced = true;
      }
      return nullptr;
    }
    const std::string shown = tag.starts_with("tag:yaml.org,2002:") ? "!!" + std::string(tag.substr(18)) : std::string(tag);
    doc_.diagnostics.push_back(doc_.make_diagnostic(
        load_rules::kUnknownTag, Severity::Error, ByteRange{range.begin, range.begin + static_cast<std::uint32_t>(std::min<std::size_t>(shown.size(), range.end - range.begin))},
        "unknown tag '" + shown + "'; CloudFormation knows only the short forms of its intrinsic functions"));
    return nullptr;
  }

  bool on_scalar(const yaml_event_t& event) {
    const auto& scalar = event.data.scalar;
    report_anchor(event, scalar.anchor);
    ByteRange range = range_of(event);
    std::string value(reinterpret_cast<const char*>(scalar.value), scalar.length);
    const ScalarStyle style = style_of(scalar.style);
    if (builder_.expecting_key()) {
      if (scalar.tag != nullptr && intrinsic_for_tag(reinterpret_cast<const char*>(scalar.tag)).size() > 0) {
        report_syntax(range, "a mapping key cannot be an intrinsic function");
        return false;
      }
      range.begin = skip_tag(text_, range.begin, range.end);
      builder_.add_key(std::move(value), range, style);
      return true;
    }
    NodeKind kind = NodeKind::String;
    bool forced = false;
    Node* wrapper = apply_tag(event, scalar.tag, kind, forced);
    if (!forced) {
      kind = (style == ScalarStyle::Plain && scalar.plain_implicit) ? resolve_plain_scalar(value) : NodeKind::String;
    }
    Node* node = doc_.arena.make(kind);
    node->style = style;
    node->text = std::move(value);
    node->range = range;
    if (scalar.tag != nullptr && wrapper == nullptr) node->tag = reinterpret_cast<const char*>(scalar.tag);
    if (wrapper != nullptr) {
      node->range.begin = skip_tag(text_, range.begin, range.end);
      if (node->range.begin > node->range.end) node->range.begin = node->range.end;
      // `!GetAZs` with nothing after it is the empty string, not null.
      if (node->kind == NodeKind::Null && node->text.empty()) node->kind = NodeKind::String;
      wrapper->argument = node;
      builder_.add_value(wrapper);
    } else {
      builder_.add_value(node);
    }
    return true;
  }

  bool on_collection_start(const yaml_event_t& event, NodeKind kind, const unsigned char* tag,
                           const unsigned char* anchor, bool flow) {
    report_anchor(event, anchor);
    const ByteRange range = range_of(event);
    if (builder_.expecting_key()) {
      report_syntax(range, "a mapping key must be a string, not a list or mapping");
      return false;
    }
    bool forced = false;
    NodeKind unused = kind;
    Node* wrapper = apply_tag(event, tag, unused, forced);
    std::uint32_t begin = range.begin;
    if (wrapper != nullptr) begin = skip_tag(text_, range.begin, static_cast<std::uint32_t>(text_.size()));
    return builder_.begin_collection(kind, begin, flow ? ScalarStyle::Flow : ScalarStyle::Block, wrapper);
  }

  void report_syntax(ByteRange range, std::string message) {
    doc_.diagnostics.push_back(doc_.make_diagnostic(load_rules::kSyntaxError, Severity::Error, range, std::move(message)));
  }

  void report_parse_error(const yaml_parser_t& parser) {
    std::string problem = parser.problem != nullptr ? parser.problem : "invalid YAML";
    std::uint32_t at = marks_.offset(parser.problem_mark);
    std::string context = parser.context != nullptr ? parser.context : "";
    const bool has_context = !context.empty();
    const std::uint32_t context_at = marks_.offset(parser.context_mark);
    // An unterminated quote or bracket is where the user must look, not the end of the file.
    const bool points_at_start = has_context && (problem.find("end of stream") != std::string::npos ||
                                                 context.find("quoted scalar") != std::string::npos);
    std::string message = "YAML syntax error: " + problem;
    if (has_context) message += " " + context;
    const std::uint32_t primary = points_at_start ? context_at : at;
    Diagnostic diagnostic = doc_.make_diagnostic(load_rules::kSyntaxError, Severity::Error,
                                                 ByteRange{primary, primary + 1}, std::move(message));
    if (has_context) {
      const std::uint32_t other = points_at_start ? at : context_at;
      if (other != primary) {
        diagnostic.related.push_back(RelatedLocation{ByteRange{other, other}, doc_.source->position(other),
                                                     doc_.source->position(other),
                                                     points_at_start ? "the parser stopped here" : context});
      }
    }
    doc_.diagnostics.push_back(std::move(diagnostic));
  }

  Document& doc_;
  const std::string& text_;
  MarkMap marks_;
  TreeBuilder builder_;
};

}  // namespace

Document load_yaml(SourcePtr source, const LoadLimits& limits) {
  Document document;
  document.source = std::move(source);
  document.format = SourceFormat::Yaml;
  const std::uint32_t base = check_text(document, limits);
  if (base == kTextRejected) return document;
  YamlLoader loader(document, limits, base);
  loader.run(base);
  return document;
}

}  // namespace cfn_eks
