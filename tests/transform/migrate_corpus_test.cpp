// Migration of every real self-managed node group template in ../shared/corpus/real (skipped
// when it is absent): each group either migrates — three phases that load, lint with no new
// error (cfn-eks, and cfn-lint when installed) and keep every comment in phase 1 — or is
// refused for the reason listed below, which must be a correct one.

#include <boost/test/execution_monitor.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "cfn_eks/document.hpp"
#include "support/migration_checks.hpp"
#include "support/paths.hpp"

namespace {

namespace fs = std::filesystem;
using namespace cfn_eks;
using namespace cfn_eks::testing;

// "<path below corpus/real>#<group>" -> a phrase the refusal must contain, with why it is right.
const std::map<std::string, std::string>& expected_refusals() {
  static const std::map<std::string, std::string> kRefusals = {
      // The 2018 template predates bootstrap.sh: its user data writes the kubelet config by hand
      // on a custom AMI (NodeImageId), which a managed node group cannot be trusted to join with.
      {"amazon-eks-ami/amazon-eks-nodegroup.2018-06-11.yaml#NodeGroup", "neither calls /etc/eks/bootstrap.sh"},
      // This eksctl fixture leaves ImageId (and UserData) empty: eksctl fills them at deploy time.
      {"eksctl/nodegroup_access_entry-1.json#NodeGroup", "ImageId of 'NodeGroupLaunchTemplate' is empty"},
      // The quick start's launch configuration applies AWS::CloudFormation::Init with cfn-init.
      {"quickstart-amazon-eks/amazon-eks-nodegroup.template.2020-07-30.yaml#NodeGroup", "cfn-init"},
      // The node group quick start picks its launch template by condition CreateLaunchTemplate: its
      // own, or one given by id (parameter LaunchTemplateId) whose launch data is in no template
      // here, so that branch cannot be converted. (Its own template's ImageId and user data also
      // choose among Windows, Bottlerocket and AL2 nodes by condition.)
      // Without the deployed stack's values that is refused, and the message says which --parameter
      // decides it; with them (deployed_parameters) the quick start migrates.
      {"quickstart-amazon-eks-nodegroup/amazon-eks-nodegroup.template.yaml#UnmanagedASG",
       "the false branch of the Fn::If on condition 'CreateLaunchTemplate' (line 561) names a launch template that "
       "is not in this template, whose launch data cannot be read or converted; migrate in the stack that defines "
       "it, or make the choice fixed first; pass --parameter LaunchTemplateId=VALUE with the deployed stack's value"},
  };
  return kRefusals;
}

// "<path below corpus/real>#<group>" -> the parameter values of a typical deployed stack
// (migrate --parameter), with which the group must migrate.
const std::map<std::string, std::vector<std::pair<std::string, std::string>>>& deployed_parameters() {
  static const std::map<std::string, std::vector<std::pair<std::string, std::string>>> kParameters = {
      // A typical Amazon Linux 2 deployment of the node group quick start: its parameter defaults,
      // stated here because migrate never assumes a default, except NodeGroupType, whose default
      // (Managed) deploys no self-managed group at all. The stack's own launch template
      // (LaunchTemplateId empty), the EKS AL2 AMI (no CustomAmiId, Standard family), one subnet,
      // no labels, taints or proxy. (Sizes and the on-demand share are no condition the conversion
      // meets, so they are not pinned: they stay free to change.)
      {"quickstart-amazon-eks-nodegroup/amazon-eks-nodegroup.template.yaml#UnmanagedASG",
       {{"NodeGroupType", "Unmanaged"},
        {"CreateNodeGroup", "Yes"},
        {"NodeGroupOS", "Amazon Linux 2"},
        {"CustomAmiId", ""},
        {"NodeInstanceFamily", "Standard"},
        {"LaunchTemplateId", ""},
        {"LaunchTemplateVersion", ""},
        {"NodeInstanceType2", ""},
        {"NodeInstanceType3", ""},
        {"NodeInstanceType4", ""},
        {"Subnet2ID", ""},
        {"Subnet3ID", ""},
        {"MaxNumberOfNodes", ""},
        {"KeyPairName", ""},
        {"NodeSecurityGroupId", ""},
        {"Labels", ""},
        {"Taints", ""},
        {"HttpProxy", ""}}},
  };
  return kParameters;
}

bool is_template(const fs::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".template";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(transform)
BOOST_AUTO_TEST_SUITE(migrate_corpus)

BOOST_AUTO_TEST_CASE(every_real_self_managed_node_group) {
  const auto shared = shared_dir();
  if (!shared || !fs::is_directory(*shared / "corpus" / "real")) {
    BOOST_TEST_MESSAGE("../shared/corpus/real is absent: skipping");
    return;
  }
  const fs::path root = *shared / "corpus" / "real";
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && is_template(entry.path())) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());

  std::vector<CfnLintPair> pairs;
  std::size_t groups = 0, migrated = 0, pinned_migrations = 0;
  std::vector<std::string> seen_refusals;
  for (const fs::path& path : files) {
    const std::string text = read_text(path);
    if (text.find("AWS::AutoScaling::AutoScalingGroup") == std::string::npos) continue;
    const std::string relative = fs::relative(path, root).string();
    const std::string name = path.filename().string();
    const Document document = load_document(std::make_shared<SourceFile>(name, text));
    for (const std::string& group : self_managed_node_group_ids(document)) {
      ++groups;
      const std::string label = relative + "#" + group;
      BOOST_TEST_CONTEXT(label) {
        MigrationOptions options;
        options.input_name = name;
        options.nodegroup = group;
        const MigrationResult result = migrate_node_group(document, options);
        const auto expected = expected_refusals().find(label);
        if (expected != expected_refusals().end()) {
          seen_refusals.push_back(label);
          BOOST_TEST((result.outcome == MigrationOutcome::Refused), label << ": expected a refusal");
          BOOST_TEST(result.message.find(expected->second) != std::string::npos,
                     label << ": refusal without '" << expected->second << "': " << result.message);
          const auto deployed = deployed_parameters().find(label);
          if (deployed == deployed_parameters().end()) continue;
          options.parameters = deployed->second;
          const MigrationResult pinned = migrate_node_group(document, options);
          BOOST_TEST((pinned.outcome == MigrationOutcome::Migrated), label << " with --parameter: " << pinned.message);
          if (pinned.outcome != MigrationOutcome::Migrated) continue;
          ++migrated;
          ++pinned_migrations;
          try {
            check_migration(label + " with --parameter", name, text, pinned, pairs);
          } catch (const boost::execution_aborted&) {
          }
          continue;
        }
        BOOST_TEST((result.outcome == MigrationOutcome::Migrated), label << ": " << result.message);
        if (result.outcome != MigrationOutcome::Migrated) continue;
        ++migrated;
        try {
          check_migration(label, name, text, result, pairs);
        } catch (const boost::execution_aborted&) {
        }
      }
    }
  }
  BOOST_TEST_MESSAGE("migrated " << migrated << " of " << groups << " real self-managed node groups");
  BOOST_TEST(groups >= 6u);
  // eksctl's nodegroup-example migrates since its gzip user data is decoded (a literal AMI id:
  // custom AMI, eksctl's cloud-config kept as the bootstrap).
  BOOST_TEST(migrated >= 5u);
  BOOST_TEST(pinned_migrations == deployed_parameters().size());
  for (const auto& [label, phrase] : expected_refusals()) {
    BOOST_TEST((std::find(seen_refusals.begin(), seen_refusals.end(), label) != seen_refusals.end()),
               "expected refusal for " << label << " was not reached (template or group gone?)");
  }
  check_cfn_lint(pairs);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
