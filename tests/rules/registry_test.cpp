// Self-tests of the rule registry: ids, names, documentation and fixtures stay consistent.

#include <boost/test/unit_test.hpp>

#include <regex>
#include <set>

#include "cfn_eks/registry.hpp"
#include "support/paths.hpp"

namespace fs = std::filesystem;
using namespace cfn_eks;

namespace {

// Rules that cannot be provoked by a template; each needs a reason.
const std::set<std::string_view> kWithoutFixtures = {
    "T999",  // internal-error: reports a bug in a rule; no valid input should trigger it.
};

}  // namespace

BOOST_AUTO_TEST_SUITE(rules)
BOOST_AUTO_TEST_SUITE(registry)

BOOST_AUTO_TEST_CASE(ids_are_unique_sorted_and_well_formed) {
  const auto& rules = default_registry().rules();
  BOOST_REQUIRE(!rules.empty());
  const std::regex id_pattern("[A-Z][0-9]{3}");
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const std::string id(rules[i]->info().id);
    BOOST_TEST_CONTEXT(id) {
      BOOST_CHECK(std::regex_match(id, id_pattern));
      if (i > 0) BOOST_CHECK(rules[i - 1]->info().id < rules[i]->info().id);
    }
  }
}

BOOST_AUTO_TEST_CASE(names_are_unique_kebab_case_patterns) {
  std::set<std::string_view> names;
  const std::regex kebab("[a-z0-9]+(-[a-z0-9]+)*");
  for (const auto& rule : default_registry().rules()) {
    const RuleInfo& info = rule->info();
    BOOST_TEST_CONTEXT(info.id) {
      BOOST_CHECK(names.insert(info.name).second);
      BOOST_CHECK(std::regex_match(std::string(info.name), kebab));
      // A name says what is flagged, not what to do (ruff's naming rule).
      for (const char* prefix : {"avoid-", "use-", "prefer-", "no-"}) {
        BOOST_CHECK(info.name.rfind(prefix, 0) != 0);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(lookup_round_trips_by_id_and_name) {
  for (const auto& rule : default_registry().rules()) {
    BOOST_CHECK(default_registry().find(rule->info().id) == rule.get());
    BOOST_CHECK(default_registry().find(rule->info().name) == rule.get());
  }
  BOOST_CHECK(default_registry().find("X000") == nullptr);
  BOOST_CHECK_EQUAL(suggest_rule(default_registry(), "T0O1"), "T001");
}

BOOST_AUTO_TEST_CASE(every_rule_is_documented_under_the_fixed_headings) {
  for (const auto& rule : default_registry().rules()) {
    const RuleInfo& info = rule->info();
    BOOST_TEST_CONTEXT(info.id) {
      BOOST_CHECK(!info.summary.empty());
      BOOST_CHECK(info.summary.back() == '.' || info.summary.back() == ')');
      for (const char* heading : {"## What it checks", "## Why it matters", "## Example", "## How to fix", "## References"}) {
        BOOST_CHECK_MESSAGE(info.doc.find(heading) != std::string_view::npos, info.id << " lacks " << heading);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(every_rule_has_flagged_and_clean_fixtures) {
  const fs::path root = testing::fixtures_dir() / "rules";
  for (const auto& rule : default_registry().rules()) {
    const std::string id(rule->info().id);
    if (kWithoutFixtures.count(id)) continue;
    bool flagged = false;
    bool clean = false;
    if (fs::is_directory(root / id)) {
      for (const auto& entry : fs::directory_iterator(root / id)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("flagged", 0) == 0) flagged = true;
        if (name.rfind("clean", 0) == 0) clean = true;
      }
    }
    BOOST_CHECK_MESSAGE(flagged, id << " has no fixtures/rules/" << id << "/flagged.*");
    BOOST_CHECK_MESSAGE(clean, id << " has no fixtures/rules/" << id << "/clean.*");
  }
}

BOOST_AUTO_TEST_CASE(every_fixture_directory_names_a_rule) {
  const fs::path root = testing::fixtures_dir() / "rules";
  BOOST_REQUIRE(fs::is_directory(root));
  for (const auto& entry : fs::directory_iterator(root)) {
    const std::string id = entry.path().filename().string();
    BOOST_CHECK_MESSAGE(default_registry().find(id) != nullptr, "fixtures/rules/" << id << " names no rule");
  }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
