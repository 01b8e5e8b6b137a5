#pragma once
// The one diagnostic set every formatter is golden-tested against (fixtures/format/sample.*):
// a multi-line range, a parse error, a finding after non-ASCII text, a tab before a finding,
// a related location, a safe and an unsafe fix, and a file that could not be read.
// Diagnostics are built by hand rather than by linting, so the goldens only change when a
// formatter does. Header-only because the test build compiles only *_test.cpp files.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cfn_eks/format.hpp"
#include "cfn_eks/linter.hpp"
#include "cfn_eks/registry.hpp"

namespace cfn_eks::test {

/// A small registry, so the goldens do not churn as rules are added to the real one.
/// T002 never fires: SARIF must still list it.
inline Registry sample_registry() {
  std::vector<std::unique_ptr<Rule>> rules;
  rules.push_back(std::make_unique<BuiltinRule>(RuleInfo{
      "T001", "syntax-error", Severity::Error, "The template is not valid YAML or JSON.",
      "# syntax-error\n\n## What it checks\n\nThe template is not valid YAML or JSON.\n", RuleStatus::Stable}));
  rules.push_back(std::make_unique<BuiltinRule>(RuleInfo{
      "T002", "duplicate-key", Severity::Error, "A mapping has the same key twice.", "", RuleStatus::Stable}));
  rules.push_back(std::make_unique<BuiltinRule>(RuleInfo{
      "T201", "undefined-reference", Severity::Error, "A reference names no resource or parameter.",
      "## What it checks\n\nA `Ref`, `Fn::GetAtt` or `Fn::Sub` variable names a logical id\n"
      "that is neither a resource nor a parameter.\n\n## How to fix\n\nCorrect the name.\n",
      RuleStatus::Stable}));
  rules.push_back(std::make_unique<BuiltinRule>(RuleInfo{
      "T106", "numeric-version", Severity::Info, "A version is written as a number.", "",
      RuleStatus::Experimental}));
  rules.push_back(std::make_unique<BuiltinRule>(RuleInfo{
      "T401", "unused-parameter", Severity::Warning, "A parameter is never referenced.", "",
      RuleStatus::Stable}));
  return Registry(std::move(rules));
}

inline constexpr std::string_view kSampleTemplate =
    "AWSTemplateFormatVersion: '2010-09-09'\n"
    "Description: Ünïcödé 集群 for the EKS control plane\n"
    "Parameters:\n"
    "  Unused:\n"
    "    Type: String\n"
    "    Default: x\n"
    "  ClusterName:\n"
    "    Type: String\n"
    "Resources:\n"
    "  Cluster:\n"
    "    Type: AWS::EKS::Cluster\n"
    "    Properties:\n"
    "      Name: !Sub 'Ünïcödé-集群-${ClusterNam}'\n"
    "      Version:\t1.30\n"
    "      Tags: [{Key: team, Value: platform}\n";

/// The byte range of the first `needle` in `text`, extended to the end of the next `last` when given.
inline ByteRange find_range(std::string_view text, std::string_view needle, std::string_view last = {}) {
  const std::size_t begin = text.find(needle);
  std::size_t end = begin + needle.size();
  if (!last.empty()) end = text.find(last, begin) + last.size();
  return ByteRange{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
}

inline Diagnostic make_sample_diagnostic(const SourceFile& source, std::string rule_id, Severity severity,
                                         ByteRange range, std::string message) {
  Diagnostic diagnostic;
  diagnostic.rule_id = std::move(rule_id);
  diagnostic.severity = severity;
  diagnostic.message = std::move(message);
  diagnostic.file = source.path();
  diagnostic.range = range;
  diagnostic.start = source.position(range.begin);
  diagnostic.end = source.position(range.end);
  return diagnostic;
}

inline std::vector<FileReport> sample_reports() {
  // A space in the path exercises URI escaping in SARIF.
  auto source = std::make_shared<SourceFile>("stacks/eks cluster.yaml", std::string(kSampleTemplate));
  const std::string_view text = source->text();

  FileReport linted;
  linted.path = source->path();
  linted.source = source;

  linted.diagnostics.push_back(make_sample_diagnostic(*source, "T401", Severity::Warning,
                                                      find_range(text, "Unused:", "Default: x"),
                                                      "parameter 'Unused' is never referenced; remove it"));

  ByteRange reference = find_range(text, "ClusterNam}");
  reference.end -= 1;  // Without the closing brace.
  Diagnostic undefined = make_sample_diagnostic(
      *source, "T201", Severity::Error, reference,
      "'ClusterNam' is not a resource or parameter; did you mean 'ClusterName'?");
  const ByteRange declared = find_range(text, "ClusterName:");
  RelatedLocation related;
  related.range = ByteRange{declared.begin, declared.end - 1};
  related.start = source->position(related.range.begin);
  related.end = source->position(related.range.end);
  related.message = "'ClusterName' is declared here";
  undefined.related.push_back(related);
  undefined.fixes.push_back(Fix{"replace 'ClusterNam' with 'ClusterName'", {Edit{undefined.range, "ClusterName"}}, true});
  linted.diagnostics.push_back(std::move(undefined));

  Diagnostic version = make_sample_diagnostic(*source, "T106", Severity::Info, find_range(text, "1.30"),
                                              "'1.30' is read as the number 1.3, not a string; quote it: '1.30'");
  version.fixes.push_back(Fix{"quote the version", {Edit{version.range, "'1.30'"}}, false});
  linted.diagnostics.push_back(std::move(version));

  linted.diagnostics.push_back(make_sample_diagnostic(
      *source, "T001", Severity::Error, find_range(text, "["),
      "expected ',' or ']' but found \"<end of file>\"; close the flow sequence that starts here"));

  FileReport unreadable;
  unreadable.path = "stacks/missing.yaml";
  unreadable.error = "cannot read: No such file or directory";

  return {std::move(linted), std::move(unreadable)};
}

}  // namespace cfn_eks::test
