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

void write_position_object(JsonWriter& writer, const SourcePtr& source, std::uint32_t offset) {
  if (!source) {
    writer.Null();
    return;
  }
  const Position position = source->position(offset);
  writer.StartObject();
  write_key(writer, "line");
  writer.Uint(position.line);
  write_key(writer, "column");
  writer.Uint(position.column);
  writer.EndObject();
}

}  // namespace cfn_eks::format
