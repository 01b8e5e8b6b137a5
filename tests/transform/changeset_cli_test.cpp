// `cfn-eks changeset` end to end: exit statuses, formats, -o written atomically, bad input.

#include <sys/wait.h>

#include <rapidjson/document.h>

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "support/paths.hpp"
#include "support/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;
using cfn_eks::testing::TempDir;

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

std::string quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs `cfn-eks changeset ARGS` in `dir`, capturing both streams in files there.
Run run(const TempDir& dir, const std::string& args) {
  const fs::path out = dir.path() / ".stdout";
  const fs::path err = dir.path() / ".stderr";
  const std::string command = "cd " + quote(dir.path().string()) + " && timeout 60 " +
                              quote(cfn_eks::testing::binary_path()) + " changeset " + args + " >" +
                              quote(out.string()) + " 2>" + quote(err.string()) + " </dev/null";
  const int raw = std::system(command.c_str());
  Run r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128;
  r.out = cfn_eks::testing::read_text(out);
  r.err = cfn_eks::testing::read_text(err);
  fs::remove(out);
  fs::remove(err);
  return r;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::string kBefore =
    "Resources:\n"
    "  Nodes:\n"
    "    Type: AWS::EKS::Nodegroup\n"
    "    Properties:\n"
    "      ClusterName: prod\n"
    "      NodegroupName: prod-nodes\n"
    "      NodeRole: arn:aws:iam::111122223333:role/nodes\n"
    "      Subnets: [subnet-a, subnet-b]\n";

std::string after_text() {
  std::string text = kBefore;
  text.replace(text.find("subnet-b"), 8, "subnet-c");
  return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(transform)
BOOST_AUTO_TEST_SUITE(changeset_cli_test)

BOOST_AUTO_TEST_CASE(hazards_still_exit_zero_in_every_format) {
  TempDir dir("cfn-eks-changeset");
  dir.write("old.yaml", kBefore);
  dir.write("new.yaml", after_text());
  const Run text = run(dir, "old.yaml new.yaml");
  BOOST_TEST(text.status == 0);
  BOOST_TEST(contains(text.out, "Modify  Nodes"));
  BOOST_TEST(contains(text.out, "Subnets[1]"));
  BOOST_TEST(contains(text.out, "new.yaml:6:"));  // the custom-name hazard, positioned at Nodes
  BOOST_TEST(contains(text.out, "the update will fail"));
  const Run json = run(dir, "--format json old.yaml new.yaml");
  BOOST_TEST(json.status == 0);
  rapidjson::Document doc;
  doc.Parse(json.out.c_str());
  BOOST_REQUIRE(!doc.HasParseError());
  BOOST_TEST(doc["summary"]["modify"].GetUint() == 1u);
  BOOST_TEST(doc["summary"]["errors"].GetUint() == 1u);
  BOOST_TEST(std::string(doc["resources"][0]["replacement"].GetString()) == "Always");
  const Run md = run(dir, "-f markdown old.yaml new.yaml");
  BOOST_TEST(md.status == 0);
  BOOST_TEST(contains(md.out, "| Modify | `Nodes` |"));
  const Run same = run(dir, "old.yaml old.yaml");
  BOOST_TEST(same.status == 0);
  BOOST_TEST(contains(same.out, "no changes"));
}

BOOST_AUTO_TEST_CASE(output_file_is_written_whole_and_never_partially) {
  TempDir dir("cfn-eks-changeset");
  dir.write("old.yaml", kBefore);
  dir.write("new.yaml", after_text());
  const Run ok = run(dir, "old.yaml new.yaml -o preview.md --format markdown");
  BOOST_TEST(ok.status == 0);
  BOOST_TEST(ok.out.empty());
  BOOST_TEST(contains(cfn_eks::testing::read_text(dir.path() / "preview.md"), "### cfn-eks change set"));
  // A broken NEW: exit 2, a positioned message, and the existing -o file untouched.
  dir.write("broken.yaml", "Resources:\n  A: [unclosed\n");
  const Run bad = run(dir, "old.yaml broken.yaml -o preview.md");
  BOOST_TEST(bad.status == 2);
  BOOST_TEST(contains(bad.err, "broken.yaml:"));
  BOOST_TEST(contains(cfn_eks::testing::read_text(dir.path() / "preview.md"), "### cfn-eks change set"));
  const Run none = run(dir, "old.yaml broken.yaml -o fresh.txt");
  BOOST_TEST(none.status == 2);
  BOOST_TEST(!fs::exists(dir.path() / "fresh.txt"));
  // An output directory that does not exist.
  const Run unwritable = run(dir, "old.yaml new.yaml -o missing/dir/out.txt");
  BOOST_TEST(unwritable.status == 2);
  BOOST_TEST(!unwritable.err.empty());
}

BOOST_AUTO_TEST_CASE(bad_input_and_usage_exit_two) {
  TempDir dir("cfn-eks-changeset");
  dir.write("old.yaml", kBefore);
  dir.write("list.yaml", "- just\n- a list\n");
  const Run missing = run(dir, "old.yaml nope.yaml");
  BOOST_TEST(missing.status == 2);
  BOOST_TEST(contains(missing.err, "nope.yaml: cannot read"));
  const Run list = run(dir, "old.yaml list.yaml");
  BOOST_TEST(list.status == 2);
  BOOST_TEST(contains(list.err, "list.yaml:1:1: not a CloudFormation template"));
  const Run one = run(dir, "old.yaml");
  BOOST_TEST(one.status == 2);
  BOOST_TEST(contains(one.err, "two templates"));
  const Run format = run(dir, "--format xml old.yaml old.yaml");
  BOOST_TEST(format.status == 2);
  BOOST_TEST(contains(format.err, "unknown format 'xml'"));
  const Run help = run(dir, "--help");
  BOOST_TEST(help.status == 0);
  BOOST_TEST(contains(help.out, "--registry-schemas"));
  BOOST_TEST(contains(help.out, "exit status"));
  const Run schemas = run(dir, "--registry-schemas no-such-dir old.yaml old.yaml");
  BOOST_TEST(schemas.status == 2);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
