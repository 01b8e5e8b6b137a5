// Golden tests for `cfn-eks migrate`: fixtures/migrate/<case>/ holds input.yaml (or
// input.json), optionally args.txt (`--nodegroup ID`, `--name ID`, `--parameter KEY=VALUE`; one
// word each, so a VALUE has no spaces), and expected/ with every
// file the migration writes — or expected/refusal.txt / expected/nothing.txt with the message
// (prefixed `LINE:COL: ` when positioned). UPDATE_FIXTURES=1 rewrites expected/.
//
// Besides the goldens, every migrated case is checked for what the issue promises: each phase
// loads, lints with no new cfn-eks error (and no new cfn-lint error when cfn-lint is
// installed), phase 1 only adds lines and keeps every comment, JSON stays JSON, and migrating
// a phase again finds nothing to do.

#include <boost/test/execution_monitor.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/migration_checks.hpp"
#include "support/paths.hpp"

namespace {

namespace fs = std::filesystem;
using namespace cfn_eks;
using namespace cfn_eks::testing;

bool updating() {
  const char* value = std::getenv("UPDATE_FIXTURES");
  return value != nullptr && std::string(value) == "1";
}

MigrationOptions parse_args(const fs::path& dir, const std::string& input_name) {
  MigrationOptions options;
  options.input_name = input_name;
  if (!fs::exists(dir / "args.txt")) return options;
  std::istringstream words(read_text(dir / "args.txt"));
  for (std::string flag, value; words >> flag >> value;) {
    if (flag == "--nodegroup") options.nodegroup = value;
    else if (flag == "--name") options.new_name = value;
    else if (flag == "--parameter" && value.find('=') != std::string::npos) {
      options.parameters.emplace_back(value.substr(0, value.find('=')), value.substr(value.find('=') + 1));
    }
    else BOOST_FAIL("unknown flag in args.txt: " << flag);
  }
  return options;
}

std::string outcome_text(const MigrationResult& result) {
  std::string text;
  if (result.position) text = std::to_string(result.position->line) + ":" + std::to_string(result.position->column) + ": ";
  return text + result.message + "\n";
}

void compare_or_update(const fs::path& file, const std::string& actual, const std::string& label) {
  if (updating()) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << actual;
    return;
  }
  BOOST_REQUIRE_MESSAGE(fs::exists(file), label << ": missing " << file.filename().string() << "; run with UPDATE_FIXTURES=1");
  BOOST_TEST(actual == read_text(file), label << ": " << file.filename().string() << " differs from the golden:\n" << actual);
}

void run_case(const fs::path& dir, std::vector<CfnLintPair>& cfn_lint_pairs) {
  const std::string name = dir.filename().string();
  const bool json = fs::exists(dir / "input.json");
  const std::string input_name = json ? "input.json" : "input.yaml";
  const std::string input = read_text(dir / input_name);
  const MigrationOptions options = parse_args(dir, input_name);
  const MigrationResult result = migrate(input_name, input, options);
  const fs::path expected = dir / "expected";

  if (updating() && fs::exists(expected)) fs::remove_all(expected);
  if (result.outcome == MigrationOutcome::Refused) {
    BOOST_TEST(result.files.empty(), name << ": a refusal comes with files");
    compare_or_update(expected / "refusal.txt", outcome_text(result), name);
    return;
  }
  if (result.outcome == MigrationOutcome::NothingToDo) {
    compare_or_update(expected / "nothing.txt", outcome_text(result), name);
    return;
  }
  BOOST_TEST(!fs::exists(expected / "refusal.txt"), name << ": expected a refusal, got a migration");
  BOOST_REQUIRE_EQUAL(result.files.size(), 6u);
  for (const MigrationFile& file : result.files) compare_or_update(expected / file.name, file.content, name);
  check_migration(name, input_name, input, result, cfn_lint_pairs);
}

std::vector<fs::path> cases() {
  std::vector<fs::path> out;
  const fs::path root = fixtures_dir() / "migrate";
  if (!fs::is_directory(root)) return out;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_directory() && (fs::exists(entry.path() / "input.yaml") || fs::exists(entry.path() / "input.json"))) {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(transform)
BOOST_AUTO_TEST_SUITE(migrate_golden)

BOOST_AUTO_TEST_CASE(every_fixture_case) {
  const std::vector<fs::path> all = cases();
  BOOST_TEST(all.size() >= 10u);
  std::vector<CfnLintPair> pairs;
  for (const fs::path& dir : all) {
    BOOST_TEST_CONTEXT("fixtures/migrate/" << dir.filename().string()) {
      try {
        run_case(dir, pairs);
      } catch (const boost::execution_aborted&) {
        // Already reported; go on with the other cases.
      }
    }
  }
  check_cfn_lint(pairs);
}

BOOST_AUTO_TEST_CASE(refusals_name_their_reason) {
  // The refusal goldens must say why, not just "cannot migrate".
  const std::vector<std::pair<std::string, std::string>> reasons = {
      {"refuse-windows", "Windows"},
      {"refuse-al2-after-1-32", "which EKS does not build for Kubernetes 1.33"},
      {"refuse-cfn-init", "cfn-init"},
      {"refuse-not-eks", "not an EKS node group"},
      {"refuse-several-groups", "choose one with --nodegroup"},
      {"refuse-unknown-nodegroup", "did you mean 'BlueNodes'"},
      {"refuse-load-error", "does not load"},
      {"refuse-user-data-condition", "Fn::If"},
      {"refuse-parameter-condition", "; pass --parameter NodeOS=VALUE with the deployed stack's value"},
      {"refuse-launch-template-if-external", "; pass --parameter ExistingLaunchTemplateId=VALUE with the deployed stack's value"},
  };
  for (const auto& [dir, reason] : reasons) {
    const fs::path path = fixtures_dir() / "migrate" / dir;
    const MigrationResult result = migrate("input.yaml", read_text(path / "input.yaml"), parse_args(path, "input.yaml"));
    BOOST_TEST((result.outcome == MigrationOutcome::Refused), dir << ": not refused");
    BOOST_TEST(result.message.find(reason) != std::string::npos, dir << ": reason lacks '" << reason << "': " << result.message);
  }
}

BOOST_AUTO_TEST_CASE(parameters_fold_conditions_and_are_asserted) {
  const fs::path path = fixtures_dir() / "migrate" / "pinned-parameters";
  const std::string input = read_text(path / "input.yaml");
  MigrationOptions options;
  options.input_name = "input.yaml";
  // Without the deployed values the external launch template branch refuses, naming the parameter.
  const MigrationResult open = migrate("input.yaml", input, options);
  BOOST_TEST((open.outcome == MigrationOutcome::Refused));
  BOOST_TEST(open.message.find("pass --parameter ExistingLaunchTemplateId=VALUE") != std::string::npos, open.message);
  // A parameter not given stays unknown: its Default ("") is not assumed.
  options.parameters = {{"NodeOS", "Linux"}};
  const MigrationResult partly = migrate("input.yaml", input, options);
  BOOST_TEST((partly.outcome == MigrationOutcome::Refused));
  BOOST_TEST(partly.message.find("pass --parameter ExistingLaunchTemplateId=VALUE") != std::string::npos, partly.message);
  BOOST_TEST(partly.message.find("NodeOS=VALUE") == std::string::npos, partly.message);
  // Both given: only the deployed (Linux, own template) configuration is converted, and asserted.
  options.parameters = {{"ExistingLaunchTemplateId", ""}, {"NodeOS", "Linux"}};
  const MigrationResult pinned = migrate("input.yaml", input, options);
  BOOST_REQUIRE((pinned.outcome == MigrationOutcome::Migrated));
  for (std::size_t i = 0; i < 3; ++i) {
    const std::string& text = pinned.files[i].content;
    BOOST_TEST(text.find("CfnEksMigrationParameters") != std::string::npos, pinned.files[i].name);
    BOOST_TEST(text.find("cfn-eks migrated NodeGroup to NodeGroupManaged for NodeOS = 'Linux' only") != std::string::npos,
               pinned.files[i].name);
  }
  const std::string& phase1 = pinned.files[0].content;
  const std::string added = phase1.substr(phase1.find("\n  NodeGroupManagedLaunchTemplate:"));
  BOOST_TEST(added.find("powershell") == std::string::npos);
  BOOST_TEST(added.find("ami-windows-latest") == std::string::npos);
  // An Fn::If on a condition no --parameter decides keeps all three arguments, AWS::NoValue too.
  BOOST_TEST(added.find("KeyName: !If\n          - HasKey\n          - !Ref KeyName\n          - !Ref AWS::NoValue\n") !=
                 std::string::npos,
             added);
  // Windows deployed: the folded template is the Windows one, refused as such.
  options.parameters = {{"ExistingLaunchTemplateId", ""}, {"NodeOS", "Windows"}};
  const MigrationResult windows = migrate("input.yaml", input, options);
  BOOST_TEST((windows.outcome == MigrationOutcome::Refused));
  BOOST_TEST(windows.message.find("Windows") != std::string::npos, windows.message);
  BOOST_TEST(windows.message.find("--parameter") == std::string::npos, windows.message);
}

BOOST_AUTO_TEST_CASE(name_option_and_clashes) {
  const fs::path path = fixtures_dir() / "migrate" / "launch-template-yaml";
  const std::string input = read_text(path / "input.yaml");
  MigrationOptions options;
  options.input_name = "input.yaml";
  options.new_name = "Workers";
  const MigrationResult named = migrate("input.yaml", input, options);
  BOOST_REQUIRE((named.outcome == MigrationOutcome::Migrated));
  BOOST_TEST(named.new_nodegroup == "Workers");
  BOOST_TEST(named.new_launch_template == "WorkersLaunchTemplate");
  options.new_name = "Cluster";
  const MigrationResult clash = migrate("input.yaml", input, options);
  BOOST_TEST((clash.outcome == MigrationOutcome::Refused));
  BOOST_TEST(clash.message.find("already used") != std::string::npos);
  options.new_name = "bad-name";
  BOOST_TEST((migrate("input.yaml", input, options).outcome == MigrationOutcome::Refused));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
