// `cfn-eks migrate` as a command: files written together into --out, nothing written on a
// refusal or when --out is not empty (unless --force), the input never touched, exit statuses.

#include <boost/test/unit_test.hpp>

#include <sys/wait.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "cfn_eks/commands.hpp"
#include "support/paths.hpp"
#include "support/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;
using namespace cfn_eks;
using cfn_eks::testing::TempDir;
using cfn_eks::testing::fixtures_dir;
using cfn_eks::testing::read_text;

struct Run {
  int status = 0;
  std::string out, err;
};

Run run(const MigrateCommand& command) {
  std::ostringstream out, err;
  Run r;
  r.status = run_migrate(command, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

std::size_t entries(const fs::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(transform)
BOOST_AUTO_TEST_SUITE(migrate_command)

BOOST_AUTO_TEST_CASE(writes_every_file_and_leaves_the_input_alone) {
  TempDir dir("cfn-eks-migrate");
  const std::string input = read_text(fixtures_dir() / "migrate" / "launch-template-yaml" / "input.yaml");
  const fs::path path = dir.write("stack.yaml", input);
  MigrateCommand command;
  command.path = path.string();
  command.out_dir = (dir.path() / "out").string();
  const Run r = run(command);
  BOOST_TEST(r.status == kExitClean, r.err);
  for (const char* name : {"phase-1-stack.yaml", "phase-2-stack.yaml", "phase-3-stack.yaml", "drain.sh", "plan.md", "plan.json"}) {
    BOOST_TEST(fs::exists(dir.path() / "out" / name), name);
  }
  BOOST_TEST(entries(dir.path() / "out") == 6u);
  BOOST_TEST(((fs::status(dir.path() / "out" / "drain.sh").permissions() & fs::perms::owner_exec) != fs::perms::none));
  BOOST_TEST(read_text(path) == input);
  BOOST_TEST(r.out.find("NodeGroupManaged") != std::string::npos);

  // A second run into the same, now non-empty, directory is refused; --force replaces.
  const Run again = run(command);
  BOOST_TEST(again.status == kExitError);
  BOOST_TEST(again.err.find("not empty") != std::string::npos, again.err);
  command.force = true;
  BOOST_TEST(run(command).status == kExitClean);
  BOOST_TEST(entries(dir.path() / "out") == 6u);
}

BOOST_AUTO_TEST_CASE(refusal_writes_nothing_and_says_where) {
  TempDir dir("cfn-eks-migrate");
  const fs::path path =
      dir.write("win.yaml", read_text(fixtures_dir() / "migrate" / "refuse-windows" / "input.yaml"));
  MigrateCommand command;
  command.path = path.string();
  command.out_dir = (dir.path() / "out").string();
  const Run r = run(command);
  BOOST_TEST(r.status == kExitFindings);
  BOOST_TEST(r.err.find(path.string() + ":14:19: cannot migrate 'WindowsNodes'") == 0u, r.err);
  BOOST_TEST(!fs::exists(dir.path() / "out"));
  BOOST_TEST(entries(dir.path()) == 1u);  // no temporary directory left behind
}

BOOST_AUTO_TEST_CASE(nothing_to_do_and_unreadable_input) {
  TempDir dir("cfn-eks-migrate");
  const fs::path path = dir.write("done.yaml", read_text(fixtures_dir() / "migrate" / "nothing-to-do" / "input.yaml"));
  MigrateCommand command;
  command.path = path.string();
  command.out_dir = (dir.path() / "out").string();
  const Run r = run(command);
  BOOST_TEST(r.status == kExitClean);
  BOOST_TEST(r.out.find("nothing to do") != std::string::npos, r.out);
  BOOST_TEST(!fs::exists(dir.path() / "out"));

  command.path = (dir.path() / "missing.yaml").string();
  const Run missing = run(command);
  BOOST_TEST(missing.status == kExitError);
  BOOST_TEST(missing.err.find("missing.yaml") != std::string::npos, missing.err);
}

BOOST_AUTO_TEST_CASE(parameter_usage_errors_write_nothing) {
  TempDir dir("cfn-eks-migrate");
  const fs::path path =
      dir.write("stack.yaml", read_text(fixtures_dir() / "migrate" / "pinned-parameters" / "input.yaml"));
  MigrateCommand command;
  command.path = path.string();
  command.out_dir = (dir.path() / "out").string();
  command.parameters = {{"NodeOs", "Linux"}};
  const Run unknown = run(command);
  BOOST_TEST(unknown.status == kExitError);
  BOOST_TEST(unknown.err.find("'NodeOs' is not a parameter of the template; did you mean 'NodeOS'?") != std::string::npos,
             unknown.err);
  command.parameters = {{"NodeOS", "Mac"}};
  const Run outside = run(command);
  BOOST_TEST(outside.status == kExitError);
  BOOST_TEST(outside.err.find("'Mac' is not one of the AllowedValues of 'NodeOS' ('Linux', 'Windows')") != std::string::npos,
             outside.err);
  BOOST_TEST(!fs::exists(dir.path() / "out"));

  // The deployed values: written, and every change set passes them with ParameterValue.
  command.parameters = {{"ExistingLaunchTemplateId", ""}, {"NodeOS", "Linux"}};
  const Run pinned = run(command);
  BOOST_TEST(pinned.status == kExitClean, pinned.err);
  const std::string plan = read_text(dir.path() / "out" / "plan.md");
  BOOST_TEST(plan.find("ParameterKey=NodeOS,ParameterValue=Linux") != std::string::npos, plan);
  BOOST_TEST(plan.find("NodeOS,UsePreviousValue") == std::string::npos, plan);
  BOOST_TEST(plan.find("ParameterKey=ClusterName,UsePreviousValue=true") != std::string::npos, plan);
}

BOOST_AUTO_TEST_CASE(binary_usage_errors) {
  const std::string binary = cfn_eks::testing::binary_path();
  BOOST_TEST(std::system((binary + " migrate > /dev/null 2>&1").c_str()) != 0);
  BOOST_TEST(std::system((binary + " migrate --help > /dev/null 2>&1").c_str()) == 0);
  BOOST_TEST(std::system((binary + " migrate a.yaml --bogus > /dev/null 2>&1").c_str()) != 0);
  // --parameter needs KEY=VALUE, and KEY must be a parameter of the template: usage errors (exit 2).
  const std::string input = (fixtures_dir() / "migrate" / "pinned-parameters" / "input.yaml").string();
  const int no_equals = std::system((binary + " migrate --parameter NodeOS '" + input + "' > /dev/null 2>&1").c_str());
  BOOST_TEST(WIFEXITED(no_equals));
  BOOST_TEST(WEXITSTATUS(no_equals) == 2);
  TempDir dir("cfn-eks-migrate");
  const fs::path out = dir.path() / "out";
  const int unknown = std::system((binary + " migrate --parameter Bogus=1 --out '" + out.string() + "' '" + input +
                                   "' > /dev/null 2>&1").c_str());
  BOOST_TEST(WIFEXITED(unknown));
  BOOST_TEST(WEXITSTATUS(unknown) == 2);
  BOOST_TEST(!fs::exists(out));
  const int known = std::system((binary + " migrate --parameter NodeOS=Linux --parameter ExistingLaunchTemplateId= --out '" + out.string() + "' '" + input +
                                 "' > /dev/null 2>&1").c_str());
  BOOST_TEST(WIFEXITED(known));
  BOOST_TEST(WEXITSTATUS(known) == 0);
  BOOST_TEST(fs::exists(out / "plan.md"));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
