#include "cfn_eks/linter.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "lint/input_files.hpp"
#include "lint/suppressions.hpp"

namespace cfn_eks {

namespace {

// The settings for one file: command-line options over the project config.
struct EffectiveSettings {
  const LintOptions& options;
  const Config* config;
  const Registry& registry;

  std::string canonical(const std::string& id_or_name) const {
    const Rule* rule = registry.find(id_or_name);
    return rule != nullptr ? std::string(rule->info().id) : id_or_name;
  }
  bool contains(const std::set<std::string>& set, std::string_view id, std::string_view name) const {
    return set.count(std::string(id)) > 0 || set.count(std::string(name)) > 0;
  }
  bool enabled(const RuleInfo& info) const {
    if (!options.only.empty() && !contains(options.only, info.id, info.name)) return false;
    if (contains(options.ignore, info.id, info.name)) return false;
    if (config != nullptr && contains(config->ignore, info.id, info.name)) return false;
    return true;
  }
  bool enabled(std::string_view id) const {
    const Rule* rule = registry.find(id);
    return rule == nullptr || enabled(rule->info());
  }
  Severity severity(const RuleInfo& info) const {
    if (auto it = options.severity.find(std::string(info.id)); it != options.severity.end()) return it->second;
    if (config != nullptr) {
      if (auto it = config->severity.find(std::string(info.id)); it != config->severity.end()) return it->second;
    }
    return info.severity;
  }
  RuleOptions rule_options(std::string_view id) const {
    std::map<std::string, std::string> merged;
    if (config != nullptr) {
      if (auto it = config->options.find(std::string(id)); it != config->options.end()) merged = it->second.values();
    }
    if (auto it = options.options.find(std::string(id)); it != options.options.end()) {
      for (const auto& [key, value] : it->second.values()) merged[key] = value;
    }
    return RuleOptions(std::move(merged));
  }
};

void run_rules(const Document& document, const Template& tmpl, const EffectiveSettings& settings,
               const LintOptions& options, std::vector<Diagnostic>& out) {
  const Resolver resolver(tmpl);
  const DependencyGraph graph(tmpl);
  const EksKnowledgePtr eks = options.eks ? options.eks : embedded_eks_knowledge();
  const std::shared_ptr<const ResourceSchemas> schemas = options.schemas ? options.schemas : ResourceSchemas::embedded();
  const LintCache cache;
  const LintContext context{document, tmpl, resolver, graph, options.as_of, *schemas, cache, *eks, &options.cluster_version};

  for (const auto& rule : settings.registry.rules()) {
    const RuleInfo& info = rule->info();
    if (!settings.enabled(info)) continue;
    const RuleOptions rule_options = settings.rule_options(info.id);
    DiagnosticSink sink(document, info.id, info.severity, rule_options, out);
    try {
      rule->check_template(context, sink);
      const auto types = rule->resource_types();
      if (types.empty()) continue;
      const bool every = std::find(types.begin(), types.end(), "*") != types.end();
      for (const Resource& resource : tmpl.resources()) {
        if (every || std::find(types.begin(), types.end(), resource.type) != types.end()) {
          rule->check_resource(context, resource, sink);
        }
      }
    } catch (const std::exception& e) {
      // A bug in one rule must not take the others down or crash a CI run.
      out.push_back(document.make_diagnostic(engine_rules::kInternalError, Severity::Error, ByteRange{0, 0},
                                             "rule '" + std::string(info.id) + "' failed: " + e.what()));
    }
  }
}

}  // namespace

FileReport lint_source(SourcePtr source, const Registry& registry, const LintOptions& options, const Config* config) {
  FileReport report;
  report.path = source->path();
  report.source = source;
  if (config != nullptr) {
    report.fail_on = config->fail_on;
    report.fail_never = config->fail_never;
  }
  const EffectiveSettings settings{options, config, registry};

  Document document = load_document(source, options.limits);
  std::vector<Diagnostic> found = document.diagnostics;
  std::vector<Diagnostic> problems;
  std::vector<Suppression> suppressions;
  if (document.root != nullptr) {
    const Template tmpl(document);
    run_rules(document, tmpl, settings, options, found);
    suppressions = collect_suppressions(document, tmpl, registry, problems);
  }

  std::erase_if(found, [&](const Diagnostic& d) { return !settings.enabled(d.rule_id); });
  apply_suppressions(found, suppressions);
  for (const Suppression& s : suppressions) {
    if (s.used || !settings.enabled(s.rule_id)) continue;
    problems.push_back(document.make_diagnostic(engine_rules::kUnusedSuppression, Severity::Warning, s.written_at,
                                                "suppression of '" + s.rule_id + "' matches no finding; remove it"));
  }
  std::erase_if(problems, [&](const Diagnostic& d) { return !settings.enabled(d.rule_id); });
  found.insert(found.end(), std::make_move_iterator(problems.begin()), std::make_move_iterator(problems.end()));

  for (Diagnostic& d : found) {
    if (const Rule* rule = registry.find(d.rule_id)) {
      // A rule may report a lower severity than its default for a milder case; an
      // override replaces both.
      const Severity chosen = settings.severity(rule->info());
      if (chosen != rule->info().severity || d.severity == rule->info().severity) d.severity = chosen;
    }
  }
  sort_diagnostics(found);
  report.diagnostics = std::move(found);
  return report;
}

namespace {

// Config files are read once each, however many templates share them.
class ConfigCache {
 public:
  ConfigCache(const Registry& registry, const LintOptions& options) : registry_(registry), options_(options) {}

  const Config* for_file(const std::string& file) {
    std::optional<std::filesystem::path> path = options_.config_file;
    if (!path && options_.use_config_files) {
      std::error_code ec;
      const auto absolute = std::filesystem::absolute(file, ec);
      if (!ec) path = find_config(absolute.parent_path());
    }
    if (!path) return nullptr;
    const std::string key = path->lexically_normal().string();
    std::lock_guard lock(mutex_);
    auto it = configs_.find(key);
    if (it != configs_.end()) return &it->second;
    std::string text;
    Config config;
    if (auto error = read_file(path->string(), text)) {
      config.path = path->string();
      FileReport report;
      report.path = path->string();
      report.error = "cannot read config: " + *error;
      errors_.push_back(std::move(report));
    } else {
      config = parse_config(std::make_shared<SourceFile>(path->string(), std::move(text)), registry_);
    }
    return &configs_.emplace(key, std::move(config)).first->second;
  }

  // One report per config file that has findings or could not be read.
  std::vector<FileReport> reports() const {
    std::vector<FileReport> out = errors_;
    for (const auto& [key, config] : configs_) {
      if (config.diagnostics.empty()) continue;
      FileReport report;
      report.path = config.path;
      report.diagnostics = config.diagnostics;
      sort_diagnostics(report.diagnostics);
      out.push_back(std::move(report));
    }
    return out;
  }

 private:
  const Registry& registry_;
  const LintOptions& options_;
  std::mutex mutex_;
  std::unordered_map<std::string, Config> configs_;
  std::vector<FileReport> errors_;
};

}  // namespace

std::vector<FileReport> lint_paths(const std::vector<std::string>& paths, const Registry& registry,
                                   const LintOptions& options, unsigned threads) {
  detail::ExpandedInputs inputs = detail::expand_inputs(paths);
  const std::vector<std::string>& files = inputs.files;
  std::vector<FileReport> reports(files.size());
  ConfigCache configs(registry, options);
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      std::string text;
      if (auto error = read_file(files[i], text)) {
        reports[i].path = files[i];
        reports[i].error = "cannot read: " + *error;
        continue;
      }
      const Config* config = configs.for_file(files[i]);
      reports[i] = lint_source(std::make_shared<SourceFile>(files[i], std::move(text)), registry, options, config);
    }
  };
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(files.size(), 1)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  std::vector<FileReport> config_reports = configs.reports();
  reports.insert(reports.end(), std::make_move_iterator(config_reports.begin()), std::make_move_iterator(config_reports.end()));
  reports.insert(reports.end(), std::make_move_iterator(inputs.problems.begin()),
                 std::make_move_iterator(inputs.problems.end()));
  std::stable_sort(reports.begin(), reports.end(), [](const FileReport& a, const FileReport& b) { return a.path < b.path; });
  return reports;
}

}  // namespace cfn_eks
