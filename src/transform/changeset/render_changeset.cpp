// render_changeset: the preview as a text table, JSON (fields documented in changeset.hpp and
// the README; they only ever grow) or Markdown for a pull-request comment.

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <sstream>

#include "cfn_eks/changeset.hpp"
#include "format/format_util.hpp"

namespace cfn_eks {

namespace {

// "Always", "Conditional", "Never": the words of the CloudFormation console and the JSON.
std::string_view replacement_word(Replacement r) {
  switch (r) {
    case Replacement::Always: return "Always";
    case Replacement::Conditional: return "Conditional";
    case Replacement::Never: return "Never";
  }
  return "Never";
}

struct Summary {
  std::size_t add = 0, remove = 0, modify = 0, replace = 0, errors = 0, warnings = 0, infos = 0;
};

Summary summarize(const ChangeSet& cs) {
  Summary s;
  for (const ResourceChange& r : cs.resources) {
    if (r.action == ChangeAction::Add) ++s.add;
    if (r.action == ChangeAction::Remove) ++s.remove;
    if (r.action == ChangeAction::Modify) ++s.modify;
    if (r.action != ChangeAction::Remove && r.replacement == Replacement::Always) ++s.replace;
  }
  for (const Hazard& h : cs.hazards) {
    if (h.severity == Severity::Error) ++s.errors;
    if (h.severity == Severity::Warning) ++s.warnings;
    if (h.severity == Severity::Info) ++s.infos;
  }
  return s;
}

std::string summary_line(const Summary& s) {
  return std::to_string(s.add) + " to add, " + std::to_string(s.remove) + " to remove, " + std::to_string(s.modify) +
         " to modify (" + std::to_string(s.replace) + " replaced); " + format::plural(s.errors, "error") + ", " +
         format::plural(s.warnings, "warning") + ", " + std::to_string(s.infos) + " info";
}

// The replacement column: a rename or an added/removed resource has its own word.
std::string replacement_cell(const ResourceChange& r) {
  if (!r.renamed_from.empty()) return "Always (rename)";
  if (!r.renamed_to.empty()) return "(renamed)";
  if (r.action != ChangeAction::Modify) return "-";
  return std::string(replacement_word(r.replacement));
}

std::string hazard_location(const ChangeSet& cs, const Hazard& h) {
  std::string out = h.in_before ? cs.before_path : cs.after_path;
  if (h.at) out += ":" + std::to_string(h.at->line) + ":" + std::to_string(h.at->column);
  return out;
}

std::string change_value(const PropertyChange& c) {
  if (c.action == ChangeAction::Add) return "(added) " + c.after_value;
  if (c.action == ChangeAction::Remove) return c.before_value + " (removed)";
  return c.before_value + " -> " + c.after_value;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : std::string(sep)) + p;
  return out;
}

// ---- text ------------------------------------------------------------------------------------

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (unsigned char c : text) width += (c & 0xC0) != 0x80 ? 1 : 0;
  return width;
}

void pad(std::ostringstream& out, const std::string& text, std::size_t width) {
  out << text;
  for (std::size_t w = display_width(text); w < width; ++w) out << ' ';
}

void table(std::ostringstream& out, const std::vector<std::vector<std::string>>& rows, std::string_view indent) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], display_width(row[i]));
  }
  for (const auto& row : rows) {
    std::ostringstream line;
    line << indent;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i + 1 == row.size()) {
        line << row[i];
      } else {
        pad(line, row[i], widths[i] + 2);
      }
    }
    std::string text = line.str();
    while (!text.empty() && text.back() == ' ') text.pop_back();  // an empty last cell
    out << text << "\n";
  }
}

std::string render_text(const ChangeSet& cs) {
  std::ostringstream out;
  const Summary s = summarize(cs);
  out << "change set: " << cs.before_path << " -> " << cs.after_path << "\n";
  if (cs.empty()) {
    out << "no changes\n";
  } else {
    out << summary_line(s) << "\n";
  }
  if (!cs.resources.empty()) {
    out << "\nresources\n";
    std::vector<std::vector<std::string>> rows = {{"Action", "Logical ID", "Type", "Replacement"}};
    for (const ResourceChange& r : cs.resources) {
      std::string type = r.type;
      if (!r.before_type.empty()) type = r.before_type + " -> " + r.type;
      rows.push_back({std::string(change_action_name(r.action)), r.logical_id, type, replacement_cell(r)});
    }
    table(out, rows, "  ");
    for (const ResourceChange& r : cs.resources) {
      if (r.changes.empty()) continue;
      out << "\n" << r.logical_id << " (" << r.type << ")\n";
      std::vector<std::vector<std::string>> change_rows;
      for (const PropertyChange& c : r.changes) {
        std::string path = c.path;
        if (c.scope == ChangeScope::Attribute) path += " (attribute)";
        change_rows.push_back({path, change_value(c), std::string(replacement_word(c.replacement))});
      }
      table(out, change_rows, "  ");
      // Reasons apart from the table: they are long.
      for (const PropertyChange& c : r.changes) {
        if (c.replacement == Replacement::Never && c.via_parameter.empty() && c.via_mapping.empty()) continue;
        out << "    " << c.path << ": " << c.reason << "\n";
      }
    }
    for (const ResourceChange& r : cs.resources) {
      if (r.renamed_from.empty()) continue;
      out << "\n" << r.logical_id << ": " << r.replacement_reason << "\n";
    }
  }
  if (!cs.parameters.empty()) {
    out << "\nparameters\n";
    std::vector<std::vector<std::string>> rows;
    for (const ParameterChange& p : cs.parameters) {
      std::string detail = join(p.fields, ", ");
      if (p.action != ChangeAction::Remove && !p.after_default.empty()) {
        detail += (detail.empty() ? "" : "; ") + std::string("default ") +
                  (p.action == ChangeAction::Modify && p.before_default != p.after_default
                       ? (p.before_default.empty() ? "none" : p.before_default) + " -> " + p.after_default
                       : p.after_default);
      }
      rows.push_back({std::string(change_action_name(p.action)), p.name, detail});
    }
    table(out, rows, "  ");
  }
  if (!cs.outputs.empty()) {
    out << "\noutputs\n";
    std::vector<std::vector<std::string>> rows;
    for (const OutputChange& o : cs.outputs) {
      std::string detail = join(o.fields, ", ");
      const std::string& exported = o.action == ChangeAction::Remove ? o.before_export : o.after_export;
      if (!exported.empty()) detail += (detail.empty() ? "" : "; ") + std::string("export ") + exported;
      rows.push_back({std::string(change_action_name(o.action)), o.name, detail});
    }
    table(out, rows, "  ");
  }
  if (!cs.hazards.empty()) {
    out << "\nhazards\n";
    for (const Hazard& h : cs.hazards) {
      out << "  " << hazard_location(cs, h) << ": " << severity_name(h.severity) << ": " << h.message << " [" << h.kind
          << "]\n";
    }
  }
  return out.str();
}

// ---- markdown --------------------------------------------------------------------------------

std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string code(std::string_view text) {
  if (text.empty()) return "";
  return "`" + cell(text) + "`";
}

std::string render_markdown(const ChangeSet& cs) {
  std::ostringstream out;
  const Summary s = summarize(cs);
  out << "### cfn-eks change set\n\n";
  out << code(cs.before_path) << " → " << code(cs.after_path) << ": "
      << (cs.empty() ? std::string("no changes") : summary_line(s)) << "\n";
  if (!cs.resources.empty()) {
    out << "\n| Action | Logical ID | Type | Replacement | Changed |\n|---|---|---|---|---|\n";
    for (const ResourceChange& r : cs.resources) {
      std::vector<std::string> paths;
      for (const PropertyChange& c : r.changes) paths.push_back(code(c.path));
      std::string type = code(r.type);
      if (!r.before_type.empty()) type = code(r.before_type) + " → " + code(r.type);
      std::string changed = join(paths, ", ");
      if (!r.renamed_from.empty()) changed = "renamed from " + code(r.renamed_from);
      if (!r.renamed_to.empty()) changed = "renamed to " + code(r.renamed_to);
      out << "| " << change_action_name(r.action) << " | " << code(r.logical_id) << " | " << type << " | "
          << (r.replacement == Replacement::Always ? "**" + replacement_cell(r) + "**" : replacement_cell(r)) << " | "
          << changed << " |\n";
    }
    bool header = false;
    for (const ResourceChange& r : cs.resources) {
      for (const PropertyChange& c : r.changes) {
        if (!header) {
          out << "\n<details><summary>Changed paths</summary>\n\n| Resource | Path | Before | After | Replacement | Why |\n"
                 "|---|---|---|---|---|---|\n";
          header = true;
        }
        out << "| " << code(r.logical_id) << " | " << code(c.path) << " | " << code(c.before_value) << " | "
            << code(c.after_value) << " | " << replacement_word(c.replacement) << " | " << cell(c.reason) << " |\n";
      }
    }
    if (header) out << "\n</details>\n";
  }
  if (!cs.parameters.empty()) {
    out << "\n| Parameter | Action | Changed | Default |\n|---|---|---|---|\n";
    for (const ParameterChange& p : cs.parameters) {
      std::string defaults = p.action == ChangeAction::Modify && p.before_default != p.after_default
                                 ? code(p.before_default) + " → " + code(p.after_default)
                                 : code(p.action == ChangeAction::Remove ? p.before_default : p.after_default);
      out << "| " << code(p.name) << " | " << change_action_name(p.action) << " | " << cell(join(p.fields, ", ")) << " | "
          << defaults << " |\n";
    }
  }
  if (!cs.outputs.empty()) {
    out << "\n| Output | Action | Changed | Export |\n|---|---|---|---|\n";
    for (const OutputChange& o : cs.outputs) {
      std::string exported = o.action == ChangeAction::Modify && o.before_export != o.after_export
                                 ? code(o.before_export) + " → " + code(o.after_export)
                                 : code(o.action == ChangeAction::Remove ? o.before_export : o.after_export);
      out << "| " << code(o.name) << " | " << change_action_name(o.action) << " | " << cell(join(o.fields, ", ")) << " | "
          << exported << " |\n";
    }
  }
  if (!cs.hazards.empty()) {
    out << "\n#### Hazards\n\n";
    for (const Hazard& h : cs.hazards) {
      out << "- **" << severity_name(h.severity) << "** " << code(h.logical_id) << " (" << code(h.kind) << ", "
          << code(hazard_location(cs, h)) << "): " << cell(h.message) << "\n";
    }
  }
  return out.str();
}

// ---- json ------------------------------------------------------------------------------------

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void key(Writer& w, std::string_view k) { w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }

void str(Writer& w, std::string_view text) {
  const std::string valid = format::valid_utf8(text);
  w.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
}

void field(Writer& w, std::string_view k, std::string_view v) {
  key(w, k);
  str(w, v);
}

void optional_field(Writer& w, std::string_view k, std::string_view v) {
  if (!v.empty()) field(w, k, v);
}

void position_fields(Writer& w, const std::optional<Position>& at) {
  if (!at) return;
  key(w, "line");
  w.Uint(at->line);
  key(w, "column");
  w.Uint(at->column);
}

void string_array(Writer& w, std::string_view k, const std::vector<std::string>& values) {
  key(w, k);
  w.StartArray();
  for (const std::string& v : values) str(w, v);
  w.EndArray();
}

std::string render_json(const ChangeSet& cs) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  const Summary s = summarize(cs);
  w.StartObject();
  field(w, "before", cs.before_path);
  field(w, "after", cs.after_path);
  key(w, "summary");
  w.StartObject();
  key(w, "add");
  w.Uint64(s.add);
  key(w, "remove");
  w.Uint64(s.remove);
  key(w, "modify");
  w.Uint64(s.modify);
  key(w, "replace");
  w.Uint64(s.replace);
  key(w, "errors");
  w.Uint64(s.errors);
  key(w, "warnings");
  w.Uint64(s.warnings);
  key(w, "infos");
  w.Uint64(s.infos);
  w.EndObject();
  key(w, "resources");
  w.StartArray();
  for (const ResourceChange& r : cs.resources) {
    w.StartObject();
    field(w, "logicalId", r.logical_id);
    field(w, "action", change_action_name(r.action));
    field(w, "type", r.type);
    optional_field(w, "beforeType", r.before_type);
    field(w, "replacement", replacement_word(r.replacement));
    optional_field(w, "reason", r.replacement_reason);
    optional_field(w, "renamedFrom", r.renamed_from);
    optional_field(w, "renamedTo", r.renamed_to);
    position_fields(w, r.action == ChangeAction::Remove ? r.before_at : r.after_at);
    key(w, "changes");
    w.StartArray();
    for (const PropertyChange& c : r.changes) {
      w.StartObject();
      field(w, "scope", change_scope_name(c.scope));
      field(w, "path", c.path);
      field(w, "action", change_action_name(c.action));
      field(w, "replacement", replacement_word(c.replacement));
      optional_field(w, "reason", c.reason);
      optional_field(w, "before", c.before_value);
      optional_field(w, "after", c.after_value);
      optional_field(w, "viaParameter", c.via_parameter);
      optional_field(w, "viaMapping", c.via_mapping);
      position_fields(w, c.after_at ? c.after_at : c.before_at);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  key(w, "parameters");
  w.StartArray();
  for (const ParameterChange& p : cs.parameters) {
    w.StartObject();
    field(w, "name", p.name);
    field(w, "action", change_action_name(p.action));
    string_array(w, "fields", p.fields);
    optional_field(w, "beforeDefault", p.before_default);
    optional_field(w, "afterDefault", p.after_default);
    w.EndObject();
  }
  w.EndArray();
  key(w, "outputs");
  w.StartArray();
  for (const OutputChange& o : cs.outputs) {
    w.StartObject();
    field(w, "name", o.name);
    field(w, "action", change_action_name(o.action));
    string_array(w, "fields", o.fields);
    optional_field(w, "beforeExport", o.before_export);
    optional_field(w, "afterExport", o.after_export);
    w.EndObject();
  }
  w.EndArray();
  key(w, "hazards");
  w.StartArray();
  for (const Hazard& h : cs.hazards) {
    w.StartObject();
    field(w, "severity", severity_name(h.severity));
    field(w, "kind", h.kind);
    field(w, "logicalId", h.logical_id);
    field(w, "message", h.message);
    field(w, "file", h.in_before ? cs.before_path : cs.after_path);
    position_fields(w, h.at);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace

std::string render_changeset(const ChangeSet& changeset, ChangeSetFormat format) {
  switch (format) {
    case ChangeSetFormat::Json: return render_json(changeset);
    case ChangeSetFormat::Markdown: return render_markdown(changeset);
    case ChangeSetFormat::Text: break;
  }
  return render_text(changeset);
}

}  // namespace cfn_eks
