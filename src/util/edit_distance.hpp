#pragma once
// "Did you mean" suggestions from edit distance (as ninja's SpellcheckString).

#include <string_view>
#include <vector>

namespace cfn_eks {

/// Levenshtein distance, case-sensitive; stops counting past `limit` (returns limit + 1).
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit = 1000);

/// ASCII case-insensitive equality ("retain" and "Retain"): a case-only difference is the
/// likeliest typo of a name.
bool equals_ignoring_case(std::string_view a, std::string_view b);

/// The candidate closest to `text` when close enough to be a plausible typo
/// (distance <= max(1, len/3), ties broken by list order); empty when none.
std::string_view closest_match(std::string_view text, const std::vector<std::string_view>& candidates);

}  // namespace cfn_eks
