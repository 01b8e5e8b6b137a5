// Reads `refReturns.withoutProperty` from our schema files on first use per type.

#include "knowledge/ref_returns.hpp"

#include <rapidjson/document.h>

#include <cctype>
#include <map>
#include <mutex>

#include "knowledge/embedded_schemas.hpp"

namespace cfn_eks {

namespace {

// "AWS::EC2::SecurityGroup" -> "resources/aws-ec2-securitygroup.json" (how schemas/resources/ is named).
std::string file_of(std::string_view type) {
  std::string out = "resources/";
  for (std::size_t i = 0; i < type.size(); ++i) {
    if (type.substr(i, 2) == "::") {
      out += '-';
      ++i;
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(type[i])));
    }
  }
  return out + ".json";
}

std::optional<RefFormatWithout> parse(std::string_view type) {
  const std::string path = file_of(type);
  for (const EmbeddedFile& file : embedded_schema_files()) {
    if (file.path != path) continue;
    rapidjson::Document doc;
    doc.Parse(file.content.data(), file.content.size());
    if (doc.HasParseError() || !doc.IsObject()) return std::nullopt;
    const auto ref = doc.FindMember("refReturns");
    if (ref == doc.MemberEnd() || !ref->value.IsObject()) return std::nullopt;
    const auto without = ref->value.FindMember("withoutProperty");
    if (without == ref->value.MemberEnd() || !without->value.IsObject()) return std::nullopt;
    const auto property = without->value.FindMember("property");
    const auto format = without->value.FindMember("format");
    if (property == without->value.MemberEnd() || format == without->value.MemberEnd() || !property->value.IsString() ||
        !format->value.IsString()) {
      return std::nullopt;
    }
    return RefFormatWithout{property->value.GetString(), format->value.GetString()};
  }
  return std::nullopt;
}

}  // namespace

std::optional<RefFormatWithout> ref_format_without(std::string_view type) {
  static std::mutex mutex;
  static std::map<std::string, std::optional<RefFormatWithout>, std::less<>> cache;
  const std::lock_guard lock(mutex);
  if (auto it = cache.find(type); it != cache.end()) return it->second;
  return cache.emplace(std::string(type), parse(type)).first->second;
}

}  // namespace cfn_eks
