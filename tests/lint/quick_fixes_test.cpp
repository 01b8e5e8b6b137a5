// Quick fixes: code actions, applying fixes (overlaps, duplicates, unsafe ones), the unified
// diff, and the fixture pairs fixtures/fixes/<ID>/<case>.{yaml,json} -> <case>.fixed.{yaml,json}:
// the fix gives exactly the expected bytes (so comments, quoting and order elsewhere are
// untouched), the result loads, and the fixed findings no longer fire.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "cfn_eks/fixes.hpp"
#include "cfn_eks/linter.hpp"
#include "support/fixture_expectations.hpp"
#include "support/paths.hpp"

namespace fs = std::filesystem;

namespace {

using cfn_eks::ByteRange;
using cfn_eks::Diagnostic;
using cfn_eks::Edit;
using cfn_eks::Fix;

Diagnostic with_fix(std::string rule, std::vector<Edit> edits, bool safe = true) {
  Diagnostic d;
  d.rule_id = std::move(rule);
  d.fixes.push_back(Fix{"fix " + d.rule_id, std::move(edits), safe});
  return d;
}

/// The fixture inputs: every .yaml/.json under fixtures/fixes that is not a .fixed file.
std::vector<fs::path> fix_inputs() {
  std::vector<fs::path> files;
  const fs::path root = cfn_eks::testing::fixtures_dir() / "fixes";
  if (!fs::is_directory(root)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const fs::path& path = entry.path();
    if (!entry.is_regular_file() || path.stem().extension() == ".fixed") continue;
    if (path.extension() == ".yaml" || path.extension() == ".json") files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  return files;
}

fs::path fixed_path(const fs::path& input) {
  return input.parent_path() / (input.stem().string() + ".fixed" + input.extension().string());
}

/// Lints `text` as the fixture runner does: the directory's rule unless the header says more.
cfn_eks::FileReport lint_fixture(const fs::path& file, const std::string& text) {
  cfn_eks::LintOptions options;
  options.as_of = *cfn_eks::parse_date("2026-11-28");
  options.use_config_files = false;
  std::vector<std::string> errors;
  BOOST_TEST_REQUIRE(cfn_eks::testing::apply_header(text, file.parent_path().filename().string(), options, errors));
  BOOST_TEST_REQUIRE(errors.empty());
  return cfn_eks::lint_source(std::make_shared<cfn_eks::SourceFile>(file.string(), text), cfn_eks::default_registry(),
                              options);
}

/// Load problems (not the size notes): a fixed file must load as well as the original did.
std::vector<std::string> load_errors(const std::string& text) {
  const cfn_eks::Document document = cfn_eks::load_document(std::make_shared<cfn_eks::SourceFile>("fixed", text));
  std::vector<std::string> errors;
  for (const Diagnostic& d : document.diagnostics) {
    if (d.severity == cfn_eks::Severity::Error && d.rule_id != "T007" && d.rule_id != "T008") errors.push_back(d.message);
  }
  return errors;
}

/// The messages of `rule`'s findings (not their lines: an inserted line moves later findings).
std::multiset<std::string> findings_of(const cfn_eks::FileReport& report, const std::string& rule, bool with_fix) {
  std::multiset<std::string> out;
  for (const Diagnostic& d : report.diagnostics) {
    if (d.rule_id == rule && (!with_fix || !d.fixes.empty())) out.insert(d.message);
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lint)
BOOST_AUTO_TEST_SUITE(quick_fixes)

BOOST_AUTO_TEST_CASE(code_actions_carry_positions_and_prefer_the_first_safe_fix) {
  const cfn_eks::SourceFile source("t.yaml", "a: 1\nname: Ünï x\n");
  Diagnostic d;
  d.rule_id = "T999";
  d.fixes.push_back(Fix{"risky", {Edit{ByteRange{0, 1}, "b"}}, false});
  d.fixes.push_back(Fix{"rename", {Edit{ByteRange{11, 12}, "y"}, Edit{ByteRange{17, 18}, "!"}}, true});
  d.fixes.push_back(Fix{"another", {Edit{ByteRange{0, 0}, "#"}}, true});
  const std::vector<cfn_eks::CodeAction> actions = cfn_eks::code_actions(source, d);
  BOOST_TEST_REQUIRE(actions.size() == 3u);
  BOOST_TEST(!actions[0].preferred);
  BOOST_TEST(!actions[0].safe);
  BOOST_TEST(actions[1].preferred);
  BOOST_TEST(!actions[2].preferred);
  BOOST_TEST(actions[1].rule_id == "T999");
  BOOST_TEST_REQUIRE(actions[1].edits.size() == 2u);
  // Byte 11 is 'Ü' (two bytes) on line 2, column 7; columns count code points.
  BOOST_TEST(actions[1].edits[0].start.line == 2u);
  BOOST_TEST(actions[1].edits[0].start.column == 7u);
  BOOST_TEST(actions[1].edits[1].start.column == 11u);  // "name: Ünï x": the x is the 11th character
  BOOST_TEST(actions[1].edits[1].end.column == 12u);
  BOOST_TEST(actions[1].edits[1].new_text == "!");
  BOOST_TEST(cfn_eks::code_actions(source, Diagnostic{}).empty());
}

BOOST_AUTO_TEST_CASE(apply_takes_safe_fixes_in_order_and_skips_overlaps) {
  const std::string text = "abcdefghij";
  std::vector<Diagnostic> diagnostics;
  diagnostics.push_back(with_fix("A", {Edit{ByteRange{1, 3}, "XY"}}));
  diagnostics.push_back(with_fix("B", {Edit{ByteRange{2, 4}, "Z"}}));           // overlaps A
  diagnostics.push_back(with_fix("C", {Edit{ByteRange{1, 3}, "XY"}}));          // A's fix again
  diagnostics.push_back(with_fix("D", {Edit{ByteRange{5, 6}, "?"}}, false));    // unsafe
  diagnostics.push_back(with_fix("E", {Edit{ByteRange{8, 8}, "+"}, Edit{ByteRange{9, 10}, "J"}}));
  diagnostics.push_back(with_fix("F", {Edit{ByteRange{8, 8}, "-"}}));           // same insertion point as E
  diagnostics.push_back(with_fix("G", {Edit{ByteRange{3, 3}, "^"}}));           // at the end of A's range: fine
  Diagnostic none;
  none.rule_id = "H";
  diagnostics.push_back(none);
  const cfn_eks::FixOutcome outcome = cfn_eks::apply_fixes(text, diagnostics);
  BOOST_TEST(outcome.error.empty());
  BOOST_TEST(outcome.text == "aXY^defgh+iJ");
  BOOST_TEST(outcome.fixed == 4u);  // A, C (same fix), E, G
  BOOST_TEST(outcome.overlapping == 2u);
  BOOST_TEST(outcome.unsafe == 1u);
  BOOST_TEST_REQUIRE(outcome.applied.size() == 4u);
  BOOST_TEST(std::is_sorted(outcome.applied.begin(), outcome.applied.end(),
                            [](const Edit& a, const Edit& b) { return a.range.begin < b.range.begin; }));

  // An edit outside the text applies nothing.
  const cfn_eks::FixOutcome bad = cfn_eks::apply_fixes("abc", {with_fix("A", {Edit{ByteRange{2, 9}, ""}})});
  BOOST_TEST(!bad.error.empty());
  BOOST_TEST(bad.text == "abc");
  BOOST_TEST(bad.fixed == 0u);
}

BOOST_AUTO_TEST_CASE(unified_diff_has_hunks_with_context) {
  std::string text;
  for (int i = 1; i <= 20; ++i) text += "line " + std::to_string(i) + "\n";
  const auto at = [&](const std::string& part) { return static_cast<std::uint32_t>(text.find(part)); };
  // Line 2 changed, a line inserted before line 5 (one hunk with it), line 18 changed.
  std::vector<Edit> edits{Edit{ByteRange{at("line 2\n") + 5, at("line 2\n") + 6}, "two"},
                          Edit{ByteRange{at("line 5\n"), at("line 5\n")}, "new\n"},
                          Edit{ByteRange{at("line 18\n") + 5, at("line 18\n") + 7}, "eighteen"}};
  const std::string diff = cfn_eks::unified_diff(text, edits, "a.yaml", "a.yaml");
  const std::string expected =
      "--- a.yaml\n+++ a.yaml\n"
      "@@ -1,7 +1,8 @@\n line 1\n-line 2\n+line two\n line 3\n line 4\n+new\n line 5\n line 6\n line 7\n"
      "@@ -15,6 +16,6 @@\n line 15\n line 16\n line 17\n-line 18\n+line eighteen\n line 19\n line 20\n";
  BOOST_TEST(diff == expected);
  BOOST_TEST(cfn_eks::unified_diff(text, {}, "a", "b").empty());

  // The last line without a line break is marked as diff -u marks it.
  const std::string last = cfn_eks::unified_diff("a\nb", {Edit{ByteRange{2, 3}, "c"}}, "x", "x");
  BOOST_TEST(last == "--- x\n+++ x\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n");
}

BOOST_AUTO_TEST_CASE(fixture_pairs) {
  const bool update = std::getenv("UPDATE_FIXTURES") != nullptr;
  const std::vector<fs::path> inputs = fix_inputs();
  std::set<std::string> rules_with_yaml;
  std::set<std::string> rules_with_json;
  for (const fs::path& input : inputs) {
    BOOST_TEST_CONTEXT(input.lexically_relative(cfn_eks::testing::fixtures_dir()).string()) {
      const std::string rule = input.parent_path().filename().string();
      const std::string text = cfn_eks::testing::read_text(input);
      const cfn_eks::FileReport before = lint_fixture(input, text);
      const auto fixable = findings_of(before, rule, true);
      BOOST_TEST_REQUIRE(!fixable.empty(), "no finding of " << rule << " has a fix");
      for (const Diagnostic& d : before.diagnostics) {
        for (const Fix& fix : d.fixes) {
          BOOST_TEST(d.rule_id == rule);
          BOOST_TEST(fix.safe);
          BOOST_TEST(!fix.title.empty());
          // A fix replaces only what was flagged (an insertion of a missing setting deletes nothing).
          for (const Edit& edit : fix.edits) {
            const bool insertion = edit.range.begin == edit.range.end;
            BOOST_TEST((insertion || (d.range.begin <= edit.range.begin && edit.range.end <= d.range.end)),
                       "edit " << edit.range.begin << "-" << edit.range.end << " outside the finding " << d.message);
          }
        }
      }

      const cfn_eks::FixOutcome outcome = cfn_eks::apply_fixes(text, before.diagnostics);
      BOOST_TEST_REQUIRE(outcome.error.empty());
      BOOST_TEST(outcome.overlapping == 0u);
      const fs::path golden = fixed_path(input);
      if (update) std::ofstream(golden, std::ios::binary) << outcome.text;
      BOOST_TEST_REQUIRE(fs::exists(golden), "missing " << golden.string() << " (UPDATE_FIXTURES=1 writes it)");
      BOOST_TEST(outcome.text == cfn_eks::testing::read_text(golden));

      // The fixed template loads, and only the findings without a fix remain.
      BOOST_TEST(load_errors(outcome.text).empty());
      const cfn_eks::FileReport after = lint_fixture(input, outcome.text);
      const auto remaining = findings_of(after, rule, false);
      const auto all_before = findings_of(before, rule, false);
      std::multiset<std::string> unfixable;
      std::set_difference(all_before.begin(), all_before.end(), fixable.begin(), fixable.end(),
                          std::inserter(unfixable, unfixable.begin()));
      BOOST_TEST((remaining == unfixable), rule << " still fires on the fixed template");
      // Fixing again changes nothing.
      BOOST_TEST(cfn_eks::apply_fixes(outcome.text, after.diagnostics).text == outcome.text);
      (input.extension() == ".yaml" ? rules_with_yaml : rules_with_json).insert(rule);
    }
  }
  // Every rule with a quick fix says so (`rules`, `explain`) and has a YAML and a JSON pair.
  BOOST_TEST(rules_with_yaml.size() >= 7u);
  BOOST_TEST((rules_with_yaml == rules_with_json));
  std::set<std::string> declared;
  for (const auto& rule : cfn_eks::default_registry().rules()) {
    if (rule->info().quick_fix) declared.emplace(rule->info().id);
  }
  BOOST_TEST((declared == rules_with_yaml));
}

// The real templates of ../shared/corpus/real (when present): every fix applies without
// overlap, the fixed template loads, its fixed findings are gone and no new finding appears.
BOOST_AUTO_TEST_CASE(fixing_the_real_corpus_adds_no_finding) {
  const auto shared = cfn_eks::testing::shared_dir();
  if (!shared || !fs::is_directory(*shared / "corpus" / "real")) {
    BOOST_TEST_MESSAGE("skipped: no ../shared/corpus/real");
    return;
  }
  cfn_eks::LintOptions options;
  options.as_of = *cfn_eks::parse_date("2026-11-28");
  options.use_config_files = false;
  std::size_t fixed = 0;
  for (const cfn_eks::FileReport& before :
       cfn_eks::lint_paths({(*shared / "corpus" / "real").string()}, cfn_eks::default_registry(), options, 1)) {
    if (before.source == nullptr) continue;
    BOOST_TEST_CONTEXT(before.path) {
      const cfn_eks::FixOutcome outcome = cfn_eks::apply_fixes(before.source->text(), before.diagnostics);
      BOOST_TEST(outcome.error.empty());
      BOOST_TEST(outcome.overlapping == 0u);
      if (outcome.fixed == 0) continue;
      fixed += outcome.fixed;
      BOOST_TEST(load_errors(outcome.text).empty());
      const cfn_eks::FileReport after = cfn_eks::lint_source(
          std::make_shared<cfn_eks::SourceFile>(before.path, outcome.text), cfn_eks::default_registry(), options);
      std::multiset<std::string> expected;
      std::multiset<std::string> remaining;
      for (const Diagnostic& d : before.diagnostics) {
        if (d.fixes.empty()) expected.insert(d.rule_id + " " + d.message);
      }
      for (const Diagnostic& d : after.diagnostics) remaining.insert(d.rule_id + " " + d.message);
      BOOST_TEST((remaining == expected));
    }
  }
  BOOST_TEST(fixed > 0u);  // The corpus has IMDSv1 node groups (N007).
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
