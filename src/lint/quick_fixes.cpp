// Quick fixes as code actions, and applying them to a file's text (`cfn-eks lint --fix`).

#include <algorithm>

#include "cfn_eks/edits.hpp"
#include "cfn_eks/fixes.hpp"

namespace cfn_eks {

namespace {

bool same_edits(const std::vector<Edit>& a, const std::vector<Edit>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Edit& x, const Edit& y) {
    return x.range == y.range && x.replacement == y.replacement;
  });
}

/// Two insertions at one offset overlap (their order would be a guess); an insertion at the
/// boundary of a replacement does not (apply_edits puts it before or after).
bool overlaps(const Edit& a, const Edit& b) {
  const ByteRange& x = a.range;
  const ByteRange& y = b.range;
  if (x.begin == x.end && y.begin == y.end) return x.begin == y.begin;
  if (x.begin == x.end) return y.begin < x.begin && x.begin < y.end;
  if (y.begin == y.end) return x.begin < y.begin && y.begin < x.end;
  return x.begin < y.end && y.begin < x.end;
}

}  // namespace

std::vector<CodeAction> code_actions(const SourceFile& source, const Diagnostic& diagnostic) {
  std::vector<CodeAction> actions;
  bool preferred_given = false;
  for (const Fix& fix : diagnostic.fixes) {
    CodeAction action;
    action.title = fix.title;
    action.rule_id = diagnostic.rule_id;
    action.safe = fix.safe;
    action.preferred = fix.safe && !preferred_given;
    preferred_given = preferred_given || action.preferred;
    for (const Edit& edit : fix.edits) {
      action.edits.push_back(
          TextEdit{source.position(edit.range.begin), source.position(edit.range.end), edit.range, edit.replacement});
    }
    actions.push_back(std::move(action));
  }
  return actions;
}

FixOutcome apply_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics) {
  FixOutcome outcome;
  std::vector<const Fix*> taken;
  std::vector<Edit> edits;
  for (const Diagnostic& diagnostic : diagnostics) {
    const auto fix = std::find_if(diagnostic.fixes.begin(), diagnostic.fixes.end(), [](const Fix& f) { return f.safe; });
    if (fix == diagnostic.fixes.end()) {
      if (!diagnostic.fixes.empty()) ++outcome.unsafe;
      continue;
    }
    if (std::any_of(taken.begin(), taken.end(), [&](const Fix* t) { return same_edits(t->edits, fix->edits); })) {
      ++outcome.fixed;  // Another finding with the same cause: already fixed.
      continue;
    }
    const bool clash = std::any_of(fix->edits.begin(), fix->edits.end(), [&](const Edit& mine) {
      return std::any_of(edits.begin(), edits.end(), [&](const Edit& other) { return overlaps(mine, other); });
    });
    if (clash) {
      ++outcome.overlapping;
      continue;
    }
    taken.push_back(&*fix);
    edits.insert(edits.end(), fix->edits.begin(), fix->edits.end());
    ++outcome.fixed;
  }
  EditResult<std::string> result = apply_edits(text, edits);
  if (!result) {
    outcome.error = result.error();
    outcome.text = std::string(text);
    outcome.fixed = 0;
    return outcome;
  }
  outcome.text = std::move(result).value();
  std::stable_sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.range.begin < b.range.begin; });
  outcome.applied = std::move(edits);
  return outcome;
}

}  // namespace cfn_eks
