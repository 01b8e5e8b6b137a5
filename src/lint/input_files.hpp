#pragma once
// The paths a user gives turned into template files: directories walked for templates, and
// what a directory walk could not deliver (no templates at all, an error part way).

#include <string>
#include <vector>

#include "cfn_eks/linter.hpp"

namespace cfn_eks::detail {

struct ExpandedInputs {
  std::vector<std::string> files;   ///< Files named, then each directory's templates sorted.
  std::vector<FileReport> problems; ///< One report with `error` per directory that gave nothing.
};

ExpandedInputs expand_inputs(const std::vector<std::string>& paths);

}  // namespace cfn_eks::detail
