#pragma once
// `cfn-eks lint --fix` and `--fix-dry-run`: applies the quick fixes of lint reports and
// replaces each fixed report with a lint of the fixed text.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cfn_eks/commands.hpp"

namespace cfn_eks {

/// For every report of a template that loads, applies its safe, non-overlapping fixes; the
/// report becomes the lint of the fixed text. Apply: each changed regular file is written
/// atomically in place (the report of stdin, `stdin_index`, is never written). DryRun: the
/// unified diff of every file is appended to `diff`. Notes go to `err`. Returns false when a
/// file could not be written (the message is on `err`; other files are still fixed).
bool fix_reports(const LintCommand& command, const Registry& registry, std::vector<FileReport>& reports,
                 std::optional<std::size_t> stdin_index, std::string& diff, std::ostream& err);

}  // namespace cfn_eks
