#include "format/json_writer.hpp"

#include <string>

#include "format/format_util.hpp"

namespace cfn_eks::format {

void write_key(JsonWriter& writer, std::string_view key) {
  writer.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
}

void write_string(JsonWriter& writer, std::string_view text) {
  const std::string valid = valid_utf8(text);
  writer.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
}

void write_range_fields(JsonWriter& writer, const RangeKeys& keys, Position start, Position end) {
  write_key(writer, keys.line);
  writer.Uint(start.line);
  write_key(writer, keys.column);
  writer.Uint(start.column);
  write_key(writer, keys.end_line);
  writer.Uint(end.line);
  write_key(writer, keys.end_column);
  writer.Uint(end.column);
}

}  // namespace cfn_eks::format
