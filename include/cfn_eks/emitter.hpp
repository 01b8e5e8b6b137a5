#pragma once
/// New template text in the style of an existing file: fragments, style detection, rendering.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cfn_eks/document.hpp"
#include "cfn_eks/node.hpp"

namespace cfn_eks {

enum class LineEnding : std::uint8_t { Lf, CrLf };

/// Which quotes a YAML string gets when it cannot stay plain.
enum class QuotePreference : std::uint8_t { Single, Double };

/// The layout conventions of one file, so inserted text looks like the user's own.
struct TextStyle {
  SourceFormat format = SourceFormat::Yaml;
  /// Spaces per nesting level (YAML, and JSON unless `use_tabs`).
  unsigned indent = 2;
  /// JSON indented with one tab per level.
  bool use_tabs = false;
  /// YAML: `!Ref X` rather than `Ref: X`. JSON always uses the long form.
  bool short_tags = true;
  /// YAML: a block sequence under a key is indented (`Key:\n  - a`) rather than flush (`Key:\n- a`).
  bool indent_sequences = true;
  LineEnding line_ending = LineEnding::Lf;
  /// The file ends with a line break.
  bool final_newline = true;
  /// Entries of the sections (resources, outputs, parameters) are separated by blank lines.
  bool blank_line_between_entries = false;
  /// Top-level sections are separated by blank lines.
  bool blank_line_between_sections = false;
  QuotePreference quote = QuotePreference::Single;

  std::string_view eol() const { return line_ending == LineEnding::CrLf ? "\r\n" : "\n"; }
  /// One JSON indentation level ("\t" or `indent` spaces).
  std::string json_unit() const { return use_tabs ? std::string("\t") : std::string(indent, ' '); }
};

/// Detects the style of a loaded document. Unparseable or empty documents get the defaults
/// (2 spaces, short tags, single quotes) with the file's format and line ending.
TextStyle detect_style(const Document& document);

struct FragmentEntry;

/// A value to be written into a template: built in memory, rendered by the emitter in a
/// file's style. Intrinsics are kept by long name ("Ref", "Fn::GetAtt"); the renderer picks
/// the short tag or the long form.
class Fragment {
 public:
  enum class Kind : std::uint8_t { Null, Bool, Number, String, Sequence, Mapping, Intrinsic };

  /// A null value.
  Fragment();

  static Fragment null_value();
  static Fragment boolean(bool value);
  /// A number written exactly as `text` ("3", "0.5"); the caller makes sure it is a number.
  static Fragment number(std::string text);
  static Fragment number(long long value);
  /// A string; the renderer quotes it whenever CloudFormation would otherwise read
  /// something else ("1.35", "true", "0123" stay strings).
  static Fragment string(std::string value);
  // Empty sequence and mapping are overloads, not default `{}` arguments: a default argument
  // would destroy a Fragment here, before FragmentEntry is complete (clang refuses that).
  static Fragment sequence();
  static Fragment sequence(std::vector<Fragment> items);
  static Fragment mapping();
  static Fragment mapping(std::vector<FragmentEntry> entries);
  /// An intrinsic by long name ("Fn::Join") with its argument as CloudFormation defines it.
  static Fragment intrinsic(std::string function, Fragment argument);
  static Fragment ref(std::string name);
  /// `!GetAtt resource.attribute` or `Fn::GetAtt: [resource, attribute]`.
  static Fragment get_att(std::string resource, std::string attribute);
  static Fragment sub(std::string text);
  static Fragment sub(std::string text, Fragment variables);
  static Fragment join(std::string delimiter, std::vector<Fragment> items);
  /// Copies a loaded node (kinds, values, intrinsics; not comments or layout).
  static Fragment from_node(const Node& node);

  /// Appends an entry to a mapping; returns *this for chaining.
  Fragment& add(std::string key, Fragment value);
  /// Appends an item to a sequence; returns *this for chaining.
  Fragment& push(Fragment item);

  Kind kind() const { return kind_; }
  bool is_scalar() const { return kind_ <= Kind::String; }
  /// Scalar text ("true", "42", the string), or the intrinsic's long name.
  const std::string& text() const { return text_; }
  const std::vector<Fragment>& items() const { return items_; }
  const std::vector<FragmentEntry>& entries() const { return entries_; }
  /// The intrinsic's argument; null for other kinds.
  const Fragment& argument() const;
  /// The value for `key` in a mapping, or nullptr.
  const Fragment* get(std::string_view key) const;

  /// Structural equality: mapping key order is ignored, `!GetAtt A.B` equals `[A, B]`,
  /// numbers compare as written.
  bool operator==(const Fragment& other) const;

 private:
  Kind kind_ = Kind::Null;
  std::string text_;
  std::vector<Fragment> items_;  ///< Sequence items; an intrinsic's argument is items_[0].
  std::vector<FragmentEntry> entries_;
};

/// One key and value of a mapping fragment.
struct FragmentEntry {
  std::string key;
  Fragment value;
  bool operator==(const FragmentEntry& other) const = default;
};

/// True when a loaded node has the value a fragment describes (same comparison as
/// Fragment::operator==): the test of "insert if absent".
bool same_value(const Node& node, const Fragment& fragment);

/// Renders a fragment as a block of YAML starting at `column`: the first line carries no
/// indentation (the caller writes it), later lines are indented from `column`. Scalars and
/// short-tag intrinsics come out on one line unless they are multi-line strings.
std::string render_yaml(const Fragment& fragment, const TextStyle& style, unsigned column = 0);

/// Renders a fragment as JSON; lines after the first are indented by `depth` levels plus
/// their own nesting.
std::string render_json(const Fragment& fragment, const TextStyle& style, unsigned depth = 0);

/// Renders a fragment as a whole file in `style.format`, ending with a line break.
std::string render_document(const Fragment& fragment, const TextStyle& style);

/// A YAML scalar that reads back as the string `value`: plain when that is safe, otherwise
/// quoted (single unless escapes are needed or `style` prefers double). `flow` forbids
/// the flow indicators `,[]{}` in plain scalars.
std::string yaml_quote(std::string_view value, const TextStyle& style, bool flow = false);

/// A JSON string literal for `value` (non-ASCII written as is).
std::string json_quote(std::string_view value);

}  // namespace cfn_eks
