// The JSON format: one document with every finding, I/O error and a summary. Its fields are
// documented in docs/output-formats.md and only ever grow; field order is fixed.

#include <ostream>

#include "cfn_eks/format.hpp"
#include "format/format_util.hpp"
#include "format/json_writer.hpp"

namespace cfn_eks {
namespace {

using format::write_key;
using format::write_string;
using Writer = format::JsonWriter;

constexpr format::RangeKeys kRangeKeys{"line", "column", "end_line", "end_column"};

void write_fix(Writer& writer, const SourcePtr& source, const Fix& fix) {
  writer.StartObject();
  write_key(writer, "title");
  write_string(writer, fix.title);
  write_key(writer, "safe");
  writer.Bool(fix.safe);
  write_key(writer, "edits");
  writer.StartArray();
  for (const Edit& edit : fix.edits) {
    writer.StartObject();
    write_key(writer, "start");
    format::write_position_object(writer, source, edit.range.begin);
    write_key(writer, "end");
    format::write_position_object(writer, source, edit.range.end);
    write_key(writer, "offset_begin");
    writer.Uint(edit.range.begin);
    write_key(writer, "offset_end");
    writer.Uint(edit.range.end);
    write_key(writer, "replacement");
    write_string(writer, edit.replacement);
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
}

void write_diagnostic(Writer& writer, const FileReport& report, const Diagnostic& diagnostic,
                      const Registry* registry) {
  writer.StartObject();
  write_key(writer, "file");
  write_string(writer, format::diagnostic_path(report, diagnostic));
  format::write_range_fields(writer, kRangeKeys, diagnostic.start, diagnostic.end);
  write_key(writer, "rule");
  write_string(writer, diagnostic.rule_id);
  write_key(writer, "name");
  const Rule* rule = registry ? registry->find(diagnostic.rule_id) : nullptr;
  if (rule) {
    write_string(writer, rule->info().name);
  } else {
    writer.Null();
  }
  write_key(writer, "severity");
  write_string(writer, severity_name(diagnostic.severity));
  write_key(writer, "message");
  write_string(writer, diagnostic.message);
  write_key(writer, "related");
  writer.StartArray();
  for (const RelatedLocation& related : diagnostic.related) {
    writer.StartObject();
    format::write_range_fields(writer, kRangeKeys, related.start, related.end);
    write_key(writer, "message");
    write_string(writer, related.message);
    writer.EndObject();
  }
  writer.EndArray();
  // "fix" predates "fixes" and stays for its readers: the first fix, or null.
  write_key(writer, "fix");
  if (!diagnostic.fixes.empty()) {
    write_fix(writer, report.source, diagnostic.fixes.front());
  } else {
    writer.Null();
  }
  write_key(writer, "fixes");
  writer.StartArray();
  for (const Fix& fix : diagnostic.fixes) write_fix(writer, report.source, fix);
  writer.EndArray();
  writer.EndObject();
}

void write_report(Writer& writer, const std::vector<FileReport>& reports, const Registry* registry,
                  const std::vector<std::string>& run_warnings) {
  writer.StartObject();
  write_key(writer, "version");
  write_string(writer, tool_version());
  write_key(writer, "diagnostics");
  writer.StartArray();
  for (const FileReport& report : reports) {
    for (const Diagnostic& diagnostic : report.diagnostics) write_diagnostic(writer, report, diagnostic, registry);
  }
  writer.EndArray();
  write_key(writer, "errors");
  writer.StartArray();
  for (const FileReport& report : reports) {
    if (!report.error) continue;
    writer.StartObject();
    write_key(writer, "file");
    write_string(writer, report.path);
    write_key(writer, "message");
    write_string(writer, *report.error);
    writer.EndObject();
  }
  writer.EndArray();
  const format::Counts counts = format::count(reports);
  write_key(writer, "summary");
  writer.StartObject();
  write_key(writer, "files");
  writer.Uint64(counts.files);
  write_key(writer, "unreadable");
  writer.Uint64(counts.unreadable);
  write_key(writer, "problems");
  writer.Uint64(counts.problems());
  write_key(writer, "errors");
  writer.Uint64(counts.errors);
  write_key(writer, "warnings");
  writer.Uint64(counts.warnings);
  write_key(writer, "infos");
  writer.Uint64(counts.infos);
  writer.EndObject();
  // Only when there is one, so the document is unchanged for a run without them.
  if (!run_warnings.empty()) {
    write_key(writer, "warnings");
    writer.StartArray();
    for (const std::string& warning : run_warnings) write_string(writer, warning);
    writer.EndArray();
  }
  writer.EndObject();
}

void write_document(const std::vector<FileReport>& reports, const Registry* registry,
                    const std::vector<std::string>& run_warnings, std::ostream& out) {
  format::write_json_document(out, [&](Writer& writer) { write_report(writer, reports, registry, run_warnings); });
}

}  // namespace

void write_json(const std::vector<FileReport>& reports, std::ostream& out) { write_document(reports, nullptr, {}, out); }

void write_json(const std::vector<FileReport>& reports, const Registry& registry, std::ostream& out) {
  write_document(reports, &registry, {}, out);
}

void write_json(const std::vector<FileReport>& reports, const Registry& registry, const FormatOptions& options,
                std::ostream& out) {
  write_document(reports, &registry, options.run_warnings, out);
}

}  // namespace cfn_eks
