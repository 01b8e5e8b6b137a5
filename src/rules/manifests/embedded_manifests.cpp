#include "rules/manifests/embedded_manifests.hpp"

#include <memory>

#include "cfn_eks/document.hpp"
#include "rules/common/intrinsic_args.hpp"
#include "rules/common/names.hpp"

namespace cfn_eks {

namespace {

// Where the manifest text lives, by resource type.
struct ManifestProperty {
  std::string_view type;
  std::string_view property;
  std::string_view cluster_property;
};
constexpr ManifestProperty kManifestProperties[] = {
    {"AWSQS::Kubernetes::Resource", "Manifest", "ClusterName"},
    {"Custom::AWSCDK-EKS-KubernetesResource", "Manifest", "ClusterName"},
    {"Custom::KubeManifest", "Manifest", "ClusterName"},
    {"AWSQS::Kubernetes::Helm", "ValueYaml", "ClusterID"},
    {"AWSQS::Kubernetes::Helm", "Values", "ClusterID"},
};

// A literal piece of the extracted text: which scalar it was written in, where it starts in
// the joined text.
struct Piece {
  const Node* scalar = nullptr;  // Null for a placeholder standing for a value not known.
  std::size_t offset = 0;
  std::size_t length = 0;
};

struct ExtractedText {
  std::string text;
  std::vector<Piece> pieces;
};

// Stands for a part whose value is not known (a Ref in an Fn::Join); names holding it are dropped.
constexpr std::string_view kPlaceholder = "<unknown>";

void append(ExtractedText& out, const Node* scalar, std::string_view text) {
  out.pieces.push_back(Piece{scalar, out.text.size(), text.size()});
  out.text += text;
}

// The text of a Manifest value: a literal, an Fn::Sub template (variables kept as written, so
// `${Name}` stays a plain scalar), or Fn::Join's literal parts (other parts become a placeholder).
bool extract(const Node& value, ExtractedText& out, int depth = 0) {
  if (depth > 8) return false;
  if (value.is_string()) {
    append(out, &value, value.text);
    return true;
  }
  if (value.is_intrinsic("Fn::Sub") && value.argument) {
    const Node* text = value.argument->is_sequence() ? argument_item(value, 0) : value.argument;
    if (text == nullptr || !text->is_string()) return false;
    append(out, text, text->text);
    return true;
  }
  if (value.is_intrinsic("Fn::Join")) {
    const Node* delimiter = argument_item(value, 0);
    const Node* parts = argument_item(value, 1);
    if (delimiter == nullptr || !delimiter->is_string() || parts == nullptr || !parts->is_sequence()) return false;
    bool first = true;
    for (const Node* part : parts->items) {
      if (!first && !delimiter->text.empty()) append(out, nullptr, delimiter->text);
      first = false;
      if (part == nullptr) continue;
      if (part->is_string() || part->is_intrinsic("Fn::Sub") || part->is_intrinsic("Fn::Join")) {
        if (extract(*part, out, depth + 1)) continue;
      }
      append(out, nullptr, kPlaceholder);
    }
    return true;
  }
  return false;
}

// Maps an offset of the joined text to the template. A literal block scalar keeps its lines,
// so the line and column are exact; other scalars are searched for the value written verbatim.
ByteRange map_back(const SourceFile& source, const ExtractedText& extracted, std::size_t offset,
                   std::string_view needle, ByteRange fallback) {
  for (const Piece& piece : extracted.pieces) {
    if (offset < piece.offset || offset >= piece.offset + piece.length) continue;
    if (piece.scalar == nullptr) return fallback;
    const Node& scalar = *piece.scalar;
    const std::string& text = scalar.text;
    const std::size_t local = offset - piece.offset;
    if (scalar.style == ScalarStyle::Literal) {
      std::size_t line_index = 0;
      std::size_t line_begin = 0;
      for (std::size_t i = 0; i < local; ++i) {
        if (text[i] == '\n') {
          ++line_index;
          line_begin = i + 1;
        }
      }
      const std::size_t line_end = text.find('\n', line_begin);
      const std::string_view value_line =
          std::string_view(text).substr(line_begin, line_end == std::string::npos ? std::string::npos : line_end - line_begin);
      const std::uint32_t header_line = source.position(scalar.range.begin).line;
      const auto line = static_cast<std::uint32_t>(header_line + 1 + line_index);
      const std::string_view source_line = source.line_text(line);
      if (line <= source.line_count() && source_line.ends_with(value_line)) {
        const std::uint32_t begin = source.line_start(line) +
                                    static_cast<std::uint32_t>(source_line.size() - value_line.size() +
                                                               (local - line_begin));
        return ByteRange{begin, static_cast<std::uint32_t>(begin + needle.size())};
      }
    }
    // Count the needle's occurrences before this one inside the scalar.
    std::size_t occurrence = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos && at < local; at = text.find(needle, at + 1)) {
      ++occurrence;
    }
    const ByteRange found = range_in_scalar(source, scalar, needle, occurrence);
    return found == scalar.range ? fallback : found;
  }
  return fallback;
}

// Kubernetes objects of one parsed document: every mapping with string apiVersion and kind.
void collect_objects(const Node* node, std::size_t base, std::vector<std::pair<ManifestObject, std::size_t>>& out,
                     int depth = 0) {
  if (node == nullptr || depth > 64) return;
  if (node->is_mapping()) {
    const Node* api = node->get("apiVersion");
    const Node* kind = node->get("kind");
    if (api && api->is_string() && kind && kind->is_string()) {
      ManifestObject object;
      object.api_version = api->text;
      object.kind = kind->text;
      if (const Node* metadata = node->get("metadata"); metadata && metadata->is_mapping()) {
        if (const Node* name = metadata->get("name"); name && name->is_string() &&
            name->text.find(kPlaceholder) == std::string::npos) {
          object.name = name->text;
        }
      }
      // The offset of the value's text: skip a quote when written quoted.
      std::size_t at = base + api->range.begin;
      if (api->style == ScalarStyle::SingleQuoted || api->style == ScalarStyle::DoubleQuoted) ++at;
      out.emplace_back(std::move(object), at);
    }
    for (const MapEntry& entry : node->entries) collect_objects(entry.value, base, out, depth + 1);
  } else if (node->is_sequence()) {
    for (const Node* item : node->items) collect_objects(item, base, out, depth + 1);
  }
}

// Splits YAML text at document markers ("---" at the start of a line); returns (offset, length).
std::vector<std::pair<std::size_t, std::size_t>> split_documents(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t start = 0;
  std::size_t line = 0;
  while (line < text.size()) {
    std::size_t end = text.find('\n', line);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view content = text.substr(line, end - line);
    if (content.starts_with("---") && (content.size() == 3 || content[3] == ' ' || content[3] == '\r')) {
      out.emplace_back(start, line - start);
      // The marker line is blanked so the next document keeps its line numbers.
      start = line + 3;
    }
    line = end + 1;
  }
  out.emplace_back(start, text.size() - start);
  return out;
}

std::string cluster_of(const Template& tmpl, const Node* value) {
  if (value == nullptr || !value->is_intrinsic("Ref") || value->argument == nullptr || !value->argument->is_string()) {
    return {};
  }
  const Resource* resource = tmpl.resource(value->argument->text);
  return resource && resource->type == "AWS::EKS::Cluster" ? std::string(resource->name) : std::string();
}

}  // namespace

std::vector<EmbeddedManifest> embedded_manifests(const Template& tmpl, const Resolver& resolver) {
  std::vector<EmbeddedManifest> out;
  const SourceFile& source = *tmpl.document().source;
  for (const Resource& resource : tmpl.resources()) {
    if (resource.properties == nullptr || !resource.properties->is_mapping()) continue;
    for (const ManifestProperty& where : kManifestProperties) {
      if (resource.type != where.type) continue;
      const MapEntry* entry = resource.properties->find(where.property);
      if (entry == nullptr || entry->value == nullptr) continue;
      EmbeddedManifest manifest;
      manifest.resource = &resource;
      manifest.property = entry;
      const ByteRange fallback = entry->key_range;
      if (entry->value->is_mapping()) {
        // Helm Values written as a mapping: objects are read from the template tree itself.
        std::vector<std::pair<ManifestObject, std::size_t>> found;
        collect_objects(entry->value, 0, found);
        for (auto& [object, at] : found) {
          object.range = ByteRange{static_cast<std::uint32_t>(at),
                                   static_cast<std::uint32_t>(at + object.api_version.size())};
          manifest.objects.push_back(std::move(object));
        }
      } else {
        ExtractedText extracted;
        if (!extract(*entry->value, extracted)) continue;
        for (const auto& [offset, length] : split_documents(extracted.text)) {
          std::string text(extracted.text.substr(offset, length));
          if (text.find("apiVersion") == std::string::npos) continue;
          auto sub = std::make_shared<SourceFile>("manifest", std::move(text));
          const Document document = load_yaml(sub);
          std::vector<std::pair<ManifestObject, std::size_t>> found;
          collect_objects(document.root, offset, found);
          for (auto& [object, at] : found) {
            object.range = map_back(source, extracted, at, object.api_version, fallback);
            manifest.objects.push_back(std::move(object));
          }
        }
      }
      if (manifest.objects.empty()) continue;
      manifest.cluster_name = resource.property(where.cluster_property);
      manifest.cluster = cluster_of(tmpl, manifest.cluster_name);
      if (!manifest.cluster.empty()) {
        const Resource* cluster = tmpl.resource(manifest.cluster);
        if (const Node* version = cluster->property("Version")) {
          const Resolution resolution = resolver.resolve(*version);
          for (const PossibleValue& value : resolution.values) {
            if (!value.is_scalar()) continue;
            if (auto parsed = parse_kube_version(value.text)) {
              manifest.versions.push_back(ManifestClusterVersion{*parsed, value.describe(source)});
            }
          }
        }
      }
      out.push_back(std::move(manifest));
    }
  }
  return out;
}

std::optional<KubeVersion> oldest_running_version(const EksKnowledge& eks, const Date& at) {
  for (const VersionInfo& info : eks.versions()) {
    const SupportStatus status = eks.support_status(info.version, at);
    if (status == SupportStatus::Standard || status == SupportStatus::Extended) return info.version;
  }
  return std::nullopt;
}

}  // namespace cfn_eks
