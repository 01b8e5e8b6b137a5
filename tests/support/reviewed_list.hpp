#pragma once
// The reviewed expectation lists of the real-corpus and cfn-lint oracle tests: one finding a
// line, "KEY  # reason", '#' lines are comments.

#include <filesystem>
#include <map>
#include <string>

namespace cfn_eks::testing {

/// KEY -> reason (empty when the line has none); a missing file reads as an empty list.
std::map<std::string, std::string> read_reviewed_list(const std::filesystem::path& path);

}  // namespace cfn_eks::testing
