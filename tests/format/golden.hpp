#pragma once
// Golden-file comparison for the formatter tests. UPDATE_FIXTURES=1 rewrites the golden
// instead of comparing; review the diff like any other change.

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "cfn_eks/format.hpp"

namespace cfn_eks::test {

inline std::filesystem::path format_fixture(std::string_view name) {
  return std::filesystem::path(CFN_EKS_SOURCE_DIR) / "fixtures" / "format" / name;
}

inline bool updating_fixtures() {
  const char* value = std::getenv("UPDATE_FIXTURES");
  return value != nullptr && std::string_view(value) == "1";
}

/// The tool version is replaced by @VERSION@ so a release does not rewrite every golden.
inline std::string without_version(std::string text) {
  const std::string_view version = tool_version();
  for (std::size_t at = text.find(version); at != std::string::npos; at = text.find(version, at)) {
    text.replace(at, version.size(), "@VERSION@");
  }
  return text;
}

inline std::string read_text_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

inline void check_golden(std::string_view name, const std::string& output) {
  const std::filesystem::path path = format_fixture(name);
  const std::string actual = without_version(output);
  if (updating_fixtures()) {
    std::ofstream(path, std::ios::binary) << actual;
    BOOST_TEST_MESSAGE("rewrote " << path.filename().string());
    return;
  }
  if (!std::filesystem::exists(path)) {
    BOOST_ERROR("missing golden fixtures/format/" << name << "; run with UPDATE_FIXTURES=1");
    return;
  }
  const std::string expected = read_text_file(path);
  // Name the first differing line: the whole outputs are long.
  std::string difference = "differs (line endings?)";
  std::istringstream want(expected);
  std::istringstream got(actual);
  std::string want_line;
  std::string got_line;
  for (int line = 1;; ++line) {
    const bool more_want = static_cast<bool>(std::getline(want, want_line));
    const bool more_got = static_cast<bool>(std::getline(got, got_line));
    if (!more_want && !more_got) break;
    if (!more_want || !more_got || want_line != got_line) {
      difference = "differs at line " + std::to_string(line) + "\n  expected: " + (more_want ? want_line : "<end>") +
                   "\n  actual:   " + (more_got ? got_line : "<end>");
      break;
    }
  }
  BOOST_TEST(actual == expected,
             "fixtures/format/" << name << " " << difference << "\n(UPDATE_FIXTURES=1 rewrites it)");
}

}  // namespace cfn_eks::test
