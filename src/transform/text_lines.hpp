#pragma once
// Line arithmetic on template text for the edit builders: where a line starts and ends,
// whether it is blank or a comment, and where a node's content really ends (libyaml ends
// block collections at the next token, past trailing comments and blank lines).

#include <cstdint>
#include <optional>
#include <string_view>

#include "cfn_eks/node.hpp"

namespace cfn_eks::lines {

/// Offset of the start of the line holding `at`.
std::uint32_t line_start(std::string_view text, std::uint32_t at);
/// Offset of the line break ending the line holding `at` (or the text's end).
std::uint32_t line_end(std::string_view text, std::uint32_t at);
/// Offset just past the line break ending the line holding `at` (or the text's end).
std::uint32_t next_line(std::string_view text, std::uint32_t at);
/// Start of the line before the one starting at `start`; `start` itself on the first line.
std::uint32_t previous_line(std::string_view text, std::uint32_t start);
/// Spaces before the first other character of the line starting at `start`.
unsigned indent_of(std::string_view text, std::uint32_t start);
/// The line starting at `start` holds only spaces and tabs.
bool is_blank(std::string_view text, std::uint32_t start);
/// The line starting at `start` holds only a comment (after spaces).
bool is_comment(std::string_view text, std::uint32_t start);
/// Only spaces precede `at` on its line.
bool first_on_line(std::string_view text, std::uint32_t at);
/// Column (bytes from the line start) of `at`.
unsigned column_of(std::string_view text, std::uint32_t at);
/// The leading whitespace of the line holding `at`.
std::string_view leading_whitespace(std::string_view text, std::uint32_t at);

/// Where a YAML node's own text ends (scalar end, closing bracket, or the end of its last
/// descendant). `text` is the whole source.
std::uint32_t content_end(std::string_view text, const Node& node);
/// Just past the `:` that follows a YAML key ending at `key_end`.
std::uint32_t after_colon(std::string_view text, std::uint32_t key_end);
/// Where a mapping entry's text ends: its value's content end, or just past the colon when
/// the value is an implicit null (`Key:` with nothing after it).
std::uint32_t entry_end(std::string_view text, const MapEntry& entry);

/// The end of a block entry whose first line sits at `column` and whose content ends at
/// `content`: past the rest of that line (a trailing comment) and past comment lines
/// indented deeper than `column` that follow (possibly after blank lines).
std::uint32_t block_end(std::string_view text, std::uint32_t content, unsigned column);

/// Start of the comment lines directly above the line starting at `start` that sit at
/// exactly `column` (no blank line between): an entry's own comments.
std::uint32_t own_comments_start(std::string_view text, std::uint32_t start, unsigned column);

/// True when most gaps between consecutive entries of a block mapping contain a blank
/// line; nullopt when the mapping has fewer than two entries (no evidence).
std::optional<bool> blank_line_convention(std::string_view text, const Node& mapping);

}  // namespace cfn_eks::lines
