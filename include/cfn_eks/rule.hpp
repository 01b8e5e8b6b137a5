#pragma once
/// What a rule is and what it receives: metadata, a context, and a sink for findings.

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cfn_eks/date.hpp"
#include "cfn_eks/dependency_graph.hpp"
#include "cfn_eks/diagnostic.hpp"
#include "cfn_eks/eks_knowledge.hpp"
#include "cfn_eks/lint_cache.hpp"
#include "cfn_eks/resolver.hpp"
#include "cfn_eks/resource_schemas.hpp"
#include "cfn_eks/template.hpp"

namespace cfn_eks {

enum class RuleStatus : std::uint8_t { Experimental, Stable, Deprecated };
std::string_view status_name(RuleStatus status);

/// A rule's identity and documentation. `doc` is Markdown with the headings
/// "What it checks", "Why it matters", "Example", "How to fix", "References".
struct RuleInfo {
  std::string_view id;        ///< Stable, never reused: "T201".
  std::string_view name;      ///< kebab-case pattern flagged: "undefined-reference".
  Severity severity = Severity::Error;
  std::string_view summary;   ///< One line, shown by `rules` and hover.
  std::string_view doc;
  RuleStatus status = RuleStatus::Experimental;
  /// Some findings carry a quick fix (Diagnostic::fixes; `cfn-eks lint --fix`).
  bool quick_fix = false;
};

/// Options for one rule, from the config file (`rules: {ID: {key: value}}`).
class RuleOptions {
 public:
  RuleOptions() = default;
  explicit RuleOptions(std::map<std::string, std::string> values) : values_(std::move(values)) {}
  std::optional<std::string_view> get(std::string_view key) const;
  /// An integer option, or `fallback` when absent; `error` is set when present but malformed.
  long get_int(std::string_view key, long fallback, std::string* error = nullptr) const;
  const std::map<std::string, std::string>& values() const { return values_; }

 private:
  std::map<std::string, std::string> values_;
};

/// Everything a rule may look at while checking one template.
struct LintContext {
  const Document& document;
  const Template& tmpl;
  const Resolver& resolver;
  const DependencyGraph& graph;
  Date as_of;
  /// Resource schemas: ours, plus official registry ones when `--registry-schemas` is given.
  const ResourceSchemas& schemas;
  /// Analyses shared between rules for this template (computed on first use).
  const LintCache& cache;
  /// EKS knowledge (schemas/eks): versions, skew, AMIs, add-ons, API removals, SG flows.
  const EksKnowledge& eks;
  /// `--cluster-version X.Y`: the version of a cluster that lives in another stack (or whose
  /// Version cannot be resolved); null or empty when not given.
  const std::optional<std::string>* cluster_version = nullptr;
};

/// Receives the findings of one rule on one document. Rules report a node or a range;
/// the sink positions the finding and applies severity overrides.
class DiagnosticSink {
 public:
  DiagnosticSink(const Document& document, std::string_view rule_id, Severity severity,
                 const RuleOptions& options, std::vector<Diagnostic>& out)
      : document_(document), rule_id_(rule_id), severity_(severity), options_(options), out_(out) {}

  /// Reports a finding over `range`; the returned diagnostic may get related locations or a fix.
  Diagnostic& report(ByteRange range, std::string message);
  Diagnostic& report(const Node& node, std::string message) { return report(node.range, std::move(message)); }
  /// Reports at a mapping entry's key.
  Diagnostic& report_key(const MapEntry& entry, std::string message) {
    return report(entry.key_range, std::move(message));
  }
  /// Adds "see here" to a diagnostic.
  void relate(Diagnostic& diagnostic, ByteRange range, std::string message) const;

  const RuleOptions& options() const { return options_; }
  const Document& document() const { return document_; }

 private:
  const Document& document_;
  std::string_view rule_id_;
  Severity severity_;
  const RuleOptions& options_;
  std::vector<Diagnostic>& out_;
};

/// A check. Rules are stateless: all state lives in the context and the sink.
class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleInfo& info() const = 0;
  /// Resource types passed to check_resource; "*" means every resource.
  virtual std::span<const std::string_view> resource_types() const { return {}; }
  /// Called once per template.
  virtual void check_template(const LintContext& /*context*/, DiagnosticSink& /*sink*/) const {}
  /// Called for each resource of a type in resource_types().
  virtual void check_resource(const LintContext& /*context*/, const Resource& /*resource*/,
                              DiagnosticSink& /*sink*/) const {}
};

/// A rule whose findings come from the loader or the engine (syntax errors, suppressions);
/// it exists for documentation, `--only/--ignore` and severity overrides.
class BuiltinRule final : public Rule {
 public:
  explicit BuiltinRule(RuleInfo info) : info_(info) {}
  const RuleInfo& info() const override { return info_; }

 private:
  RuleInfo info_;
};

}  // namespace cfn_eks
