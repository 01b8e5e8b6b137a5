#pragma once
// Checks shared by the migration tests (fixtures and the real corpus): every phase loads,
// lints with no new error, phase 1 only adds lines (every comment kept), the format stays,
// migrating a phase again finds nothing to do; cfn-lint (when installed) agrees.

#include <string>
#include <vector>

#include "cfn_eks/migrate.hpp"

namespace cfn_eks::testing {

/// Loads `text` as `name` and migrates it.
MigrationResult migrate(const std::string& name, const std::string& text, const MigrationOptions& options);

/// One input and its phases, for a single cfn-lint run at the end.
struct CfnLintPair {
  std::string label;
  std::string input_name;
  std::string input;
  std::vector<std::string> phases;
};

/// Every check on a migrated result; records the texts for check_cfn_lint.
void check_migration(const std::string& label, const std::string& input_name, const std::string& input,
                     const MigrationResult& result, std::vector<CfnLintPair>& cfn_lint_pairs);

/// Runs cfn-lint (skipped when not installed) once over every input and phase; each phase may
/// have no cfn-lint error code more often than its input.
void check_cfn_lint(const std::vector<CfnLintPair>& pairs);

/// The comment lines of a text (trimmed), for "every comment survives".
std::vector<std::string> comment_lines(const std::string& text);

}  // namespace cfn_eks::testing
