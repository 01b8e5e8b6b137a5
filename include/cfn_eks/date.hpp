#pragma once
/// Calendar dates for time-dependent rules (`--as-of`).

#include <optional>
#include <string>
#include <string_view>

namespace cfn_eks {

/// A proleptic Gregorian date.
struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;
  auto operator<=>(const Date&) const = default;

  /// Days since 1970-01-01.
  long days_since_epoch() const;
  static Date from_days_since_epoch(long days);
  /// Today's date in UTC.
  static Date today();
  std::string to_string() const;
};

/// Parses YYYY-MM-DD strictly (a real calendar date).
std::optional<Date> parse_date(std::string_view text);

/// Days from `from` to `to` (negative when `to` is earlier).
long days_between(const Date& from, const Date& to);

}  // namespace cfn_eks
