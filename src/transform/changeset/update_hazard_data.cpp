#include "transform/changeset/update_hazard_data.hpp"

#include <rapidjson/document.h>

#include "knowledge/embedded_schemas.hpp"

namespace cfn_eks::changeset {

namespace {

constexpr std::string_view kPath = "cloudformation/update-hazards.json";

UpdateHazardData parse(std::string_view text) {
  UpdateHazardData data;
  rapidjson::Document doc;
  doc.Parse(text.data(), text.size());
  if (doc.HasParseError() || !doc.IsObject()) return data;
  if (auto it = doc.FindMember("physical_names"); it != doc.MemberEnd() && it->value.IsObject()) {
    for (const auto& m : it->value.GetObject()) {
      if (m.value.IsString()) data.physical_names.emplace(m.name.GetString(), m.value.GetString());
    }
  }
  if (auto it = doc.FindMember("snapshot_types"); it != doc.MemberEnd() && it->value.IsArray()) {
    for (const auto& v : it->value.GetArray()) {
      if (v.IsString()) data.snapshot_types.emplace(v.GetString());
    }
  }
  if (auto it = doc.FindMember("snapshot_by_default"); it != doc.MemberEnd() && it->value.IsArray()) {
    for (const auto& v : it->value.GetArray()) {
      if (!v.IsObject() || !v.HasMember("type") || !v["type"].IsString()) continue;
      SnapshotDefault d;
      d.type = v["type"].GetString();
      if (v.HasMember("unless_property") && v["unless_property"].IsString()) d.unless_property = v["unless_property"].GetString();
      data.snapshot_by_default.push_back(std::move(d));
    }
  }
  return data;
}

}  // namespace

const UpdateHazardData& update_hazard_data() {
  static const UpdateHazardData data = [] {
    for (const EmbeddedFile& file : embedded_schema_files()) {
      if (file.path == kPath) return parse(file.content);
    }
    return UpdateHazardData{};
  }();
  return data;
}

}  // namespace cfn_eks::changeset
