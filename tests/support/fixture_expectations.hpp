#pragma once
// Expectations written inside fixtures: `# expect: ID[@COL] ["message part"]` comments in YAML,
// `<name>.json.expected` sidecars for JSON, and a `# lint: ...` header choosing rules and options.

#include <optional>
#include <string>
#include <vector>

#include "cfn_eks/diagnostic.hpp"
#include "cfn_eks/linter.hpp"

namespace cfn_eks::testing {

struct Expectation {
  std::uint32_t line = 0;
  std::string rule_id;
  std::optional<std::uint32_t> column;
  std::optional<std::string> message_part;  // Substring (YAML) or exact message (sidecar).
  bool exact_message = false;
};

/// Parses `# expect:` / `# expect-next:` markers. Errors (malformed markers) go to `errors`.
std::vector<Expectation> parse_inline_expectations(const std::string& text, std::vector<std::string>& errors);

/// Parses a sidecar: one `LINE:COL: ID message` per line.
std::vector<Expectation> parse_sidecar(const std::string& text, std::vector<std::string>& errors);

/// Renders diagnostics the way sidecars store them.
std::string render_sidecar(const std::vector<Diagnostic>& diagnostics);

/// Applies a `# lint: --only A,B --as-of D --rule-option ID.k=v --severity ID=level` header
/// found on the first line; `default_rule` is used for --only when the header does not set it.
bool apply_header(const std::string& text, const std::string& default_rule, LintOptions& options,
                  std::vector<std::string>& errors);

/// Matches diagnostics to expectations; returns one line per mismatch (empty when all match).
std::vector<std::string> compare(const std::vector<Expectation>& expected, const std::vector<Diagnostic>& actual);

}  // namespace cfn_eks::testing
