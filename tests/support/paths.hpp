#pragma once
// Where tests find the repository and, when present, ../shared beside it.

#include <filesystem>
#include <optional>
#include <string>

namespace cfn_eks::testing {

inline std::filesystem::path source_dir() { return std::filesystem::path(CFN_EKS_SOURCE_DIR); }
inline std::filesystem::path fixtures_dir() { return source_dir() / "fixtures"; }

/// ../shared when it exists (CI and developer machines have it; the README test command must
/// pass without it).
inline std::optional<std::filesystem::path> shared_dir() {
  const auto dir = source_dir().parent_path() / "shared";
  if (std::filesystem::is_directory(dir)) return dir;
  return std::nullopt;
}

inline std::string binary_path() { return CFN_EKS_BINARY; }

/// Reads a whole file (tests only; throws on failure so the test reports it).
std::string read_text(const std::filesystem::path& path);

}  // namespace cfn_eks::testing
