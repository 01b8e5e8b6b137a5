#include "knowledge/template_limits.hpp"

#include <algorithm>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "knowledge/embedded_schemas.hpp"

namespace cfn_eks {

namespace {

constexpr std::string_view kLimitsPath = "cloudformation/limits.json";
constexpr std::string_view kSyntaxPath = "cloudformation/template_syntax.json";

std::string_view embedded(std::string_view path) {
  for (const EmbeddedFile& file : embedded_schema_files()) {
    if (file.path == path) return file.content;
  }
  return {};
}

bool parse_object(std::string_view json, rapidjson::Document& doc, std::string* error) {
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError()) {
    if (error) {
      *error = std::string("invalid JSON at offset ") + std::to_string(doc.GetErrorOffset()) + ": " +
               rapidjson::GetParseError_En(doc.GetParseError());
    }
    return false;
  }
  if (!doc.IsObject()) {
    if (error) *error = "expected a JSON object";
    return false;
  }
  return true;
}

std::size_t size_field(const rapidjson::Value& object, const char* key) {
  if (!object.IsObject()) return 0;
  auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsUint()) return 0;
  return it->value.GetUint();
}

SectionLimits section_limits(const rapidjson::Value& root, const char* key) {
  SectionLimits limits;
  auto it = root.FindMember(key);
  if (it == root.MemberEnd()) return limits;
  limits.count = size_field(it->value, "count");
  limits.name_length = size_field(it->value, "name_length");
  limits.description_bytes = size_field(it->value, "description_bytes");
  return limits;
}

std::string string_field(const rapidjson::Value& object, const char* key) {
  auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsString()) return {};
  return {it->value.GetString(), it->value.GetStringLength()};
}

/// The strings of an array member; nullopt when absent or not an array of strings.
std::optional<std::vector<std::string>> string_list(const rapidjson::Value& object, const char* key) {
  if (!object.IsObject()) return std::nullopt;
  auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsArray()) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& item : it->value.GetArray()) {
    if (!item.IsString()) return std::nullopt;
    out.emplace_back(item.GetString(), item.GetStringLength());
  }
  return out;
}

}  // namespace

std::optional<TemplateLimits> parse_template_limits(std::string_view json, std::string* error) {
  rapidjson::Document doc;
  if (!parse_object(json, doc, error)) return std::nullopt;
  TemplateLimits limits;
  limits.as_of = string_field(doc, "as_of");
  if (limits.as_of.empty() || !doc.HasMember("sources")) {
    if (error) *error = "limits need \"as_of\" and \"sources\"";
    return std::nullopt;
  }
  limits.resources = section_limits(doc, "resources");
  limits.parameters = section_limits(doc, "parameters");
  limits.outputs = section_limits(doc, "outputs");
  limits.mappings = section_limits(doc, "mappings");
  limits.conditions = section_limits(doc, "conditions");
  if (auto it = doc.FindMember("parameters"); it != doc.MemberEnd()) {
    limits.parameter_value_bytes = size_field(it->value, "value_bytes");
  }
  if (auto it = doc.FindMember("mappings"); it != doc.MemberEnd()) {
    limits.mapping_attributes = size_field(it->value, "attributes");
  }
  if (auto it = doc.FindMember("template"); it != doc.MemberEnd()) {
    limits.template_description_bytes = size_field(it->value, "description_bytes");
  }
  if (limits.resources.count == 0) {
    if (error) *error = "limits need resources.count";
    return std::nullopt;
  }
  return limits;
}

const TemplateLimits* template_limits() {
  // Parsed once on first use; initialising a function-local static is thread-safe.
  static const std::optional<TemplateLimits> limits = parse_template_limits(embedded(kLimitsPath));
  return limits ? &*limits : nullptr;
}

std::optional<TemplateSyntax> parse_template_syntax(std::string_view json, std::string* error) {
  rapidjson::Document doc;
  if (!parse_object(json, doc, error)) return std::nullopt;
  TemplateSyntax syntax;
  syntax.as_of = string_field(doc, "as_of");
  auto types_it = doc.FindMember("parameter_types");
  if (syntax.as_of.empty() || !doc.HasMember("sources") || types_it == doc.MemberEnd() ||
      !types_it->value.IsObject()) {
    if (error) *error = "syntax facts need \"as_of\", \"sources\" and \"parameter_types\"";
    return std::nullopt;
  }
  const rapidjson::Value& types = types_it->value;
  auto basic = string_list(types, "basic");
  auto aws_specific = string_list(types, "aws_specific");
  auto not_in_list = string_list(types, "aws_specific_not_in_list");
  std::string ssm_name = string_field(types, "ssm_name");
  auto keys = string_list(doc, "parameter_keys");
  auto deletion = string_list(doc, "deletion_policy_values");
  auto update_replace = string_list(doc, "update_replace_policy_values");
  auto snapshot = string_list(doc, "snapshot_resource_types");
  if (!basic || !aws_specific || !not_in_list || ssm_name.empty() || !keys || !deletion ||
      !update_replace || !snapshot) {
    if (error) *error = "syntax facts are missing a list";
    return std::nullopt;
  }

  // Every plain type may also be read from SSM: AWS::SSM::Parameter::Value<T>.
  std::vector<std::string> plain = *basic;
  for (const std::string& type : *aws_specific) {
    plain.push_back(type);
    if (std::find(not_in_list->begin(), not_in_list->end(), type) == not_in_list->end()) {
      plain.push_back("List<" + type + ">");
    }
  }
  plain.push_back(ssm_name);
  for (const std::string& type : plain) {
    syntax.parameter_types.insert(type);
    syntax.parameter_types.insert("AWS::SSM::Parameter::Value<" + type + ">");
  }
  syntax.parameter_types.insert(ssm_name);
  syntax.parameter_keys = std::move(*keys);
  syntax.deletion_policy_values = std::move(*deletion);
  syntax.update_replace_policy_values = std::move(*update_replace);
  syntax.snapshot_resource_types.insert(snapshot->begin(), snapshot->end());
  return syntax;
}

const TemplateSyntax* template_syntax() {
  static const std::optional<TemplateSyntax> syntax = parse_template_syntax(embedded(kSyntaxPath));
  return syntax ? &*syntax : nullptr;
}

}  // namespace cfn_eks
