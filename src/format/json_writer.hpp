#pragma once
// The JSON writing the json and sarif formats share: a pretty writer on a stream, keys,
// strings made valid UTF-8 first, and the four fields of a start/end range under given names.

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include <cstdint>
#include <ostream>
#include <string_view>

#include "cfn_eks/source.hpp"

namespace cfn_eks::format {

using JsonWriter = rapidjson::PrettyWriter<rapidjson::OStreamWrapper>;

void write_key(JsonWriter& writer, std::string_view key);

/// RapidJSON escapes quotes and control characters; it needs valid UTF-8 to do so, and a
/// message may quote bytes from a broken template.
void write_string(JsonWriter& writer, std::string_view text);

/// The names a format gives a range's fields ("line", "column", "end_line", "end_column").
struct RangeKeys {
  std::string_view line;
  std::string_view column;
  std::string_view end_line;
  std::string_view end_column;
};

void write_range_fields(JsonWriter& writer, const RangeKeys& keys, Position start, Position end);

/// `{"line": L, "column": C}` for a byte offset of `source`; null when there is no source.
void write_position_object(JsonWriter& writer, const SourcePtr& source, std::uint32_t offset);

/// Writes one pretty-printed document (two-space indent, a final newline): `body` gets the writer.
template <typename Body>
void write_json_document(std::ostream& out, Body&& body) {
  rapidjson::OStreamWrapper stream(out);
  JsonWriter writer(stream);
  writer.SetIndent(' ', 2);
  body(writer);
  out << '\n';
}

}  // namespace cfn_eks::format
