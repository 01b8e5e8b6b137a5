#pragma once
/// Quick fixes: the fixes some rules attach to their findings (Diagnostic::fixes), as code
/// actions an editor or a language server offers, and applied to a file (`cfn-eks lint --fix`).
/// A fix is a list of Edits on the bytes of the file the diagnostic was made on — the same
/// edit type the source-preserving transformations use (edits.hpp) — so applying one changes
/// only those bytes: comments, quoting, key order and layout elsewhere stay as they were.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cfn_eks/diagnostic.hpp"
#include "cfn_eks/source.hpp"

namespace cfn_eks {

/// One edit of a code action: a range as lines and columns (1-based, columns in code points,
/// end exclusive, like Diagnostic) and as bytes, and the text that replaces it (empty range:
/// an insertion). A language server converts the positions to its client's encoding.
struct TextEdit {
  Position start;
  Position end;
  ByteRange range;
  std::string new_text;
};

/// A fix as an editor's code action ("quick fix" kind).
struct CodeAction {
  std::string title;
  std::string rule_id;    ///< The rule of the finding it fixes.
  bool safe = true;       ///< False when applying it may change behaviour.
  bool preferred = false; ///< The first safe fix of its finding: the one `--fix` applies.
  std::vector<TextEdit> edits;
};

/// The fixes of `diagnostic` as code actions positioned in `source`, which must be the file
/// the diagnostic was made on. Empty when the finding has no fix.
std::vector<CodeAction> code_actions(const SourceFile& source, const Diagnostic& diagnostic);

/// What applying the fixes of one file did.
struct FixOutcome {
  std::string text;            ///< The file with the applied fixes (the original when none).
  std::vector<Edit> applied;   ///< The edits applied, sorted by offset, for a diff.
  std::size_t fixed = 0;       ///< Findings whose fix was applied.
  std::size_t overlapping = 0; ///< Findings whose fix was left out: it overlaps one applied.
  std::size_t unsafe = 0;      ///< Findings with only unsafe fixes (never applied).
  std::string error;           ///< Non-empty when an edit was outside the text (nothing applied).
};

/// Applies, in diagnostic order, the first safe fix of each diagnostic unless one of its edits
/// overlaps an edit already taken (two insertions at one offset overlap, since their order
/// would be a guess). A fix identical to one taken (two findings, one cause) counts as fixed.
/// The diagnostics must all belong to `text`.
FixOutcome apply_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics);

/// A unified diff (`diff -u` style, three lines of context) of `original` against the result
/// of `edits` (non-overlapping, sorted by offset, as FixOutcome::applied). Empty when there
/// are no edits. `old_name` and `new_name` go on the `---` and `+++` lines.
std::string unified_diff(std::string_view original, const std::vector<Edit>& edits, std::string_view old_name,
                         std::string_view new_name);

}  // namespace cfn_eks
