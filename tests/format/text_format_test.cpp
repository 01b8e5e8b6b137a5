#include <boost/test/unit_test.hpp>

#include <regex>
#include <sstream>

#include "format/golden.hpp"
#include "format/sample_reports.hpp"

namespace {

std::string text(const std::vector<cfn_eks::FileReport>& reports, cfn_eks::FormatOptions options = {}) {
  std::ostringstream out;
  cfn_eks::write_text(reports, options, out);
  return out.str();
}

cfn_eks::FileReport one_finding(std::string source_text, std::string_view needle, std::string_view last = {}) {
  auto source = std::make_shared<cfn_eks::SourceFile>("t.yaml", std::move(source_text));
  cfn_eks::FileReport report;
  report.path = "t.yaml";
  report.source = source;
  report.diagnostics.push_back(cfn_eks::test::make_sample_diagnostic(
      *source, "T201", cfn_eks::Severity::Error, cfn_eks::test::find_range(source->text(), needle, last), "bad"));
  return report;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(format)
BOOST_AUTO_TEST_SUITE(text_format)

BOOST_AUTO_TEST_CASE(golden_concise) { cfn_eks::test::check_golden("sample.txt", text(cfn_eks::test::sample_reports())); }

BOOST_AUTO_TEST_CASE(golden_with_source) {
  cfn_eks::test::check_golden("sample-source.txt", text(cfn_eks::test::sample_reports(), {.show_source = true}));
}

BOOST_AUTO_TEST_CASE(one_line_per_finding_then_summary) {
  const std::string out = text(cfn_eks::test::sample_reports());
  BOOST_TEST(out.find("stacks/eks cluster.yaml:13:32: error: 'ClusterNam' is not a resource or parameter; "
                      "did you mean 'ClusterName'? [T201] (fixable)\n") != std::string::npos);
  // Only a safe fix makes a finding fixable: the T106 fix is unsafe.
  BOOST_TEST(out.find("quote it: '1.30' [T106]\n") != std::string::npos);
  BOOST_TEST(out.find("stacks/missing.yaml: error: cannot read: No such file or directory\n") != std::string::npos);
  BOOST_TEST(out.ends_with("4 problems (2 errors, 1 warning, 1 info) in 2 files; 1 file was not read; 1 fixable with --fix\n"));
}

BOOST_AUTO_TEST_CASE(caret_counts_code_points_and_keeps_tabs) {
  // Two tabs and three multi-byte characters before the finding.
  const std::string out = text({one_finding("a:\t\tÜ集é bad\n", "bad")}, {.show_source = true});
  BOOST_TEST(out.find("t.yaml:1:9: error: bad [T201]\n") != std::string::npos);
  BOOST_TEST(out.find(" 1 | a:\t\tÜ集é bad\n   |   \t\t    ^~~\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(multi_line_range_is_underlined_to_end_of_first_line) {
  const std::string out = text({one_finding("key:\n  inner: 1\n  other: 2\n", "inner", "2")}, {.show_source = true});
  // "inner: 1" is underlined: a caret and seven tildes.
  BOOST_TEST(out.find(" 2 |   inner: 1\n   |   ^" + std::string(7, '~') + "\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(empty_range_gets_one_caret) {
  auto report = one_finding("abc\n", "c");
  report.diagnostics[0].end = report.diagnostics[0].start;
  const std::string out = text({report}, {.show_source = true});
  BOOST_TEST(out.find(" 1 | abc\n   |   ^\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(color_only_adds_escape_sequences) {
  const auto reports = cfn_eks::test::sample_reports();
  for (const bool show_source : {false, true}) {
    const std::string plain = text(reports, {.show_source = show_source});
    const std::string colored = text(reports, {.show_source = show_source, .color = true});
    BOOST_TEST(colored.find("\x1b[") != std::string::npos);
    BOOST_TEST(std::regex_replace(colored, std::regex("\x1b\\[[0-9;]*m"), "") == plain);
  }
}

BOOST_AUTO_TEST_CASE(summary_wording) {
  BOOST_TEST(text({}).empty());
  cfn_eks::FileReport clean;
  clean.path = "a.yaml";
  BOOST_TEST(text({clean}) == "no problems in 1 file\n");
  BOOST_TEST(text({one_finding("abc\n", "b")}) ==
             "t.yaml:1:2: error: bad [T201]\n1 problem (1 error, 0 warnings, 0 infos) in 1 file\n");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
