// Hostile inputs through the whole pipeline (load, resolve, every rule, suppressions): each must
// finish quickly with a positioned finding and without crashing. The limit is on CPU time, scaled
// for Debug and sanitizer builds (support/time_limit.hpp), so a loaded CI machine cannot fail it
// while a quadratic or exponential path still blows through it.

#include "cfn_eks/linter.hpp"

#include <boost/test/unit_test.hpp>

#include <memory>
#include <random>
#include <string>

#include "support/time_limit.hpp"

using cfn_eks::Diagnostic;
using cfn_eks::FileReport;

namespace {

// "Answered within 2 s" (the hang guard of the issue), in CPU seconds of an optimised build.
const double kSecondsAllowed = cfn_eks::testing::time_limit(2.0);

struct Timed {
  FileReport report;
  double seconds = 0;  ///< CPU seconds of the lint
};

Timed lint(std::string text, const std::string& path = "hostile.yaml") {
  cfn_eks::LintOptions options;
  options.as_of = cfn_eks::Date{2026, 1, 1};
  options.use_config_files = false;
  const cfn_eks::testing::CpuStopwatch watch;
  Timed out;
  out.report = cfn_eks::lint_source(std::make_shared<cfn_eks::SourceFile>(path, std::move(text)),
                                    cfn_eks::default_registry(), options);
  out.seconds = watch.cpu_seconds();
  return out;
}

const Diagnostic* first_with_rule(const FileReport& report, std::string_view rule) {
  for (const Diagnostic& d : report.diagnostics) {
    if (d.rule_id == rule) return &d;
  }
  return nullptr;
}

/// Checks time, that `rule` was reported, and that every finding is positioned inside the text.
void check(const Timed& result, std::string_view rule) {
  BOOST_TEST(result.seconds < kSecondsAllowed, "took " << result.seconds << " CPU s");
  const Diagnostic* d = first_with_rule(result.report, rule);
  BOOST_TEST_REQUIRE(d != nullptr, "no " << rule << " finding among " << result.report.diagnostics.size());
  BOOST_TEST(d->start.line >= 1u);
  BOOST_TEST(d->start.column >= 1u);
  const std::uint32_t lines = result.report.source->line_count();
  const std::size_t size = result.report.source->text().size();
  std::size_t misplaced = 0;
  const Diagnostic* internal_error = nullptr;
  for (const Diagnostic& each : result.report.diagnostics) {
    if (each.start.line > lines || each.range.begin > size || each.range.end > size) ++misplaced;
    if (each.rule_id == "T999" && internal_error == nullptr) internal_error = &each;
  }
  BOOST_TEST(misplaced == 0u);
  BOOST_TEST(internal_error == nullptr, "a rule failed: " << (internal_error ? internal_error->message : ""));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(model)
BOOST_AUTO_TEST_SUITE(hostile_input)

BOOST_AUTO_TEST_CASE(billion_laughs_alias_bomb) {
  std::string text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    const char prev = static_cast<char>(c - 1);
    text += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 9; ++i) text += std::string(i ? "," : "") + "*" + prev;
    text += "]\n";
  }
  text += "Resources:\n  X:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: *i\n";
  const Timed result = lint(text);
  check(result, "T003");
  const Diagnostic* d = first_with_rule(result.report, "T003");
  BOOST_TEST(d->start.line == 1u);
  BOOST_TEST(d->start.column == 4u);
}

BOOST_AUTO_TEST_CASE(flow_nesting_100000_deep) {
  std::string text = "Resources: ";
  text.append(100000, '[');
  text.append(100000, ']');
  text += "\n";
  const Timed result = lint(text);
  check(result, "T006");
  BOOST_TEST(first_with_rule(result.report, "T006")->start.line == 1u);
}

BOOST_AUTO_TEST_CASE(unclosed_flow_nesting_100000_deep) {
  std::string text(100000, '[');
  const Timed result = lint(text);
  check(result, "T006");
}

BOOST_AUTO_TEST_CASE(block_nesting_100000_deep) {
  // Block sequences nest on one line: "- - - ... x".
  std::string text = "Resources:\n  ";
  for (int i = 0; i < 100000; ++i) text += "- ";
  text += "x\n";
  const Timed result = lint(text);
  check(result, "T006");
  BOOST_TEST(first_with_rule(result.report, "T006")->start.line == 2u);
}

BOOST_AUTO_TEST_CASE(block_mapping_nesting_deeper_than_the_cap) {
  // Indented mappings, one level per line (as deep as a sane file can be written).
  std::string text;
  for (int i = 0; i < 300; ++i) text += std::string(static_cast<std::size_t>(i), ' ') + "k" + std::to_string(i) + ":\n";
  const Timed result = lint(text);
  check(result, "T006");
  BOOST_TEST(first_with_rule(result.report, "T006")->start.line == 129u);
}

BOOST_AUTO_TEST_CASE(json_nesting_1000000_deep) {
  std::string text = "{\"Resources\": ";
  text.append(1000000, '[');
  text.append(1000000, ']');
  text += "}";
  const Timed result = lint(text, "hostile.json");
  check(result, "T006");
}

BOOST_AUTO_TEST_CASE(json_objects_1000000_deep) {
  std::string text;
  for (int i = 0; i < 1000000; ++i) text += "{\"a\":";
  const Timed result = lint(text, "hostile.json");
  check(result, "T006");
}

BOOST_AUTO_TEST_CASE(invalid_utf8) {
  const Timed result = lint("Resources:\n  X:\n    Type: AWS::S3::Bucket\xFF\xFE\n");
  check(result, "T005");
  BOOST_TEST(first_with_rule(result.report, "T005")->start.line == 3u);
  BOOST_TEST(first_with_rule(result.report, "T005")->start.column == 26u);
}

BOOST_AUTO_TEST_CASE(nul_bytes) {
  std::string text = "Resources:\n  X:\n    Type: AWS";
  text += std::string(100, '\0');
  const Timed result = lint(text);
  check(result, "T005");
  BOOST_TEST(first_with_rule(result.report, "T005")->start.line == 3u);
  BOOST_TEST(first_with_rule(result.report, "T005")->start.column == 14u);
}

BOOST_AUTO_TEST_CASE(random_binary) {
  std::mt19937 random(20260101);
  for (int round = 0; round < 20; ++round) {
    std::string text(64 * 1024, '\0');
    for (char& c : text) c = static_cast<char>(random() & 0xFF);
    const Timed result = lint(text);
    BOOST_TEST(result.seconds < kSecondsAllowed);
    BOOST_TEST(!result.report.diagnostics.empty());
    // Random bytes are almost surely not UTF-8; either way nothing may crash.
    BOOST_TEST((first_with_rule(result.report, "T005") != nullptr || first_with_rule(result.report, "T001") != nullptr));
  }
}

BOOST_AUTO_TEST_CASE(random_ascii_punctuation) {
  // Valid UTF-8 but YAML- and JSON-shaped garbage reaches the parsers themselves.
  std::mt19937 random(7);
  const std::string alphabet = "{}[]:,-?&*!|>'\"%@`#\n \t abcXYZ019.";
  for (int round = 0; round < 200; ++round) {
    std::string text(512, ' ');
    for (char& c : text) c = alphabet[random() % alphabet.size()];
    if (round % 2 == 0) text[0] = '{';
    const Timed result = lint(text);
    BOOST_TEST(result.seconds < kSecondsAllowed);
    BOOST_TEST(first_with_rule(result.report, "T999") == nullptr);
  }
}

BOOST_AUTO_TEST_CASE(empty_file) {
  const Timed result = lint("");
  check(result, "T102");
  BOOST_TEST(first_with_rule(result.report, "T102")->start.line == 1u);
}

BOOST_AUTO_TEST_CASE(only_comments) {
  const Timed result = lint("# nothing here\n# at all\n");
  check(result, "T102");
}

BOOST_AUTO_TEST_CASE(tabs_as_indentation) {
  const Timed result = lint("Resources:\n\tBucket:\n\t\tType: AWS::S3::Bucket\n");
  check(result, "T001");
  BOOST_TEST(first_with_rule(result.report, "T001")->start.line == 2u);
}

BOOST_AUTO_TEST_CASE(crlf_line_endings_keep_positions) {
  // Windows line endings: one line per "\r\n", columns unaffected by the '\r'.
  const Timed result = lint(
      "Resources:\r\n"
      "  Queue:\r\n"
      "    Type: AWS::SQS::Queue\r\n"
      "    DependsOn: Nowhere\r\n");
  check(result, "T204");
  BOOST_TEST(first_with_rule(result.report, "T204")->start.line == 4u);
  BOOST_TEST(first_with_rule(result.report, "T204")->start.column == 16u);
  BOOST_TEST(result.report.source->line_count() == 5u);
}

BOOST_AUTO_TEST_CASE(three_megabyte_file) {
  std::string text = "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Metadata:\n      Blob: |\n";
  while (text.size() < 3u * 1024 * 1024) text += "        " + std::string(100, 'x') + "\n";
  const Timed result = lint(text);
  check(result, "T008");
}

BOOST_AUTO_TEST_CASE(one_megabyte_single_line_with_many_duplicates) {
  // Every finding on one long line: positions must not cost a scan of the line each.
  std::string text = "{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}, \"Metadata\": {";
  for (int i = 0; text.size() < (1u << 20); ++i) text += "\"k\": 1, ";
  text += "\"k\": 1}}";
  const Timed result = lint(text, "hostile.json");
  check(result, "T002");
}

BOOST_AUTO_TEST_CASE(hundred_thousand_resources) {
  std::string text = "Resources:\n";
  for (int i = 0; i < 100000; ++i) {
    const std::string n = std::to_string(i);
    text += "  Q" + n + ":\n    Type: AWS::SQS::Queue\n";
  }
  const Timed result = lint(text);
  check(result, "T008");
  BOOST_TEST(first_with_rule(result.report, "T105") != nullptr);  // over the 500-resource quota
}

BOOST_AUTO_TEST_CASE(long_dependency_chain_with_a_cycle) {
  std::string text = "Resources:\n";
  constexpr int kCount = 3000;
  for (int i = 0; i < kCount; ++i) {
    text += "  Q" + std::to_string(i) + ":\n    Type: AWS::SQS::Queue\n    DependsOn: Q" +
            std::to_string((i + 1) % kCount) + "\n";
  }
  const Timed result = lint(text);
  check(result, "T208");
}

BOOST_AUTO_TEST_CASE(cyclic_depends_on) {
  const Timed result = lint(
      "Resources:\n"
      "  A:\n"
      "    Type: AWS::SQS::Queue\n"
      "    DependsOn: B\n"
      "  B:\n"
      "    Type: AWS::SQS::Queue\n"
      "    DependsOn: [C]\n"
      "  C:\n"
      "    Type: AWS::SQS::Queue\n"
      "    DependsOn: A\n"
      "  D:\n"
      "    Type: AWS::SQS::Queue\n"
      "    DependsOn: D\n");
  BOOST_TEST(result.seconds < kSecondsAllowed);
  BOOST_TEST((first_with_rule(result.report, "T208") != nullptr || first_with_rule(result.report, "T204") != nullptr));
  check(result, "T208");
}

BOOST_AUTO_TEST_CASE(many_aliases_stay_cheap) {
  std::string text = "a: &x [1]\nb: [";
  for (int i = 0; i < 100000; ++i) text += i ? ",*x" : "*x";
  text += "]\n";
  const Timed result = lint(text);
  check(result, "T003");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
