#pragma once
// Internal: building a ResourceSchema from parsed registry-format JSON (resource_schema.cpp),
// for the collection (resource_schemas.cpp) and the meta-schema check.

#include <memory>
#include <string>

#include <rapidjson/document.h>

#include "cfn_eks/resource_schemas.hpp"

namespace cfn_eks {

/// Builds the schema of one type; nullptr with `error` set when the JSON is not a schema.
/// For our schemas an unresolved $ref also sets `error` (the schema is still returned).
std::unique_ptr<ResourceSchema> build_resource_schema(const rapidjson::Value& doc, SchemaOrigin origin,
                                                      const std::string& file, std::string* error);

/// Ours wins over an official schema of the same type, which stays as its fallback: its
/// attributes that ours lacks are added.
void set_fallback(ResourceSchema& schema, const ResourceSchema* fallback);

/// The value of the top-level "typeName" found by a scan (no full parse), or empty.
std::string scan_type_name(std::string_view json);

/// Parses with the iterative parser (no recursion on hostile nesting); false with a
/// "line:column: message" error.
bool parse_schema_json(std::string_view json, rapidjson::Document& doc, std::uint32_t& line, std::uint32_t& column,
                       std::string& message);

}  // namespace cfn_eks
