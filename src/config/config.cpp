#include "cfn_eks/config.hpp"

#include "cfn_eks/document.hpp"
#include "cfn_eks/linter.hpp"
#include "util/edit_distance.hpp"

namespace cfn_eks {

namespace {

class ConfigParser {
 public:
  ConfigParser(Config& config, const Document& document, const Registry& registry)
      : config_(config), document_(document), registry_(registry) {}

  void parse(const Node& root) {
    static const std::vector<std::string_view> kKeys = {"ignore", "severity", "rules", "fail-on"};
    for (const MapEntry& entry : root.entries) {
      if (entry.key == "ignore") {
        read_ignore(*entry.value);
      } else if (entry.key == "severity") {
        read_severity(*entry.value);
      } else if (entry.key == "rules") {
        read_rule_options(*entry.value);
      } else if (entry.key == "fail-on") {
        read_fail_on(*entry.value);
      } else {
        std::string message = "unknown configuration key '" + entry.key + "'";
        if (auto hint = closest_match(entry.key, kKeys); !hint.empty()) message += "; did you mean '" + std::string(hint) + "'?";
        problem(entry.key_range, message);
      }
    }
  }

  void problem(ByteRange range, std::string message) {
    config_.diagnostics.push_back(
        document_.make_diagnostic(engine_rules::kInvalidConfiguration, Severity::Error, range, std::move(message)));
  }

 private:
  // The rule id for an id or name, or empty after reporting an unknown one.
  std::string rule_id(const std::string& text, ByteRange at) {
    if (const Rule* rule = registry_.find(text)) return std::string(rule->info().id);
    std::string message = "unknown rule '" + text + "'";
    if (auto hint = suggest_rule(registry_, text); !hint.empty()) message += "; did you mean '" + std::string(hint) + "'?";
    problem(at, message);
    return {};
  }

  void read_ignore(const Node& node) {
    if (!node.is_sequence()) {
      problem(node.range, "'ignore' must be a list of rule ids or names");
      return;
    }
    for (const Node* item : node.items) {
      if (!item->is_scalar()) {
        problem(item->range, "a rule id or name must be a string");
        continue;
      }
      if (std::string id = rule_id(item->text, item->range); !id.empty()) config_.ignore.insert(id);
    }
  }

  void read_severity(const Node& node) {
    if (!node.is_mapping()) {
      problem(node.range, "'severity' must map rule ids to error, warning or info");
      return;
    }
    for (const MapEntry& entry : node.entries) {
      const std::string id = rule_id(entry.key, entry.key_range);
      const auto severity = entry.value->is_scalar() ? parse_severity(entry.value->text) : std::nullopt;
      if (!severity) {
        problem(entry.value->range, "severity must be error, warning or info");
        continue;
      }
      if (!id.empty()) config_.severity[id] = *severity;
    }
  }

  void read_rule_options(const Node& node) {
    if (!node.is_mapping()) {
      problem(node.range, "'rules' must map rule ids to their options");
      return;
    }
    for (const MapEntry& entry : node.entries) {
      const std::string id = rule_id(entry.key, entry.key_range);
      if (!entry.value->is_mapping()) {
        problem(entry.value->range, "options of '" + entry.key + "' must be a mapping of names to values");
        continue;
      }
      std::map<std::string, std::string> values;
      for (const MapEntry& option : entry.value->entries) {
        if (!option.value->is_scalar()) {
          problem(option.value->range, "option '" + option.key + "' must be a single value");
          continue;
        }
        values[option.key] = option.value->text;
      }
      if (!id.empty()) config_.options[id] = RuleOptions(std::move(values));
    }
  }

  void read_fail_on(const Node& node) {
    if (node.is_scalar() && node.text == "never") {
      config_.fail_never = true;
      return;
    }
    const auto severity = node.is_scalar() ? parse_severity(node.text) : std::nullopt;
    if (!severity) {
      problem(node.range, "'fail-on' must be error, warning, info or never");
      return;
    }
    config_.fail_on = severity;
  }

  Config& config_;
  const Document& document_;
  const Registry& registry_;
};

}  // namespace

Config parse_config(SourcePtr source, const Registry& registry) {
  Config config;
  config.path = source->path();
  const Document document = load_yaml(source);
  for (const Diagnostic& d : document.diagnostics) {
    // Every problem in a config file is T902 (what the docs and `--ignore` name), whichever
    // part found it; template size limits do not apply to it.
    if (d.rule_id == load_rules::kExceedsInlineSize || d.rule_id == load_rules::kExceedsS3Size) continue;
    Diagnostic problem = d;
    problem.rule_id = std::string(engine_rules::kInvalidConfiguration);
    problem.severity = Severity::Error;
    config.diagnostics.push_back(std::move(problem));
  }
  if (document.root == nullptr) return config;
  ConfigParser parser(config, document, registry);
  if (document.root->kind == NodeKind::Null) return config;  // An empty file configures nothing.
  if (!document.root->is_mapping()) {
    parser.problem(document.root->range, "a configuration file must be a mapping");
    return config;
  }
  parser.parse(*document.root);
  return config;
}

std::optional<std::filesystem::path> find_config(const std::filesystem::path& start) {
  std::error_code ec;
  // A relative start ("." or "src") has no textual parents: walk from its absolute form.
  std::filesystem::path from = std::filesystem::absolute(start, ec);
  if (ec) from = start;
  for (std::filesystem::path dir = from.lexically_normal(); !dir.empty(); dir = dir.parent_path()) {
    const std::filesystem::path candidate = dir / kConfigFileName;
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
    if (dir == dir.parent_path()) break;
  }
  return std::nullopt;
}

}  // namespace cfn_eks
