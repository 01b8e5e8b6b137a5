#include "util/edit_distance.hpp"

#include <algorithm>
#include <cctype>

namespace cfn_eks {

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<std::size_t> row(m + 1);
  for (std::size_t j = 0; j <= m; ++j) row[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t best = row[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
      best = std::min(best, row[j]);
    }
    if (best > limit) return limit + 1;
  }
  return row[m];
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view closest_match(std::string_view text, const std::vector<std::string_view>& candidates) {
  const std::size_t allowed = std::max<std::size_t>(1, text.size() / 3);
  std::string_view best;
  std::size_t best_distance = allowed + 1;
  for (std::string_view candidate : candidates) {
    if (candidate == text) continue;
    // Case-only differences are the most likely typo: rank them first.
    const std::size_t distance = equals_ignoring_case(candidate, text) ? 0 : edit_distance(text, candidate, allowed);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

}  // namespace cfn_eks
