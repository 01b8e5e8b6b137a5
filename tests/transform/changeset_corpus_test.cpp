// The change-set preview on real templates (../shared/corpus/real, skipped when absent): every
// template against itself is empty, and successive versions of the official node group template
// compare without crashing, with answers checked where they can be known.

#include <rapidjson/document.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cfn_eks/changeset.hpp"
#include "cfn_eks/document.hpp"
#include "support/paths.hpp"

namespace {

namespace fs = std::filesystem;
using namespace cfn_eks;

Document load(const fs::path& path) {
  return load_document(std::make_shared<SourceFile>(path.filename().string(), testing::read_text(path)));
}

std::vector<fs::path> corpus_templates(const fs::path& root) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".template")) {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool renders(const ChangeSet& cs) {
  rapidjson::Document doc;
  doc.Parse(render_changeset(cs, ChangeSetFormat::Json).c_str());
  return !doc.HasParseError() && !render_changeset(cs, ChangeSetFormat::Text).empty() &&
         !render_changeset(cs, ChangeSetFormat::Markdown).empty();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(transform)
BOOST_AUTO_TEST_SUITE(changeset_corpus_test)

BOOST_AUTO_TEST_CASE(every_real_template_against_itself_has_no_changes) {
  const auto shared = testing::shared_dir();
  if (!shared) {
    BOOST_TEST_MESSAGE("../shared not present; skipped");
    return;
  }
  std::size_t compared = 0;
  for (const fs::path& path : corpus_templates(*shared / "corpus" / "real")) {
    const Document a = load(path);
    const Document b = load(path);
    if (a.root == nullptr || !a.root->is_mapping()) continue;
    BOOST_TEST_CONTEXT(path.filename().string()) {
      const ChangeSet cs = compute_changeset(a, b, {});
      BOOST_TEST(cs.empty());
      BOOST_TEST(cs.hazards.empty());
      ++compared;
    }
  }
  BOOST_TEST(compared >= 10u);
}

BOOST_AUTO_TEST_CASE(successive_official_nodegroup_templates) {
  const auto shared = testing::shared_dir();
  if (!shared) {
    BOOST_TEST_MESSAGE("../shared not present; skipped");
    return;
  }
  const fs::path dir = *shared / "corpus" / "real" / "amazon-eks-ami";
  std::vector<fs::path> versions;
  for (const char* name : {"amazon-eks-nodegroup.2018-06-11.yaml", "amazon-eks-nodegroup.2019-09-17.yaml",
                           "amazon-eks-nodegroup.2020-06-11.yaml", "amazon-eks-nodegroup.2022-05-09.yaml"}) {
    if (fs::exists(dir / name)) versions.push_back(dir / name);
  }
  if (versions.size() < 2) {
    BOOST_TEST_MESSAGE("official node group templates not present; skipped");
    return;
  }
  for (std::size_t i = 0; i + 1 < versions.size(); ++i) {
    BOOST_TEST_CONTEXT(versions[i].filename().string() << " -> " << versions[i + 1].filename().string()) {
      const Document before = load(versions[i]);
      const Document after = load(versions[i + 1]);
      const ChangeSet forward = compute_changeset(before, after, {});
      const ChangeSet backward = compute_changeset(after, before, {});
      BOOST_TEST(!forward.empty());
      BOOST_TEST(renders(forward));
      BOOST_TEST(renders(backward));
      // What is added one way is removed the other way, and modifications are symmetric.
      for (const ResourceChange& r : forward.resources) {
        const ResourceChange* back = backward.resource(r.logical_id);
        BOOST_REQUIRE(back != nullptr);
        if (r.action == ChangeAction::Add) BOOST_CHECK(back->action == ChangeAction::Remove);
        if (r.action == ChangeAction::Remove) BOOST_CHECK(back->action == ChangeAction::Add);
        if (r.action == ChangeAction::Modify) {
          BOOST_CHECK(back->action == ChangeAction::Modify);
          BOOST_TEST(back->changes.size() == r.changes.size());
        }
      }
      BOOST_TEST(forward.parameters.size() == backward.parameters.size());
      BOOST_TEST(forward.outputs.size() == backward.outputs.size());
    }
  }
}

// Checked by hand against `diff`: between these two versions the node launch template gains
// IMDS options and its AMI parameter's default moves from 1.14 to 1.22; the rest of the diff is
// `Ref:` rewritten as `!Ref`, a quoted key unquoted and a parameter's AllowedValues dropped.
BOOST_AUTO_TEST_CASE(official_nodegroup_2020_to_2022_answers) {
  const auto shared = testing::shared_dir();
  const fs::path dir = shared ? *shared / "corpus" / "real" / "amazon-eks-ami" : fs::path();
  const fs::path old_path = dir / "amazon-eks-nodegroup.2020-06-11.yaml";
  const fs::path new_path = dir / "amazon-eks-nodegroup.2022-05-09.yaml";
  if (!shared || !fs::exists(old_path) || !fs::exists(new_path)) {
    BOOST_TEST_MESSAGE("official node group templates not present; skipped");
    return;
  }
  const Document before = load(old_path);
  const Document after = load(new_path);
  const ChangeSet cs = compute_changeset(before, after, {});
  BOOST_REQUIRE(cs.resources.size() == 1u);
  const ResourceChange& lt = cs.resources[0];
  BOOST_TEST(lt.logical_id == "NodeLaunchTemplate");
  BOOST_CHECK(lt.action == ChangeAction::Modify);
  BOOST_CHECK(lt.replacement == Replacement::Never);
  std::vector<std::string> paths;
  for (const PropertyChange& c : lt.changes) paths.push_back(c.path);
  BOOST_TEST((paths == std::vector<std::string>{"LaunchTemplateData.ImageId", "LaunchTemplateData.MetadataOptions.HttpEndpoint",
                                                "LaunchTemplateData.MetadataOptions.HttpTokens"}));
  BOOST_TEST(lt.changes[0].via_parameter == "NodeImageIdSSMParam");
  BOOST_CHECK(lt.changes[1].action == ChangeAction::Add);
  std::vector<std::string> parameters;
  for (const ParameterChange& p : cs.parameters) parameters.push_back(p.name + ":" + std::string(change_action_name(p.action)));
  BOOST_TEST((parameters == std::vector<std::string>{"DisableIMDSv1:Add", "NodeImageIdSSMParam:Modify", "NodeInstanceType:Modify"}));
  BOOST_TEST(cs.error_count() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
