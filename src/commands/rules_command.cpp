#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include <iomanip>

#include "cfn_eks/commands.hpp"

namespace cfn_eks {

int run_rules(bool json, std::ostream& out) {
  const Registry& registry = default_registry();
  if (json) {
    rapidjson::OStreamWrapper stream(out);
    rapidjson::PrettyWriter<rapidjson::OStreamWrapper> writer(stream);
    writer.SetIndent(' ', 2);
    writer.StartArray();
    for (const auto& rule : registry.rules()) {
      const RuleInfo& info = rule->info();
      writer.StartObject();
      writer.Key("id");
      writer.String(info.id.data(), static_cast<rapidjson::SizeType>(info.id.size()));
      writer.Key("name");
      writer.String(info.name.data(), static_cast<rapidjson::SizeType>(info.name.size()));
      writer.Key("severity");
      const std::string_view severity = severity_name(info.severity);
      writer.String(severity.data(), static_cast<rapidjson::SizeType>(severity.size()));
      writer.Key("status");
      const std::string_view status = status_name(info.status);
      writer.String(status.data(), static_cast<rapidjson::SizeType>(status.size()));
      writer.Key("summary");
      writer.String(info.summary.data(), static_cast<rapidjson::SizeType>(info.summary.size()));
      writer.Key("quick_fix");
      writer.Bool(info.quick_fix);
      writer.EndObject();
    }
    writer.EndArray();
    out << "\n";
  } else {
    for (const auto& rule : registry.rules()) {
      const RuleInfo& info = rule->info();
      out << info.id << "  " << std::left << std::setw(7) << severity_name(info.severity) << "  " << std::setw(34)
          << info.name << "  " << info.summary << (info.quick_fix ? " [quick fix]" : "") << "\n";
    }
  }
  out.flush();
  return out ? kExitClean : kExitError;
}

int run_explain(const std::string& id, std::ostream& out, std::ostream& err) {
  const Registry& registry = default_registry();
  const Rule* rule = registry.find(id);
  if (rule == nullptr) {
    err << "cfn-eks: unknown rule '" << id << "'";
    if (auto hint = suggest_rule(registry, id); !hint.empty()) err << "; did you mean '" << hint << "'?";
    err << " (cfn-eks rules lists them all)\n";
    return kExitError;
  }
  const RuleInfo& info = rule->info();
  out << "# " << info.id << " " << info.name << "\n\n"
      << info.summary << "\n\nDefault severity: " << severity_name(info.severity) << ". Status: " << status_name(info.status)
      << "." << (info.quick_fix ? " Has a quick fix: `cfn-eks lint --fix` applies it." : "") << "\n\n"
      << info.doc << "\n";
  out.flush();
  return out ? kExitClean : kExitError;
}

}  // namespace cfn_eks
