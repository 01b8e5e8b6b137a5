// Golden outputs of the change-set preview: fixtures/changeset/<case>/ holds before.yaml|json
// and after.yaml|json, and the expected renderings expected.txt, expected.json and expected.md.
// UPDATE_FIXTURES=1 rewrites the expected files (review the diff before committing).

#include <rapidjson/document.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "cfn_eks/changeset.hpp"
#include "cfn_eks/document.hpp"
#include "support/paths.hpp"

namespace {

namespace fs = std::filesystem;
using namespace cfn_eks;

bool updating() {
  const char* value = std::getenv("UPDATE_FIXTURES");
  return value != nullptr && std::string(value) == "1";
}

fs::path input(const fs::path& dir, const std::string& stem) {
  for (const char* ext : {".yaml", ".json"}) {
    if (fs::exists(dir / (stem + ext))) return dir / (stem + ext);
  }
  return {};
}

Document load(const fs::path& path) {
  // Shown by file name only, so the goldens hold no machine path.
  return load_document(std::make_shared<SourceFile>(path.filename().string(), testing::read_text(path)));
}

std::vector<fs::path> cases() {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(testing::fixtures_dir() / "changeset")) {
    if (entry.is_directory()) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(transform)
BOOST_AUTO_TEST_SUITE(changeset_golden_test)

BOOST_AUTO_TEST_CASE(every_case_matches_its_goldens) {
  const std::vector<fs::path> dirs = cases();
  BOOST_REQUIRE(dirs.size() >= 3u);
  for (const fs::path& dir : dirs) {
    BOOST_TEST_CONTEXT("case " << dir.filename().string()) {
      const fs::path before_path = input(dir, "before");
      const fs::path after_path = input(dir, "after");
      BOOST_REQUIRE(!before_path.empty());
      BOOST_REQUIRE(!after_path.empty());
      const Document before = load(before_path);
      const Document after = load(after_path);
      BOOST_REQUIRE(before.root != nullptr);
      BOOST_REQUIRE(after.root != nullptr);
      const ChangeSet cs = compute_changeset(before, after, {});
      for (const auto& [format, name] : {std::pair{ChangeSetFormat::Text, "expected.txt"},
                                         std::pair{ChangeSetFormat::Json, "expected.json"},
                                         std::pair{ChangeSetFormat::Markdown, "expected.md"}}) {
        const std::string rendered = render_changeset(cs, format);
        if (format == ChangeSetFormat::Json) {
          rapidjson::Document doc;
          doc.Parse(rendered.c_str());
          BOOST_TEST(!doc.HasParseError());
        }
        const fs::path expected = dir / name;
        if (updating()) {
          std::ofstream(expected, std::ios::binary) << rendered;
          continue;
        }
        BOOST_REQUIRE_MESSAGE(fs::exists(expected), expected.string() + " is missing; run with UPDATE_FIXTURES=1");
        BOOST_TEST(rendered == testing::read_text(expected), name << " differs");
      }
      // The same pair computed twice renders the same: output is deterministic.
      BOOST_TEST(render_changeset(compute_changeset(before, after, {}), ChangeSetFormat::Json) ==
                 render_changeset(cs, ChangeSetFormat::Json));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
