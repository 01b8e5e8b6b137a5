// The collection of resource schemas: ours (compiled in) and official registry ones from a
// directory. Each type's JSON is parsed on first lookup, once, under a std::once_flag.

#include <algorithm>
#include <atomic>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include "cfn_eks/resource_schemas.hpp"
#include "knowledge/embedded_schemas.hpp"
#include "knowledge/resource_schema_builder.hpp"

namespace cfn_eks {

namespace {

constexpr std::string_view kOursPrefix = "resources/";
constexpr std::string_view kTypesPath = "cloudformation/resource_types.json";
constexpr std::string_view kCustomResource = "AWS::CloudFormation::CustomResource";

void position_of(std::string_view text, std::size_t offset, std::uint32_t& line, std::uint32_t& column) {
  line = 1;
  column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
}

// The type names CloudFormation accepts, parsed once from the embedded list.
const std::vector<std::string>& accepted_type_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const EmbeddedFile& file : embedded_schema_files()) {
      if (file.path != kTypesPath) continue;
      rapidjson::Document doc;
      doc.Parse(file.content.data(), file.content.size());
      if (!doc.IsObject()) break;
      auto it = doc.FindMember("types");
      if (it == doc.MemberEnd() || !it->value.IsArray()) break;
      for (const auto& item : it->value.GetArray()) {
        if (item.IsString()) out.emplace_back(item.GetString(), item.GetStringLength());
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }();
  return names;
}

}  // namespace

std::string scan_type_name(std::string_view json) {
  const std::size_t key = json.find("\"typeName\"");
  if (key == std::string_view::npos) return {};
  std::size_t at = json.find(':', key + 10);
  if (at == std::string_view::npos) return {};
  at = json.find('"', at);
  if (at == std::string_view::npos) return {};
  const std::size_t end = json.find('"', at + 1);
  if (end == std::string_view::npos) return {};
  return std::string(json.substr(at + 1, end - at - 1));
}

bool parse_schema_json(std::string_view json, rapidjson::Document& doc, std::uint32_t& line, std::uint32_t& column,
                       std::string& message) {
  doc.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
  if (!doc.HasParseError()) return true;
  position_of(json, doc.GetErrorOffset(), line, column);
  message = std::string("invalid JSON: ") + rapidjson::GetParseError_En(doc.GetParseError());
  return false;
}

std::string SchemaLoadError::describe() const {
  if (line == 0) return file + ": " + message;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

struct ResourceSchemas::Entry {
  std::string type;
  SchemaOrigin origin = SchemaOrigin::Ours;
  std::string file;
  std::string owned_json;      // registry files and test texts
  std::string_view json;       // points into owned_json or the embedded table
  const Entry* official = nullptr;  // ours: the registry schema of the same type, if loaded
  mutable std::once_flag once;
  mutable std::unique_ptr<ResourceSchema> schema;
  mutable std::string error;
};

struct ResourceSchemas::Impl {
  std::deque<Entry> entries;
  std::map<std::string, const Entry*, std::less<>> winners;
  mutable std::atomic<std::size_t> parsed{0};
  mutable std::once_flag known_once;
  mutable std::vector<std::string_view> known;
};

ResourceSchemas::ResourceSchemas() : impl_(std::make_unique<Impl>()) {}
ResourceSchemas::~ResourceSchemas() = default;

SchemaLoadResult ResourceSchemas::from_texts(std::vector<SchemaText> ours, std::vector<SchemaText> registry) {
  std::shared_ptr<ResourceSchemas> out(new ResourceSchemas());
  std::vector<std::pair<SchemaText, SchemaOrigin>> all;
  for (auto& t : ours) all.emplace_back(std::move(t), SchemaOrigin::Ours);
  for (auto& t : registry) all.emplace_back(std::move(t), SchemaOrigin::Registry);
  // Registry first, so ours can point at its official counterpart.
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::map<std::string, Entry*, std::less<>> official;
  for (auto& [text, origin] : all) {
    Entry& entry = out->impl_->entries.emplace_back();
    entry.origin = origin;
    entry.file = std::move(text.file);
    entry.owned_json = std::move(text.json);
    entry.json = entry.owned_json;
    if (origin == SchemaOrigin::Registry) {
      // A broken official file is a user's input error: refuse it now, with its position.
      rapidjson::Reader reader;
      rapidjson::BaseReaderHandler<> handler;
      rapidjson::StringStream stream(entry.owned_json.c_str());
      if (!reader.Parse<rapidjson::kParseIterativeFlag>(stream, handler)) {
        SchemaLoadError error{entry.file, 0, 0,
                              std::string("invalid JSON: ") + rapidjson::GetParseError_En(reader.GetParseErrorCode())};
        position_of(entry.json, reader.GetErrorOffset(), error.line, error.column);
        return {nullptr, error};
      }
    }
    entry.type = scan_type_name(entry.json);
    if (entry.type.empty()) {
      if (origin == SchemaOrigin::Registry) return {nullptr, SchemaLoadError{entry.file, 0, 0, "no \"typeName\" string"}};
      continue;
    }
    if (origin == SchemaOrigin::Registry) {
      official[entry.type] = &entry;
      out->impl_->winners[entry.type] = &entry;
    } else {
      if (auto it = official.find(entry.type); it != official.end()) entry.official = it->second;
      out->impl_->winners[entry.type] = &entry;
    }
  }
  return {out, std::nullopt};
}

std::shared_ptr<const ResourceSchemas> ResourceSchemas::embedded() {
  static const std::shared_ptr<const ResourceSchemas> schemas = [] {
    std::shared_ptr<ResourceSchemas> out(new ResourceSchemas());
    for (const EmbeddedFile& file : embedded_schema_files()) {
      if (!file.path.starts_with(kOursPrefix)) continue;
      Entry& entry = out->impl_->entries.emplace_back();
      entry.origin = SchemaOrigin::Ours;
      entry.file = "schemas/" + std::string(file.path);
      entry.json = file.content;
      entry.type = scan_type_name(entry.json);
      if (!entry.type.empty()) out->impl_->winners[entry.type] = &entry;
    }
    return std::shared_ptr<const ResourceSchemas>(std::move(out));
  }();
  return schemas;
}

SchemaLoadResult ResourceSchemas::with_registry_directory(const std::string& directory) {
  std::error_code ec;
  if (!std::filesystem::is_directory(directory, ec)) {
    return {nullptr, SchemaLoadError{directory, 0, 0, "not a readable directory"}};
  }
  std::vector<std::filesystem::path> files;
  for (auto it = std::filesystem::directory_iterator(directory, ec); !ec && it != std::filesystem::directory_iterator();
       it.increment(ec)) {
    if (it->path().extension() == ".json" && it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec) return {nullptr, SchemaLoadError{directory, 0, 0, "cannot list directory: " + ec.message()}};
  std::sort(files.begin(), files.end());
  std::vector<SchemaText> ours;
  for (const EmbeddedFile& file : embedded_schema_files()) {
    if (file.path.starts_with(kOursPrefix)) ours.push_back({"schemas/" + std::string(file.path), std::string(file.content)});
  }
  std::vector<SchemaText> registry;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (!in && !in.eof()) return {nullptr, SchemaLoadError{path.string(), 0, 0, "cannot read file"}};
    registry.push_back({path.string(), std::move(buffer).str()});
  }
  return from_texts(std::move(ours), std::move(registry));
}

const ResourceSchemas::Entry* ResourceSchemas::entry(std::string_view type) const {
  auto it = impl_->winners.find(type);
  if (it != impl_->winners.end()) return it->second;
  if (type.starts_with("Custom::")) {
    it = impl_->winners.find(kCustomResource);
    if (it != impl_->winners.end()) return it->second;
  }
  return nullptr;
}

const ResourceSchema* ResourceSchemas::parse(const Entry& e) const {
  std::call_once(e.once, [&] {
    rapidjson::Document doc;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string message;
    if (!parse_schema_json(e.json, doc, line, column, message)) {
      e.error = e.file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
      return;
    }
    std::string error;
    e.schema = build_resource_schema(doc, e.origin, e.file, &error);
    if (!error.empty()) e.error = e.file + ": " + error;
    if (e.schema && e.official != nullptr) set_fallback(*e.schema, parse(*e.official));
    impl_->parsed.fetch_add(1, std::memory_order_relaxed);
  });
  return e.schema.get();
}

const ResourceSchema* ResourceSchemas::find(std::string_view type) const {
  const Entry* e = entry(type);
  return e != nullptr ? parse(*e) : nullptr;
}

bool ResourceSchemas::has(std::string_view type) const { return entry(type) != nullptr; }

std::optional<SchemaOrigin> ResourceSchemas::origin(std::string_view type) const {
  const Entry* e = entry(type);
  if (e == nullptr) return std::nullopt;
  return e->origin;
}

std::vector<std::string_view> ResourceSchemas::type_names() const {
  std::vector<std::string_view> out;
  for (const auto& [type, e] : impl_->winners) out.push_back(type);
  return out;
}

std::size_t ResourceSchemas::parsed_count() const { return impl_->parsed.load(std::memory_order_relaxed); }

std::optional<std::string> ResourceSchemas::parse_error(std::string_view type) const {
  const Entry* e = entry(type);
  if (e == nullptr) return std::nullopt;
  parse(*e);
  if (e->error.empty()) return std::nullopt;
  return e->error;
}

const std::vector<std::string_view>& ResourceSchemas::known_type_names() const {
  std::call_once(impl_->known_once, [&] {
    std::set<std::string_view> names;
    for (const std::string& name : accepted_type_names()) names.insert(name);
    for (const auto& [type, e] : impl_->winners) names.insert(type);
    impl_->known.assign(names.begin(), names.end());
  });
  return impl_->known;
}

bool ResourceSchemas::is_known_type(std::string_view type) const {
  if (impl_->winners.count(type) > 0) return true;
  const auto& names = accepted_type_names();
  return std::binary_search(names.begin(), names.end(), type, std::less<>());
}

std::optional<ReplacementAnswer> ResourceSchemas::replacement(std::string_view type, std::string_view path) const {
  const ResourceSchema* schema = find(type);
  if (schema == nullptr) return std::nullopt;
  return schema->replacement(path);
}

}  // namespace cfn_eks
