// One resource type's schema: building the node graph from registry-format JSON, path lookup,
// attributes and replacement answers.

#include <algorithm>
#include <deque>
#include <map>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "cfn_eks/resource_schemas.hpp"
#include "knowledge/embedded_schemas.hpp"
#include "knowledge/resource_schema_builder.hpp"

namespace cfn_eks {

namespace {

constexpr unsigned kMaxSchemaDepth = 64;

// Types whose Fn::GetAtt returns any of their properties, not only readOnlyProperties, from
// schemas/cloudformation/getatt-properties.json; parsed once (the data is compiled in).
const std::vector<std::string>& getatt_any_property_types() {
  static const std::vector<std::string> types = [] {
    std::vector<std::string> out;
    for (const EmbeddedFile& file : embedded_schema_files()) {
      if (file.path != "cloudformation/getatt-properties.json") continue;
      rapidjson::Document doc;
      doc.Parse(file.content.data(), file.content.size());
      if (doc.HasParseError() || !doc.IsObject()) break;
      const auto it = doc.FindMember("types");
      if (it == doc.MemberEnd() || !it->value.IsArray()) break;
      for (const auto& type : it->value.GetArray()) {
        if (type.IsString()) out.emplace_back(type.GetString(), type.GetStringLength());
      }
    }
    return out;
  }();
  return types;
}

std::vector<std::string> split_path(std::string_view path) {
  if (path.starts_with("/properties/")) path.remove_prefix(12);
  if (path.starts_with("/")) path.remove_prefix(1);
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= path.size(); ++i) {
    if (i == path.size() || path[i] == '/' || path[i] == '.') {
      if (i > start) out.emplace_back(path.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

bool is_index(std::string_view part) {
  return part == "*" || (!part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

// Path components without array steps: create-only answers are about properties, not items.
std::vector<std::string> property_steps(std::string_view path) {
  std::vector<std::string> parts = split_path(path);
  std::erase_if(parts, [](const std::string& p) { return is_index(p); });
  return parts;
}

std::string dotted(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += '.';
    out += p;
  }
  return out;
}

bool is_prefix(const std::vector<std::string>& prefix, const std::vector<std::string>& of) {
  return prefix.size() <= of.size() && std::equal(prefix.begin(), prefix.end(), of.begin());
}

std::string scalar_text(const rapidjson::Value& v) {
  if (v.IsString()) return {v.GetString(), v.GetStringLength()};
  if (v.IsBool()) return v.GetBool() ? "true" : "false";
  if (v.IsInt64()) return std::to_string(v.GetInt64());
  if (v.IsUint64()) return std::to_string(v.GetUint64());
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  v.Accept(writer);
  return buffer.GetString();
}

std::optional<std::uint64_t> size_of(const rapidjson::Value& object, const char* key) {
  auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsNumber()) return std::nullopt;
  const double d = it->value.GetDouble();
  if (d < 0) return 0;
  return static_cast<std::uint64_t>(d);
}

std::optional<double> number_of(const rapidjson::Value& object, const char* key) {
  auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsNumber()) return std::nullopt;
  return it->value.GetDouble();
}

std::vector<std::string> strings_of(const rapidjson::Value& v) {
  std::vector<std::string> out;
  if (!v.IsArray()) return out;
  for (const auto& item : v.GetArray()) {
    if (item.IsString()) out.emplace_back(item.GetString(), item.GetStringLength());
  }
  return out;
}

JsonTypes type_bit(std::string_view name) {
  if (name == "string") return kJsonString;
  if (name == "integer") return kJsonInteger;
  if (name == "number") return kJsonNumber;
  if (name == "boolean") return kJsonBoolean;
  if (name == "array") return kJsonArray;
  if (name == "object") return kJsonObject;
  return 0;
}

}  // namespace

// ---- SchemaNode ------------------------------------------------------------------------------

JsonTypes SchemaNode::effective_types() const {
  const SchemaNode* node = this;
  for (int hops = 0; node != nullptr && hops < 16; ++hops, node = node->ref) {
    if (node->types != 0) return node->types;
  }
  return 0;
}

const SchemaNode* SchemaNode::property(std::string_view name) const {
  const SchemaNode* node = this;
  for (int hops = 0; node != nullptr && hops < 16; ++hops, node = node->ref) {
    for (const auto& [key, schema] : node->properties) {
      if (key == name) return schema;
    }
    for (const auto& [regex, schema] : node->pattern_properties) {
      if (regex->search(name).value_or(false)) return schema;
    }
    if (node->additional != nullptr) return node->additional;
  }
  return nullptr;
}

const SchemaNode* SchemaNode::item_schema() const {
  const SchemaNode* node = this;
  for (int hops = 0; node != nullptr && hops < 16; ++hops, node = node->ref) {
    if (node->items != nullptr) return node->items;
  }
  return nullptr;
}

std::string_view SchemaNode::effective_format() const {
  const SchemaNode* node = this;
  for (int hops = 0; node != nullptr && hops < 16; ++hops, node = node->ref) {
    if (!node->format.empty()) return node->format;
  }
  return {};
}

bool SchemaNode::allows_any_key() const {
  const SchemaNode* node = this;
  for (int hops = 0; node != nullptr && hops < 16; ++hops, node = node->ref) {
    if (node->additional_forbidden) return false;
  }
  return true;
}

std::vector<std::string_view> SchemaNode::property_names() const {
  std::vector<std::string_view> out;
  const SchemaNode* node = this;
  for (int hops = 0; node != nullptr && hops < 16; ++hops, node = node->ref) {
    for (const auto& [key, schema] : node->properties) out.push_back(key);
  }
  return out;
}

std::string describe_json_types(JsonTypes types) {
  std::vector<std::string> names;
  if (types & kJsonString) names.emplace_back("a string");
  if (types & kJsonInteger) names.emplace_back("an integer");
  if ((types & kJsonNumber) && !(types & kJsonInteger)) names.emplace_back("a number");
  if ((types & kJsonNumber) && (types & kJsonInteger)) names.back() = "a number";
  if (types & kJsonBoolean) names.emplace_back("a boolean");
  if (types & kJsonArray) names.emplace_back("a list");
  if (types & kJsonObject) names.emplace_back("a mapping");
  if (names.empty()) return "any value";
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

std::string_view origin_name(SchemaOrigin origin) {
  return origin == SchemaOrigin::Ours ? "ours" : "registry";
}

std::string_view replacement_name(Replacement replacement) {
  switch (replacement) {
    case Replacement::Never: return "never";
    case Replacement::Conditional: return "conditional";
    case Replacement::Always: return "always";
  }
  return "never";
}

// ---- ResourceSchema --------------------------------------------------------------------------

struct ResourceSchema::Storage {
  std::deque<SchemaNode> nodes;
  std::deque<LazyRegex> regexes;
};

ResourceSchema::ResourceSchema() : storage_(std::make_unique<Storage>()) {}
ResourceSchema::~ResourceSchema() = default;

const SchemaNode* ResourceSchema::find(std::string_view path) const {
  const SchemaNode* node = root_;
  for (const std::string& part : split_path(path)) {
    if (node == nullptr) return nullptr;
    node = is_index(part) ? node->item_schema() : node->property(part);
  }
  return node;
}

const SchemaAttribute* ResourceSchema::attribute(std::string_view name) const {
  for (const SchemaAttribute& a : attributes_) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

namespace {

// True when `path`'s property steps are `steps`, read in place: property_steps(path) == steps
// without splitting `path` into strings (the validator asks once per property it checks).
bool same_steps(const std::vector<std::string>& steps, std::string_view path) {
  if (path.starts_with("/properties/")) path.remove_prefix(12);
  if (path.starts_with("/")) path.remove_prefix(1);
  std::size_t next = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= path.size(); ++i) {
    if (i < path.size() && path[i] != '/' && path[i] != '.') continue;
    const std::string_view part = path.substr(start, i - start);
    start = i + 1;
    if (part.empty() || is_index(part)) continue;
    if (next == steps.size() || steps[next] != part) return false;
    ++next;
  }
  return next == steps.size();
}

bool path_listed(const std::vector<std::vector<std::string>>& listed, std::string_view path) {
  return std::any_of(listed.begin(), listed.end(),
                     [&](const std::vector<std::string>& steps) { return same_steps(steps, path); });
}

std::vector<std::vector<std::string>> steps_of(const std::vector<std::string>& pointers) {
  std::vector<std::vector<std::string>> out;
  out.reserve(pointers.size());
  for (const std::string& pointer : pointers) out.push_back(property_steps(pointer));
  return out;
}

}  // namespace

bool ResourceSchema::is_read_only(std::string_view path) const { return path_listed(read_only_steps_, path); }
bool ResourceSchema::is_write_only(std::string_view path) const { return path_listed(write_only_steps_, path); }

ReplacementAnswer ResourceSchema::replacement(std::string_view path) const {
  const std::vector<std::string> steps = property_steps(path);
  const std::string shown = dotted(steps);
  ReplacementAnswer answer;
  for (const std::string& pointer : create_only_) {
    const std::vector<std::string> create_only = property_steps(pointer);
    if (create_only.empty()) continue;
    if (is_prefix(create_only, steps)) {
      answer.replacement = Replacement::Always;
      answer.decided_by = dotted(create_only);
      answer.reason = steps == create_only
                          ? "'" + shown + "' is create-only: changing it replaces the " + type_name_ + " resource"
                          : "'" + shown + "' is inside create-only '" + answer.decided_by + "': changing it replaces the " +
                                type_name_ + " resource";
      return answer;
    }
    if (answer.replacement == Replacement::Never && is_prefix(steps, create_only)) {
      answer.replacement = Replacement::Conditional;
      answer.decided_by = dotted(create_only);
      answer.reason = "'" + shown + "' holds create-only '" + answer.decided_by +
                      "': changing that part replaces the " + type_name_ + " resource, other changes update it in place";
    }
  }
  if (answer.replacement != Replacement::Never) return answer;
  for (const std::string& pointer : conditional_create_only_) {
    const std::vector<std::string> conditional = property_steps(pointer);
    if (conditional.empty()) continue;
    if (is_prefix(conditional, steps) || is_prefix(steps, conditional)) {
      answer.replacement = Replacement::Conditional;
      answer.decided_by = dotted(conditional);
      answer.reason = "changing '" + answer.decided_by + "' replaces the " + type_name_ +
                      " resource only for some changes (conditionalCreateOnlyProperties)";
      return answer;
    }
  }
  answer.reason = "'" + shown + "' is updated in place";
  return answer;
}

// ---- SchemaBuilder ---------------------------------------------------------------------------

class SchemaBuilder {
 public:
  SchemaBuilder(ResourceSchema& schema, const rapidjson::Value& doc) : schema_(schema), doc_(doc) {}

  static std::unique_ptr<ResourceSchema> make(const rapidjson::Value& doc, SchemaOrigin origin, const std::string& file,
                                              std::string* error);
  static void set_fallback(ResourceSchema& schema, const ResourceSchema* fallback);
  static void add_property_attributes(ResourceSchema& schema, const SchemaNode& node, const std::string& prefix,
                                      unsigned depth);

  void build() {
    auto& storage = *schema_.storage_;
    if (auto defs = doc_.FindMember("definitions"); defs != doc_.MemberEnd() && defs->value.IsObject()) {
      for (const auto& member : defs->value.GetObject()) {
        definitions_[std::string(member.name.GetString(), member.name.GetStringLength())] = &storage.nodes.emplace_back();
      }
      for (const auto& member : defs->value.GetObject()) {
        build_into(*definitions_[std::string(member.name.GetString(), member.name.GetStringLength())], member.value, 0);
      }
    }
    SchemaNode& root = storage.nodes.emplace_back();
    build_into(root, doc_, 0);
    root.types = kJsonObject;
    schema_.root_ = &root;
    for (auto& [node, name] : property_refs_) {
      node->ref = root.property(name);
    }
  }

  std::vector<std::string> unresolved_refs;

 private:
  SchemaNode* build(const rapidjson::Value& v, unsigned depth) {
    SchemaNode& node = schema_.storage_->nodes.emplace_back();
    build_into(node, v, depth + 1);
    return &node;
  }

  const LazyRegex* regex(const rapidjson::Value& v) {
    return &schema_.storage_->regexes.emplace_back(std::string(v.GetString(), v.GetStringLength()));
  }

  void build_into(SchemaNode& node, const rapidjson::Value& v, unsigned depth) {
    if (!v.IsObject() || depth > kMaxSchemaDepth) return;  // `true`, or absurd nesting: anything goes
    for (const auto& member : v.GetObject()) {
      const std::string_view key(member.name.GetString(), member.name.GetStringLength());
      const rapidjson::Value& value = member.value;
      if (key == "type") {
        if (value.IsString()) node.types |= type_bit(value.GetString());
        for (const std::string& t : strings_of(value)) node.types |= type_bit(t);
      } else if (key == "$ref" && value.IsString()) {
        const std::string_view target(value.GetString(), value.GetStringLength());
        if (target.starts_with("#/definitions/")) {
          auto it = definitions_.find(std::string(target.substr(14)));
          if (it != definitions_.end()) {
            node.ref = it->second;
          } else {
            unresolved_refs.emplace_back(target);
          }
        } else if (target.starts_with("#/properties/")) {
          property_refs_.emplace_back(&node, std::string(target.substr(13)));
        } else {
          unresolved_refs.emplace_back(target);
        }
      } else if (key == "properties" && value.IsObject()) {
        for (const auto& p : value.GetObject()) {
          node.properties.emplace_back(std::string(p.name.GetString(), p.name.GetStringLength()), build(p.value, depth));
        }
      } else if (key == "required") {
        node.required = strings_of(value);
      } else if (key == "enum" && value.IsArray()) {
        node.has_enum = true;
        for (const auto& item : value.GetArray()) node.enum_values.push_back(scalar_text(item));
      } else if (key == "enumCaseInsensitive" && value.IsBool()) {
        node.enum_case_insensitive = value.GetBool();
      } else if (key == "const") {
        node.const_value = scalar_text(value);
      } else if (key == "pattern" && value.IsString()) {
        node.pattern = regex(value);
      } else if (key == "minLength") {
        node.min_length = size_of(v, "minLength");
      } else if (key == "maxLength") {
        node.max_length = size_of(v, "maxLength");
      } else if (key == "minItems") {
        node.min_items = size_of(v, "minItems");
      } else if (key == "maxItems") {
        node.max_items = size_of(v, "maxItems");
      } else if (key == "minimum") {
        node.minimum = number_of(v, "minimum");
      } else if (key == "maximum") {
        node.maximum = number_of(v, "maximum");
      } else if (key == "uniqueItems" && value.IsBool()) {
        node.unique_items = value.GetBool();
      } else if (key == "items") {
        if (value.IsObject()) node.items = build(value, depth);
        if (value.IsArray() && !value.Empty()) node.items = build(value[0], depth);
      } else if (key == "additionalProperties") {
        if (value.IsBool()) node.additional_forbidden = !value.GetBool();
        if (value.IsObject()) node.additional = build(value, depth);
      } else if (key == "patternProperties" && value.IsObject()) {
        for (const auto& p : value.GetObject()) node.pattern_properties.emplace_back(regex(p.name), build(p.value, depth));
      } else if ((key == "oneOf" || key == "anyOf" || key == "allOf") && value.IsArray()) {
        auto& list = key == "oneOf" ? node.one_of : key == "anyOf" ? node.any_of : node.all_of;
        for (const auto& item : value.GetArray()) list.push_back(build(item, depth));
      } else if ((key == "dependentRequired" || key == "dependencies" || key == "dependentExcluded") && value.IsObject()) {
        auto& list = key == "dependentExcluded" ? node.dependent_excluded : node.dependent_required;
        for (const auto& p : value.GetObject()) {
          if (!p.value.IsArray()) continue;  // schema dependencies are not used by the registry
          list.emplace_back(std::string(p.name.GetString(), p.name.GetStringLength()), strings_of(p.value));
        }
      } else if (key == "requiredXor") {
        if (!strings_of(value).empty()) node.required_xor.push_back(strings_of(value));
      } else if (key == "requiredOr") {
        if (!strings_of(value).empty()) node.required_or.push_back(strings_of(value));
      } else if (key == "format" && value.IsString()) {
        node.format.assign(value.GetString(), value.GetStringLength());
      }
    }
  }

  ResourceSchema& schema_;
  const rapidjson::Value& doc_;
  std::map<std::string, SchemaNode*> definitions_;
  std::vector<std::pair<SchemaNode*, std::string>> property_refs_;
};

std::unique_ptr<ResourceSchema> SchemaBuilder::make(const rapidjson::Value& doc, SchemaOrigin origin,
                                                    const std::string& file, std::string* error) {
  if (!doc.IsObject()) {
    if (error) *error = "a schema must be a JSON object";
    return nullptr;
  }
  auto type = doc.FindMember("typeName");
  if (type == doc.MemberEnd() || !type->value.IsString()) {
    if (error) *error = "no typeName";
    return nullptr;
  }
  std::unique_ptr<ResourceSchema> schema(new ResourceSchema());
  schema->type_name_.assign(type->value.GetString(), type->value.GetStringLength());
  schema->origin_ = origin;
  schema->file_ = file;
  if (auto it = doc.FindMember("as_of"); it != doc.MemberEnd() && it->value.IsString()) schema->as_of_ = it->value.GetString();
  if (auto it = doc.FindMember("sources"); it != doc.MemberEnd()) schema->sources_ = strings_of(it->value);
  if (auto it = doc.FindMember("refReturns"); it != doc.MemberEnd() && it->value.IsObject()) {
    if (auto f = it->value.FindMember("format"); f != it->value.MemberEnd() && f->value.IsString()) {
      schema->ref_format_ = f->value.GetString();
    }
  }
  auto list = [&](const char* key) {
    auto it = doc.FindMember(key);
    return it == doc.MemberEnd() ? std::vector<std::string>{} : strings_of(it->value);
  };
  schema->read_only_ = list("readOnlyProperties");
  schema->create_only_ = list("createOnlyProperties");
  schema->conditional_create_only_ = list("conditionalCreateOnlyProperties");
  schema->write_only_ = list("writeOnlyProperties");
  schema->primary_identifier_ = list("primaryIdentifier");
  schema->read_only_steps_ = steps_of(schema->read_only_);
  schema->write_only_steps_ = steps_of(schema->write_only_);

  SchemaBuilder builder(*schema, doc);
  builder.build();
  if (!builder.unresolved_refs.empty() && origin == SchemaOrigin::Ours && error) {
    *error = "$ref '" + builder.unresolved_refs.front() + "' does not resolve";
  }
  const auto& any_types = getatt_any_property_types();
  const bool any_property = std::find(any_types.begin(), any_types.end(), schema->type_name_) != any_types.end();
  if (any_property) add_property_attributes(*schema, schema->root(), "", 0);
  for (const std::string& pointer : schema->read_only_) {
    if (schema->attribute(dotted(split_path(pointer))) != nullptr) continue;
    SchemaAttribute attribute;
    attribute.name = dotted(split_path(pointer));
    attribute.schema = schema->find(pointer);
    if (attribute.schema != nullptr) {
      attribute.types = attribute.schema->effective_types();
      attribute.format = std::string(attribute.schema->effective_format());
    }
    schema->attributes_.push_back(std::move(attribute));
  }
  return schema;
}

// Scalars and lists of scalars are attributes; mappings are walked into (dotted names).
void SchemaBuilder::add_property_attributes(ResourceSchema& schema, const SchemaNode& node, const std::string& prefix,
                                           unsigned depth) {
  if (depth > 8) return;
  const SchemaNode* n = &node;
  for (int hops = 0; n != nullptr && hops < 16; ++hops, n = n->ref) {
    for (const auto& [name, child] : n->properties) {
      const std::string full = prefix.empty() ? name : prefix + "." + name;
      const JsonTypes types = child->effective_types();
      if (types & kJsonObject) {
        add_property_attributes(schema, *child, full, depth + 1);
        continue;
      }
      if ((types & kJsonArray) && child->item_schema() &&
          (child->item_schema()->effective_types() & (kJsonObject | kJsonArray))) {
        continue;
      }
      schema.attributes_.push_back(SchemaAttribute{full, child, types, std::string(child->effective_format())});
    }
  }
}

void SchemaBuilder::set_fallback(ResourceSchema& schema, const ResourceSchema* fallback) {
  schema.fallback_ = fallback;
  if (fallback == nullptr) return;
  for (const SchemaAttribute& a : fallback->attributes()) {
    if (schema.attribute(a.name) == nullptr) schema.attributes_.push_back(a);
  }
}

std::unique_ptr<ResourceSchema> build_resource_schema(const rapidjson::Value& doc, SchemaOrigin origin,
                                                      const std::string& file, std::string* error) {
  return SchemaBuilder::make(doc, origin, file, error);
}

void set_fallback(ResourceSchema& schema, const ResourceSchema* fallback) { SchemaBuilder::set_fallback(schema, fallback); }

}  // namespace cfn_eks
