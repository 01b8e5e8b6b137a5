// Hostile inputs given to the binary (issue #6): directories with nothing to lint, links to
// nowhere, FIFOs, paths that cannot be read, odd bytes and sizes, and outputs that cannot be
// written. Each must end within the time limit with exit 1 (a template problem) or 2 (a tool
// problem), never by a signal, and say what is wrong with a position or a path.

#include <sys/stat.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <regex>
#include <string>

#include "support/cli_runner.hpp"
#include "support/paths.hpp"
#include "support/temp_dir.hpp"
#include "support/time_limit.hpp"

namespace fs = std::filesystem;

namespace {

using cfn_eks::testing::CliResult;
using cfn_eks::testing::errors_only;
using cfn_eks::testing::lines_of;
using cfn_eks::testing::shell_quote;
using cfn_eks::testing::TempDir;

// 2 CPU s for an optimised binary, scaled for Debug and sanitizer builds: a runaway path burns
// CPU and fails; a loaded machine only stretches wall time (support/time_limit.hpp).
const double kCpuSecondsAllowed = cfn_eks::testing::time_limit(2.0);
// A blocked read (a FIFO without a writer) burns no CPU: the wall ceiling catches it, and the
// kill a little later keeps a hang from stalling the suite.
const unsigned kKillAfterSeconds = static_cast<unsigned>(cfn_eks::testing::kBlockingCeilingSeconds) + 10;

const std::string kTemplate =
    "AWSTemplateFormatVersion: \"2010-09-09\"\n"
    "Parameters:\n"
    "  Unused:\n"
    "    Type: String\n"
    "Resources:\n"
    "  Queue:\n"
    "    Type: AWS::SQS::Queue\n";

CliResult lint(const std::string& args, const fs::path& cwd) {
  return cfn_eks::testing::run_cli("lint --no-config --as-of 2026-11-28 " + args, cwd, "", kKillAfterSeconds);
}

/// Ended in time, by exit (not a signal, not the hang guard), with `status`.
void check_ended(const CliResult& r, int status) {
  BOOST_TEST(r.cpu_seconds < kCpuSecondsAllowed, "took " << r.cpu_seconds << " CPU s");
  BOOST_TEST(r.seconds < cfn_eks::testing::kBlockingCeilingSeconds, "took " << r.seconds << " s");
  BOOST_TEST(r.status == status, "status " << r.status << "\nstdout: " << r.out << "\nstderr: " << r.err);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// The one output line naming `path` as an input error: "PATH: error: MESSAGE".
std::string error_line_for(const CliResult& r, const std::string& path) {
  std::string found;
  for (const std::string& line : lines_of(r.out)) {
    if (line.rfind(path + ": error: ", 0) == 0) {
      BOOST_TEST(found.empty(), "two error lines for " << path);
      found = line;
    }
  }
  BOOST_TEST(!found.empty(), "no error line for " << path << " in\n" << r.out);
  return found;
}

// "file:line:col: severity: message [ID]"
const std::regex kPositioned(R"(^(.+):(\d+):(\d+): (error|warning|info): .+ \[([A-Z]\d{3})\]$)");

struct Finding {
  bool found = false;
  std::string file;
  std::string line;
  std::string column;
};

/// The first positioned finding of `rule` in the text output.
Finding finding(const CliResult& r, const std::string& rule) {
  for (const std::string& line : lines_of(r.out)) {
    std::smatch m;
    if (std::regex_match(line, m, kPositioned) && m[5] == rule) return {true, m[1], m[2], m[3]};
  }
  BOOST_TEST(false, "no " << rule << " finding in\n" << r.out);
  return {};
}

/// Runs a bash script in `dir` (for what sh lacks: process substitution, background readers).
int bash_in(const fs::path& dir, const std::string& script) {
  // `cd ... || exit`, not `cd ... &&`: a script ending in `&` would put the cd in the background.
  return std::system(("bash -c " + shell_quote("cd " + shell_quote(dir.string()) + " || exit 99\n" + script)).c_str());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)
BOOST_AUTO_TEST_SUITE(hostile_paths)

BOOST_AUTO_TEST_CASE(empty_directory_is_a_usage_error) {
  const TempDir dir("cfn-eks-hostile");
  fs::create_directories(dir.path() / "empty");
  const CliResult r = lint("empty", dir.path());
  check_ended(r, 2);
  BOOST_TEST(contains(error_line_for(r, "empty"), "no templates in this directory"));
}

BOOST_AUTO_TEST_CASE(directory_without_templates_is_a_usage_error) {
  const TempDir dir("cfn-eks-hostile");
  dir.write("docs/README.md", "# Resources\n");
  dir.write("docs/package.json", "{\"name\": \"x\"}\n");
  dir.write("docs/k8s.yaml", "apiVersion: v1\nkind: ConfigMap\n");
  dir.write("docs/.hidden/t.yaml", kTemplate);  // dot directories are not walked
  const CliResult r = lint("docs", dir.path());
  check_ended(r, 2);
  BOOST_TEST(contains(error_line_for(r, "docs"), "no templates in this directory; cfn-eks looks for files ending"));
  // Beside a directory that has templates, the empty one is still reported.
  dir.write("stacks/one.yaml", kTemplate);
  const CliResult both = lint("docs stacks", dir.path());
  check_ended(both, 2);
  BOOST_TEST(contains(both.out, "stacks/one.yaml:3:3: warning: parameter 'Unused' is not used"), both.out);
}

BOOST_AUTO_TEST_CASE(dangling_symlink) {
  const TempDir dir("cfn-eks-hostile");
  fs::create_symlink(dir.path() / "gone.yaml", dir.path() / "link.yaml");
  const CliResult r = lint("link.yaml", dir.path());
  check_ended(r, 2);
  BOOST_TEST(error_line_for(r, "link.yaml") == "link.yaml: error: cannot read: broken symbolic link");
  // Inside a walked directory a broken link is skipped; the templates beside it are linted.
  fs::create_directories(dir.path() / "tree");
  fs::create_symlink(dir.path() / "gone.yaml", dir.path() / "tree" / "broken.yaml");
  dir.write("tree/real.yaml", kTemplate);
  const CliResult walked = lint("tree", dir.path());
  check_ended(walked, 1);
  BOOST_TEST(contains(walked.out, "tree/real.yaml:3:3:"), walked.out);
  BOOST_TEST(!contains(walked.out, "broken.yaml"), walked.out);
}

BOOST_AUTO_TEST_CASE(symlink_cycle_in_a_directory_does_not_loop) {
  const TempDir dir("cfn-eks-hostile");
  dir.write("tree/a/t.yaml", kTemplate);
  fs::create_directory_symlink(dir.path() / "tree", dir.path() / "tree" / "a" / "loop");
  const CliResult r = lint("--only T401 tree", dir.path());
  check_ended(r, 1);
  BOOST_TEST(lines_of(r.out).size() == 2u, r.out);  // one finding (the file once) and the summary
}

BOOST_AUTO_TEST_CASE(fifo_without_a_writer_does_not_hang) {
  const TempDir dir("cfn-eks-hostile");
  const fs::path fifo = dir.path() / "pipe.yaml";
  BOOST_TEST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // Named on the command line: read to its end, which is at once (no writer): an empty template.
  const CliResult r = lint("pipe.yaml", dir.path());
  check_ended(r, 1);
  const Finding f = finding(r, "T102");
  BOOST_TEST(f.file == "pipe.yaml");
  BOOST_TEST(f.line == "1");
  // Found by walking a directory: not a regular file, so not read at all.
  dir.write("t.yaml", kTemplate);
  const CliResult walked = lint(".", dir.path());
  check_ended(walked, 1);
  BOOST_TEST(!contains(walked.out, "pipe.yaml"), walked.out);
}

BOOST_AUTO_TEST_CASE(pipe_with_a_writer_is_read) {
  // Process substitution, <(...), hands the tool a pipe with a writer on the other end.
  const TempDir dir("cfn-eks-hostile");
  dir.write("t.yaml", kTemplate);
  const int status = bash_in(dir.path(), "timeout 30 " + shell_quote(cfn_eks::testing::binary_path()) +
                                             " lint --no-config --only T401 <(cat t.yaml) > out.txt; echo $? > status");
  BOOST_TEST_REQUIRE(status == 0);
  BOOST_TEST(cfn_eks::testing::read_text(dir.path() / "status") == "1\n");
  BOOST_TEST(contains(cfn_eks::testing::read_text(dir.path() / "out.txt"), ":3:3: warning: parameter 'Unused' is not used"));
}

BOOST_AUTO_TEST_CASE(path_through_a_regular_file_cannot_be_read) {
  // Honest "unreadable" even for root, who reads files whatever their mode.
  const TempDir dir("cfn-eks-hostile");
  dir.write("file.yaml", kTemplate);
  const CliResult r = lint("file.yaml/x.yaml", dir.path());
  check_ended(r, 2);
  BOOST_TEST(error_line_for(r, "file.yaml/x.yaml") ==
             "file.yaml/x.yaml: error: cannot read: not a directory: a part of the path is a file");
}

BOOST_AUTO_TEST_CASE(file_without_read_permission) {
  if (::geteuid() == 0) {
    BOOST_TEST_MESSAGE("skipped: root reads a file whatever its mode");
    return;
  }
  const TempDir dir("cfn-eks-hostile");
  const fs::path locked = dir.write("locked.yaml", kTemplate);
  fs::permissions(locked, fs::perms::none);
  const CliResult r = lint("locked.yaml", dir.path());
  check_ended(r, 2);
  BOOST_TEST(error_line_for(r, "locked.yaml") == "locked.yaml: error: cannot read: permission denied");
}

BOOST_AUTO_TEST_CASE(endless_device_is_refused_not_read_into_memory) {
  const CliResult r = lint("/dev/zero", cfn_eks::testing::source_dir());
  check_ended(r, 2);
  BOOST_TEST(contains(error_line_for(r, "/dev/zero"), "cannot read: larger than 64 MiB; not a template"));
}

BOOST_AUTO_TEST_CASE(template_problems_are_positioned_and_exit_one) {
  const TempDir dir("cfn-eks-hostile");
  struct Case {
    std::string name;
    std::string text;
    std::string rule;
    std::string line;
    std::string column;
  };
  std::string three_mb = "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Metadata:\n      Blob: |\n";
  while (three_mb.size() < 3u * 1024 * 1024) three_mb += "        " + std::string(100, 'x') + "\n";
  const Case cases[] = {
      {"empty.yaml", "", "T102", "1", "1"},
      {"comments.yaml", "# only\n# comments\n", "T102", "1", "1"},
      {"tabs.yaml", "Resources:\n\tQueue:\n\t\tType: AWS::SQS::Queue\n", "T001", "2", "1"},
      {"crlf.yaml", "Resources:\r\n  Queue:\r\n    Type: AWS::SQS::Queue\r\n    DependsOn: Nowhere\r\n", "T204", "4", "16"},
      {"nul.yaml", std::string("Resources:\n  Q:\n    Type: AWS") + '\0' + "::SQS::Queue\n", "T005", "3", "14"},
      {"three-mb.yaml", three_mb, "T008", "1", "1"},
  };
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT(c.name) {
      dir.write(c.name, c.text);
      const CliResult r = lint(shell_quote(c.name), dir.path());
      check_ended(r, 1);
      const Finding f = finding(r, c.rule);
      BOOST_TEST(f.file == c.name);
      BOOST_TEST(f.line == c.line);
      BOOST_TEST(f.column == c.column);
      BOOST_TEST(errors_only(r.err).empty(), r.err);
    }
  }
}

BOOST_AUTO_TEST_CASE(output_through_a_regular_file_leaves_nothing) {
  const TempDir dir("cfn-eks-hostile");
  dir.write("t.yaml", kTemplate);
  dir.write("file.txt", "mine\n");
  const CliResult r = lint("-o file.txt/report.txt t.yaml", dir.path());
  check_ended(r, 2);
  BOOST_TEST(lines_of(errors_only(r.err)).size() == 1u, r.err);
  BOOST_TEST(contains(r.err, "file.txt"), r.err);
  BOOST_TEST(cfn_eks::testing::read_text(dir.path() / "file.txt") == "mine\n");
  std::size_t entries = 0;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    (void)entry;
    ++entries;
  }
  BOOST_TEST(entries == 2u);  // t.yaml and file.txt: no temporary file left
}

BOOST_AUTO_TEST_CASE(output_into_a_read_only_directory_leaves_nothing) {
  if (::geteuid() == 0) {
    BOOST_TEST_MESSAGE("skipped: root writes into a directory whatever its mode");
    return;
  }
  const TempDir dir("cfn-eks-hostile");
  dir.write("t.yaml", kTemplate);
  fs::create_directories(dir.path() / "ro");
  fs::permissions(dir.path() / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  const CliResult r = lint("-o ro/report.txt t.yaml", dir.path());
  check_ended(r, 2);
  BOOST_TEST(fs::is_empty(dir.path() / "ro"));
}

BOOST_AUTO_TEST_CASE(output_to_a_symlink_writes_its_target) {
  // Replacing the link by a regular file would break the user's layout.
  const TempDir dir("cfn-eks-hostile");
  dir.write("t.yaml", kTemplate);
  dir.write("reports/real.txt", "old\n");
  fs::create_symlink("reports/real.txt", dir.path() / "report.txt");
  const CliResult r = lint("--only T401 -o report.txt t.yaml", dir.path());
  check_ended(r, 1);
  BOOST_TEST(fs::is_symlink(dir.path() / "report.txt"));
  BOOST_TEST(contains(cfn_eks::testing::read_text(dir.path() / "reports" / "real.txt"), "t.yaml:3:3: warning:"));
}

BOOST_AUTO_TEST_CASE(output_to_a_fifo_is_written_not_replaced) {
  // -o /dev/stdout and FIFOs: not regular files, so written in place (a rename would replace
  // the device or FIFO by a regular file).
  const TempDir dir("cfn-eks-hostile");
  dir.write("t.yaml", kTemplate);
  const fs::path fifo = dir.path() / "out.fifo";
  BOOST_TEST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const int status = bash_in(dir.path(), "timeout 20 cat out.fifo > got.txt & reader=$!; timeout 20 " +
                                             shell_quote(cfn_eks::testing::binary_path()) +
                                             " lint --no-config --only T401 -o out.fifo t.yaml; echo $? > status; "
                                             "wait $reader");
  BOOST_TEST_REQUIRE(status == 0);
  BOOST_TEST(cfn_eks::testing::read_text(dir.path() / "status") == "1\n");
  struct stat info {};
  BOOST_TEST_REQUIRE(::lstat(fifo.c_str(), &info) == 0);
  BOOST_TEST(S_ISFIFO(info.st_mode));
  BOOST_TEST(contains(cfn_eks::testing::read_text(dir.path() / "got.txt"), "t.yaml:3:3: warning:"));
}

BOOST_AUTO_TEST_CASE(changeset_refuses_hostile_inputs_with_exit_two) {
  // `changeset` cannot compare what it cannot load: every bad input is exit 2 with one line
  // naming the file (and the position, for a template problem), whichever side it is on.
  const TempDir dir("cfn-eks-hostile");
  dir.write("good.yaml", kTemplate);
  fs::create_directories(dir.path() / "dir");
  dir.write("empty.yaml", "");
  dir.write("comments.yaml", "# only\n# comments\n");
  dir.write("tabs.yaml", "Resources:\n\tQueue:\n\t\tType: AWS::SQS::Queue\n");
  dir.write("nul.yaml", std::string("Resources:\n  Q:\n    Type: AWS") + '\0' + "\n");
  fs::create_symlink(dir.path() / "gone.yaml", dir.path() / "dangling.yaml");
  BOOST_TEST_REQUIRE(::mkfifo((dir.path() / "fifo.yaml").c_str(), 0600) == 0);
  struct Case {
    std::string path;
    std::string message;  // after "cfn-eks: PATH"
  };
  const Case cases[] = {
      {"dir", ": cannot read: is a directory"},
      {"missing.yaml", ": cannot read: no such file"},
      {"dangling.yaml", ": cannot read: broken symbolic link"},
      {"good.yaml/x", ": cannot read: not a directory"},
      {"/dev/zero", ": cannot read: larger than 64 MiB"},
      {"empty.yaml", ":1:1: "},
      {"comments.yaml", ":1:1: "},
      {"fifo.yaml", ":1:1: "},
      {"tabs.yaml", ":2:1: YAML syntax error"},
      {"nul.yaml", ":3:14: NUL byte"},
  };
  for (const Case& c : cases) {
    for (const bool bad_first : {true, false}) {
      BOOST_TEST_CONTEXT(c.path << (bad_first ? " as OLD" : " as NEW")) {
        const std::string args = bad_first ? shell_quote(c.path) + " good.yaml" : "good.yaml " + shell_quote(c.path);
        const CliResult r = cfn_eks::testing::run_cli("changeset " + args, dir.path(), "", 30);
        check_ended(r, 2);
        const auto lines = lines_of(errors_only(r.err));
        BOOST_TEST_REQUIRE(lines.size() == 1u, r.err);
        BOOST_TEST(lines[0].rfind("cfn-eks: " + c.path + c.message, 0) == 0u, lines[0]);
      }
    }
  }
  // An output that cannot be written leaves nothing behind.
  const CliResult r = cfn_eks::testing::run_cli("changeset good.yaml good.yaml -o good.yaml/report.txt", dir.path(), "", 30);
  check_ended(r, 2);
  BOOST_TEST(cfn_eks::testing::read_text(dir.path() / "good.yaml") == kTemplate);
}

BOOST_AUTO_TEST_CASE(migrate_refuses_hostile_inputs) {
  // An input that cannot be read is exit 2 naming it; a template that does not load is exit 1
  // with its position. Either way nothing is written.
  const TempDir dir("cfn-eks-hostile");
  dir.write("good.yaml", kTemplate);
  fs::create_directories(dir.path() / "dir");
  dir.write("empty.yaml", "");
  dir.write("comments.yaml", "# only\n# comments\n");
  dir.write("tabs.yaml", "Resources:\n\tQueue:\n\t\tType: AWS::SQS::Queue\n");
  dir.write("nul.yaml", std::string("Resources:\n  Q:\n    Type: AWS") + '\0' + "\n");
  fs::create_symlink(dir.path() / "gone.yaml", dir.path() / "dangling.yaml");
  BOOST_TEST_REQUIRE(::mkfifo((dir.path() / "fifo.yaml").c_str(), 0600) == 0);
  struct Case {
    std::string path;
    int status;
    std::string start;  // how the one stderr line starts
  };
  const Case cases[] = {
      {"dir", 2, "cfn-eks: dir: is a directory"},
      {"missing.yaml", 2, "cfn-eks: missing.yaml: no such file"},
      {"dangling.yaml", 2, "cfn-eks: dangling.yaml: broken symbolic link"},
      {"good.yaml/x", 2, "cfn-eks: good.yaml/x: not a directory"},
      {"/dev/zero", 2, "cfn-eks: /dev/zero: larger than 64 MiB"},
      {"empty.yaml", 1, "empty.yaml:1:1: the template does not load"},
      {"comments.yaml", 1, "comments.yaml:"},
      {"fifo.yaml", 1, "fifo.yaml:1:1: the template does not load"},
      {"tabs.yaml", 1, "tabs.yaml:2:1: the template does not load: YAML syntax error"},
      {"nul.yaml", 1, "nul.yaml:3:14: the template does not load: NUL byte"},
  };
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT(c.path) {
      const CliResult r = cfn_eks::testing::run_cli("migrate " + shell_quote(c.path) + " --out out", dir.path(), "", 30);
      check_ended(r, c.status);
      const auto lines = lines_of(errors_only(r.err));
      BOOST_TEST_REQUIRE(lines.size() == 1u, r.err);
      BOOST_TEST(lines[0].rfind(c.start, 0) == 0u, lines[0]);
      BOOST_TEST(!fs::exists(dir.path() / "out"));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
