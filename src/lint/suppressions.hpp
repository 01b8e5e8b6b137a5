#pragma once
// Suppressions written in a template: Metadata `cfn-eks: {ignore: [...]}` on the template or a
// resource, and inline `# cfn-eks: ignore[ID,...] reason` comments.

#include <vector>

#include "cfn_eks/registry.hpp"
#include "cfn_eks/template.hpp"

namespace cfn_eks {

struct Suppression {
  std::string rule_id;
  ByteRange written_at;      // The list entry or comment, for "matches nothing".
  bool whole_file = false;   // Template Metadata.
  ByteRange scope;           // Resource Metadata: the resource's key and body.
  std::uint32_t line = 0;    // Inline comment: the 1-based line it covers.
  bool used = false;
};

/// Reads every suppression; unknown rule ids become T902 findings in `problems`.
std::vector<Suppression> collect_suppressions(const Document& document, const Template& tmpl,
                                              const Registry& registry, std::vector<Diagnostic>& problems);

/// Drops suppressed diagnostics and marks the suppressions that matched.
void apply_suppressions(std::vector<Diagnostic>& diagnostics, std::vector<Suppression>& suppressions);

}  // namespace cfn_eks
