// SARIF 2.1.0, as read by GitHub code scanning and IDE viewers. Every rule of the registry is
// listed under tool.driver.rules so viewers can show help for any result; I/O errors become
// tool execution notifications, since they are not findings about a template.

#include <cstdio>
#include <map>
#include <ostream>
#include <string>

#include "cfn_eks/format.hpp"
#include "format/format_util.hpp"
#include "format/json_writer.hpp"

namespace cfn_eks {
namespace {

using format::write_key;
using format::write_string;
using Writer = format::JsonWriter;

constexpr std::string_view kSchemaUri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
constexpr std::string_view kInformationUri = "https://github.com/cfn-eks/cfn-eks";

/// {"text": ...}: SARIF's message and multiformatMessageString objects.
void write_text_object(Writer& writer, std::string_view key, std::string_view text) {
  write_key(writer, key);
  writer.StartObject();
  write_key(writer, "text");
  write_string(writer, text);
  writer.EndObject();
}

std::string_view sarif_level(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "note";
  }
  return "error";
}

/// A path as given on the command line turned into a URI reference. Relative paths stay
/// relative (GitHub resolves them against the repository root), absolute ones become file URIs,
/// and bytes outside the unreserved set are percent-encoded.
std::string artifact_uri(std::string_view path) {
  if (path == "-") return "stdin";
  std::string normalised(path);
  for (char& c : normalised) {
    if (c == '\\') c = '/';
  }
  std::string_view rest = normalised;
  while (rest.starts_with("./")) rest.remove_prefix(2);
  std::string uri = rest.starts_with('/') ? "file://" : "";
  for (const char c : rest) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' || c == '~' ||
                            c == '/';
    if (unreserved) {
      uri += c;
    } else {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", byte);
      uri += escaped;
    }
  }
  return uri;
}

/// The first paragraph of a rule's Markdown doc that is not a heading: the plain description.
std::string first_paragraph(std::string_view doc) {
  std::string paragraph;
  std::size_t pos = 0;
  while (pos <= doc.size()) {
    std::size_t end = doc.find('\n', pos);
    if (end == std::string_view::npos) end = doc.size();
    std::string_view line = doc.substr(pos, end - pos);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    pos = end + 1;
    if (line.empty() || line.starts_with('#')) {
      if (!paragraph.empty()) break;
      continue;
    }
    if (!paragraph.empty()) paragraph += ' ';
    paragraph += line;
  }
  return paragraph;
}

void write_rule(Writer& writer, const RuleInfo& info) {
  writer.StartObject();
  write_key(writer, "id");
  write_string(writer, info.id);
  write_key(writer, "name");
  write_string(writer, info.name);
  write_text_object(writer, "shortDescription", info.summary);
  const std::string description = first_paragraph(info.doc);
  write_text_object(writer, "fullDescription", description.empty() ? info.summary : description);
  if (!info.doc.empty()) {
    write_key(writer, "help");
    writer.StartObject();
    write_key(writer, "text");
    write_string(writer, info.doc);
    write_key(writer, "markdown");
    write_string(writer, info.doc);
    writer.EndObject();
  }
  write_key(writer, "defaultConfiguration");
  writer.StartObject();
  write_key(writer, "level");
  write_string(writer, sarif_level(info.severity));
  writer.EndObject();
  writer.EndObject();
}

void write_artifact_location(Writer& writer, std::string_view uri) {
  write_key(writer, "artifactLocation");
  writer.StartObject();
  write_key(writer, "uri");
  write_string(writer, uri);
  writer.EndObject();
}

/// Our end positions are exclusive, as SARIF's endColumn is ("the character after the region").
void write_physical_location(Writer& writer, std::string_view uri, Position start, Position end) {
  write_key(writer, "physicalLocation");
  writer.StartObject();
  write_artifact_location(writer, uri);
  write_key(writer, "region");
  writer.StartObject();
  format::write_range_fields(writer, {"startLine", "startColumn", "endLine", "endColumn"}, start, end);
  writer.EndObject();
  writer.EndObject();
}

/// A fingerprint that survives lines moving: rule, file, message and the trimmed text of the
/// first line (FNV-1a, 64 bits), plus the occurrence count among identical ones in the file.
std::string fingerprint_base(const FileReport& report, const Diagnostic& diagnostic, std::string_view uri) {
  std::string_view line;
  if (report.source) line = report.source->line_text(diagnostic.start.line);
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const std::string_view part : {std::string_view(diagnostic.rule_id), uri,
                                      std::string_view(diagnostic.message), line}) {
    for (const char c : part) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 0x100000001b3ULL;
    }
    hash ^= 0xFF;  // Separator, so ("ab", "c") and ("a", "bc") differ.
    hash *= 0x100000001b3ULL;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

/// One SARIF fix. The deleted region carries both the byte range and the same range as
/// lines and code-point columns (SARIF allows both when they agree): viewers apply fixes by
/// either. An insertion is a region of length zero.
void write_fix(Writer& writer, std::string_view uri, const SourcePtr& source, const Fix& fix) {
  writer.StartObject();
  write_text_object(writer, "description", fix.title);
  write_key(writer, "artifactChanges");
  writer.StartArray();
  writer.StartObject();
  write_artifact_location(writer, uri);
  write_key(writer, "replacements");
  writer.StartArray();
  for (const Edit& edit : fix.edits) {
    writer.StartObject();
    write_key(writer, "deletedRegion");
    writer.StartObject();
    if (source) {
      format::write_range_fields(writer, {"startLine", "startColumn", "endLine", "endColumn"},
                                 source->position(edit.range.begin), source->position(edit.range.end));
    }
    write_key(writer, "byteOffset");
    writer.Uint(edit.range.begin);
    write_key(writer, "byteLength");
    writer.Uint(edit.range.end - edit.range.begin);
    writer.EndObject();
    write_text_object(writer, "insertedContent", edit.replacement);
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  writer.EndArray();
  write_key(writer, "properties");
  writer.StartObject();
  write_key(writer, "safe");
  writer.Bool(fix.safe);
  writer.EndObject();
  writer.EndObject();
}

void write_result(Writer& writer, const FileReport& report, const Diagnostic& diagnostic,
                  const std::map<std::string_view, std::size_t>& rule_index,
                  std::map<std::string, unsigned>& fingerprint_counts) {
  const std::string uri = artifact_uri(format::diagnostic_path(report, diagnostic));
  writer.StartObject();
  write_key(writer, "ruleId");
  write_string(writer, diagnostic.rule_id);
  if (const auto it = rule_index.find(diagnostic.rule_id); it != rule_index.end()) {
    write_key(writer, "ruleIndex");
    writer.Uint64(it->second);
  }
  write_key(writer, "level");
  write_string(writer, sarif_level(diagnostic.severity));
  write_text_object(writer, "message", diagnostic.message);
  write_key(writer, "locations");
  writer.StartArray();
  writer.StartObject();
  write_physical_location(writer, uri, diagnostic.start, diagnostic.end);
  writer.EndObject();
  writer.EndArray();
  if (!diagnostic.related.empty()) {
    write_key(writer, "relatedLocations");
    writer.StartArray();
    unsigned id = 0;
    for (const RelatedLocation& related : diagnostic.related) {
      writer.StartObject();
      write_key(writer, "id");
      writer.Uint(id++);
      write_physical_location(writer, uri, related.start, related.end);
      write_text_object(writer, "message", related.message);
      writer.EndObject();
    }
    writer.EndArray();
  }
  const std::string base = fingerprint_base(report, diagnostic, uri);
  write_key(writer, "partialFingerprints");
  writer.StartObject();
  write_key(writer, "cfnEksFingerprint/v1");
  write_string(writer, base + ":" + std::to_string(++fingerprint_counts[base]));
  writer.EndObject();
  if (!diagnostic.fixes.empty()) {
    write_key(writer, "fixes");
    writer.StartArray();
    for (const Fix& fix : diagnostic.fixes) write_fix(writer, uri, report.source, fix);
    writer.EndArray();
  }
  writer.EndObject();
}

void write_invocation(Writer& writer, const std::vector<FileReport>& reports, const std::vector<std::string>& run_warnings) {
  writer.StartObject();
  write_key(writer, "executionSuccessful");
  writer.Bool(format::count(reports).unreadable == 0);
  write_key(writer, "toolExecutionNotifications");
  writer.StartArray();
  for (const FileReport& report : reports) {
    if (!report.error) continue;
    writer.StartObject();
    write_key(writer, "level");
    write_string(writer, "error");
    write_text_object(writer, "message", *report.error);
    write_key(writer, "locations");
    writer.StartArray();
    writer.StartObject();
    write_key(writer, "physicalLocation");
    writer.StartObject();
    write_artifact_location(writer, artifact_uri(report.path));
    writer.EndObject();
    writer.EndObject();
    writer.EndArray();
    writer.EndObject();
  }
  // Warnings about the run (the EKS data's age): not about a file, so no location.
  for (const std::string& warning : run_warnings) {
    writer.StartObject();
    write_key(writer, "level");
    write_string(writer, "warning");
    write_text_object(writer, "message", warning);
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
}

void write_log(Writer& writer, const std::vector<FileReport>& reports, const Registry& registry,
               const std::vector<std::string>& run_warnings) {
  writer.StartObject();
  write_key(writer, "$schema");
  write_string(writer, kSchemaUri);
  write_key(writer, "version");
  write_string(writer, "2.1.0");
  write_key(writer, "runs");
  writer.StartArray();
  writer.StartObject();

  write_key(writer, "tool");
  writer.StartObject();
  write_key(writer, "driver");
  writer.StartObject();
  write_key(writer, "name");
  write_string(writer, "cfn-eks");
  write_key(writer, "version");
  write_string(writer, tool_version());
  write_key(writer, "semanticVersion");
  write_string(writer, tool_version());
  write_key(writer, "informationUri");
  write_string(writer, kInformationUri);
  write_key(writer, "rules");
  writer.StartArray();
  std::map<std::string_view, std::size_t> rule_index;
  for (std::size_t i = 0; i < registry.rules().size(); ++i) {
    const RuleInfo& info = registry.rules()[i]->info();
    rule_index.emplace(info.id, i);
    write_rule(writer, info);
  }
  writer.EndArray();
  writer.EndObject();
  writer.EndObject();

  write_key(writer, "invocations");
  writer.StartArray();
  write_invocation(writer, reports, run_warnings);
  writer.EndArray();

  // Our columns count code points, not the UTF-16 units SARIF assumes by default.
  write_key(writer, "columnKind");
  write_string(writer, "unicodeCodePoints");

  write_key(writer, "results");
  writer.StartArray();
  std::map<std::string, unsigned> fingerprint_counts;
  for (const FileReport& report : reports) {
    for (const Diagnostic& diagnostic : report.diagnostics) {
      write_result(writer, report, diagnostic, rule_index, fingerprint_counts);
    }
  }
  writer.EndArray();

  writer.EndObject();
  writer.EndArray();
  writer.EndObject();
}

}  // namespace

void write_sarif(const std::vector<FileReport>& reports, const Registry& registry, std::ostream& out) {
  format::write_json_document(out, [&](Writer& writer) { write_log(writer, reports, registry, {}); });
}

void write_sarif(const std::vector<FileReport>& reports, const Registry& registry, const FormatOptions& options,
                 std::ostream& out) {
  format::write_json_document(out, [&](Writer& writer) { write_log(writer, reports, registry, options.run_warnings); });
}

}  // namespace cfn_eks
