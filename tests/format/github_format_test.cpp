#include <boost/test/unit_test.hpp>

#include <sstream>

#include "format/golden.hpp"
#include "format/sample_reports.hpp"

BOOST_AUTO_TEST_SUITE(format)
BOOST_AUTO_TEST_SUITE(github_format)

BOOST_AUTO_TEST_CASE(golden) {
  std::ostringstream out;
  cfn_eks::write_github(cfn_eks::test::sample_reports(), cfn_eks::test::sample_registry(), out);
  cfn_eks::test::check_golden("sample.github", out.str());
}

BOOST_AUTO_TEST_CASE(multi_line_ranges_drop_columns) {
  std::ostringstream out;
  cfn_eks::write_github(cfn_eks::test::sample_reports(), out);
  std::istringstream lines(out.str());
  std::string first;
  std::getline(lines, first);
  BOOST_TEST(first.starts_with("::warning file=stacks/eks cluster.yaml,line=4,endLine=6,title=T401::"));
}

BOOST_AUTO_TEST_CASE(escapes_properties_and_messages) {
  auto source = std::make_shared<cfn_eks::SourceFile>("a,b:c%.yaml", "k: v\n");
  cfn_eks::FileReport report;
  report.path = source->path();
  report.source = source;
  report.diagnostics.push_back(cfn_eks::test::make_sample_diagnostic(
      *source, "T106", cfn_eks::Severity::Info, cfn_eks::ByteRange{3, 4}, "100% sure:\r\nsee a, b"));
  std::ostringstream out;
  cfn_eks::write_github({report}, cfn_eks::test::sample_registry(), out);
  BOOST_TEST(out.str() ==
             "::notice file=a%2Cb%3Ac%25.yaml,line=1,col=4,endLine=1,endColumn=5,title=T106 numeric-version"
             "::100%25 sure:%0D%0Asee a, b\n");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
