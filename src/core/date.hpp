#pragma once
// Date: a calendar day in the proleptic Gregorian calendar, stored as the
// number of days since 1970-01-01 so that comparisons and differences are
// integer operations.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kessan {

// The years a Date can have: dates are written YYYY-MM-DD.
constexpr int kFirstYear = 1;
constexpr int kLastYear = 9999;

struct YearMonthDay {
  int year;
  unsigned month;  // 1..12
  unsigned day;    // 1..31
};

class Date {
 public:
  constexpr Date() = default;
  static constexpr Date from_days(std::int32_t days) {
    Date d;
    d.days_ = days;
    return d;
  }
  // Empty when the day does not exist (2021-02-29) or the year is outside 1..9999.
  static std::optional<Date> from_ymd(int year, unsigned month, unsigned day);
  // Strict ISO form YYYY-MM-DD (also accepts / and . as separators).
  static std::optional<Date> parse(std::string_view text);

  std::int32_t days() const { return days_; }
  YearMonthDay ymd() const;
  // YYYY-MM-DD.
  std::string to_string() const;
  // The last day of the month `months` after this date's month; empty when
  // that month falls outside the years kFirstYear..kLastYear.
  std::optional<Date> end_of_month_plus(int months) const;

  friend constexpr auto operator<=>(Date a, Date b) = default;

 private:
  std::int32_t days_ = 0;
};

bool is_leap_year(int year);
unsigned days_in_month(int year, unsigned month);

}  // namespace kessan
