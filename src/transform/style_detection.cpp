// Detects how a file is written, so inserted text matches it. Each setting is a vote over
// what the file already does; ties and files without evidence get the common defaults.

#include <map>
#include <optional>
#include <string>

#include "cfn_eks/emitter.hpp"
#include "transform/text_lines.hpp"

namespace cfn_eks {

namespace {

struct Votes {
  std::map<unsigned, unsigned> indents;  // indent width -> occurrences
  unsigned short_tags = 0;
  unsigned long_forms = 0;
  unsigned indented_sequences = 0;
  unsigned flush_sequences = 0;
  unsigned single_quoted = 0;
  unsigned double_quoted = 0;
};

void count_style(ScalarStyle style, Votes& votes) {
  if (style == ScalarStyle::SingleQuoted) ++votes.single_quoted;
  if (style == ScalarStyle::DoubleQuoted) ++votes.double_quoted;
}

// Walks a YAML tree; `key_column` is the column of the key owning `node` (or -1).
void walk(std::string_view text, const Node& node, int key_column, Votes& votes, unsigned depth) {
  if (depth > 256) return;
  switch (node.kind) {
    case NodeKind::Mapping:
      for (const MapEntry& entry : node.entries) {
        const auto column = static_cast<int>(lines::column_of(text, entry.key_range.begin));
        if (node.style == ScalarStyle::Block && key_column >= 0 && column > key_column &&
            lines::first_on_line(text, entry.key_range.begin)) {
          ++votes.indents[static_cast<unsigned>(column - key_column)];
        }
        count_style(entry.key_style, votes);
        if (entry.value != nullptr) walk(text, *entry.value, node.style == ScalarStyle::Block ? column : -1, votes, depth + 1);
      }
      break;
    case NodeKind::Sequence:
      if (node.style == ScalarStyle::Block && key_column >= 0 && !node.items.empty() && node.items.front() != nullptr) {
        // The dash sits two columns before a compact item's text.
        const std::uint32_t item = node.items.front()->range.begin;
        const std::uint32_t start = lines::line_start(text, item);
        const unsigned dash = lines::indent_of(text, start);
        if (item > start + dash && text[start + dash] == '-') {
          if (static_cast<int>(dash) > key_column) {
            ++votes.indented_sequences;
          } else if (static_cast<int>(dash) == key_column) {
            ++votes.flush_sequences;
          }
        }
      }
      // A compact item's keys sit two columns after the dash whatever the indent width, so
      // they cast no vote; their own children do.
      for (const Node* item : node.items) {
        if (item != nullptr) walk(text, *item, -1, votes, depth + 1);
      }
      break;
    case NodeKind::Intrinsic:
      if (node.form == IntrinsicForm::ShortTag) {
        ++votes.short_tags;
      } else {
        ++votes.long_forms;
      }
      if (node.argument != nullptr) {
        // A long-form function's argument hangs off its name like a key's value.
        const int column = node.form == IntrinsicForm::LongForm && node.style == ScalarStyle::Block
                               ? static_cast<int>(lines::column_of(text, node.name_range.begin))
                               : key_column;
        walk(text, *node.argument, column, votes, depth + 1);
      }
      break;
    default: count_style(node.style, votes); break;
  }
}

void detect_json_indent(std::string_view text, const Node& root, TextStyle& style) {
  if (root.kind != NodeKind::Mapping || root.entries.empty()) return;
  const std::uint32_t key = root.entries.front().key_range.begin;
  if (lines::line_start(text, key) == lines::line_start(text, root.range.begin)) return;
  const std::string_view outer = lines::leading_whitespace(text, root.range.begin);
  const std::string_view inner = lines::leading_whitespace(text, key);
  if (inner.size() <= outer.size()) return;
  const std::string_view unit = inner.substr(outer.size());
  if (unit.find('\t') != std::string_view::npos) {
    style.use_tabs = true;
    style.indent = 1;
  } else {
    style.indent = static_cast<unsigned>(unit.size());
  }
}

}  // namespace

TextStyle detect_style(const Document& document) {
  TextStyle style;
  style.format = document.format;
  const std::string_view text = document.source ? std::string_view(document.source->text()) : std::string_view();
  const std::size_t newline = text.find('\n');
  if (newline != std::string_view::npos && newline > 0 && text[newline - 1] == '\r') style.line_ending = LineEnding::CrLf;
  style.final_newline = text.empty() || text.back() == '\n';
  if (document.root == nullptr) return style;
  const Node& root = *document.root;

  if (document.format == SourceFormat::Json) {
    detect_json_indent(text, root, style);
    style.short_tags = false;
    style.quote = QuotePreference::Double;
  } else {
    Votes votes;
    // Root keys sit at column 0; their children's offset counts as an indent too.
    if (root.kind == NodeKind::Mapping && root.style == ScalarStyle::Block) {
      for (const MapEntry& entry : root.entries) {
        count_style(entry.key_style, votes);
        if (entry.value != nullptr) {
          walk(text, *entry.value, static_cast<int>(lines::column_of(text, entry.key_range.begin)), votes, 1);
        }
      }
    } else {
      walk(text, root, -1, votes, 0);
    }
    unsigned best = 0;
    for (const auto& [width, count] : votes.indents) {
      if (width >= 1 && width <= 8 && (best == 0 || count > votes.indents[best])) best = width;
    }
    if (best != 0) style.indent = best;
    // The long form only when the file writes it more often than short tags.
    style.short_tags = votes.short_tags >= votes.long_forms;
    style.indent_sequences = votes.flush_sequences == 0 || votes.indented_sequences >= votes.flush_sequences;
    style.quote = votes.double_quoted > votes.single_quoted ? QuotePreference::Double : QuotePreference::Single;
  }

  if (root.kind == NodeKind::Mapping) {
    if (document.format == SourceFormat::Yaml) {
      style.blank_line_between_sections = lines::blank_line_convention(text, root).value_or(false);
      unsigned with = 0;
      unsigned without = 0;
      for (const char* name : {"Resources", "Outputs", "Parameters", "Conditions", "Mappings"}) {
        const Node* section = root.get(name);
        if (section == nullptr) continue;
        const std::optional<bool> blank = lines::blank_line_convention(text, *section);
        if (!blank) continue;
        // Resources count double: they are where most insertions happen.
        const unsigned weight = std::string_view(name) == "Resources" ? 2 : 1;
        (*blank ? with : without) += weight;
      }
      style.blank_line_between_entries = with > without;
    }
  }
  return style;
}

}  // namespace cfn_eks
