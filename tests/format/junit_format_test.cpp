#include <boost/test/unit_test.hpp>

#include <sstream>
#include <vector>

#include "format/golden.hpp"
#include "format/sample_reports.hpp"

namespace {

/// A small well-formedness check, enough for the XML we write: tags nest and close, attribute
/// values are quoted, '&' only starts a known entity and '<' only starts markup.
/// Returns an empty string when well-formed, else what is wrong.
std::string xml_problem(std::string_view xml) {
  std::vector<std::string> open;
  std::size_t pos = 0;
  if (xml.starts_with("<?xml")) pos = xml.find("?>") + 2;
  const auto check_text = [](std::string_view text) -> std::string {
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto byte = static_cast<unsigned char>(text[i]);
      if (byte < 0x20 && byte != '\t' && byte != '\n') return "control character in text";
      if (text[i] == '&') {
        const std::size_t end = text.find(';', i);
        const std::string_view entity = text.substr(i, end == std::string_view::npos ? 1 : end - i + 1);
        if (entity != "&amp;" && entity != "&lt;" && entity != "&gt;" && entity != "&quot;" &&
            entity != "&apos;" && !entity.starts_with("&#")) {
          return "bad entity " + std::string(entity);
        }
      }
    }
    return {};
  };
  while (pos < xml.size()) {
    const std::size_t lt = xml.find('<', pos);
    const std::string_view text = xml.substr(pos, lt == std::string_view::npos ? std::string_view::npos : lt - pos);
    if (auto problem = check_text(text); !problem.empty()) return problem;
    if (text.find('>') != std::string_view::npos) return "raw '>' in text";
    if (lt == std::string_view::npos) break;
    // Scan the tag, skipping quoted attribute values (which may not hold '<').
    std::size_t i = lt + 1;
    char quote = 0;
    for (; i < xml.size(); ++i) {
      if (quote != 0) {
        if (xml[i] == quote) quote = 0;
        else if (xml[i] == '<') return "'<' in an attribute value";
      } else if (xml[i] == '"' || xml[i] == '\'') {
        quote = xml[i];
      } else if (xml[i] == '>') {
        break;
      }
    }
    if (i >= xml.size()) return "unterminated tag";
    const std::string_view tag = xml.substr(lt + 1, i - lt - 1);
    if (auto problem = check_text(tag); !problem.empty()) return problem;
    const bool closing = tag.starts_with('/');
    const bool self_closing = tag.ends_with('/');
    const std::string_view body = closing ? tag.substr(1) : tag;
    const std::string name(body.substr(0, body.find_first_of(" /")));
    if (closing) {
      if (open.empty() || open.back() != name) return "mismatched </" + name + ">";
      open.pop_back();
    } else if (!self_closing) {
      open.push_back(name);
    }
    pos = i + 1;
  }
  return open.empty() ? std::string() : "unclosed <" + open.back() + ">";
}

std::string junit(const std::vector<cfn_eks::FileReport>& reports) {
  std::ostringstream out;
  cfn_eks::write_junit(reports, out);
  return out.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(format)
BOOST_AUTO_TEST_SUITE(junit_format)

BOOST_AUTO_TEST_CASE(golden) { cfn_eks::test::check_golden("sample.xml", junit(cfn_eks::test::sample_reports())); }

BOOST_AUTO_TEST_CASE(well_formed) {
  const std::string xml = junit(cfn_eks::test::sample_reports());
  BOOST_TEST(xml_problem(xml) == "");
  BOOST_TEST(xml.find("<testsuites name=\"cfn-eks\" tests=\"2\" failures=\"1\" errors=\"1\">") != std::string::npos);
  // The checker itself catches what it is for.
  BOOST_TEST(xml_problem("<a><b></a></b>") != "");
  BOOST_TEST(xml_problem("<a x=\"1\">&bogus;</a>") != "");
}

BOOST_AUTO_TEST_CASE(escapes_and_strips_invalid_characters) {
  auto reports = cfn_eks::test::sample_reports();
  reports.resize(1);
  reports[0].path = "a&b\"<c>.yaml";
  reports[0].diagnostics[0].message = std::string("bell\x07 & <tag> \"q\" \xff end");
  const std::string xml = junit(reports);
  BOOST_TEST(xml_problem(xml) == "");
  BOOST_TEST(xml.find("classname=\"a&amp;b&quot;&lt;c&gt;.yaml\"") != std::string::npos);
  BOOST_TEST(xml.find("bell &amp; &lt;tag&gt; \"q\" \xEF\xBF\xBD end") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(info_only_and_clean_files_pass) {
  auto reports = cfn_eks::test::sample_reports();
  reports.resize(1);
  auto& diagnostics = reports[0].diagnostics;
  std::erase_if(diagnostics, [](const cfn_eks::Diagnostic& d) { return d.severity != cfn_eks::Severity::Info; });
  cfn_eks::FileReport clean;
  clean.path = "clean.yaml";
  reports.push_back(clean);
  const std::string xml = junit(reports);
  BOOST_TEST(xml_problem(xml) == "");
  BOOST_TEST(xml.find("failures=\"0\" errors=\"0\"") != std::string::npos);
  BOOST_TEST(xml.find("<failure") == std::string::npos);
  BOOST_TEST(xml.find("<system-out>stacks/eks cluster.yaml:14:16: info:") != std::string::npos);
  BOOST_TEST(xml.find("<testcase name=\"clean.yaml\" classname=\"clean.yaml\"/>") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
