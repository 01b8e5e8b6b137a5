#include "rules/intrinsics/intrinsic_knowledge.hpp"

#include <algorithm>

#include <rapidjson/document.h>

#include "knowledge/embedded_schemas.hpp"

namespace cfn_eks {

namespace {

constexpr std::string_view kSchemaPath = "cloudformation/intrinsics.json";

bool read_strings(const rapidjson::Value& value, std::vector<std::string>& out) {
  if (!value.IsArray()) return false;
  for (const auto& item : value.GetArray()) {
    if (!item.IsString()) return false;
    out.emplace_back(item.GetString(), item.GetStringLength());
  }
  return true;
}

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool read_flag(const rapidjson::Value& object, const char* key) {
  const auto it = object.FindMember(key);
  return it != object.MemberEnd() && it->value.IsBool() && it->value.GetBool();
}

}  // namespace

IntrinsicKnowledge::IntrinsicKnowledge(std::string_view json) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError() || !doc.IsObject()) {
    error_ = "intrinsics.json is not a JSON object";
    return;
  }
  if (doc.HasMember("as_of") && doc["as_of"].IsString()) as_of_ = doc["as_of"].GetString();
  if (!doc.HasMember("functions") || !doc["functions"].IsObject()) {
    error_ = "intrinsics.json has no 'functions' object";
    return;
  }
  for (const auto& member : doc["functions"].GetObject()) {
    if (!member.value.IsObject()) {
      error_ = "function entry is not an object";
      return;
    }
    IntrinsicSpec spec;
    spec.name.assign(member.name.GetString(), member.name.GetStringLength());
    const auto tag = member.value.FindMember("short_tag");
    if (tag != member.value.MemberEnd() && tag->value.IsString()) spec.short_tag = tag->value.GetString();
    spec.condition_function = read_flag(member.value, "condition_function");
    spec.language_extensions = read_flag(member.value, "language_extensions");
    spec.rules_only = read_flag(member.value, "rules_only");
    const auto nested = member.value.FindMember("nested");
    if (nested != member.value.MemberEnd()) {
      if (!nested->value.IsObject()) {
        error_ = "'nested' of " + spec.name + " is not an object";
        return;
      }
      for (const auto& position : nested->value.GetObject()) {
        std::vector<std::string> allowed;
        if (!read_strings(position.value, allowed)) {
          error_ = "'nested' of " + spec.name + " holds a non-list";
          return;
        }
        spec.nested.emplace(position.name.GetString(), std::move(allowed));
      }
    }
    specs_.push_back(std::move(spec));
  }
  const auto read_list = [&](const char* key, std::vector<std::string>& out) {
    if (!doc.HasMember(key) || !read_strings(doc[key], out)) error_ = std::string("bad '") + key + "' list";
  };
  read_list("rule_functions", rule_functions_);
  read_list("conditions_section", conditions_section_);
  read_list("language_extensions_relax", relaxed_by_language_extensions_);
  if (!error_.empty()) return;
  for (const IntrinsicSpec& spec : specs_) known_names_.push_back(spec.name);
  for (const std::string& name : rule_functions_) {
    if (std::find(known_names_.begin(), known_names_.end(), name) == known_names_.end()) {
      known_names_.push_back(name);
    }
  }
}

const IntrinsicSpec* IntrinsicKnowledge::find(std::string_view name) const {
  for (const IntrinsicSpec& spec : specs_) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

bool IntrinsicKnowledge::is_rule_function(std::string_view name) const {
  return contains(rule_functions_, name);
}

bool IntrinsicKnowledge::allowed_in_conditions(std::string_view name) const {
  return contains(conditions_section_, name);
}

const std::vector<std::string>* IntrinsicKnowledge::nested_allowed(std::string_view function, int position,
                                                                   bool language_extensions) const {
  if (language_extensions && contains(relaxed_by_language_extensions_, function)) return nullptr;
  const IntrinsicSpec* spec = find(function);
  if (spec == nullptr) return nullptr;
  const std::string key = position < 0 ? "arg" : std::to_string(position);
  const auto it = spec->nested.find(key);
  return it == spec->nested.end() ? nullptr : &it->second;
}

const IntrinsicKnowledge& intrinsic_knowledge() {
  static const IntrinsicKnowledge knowledge = [] {
    for (const EmbeddedFile& file : embedded_schema_files()) {
      if (file.path == kSchemaPath) return IntrinsicKnowledge(file.content);
    }
    return IntrinsicKnowledge("");
  }();
  return knowledge;
}

}  // namespace cfn_eks
