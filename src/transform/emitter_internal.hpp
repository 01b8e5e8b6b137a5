#pragma once
// The emitter's pieces the edit builders need: a YAML value written after `key:` or `- `
// at a given column, flow-style YAML, and JSON indented from an existing line.

#include <string>
#include <string_view>

#include "cfn_eks/emitter.hpp"

namespace cfn_eks::emit {

/// Text that follows `key:` when the key sits at `key_column`: " value" for values on the
/// key's line, or a line break and an indented block. No trailing line break.
std::string yaml_after_key(const Fragment& value, const TextStyle& style, unsigned key_column);

/// Text that follows `-` when the dash sits at `dash_column` (" value" or a compact
/// mapping/sequence starting on the dash's line). No trailing line break.
std::string yaml_after_dash(const Fragment& value, const TextStyle& style, unsigned dash_column);

/// A block-mapping entry `key: value` for a key at `column`; the first line has no
/// indentation, no trailing line break.
std::string yaml_entry(std::string_view key, const Fragment& value, const TextStyle& style, unsigned column);

/// A key as written in YAML: plain when safe, else quoted.
std::string yaml_key(std::string_view key, const TextStyle& style, bool flow);

/// A value in YAML flow style (one line): `[a, b]`, `{k: v}`, `!Ref X`.
std::string yaml_flow(const Fragment& value, const TextStyle& style);

/// True when the value renders on the key's own line in block style (scalar without line
/// breaks, empty collection, short tag with such an argument).
bool yaml_single_line(const Fragment& value, const TextStyle& style);

/// JSON for `value`; lines after the first start with `base_indent` plus nesting levels.
std::string json_value(const Fragment& value, const TextStyle& style, std::string_view base_indent);

}  // namespace cfn_eks::emit
