#include "core/fiscal_year_rule.hpp"

namespace kessan {

// A fiscal year's days as day numbers (days since 1970-01-01), wider than
// Date so that a year reaching past 0001 or 9999 can be laid out before it is
// checked.
struct FiscalYearRule::Bounds {
  std::int64_t first = 0, last = 0;
  std::array<std::int64_t, 4> quarter_last{};
  std::array<std::int64_t, 12> month_last{};
  int weeks = 0;
};

namespace {

// The Gregorian calendar repeats every 400 years, which have 146097 days.
constexpr int kCycleYears = 400;
constexpr std::int64_t kCycleDays = 146097;

const char* const kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
const char* const kWeekdayNames[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

std::int64_t floor_mod(std::int64_t a, std::int64_t n) {
  std::int64_t r = a % n;
  return r < 0 ? r + n : r;
}

// Monday = 0. 1970-01-01 (day 0) was a Thursday.
std::int64_t weekday_index(std::int64_t day) {
  return floor_mod(day + 3, 7);
}

// The day number of the last day of `month` of `year`, for years within one
// 400-year cycle of 0001..9999: a year outside is moved into them by a cycle,
// which has the same calendar, and the cycle's days are added back.
std::int64_t month_end_day(int year, unsigned month) {
  std::int64_t shift = 0;
  if (year < kFirstYear) year += kCycleYears, shift = -kCycleDays;
  if (year > kLastYear) year -= kCycleYears, shift = kCycleDays;
  // Exists: the year is now within 0001..9999 and the month is 1..12.
  return Date::from_ymd(year, month, days_in_month(year, month))->days() + shift;
}

std::int64_t first_day() {
  return Date::from_ymd(kFirstYear, 1, 1)->days();
}

std::int64_t last_day() {
  return Date::from_ymd(kLastYear, 12, 31)->days();
}

std::optional<DaySpan> within_years(std::int64_t first, std::int64_t last) {
  if (first < first_day() || last > last_day()) return std::nullopt;
  return DaySpan{Date::from_days(static_cast<std::int32_t>(first)), Date::from_days(static_cast<std::int32_t>(last))};
}

}  // namespace

Weekday weekday_of(Date d) {
  return static_cast<Weekday>(weekday_index(d.days()));
}

std::string weekday_name(Weekday w) {
  return kWeekdayNames[static_cast<int>(w)];
}

FiscalYearRule FiscalYearRule::month_end(unsigned end_month, FiscalYearName naming) {
  FiscalYearRule r;
  r.end_month_ = end_month;
  r.naming_ = naming;
  return r;
}

FiscalYearRule FiscalYearRule::week_years(YearEnd kind, Weekday day, unsigned end_month, FiscalYearName naming,
                                          MonthWeeks months, ExtraWeek extra_week) {
  FiscalYearRule r;
  r.kind_ = kind;
  r.day_ = day;
  r.end_month_ = end_month;
  r.naming_ = naming;
  r.months_ = kind == YearEnd::MonthEnd ? MonthWeeks::None : months;
  r.extra_week_ = extra_week;
  return r;
}

// The last day of the fiscal year whose nominal last month is `end_month_`
// of `calendar_year`.
std::int64_t FiscalYearRule::year_end_day(int calendar_year) const {
  std::int64_t month_end = month_end_day(calendar_year, end_month_);
  std::int64_t from_month_end = static_cast<int>(day_) - weekday_index(month_end);
  switch (kind_) {
    case YearEnd::MonthEnd:
      return month_end;
    case YearEnd::LastWeekday:
      return month_end - floor_mod(-from_month_end, 7);
    case YearEnd::NearestWeekday: {
      std::int64_t ahead = floor_mod(from_month_end, 7);  // 0..6 days after the month end
      return month_end + (ahead <= 3 ? ahead : ahead - 7);
    }
  }
  return month_end;
}

std::optional<FiscalYearRule::Bounds> FiscalYearRule::bounds(int fiscal_year) const {
  if (fiscal_year < kFirstYear - 1 || fiscal_year > kLastYear + 1) return std::nullopt;
  // The calendar year of the nominal last month.
  int end_year = naming_ == FiscalYearName::ByStart && end_month_ != 12 ? fiscal_year + 1 : fiscal_year;
  Bounds b;
  b.first = year_end_day(end_year - 1) + 1;
  b.last = year_end_day(end_year);
  if (!weekly()) {
    for (unsigned k = 0; k < 12; ++k)
      b.month_last[k] =
          month_end_day(end_year - 1 + static_cast<int>((end_month_ + k) / 12), (end_month_ + k) % 12 + 1);
    for (int q = 0; q < 4; ++q) b.quarter_last[q] = b.month_last[3 * q + 2];
    return b;
  }
  b.weeks = static_cast<int>((b.last - b.first + 1) / 7);
  // The quarter (0..3) that has the 53rd week, or -1 in a 52-week year; the
  // week goes to the last month of that quarter.
  int long_quarter = b.weeks == 53 ? (extra_week_ == ExtraWeek::FirstQuarter ? 0 : 3) : -1;
  auto extra_by_end_of = [&](int quarter, int month_in_quarter) {
    return long_quarter >= 0 && (long_quarter < quarter || (long_quarter == quarter && month_in_quarter == 2)) ? 1 : 0;
  };
  for (int q = 0; q < 4; ++q) b.quarter_last[q] = b.first + 7 * (13 * (q + 1) + extra_by_end_of(q, 2)) - 1;
  static constexpr int kPatterns[][3] = {{4, 4, 5}, {4, 5, 4}, {5, 4, 4}};
  if (months_ != MonthWeeks::None) {
    const int* weeks = kPatterns[static_cast<int>(months_) - 1];
    for (int q = 0; q < 4; ++q) {
      int into_quarter = 0;
      for (int i = 0; i < 3; ++i) {
        into_quarter += weeks[i];
        b.month_last[3 * q + i] = b.first + 7 * (13 * q + into_quarter + extra_by_end_of(q, i)) - 1;
      }
    }
  }
  return b;
}

std::optional<FiscalYearShape> FiscalYearRule::shape(int fiscal_year) const {
  auto b = bounds(fiscal_year);
  if (!b || !within_years(b->first, b->last)) return std::nullopt;
  auto date = [](std::int64_t day) { return Date::from_days(static_cast<std::int32_t>(day)); };
  FiscalYearShape s;
  s.first = date(b->first);
  s.last = date(b->last);
  for (int q = 0; q < 4; ++q) s.quarter_last[q] = date(b->quarter_last[q]);
  s.has_months = has_months();
  if (s.has_months)
    for (int m = 0; m < 12; ++m) s.month_last[m] = date(b->month_last[m]);
  s.weeks = b->weeks;
  return s;
}

std::optional<DaySpan> FiscalYearRule::span(int fiscal_year, int quarter) const {
  if (quarter < 0 || quarter > 4) return std::nullopt;
  auto b = bounds(fiscal_year);
  if (!b) return std::nullopt;
  if (quarter == 0) return within_years(b->first, b->last);
  std::int64_t first = quarter == 1 ? b->first : b->quarter_last[quarter - 2] + 1;
  return within_years(first, b->quarter_last[quarter - 1]);
}

std::optional<DaySpan> FiscalYearRule::month_span(int fiscal_year, int month) const {
  if (month < 1 || month > 12 || !has_months()) return std::nullopt;
  auto b = bounds(fiscal_year);
  if (!b) return std::nullopt;
  std::int64_t first = month == 1 ? b->first : b->month_last[month - 2] + 1;
  return within_years(first, b->month_last[month - 1]);
}

std::optional<int> FiscalYearRule::fiscal_year_of(Date d) const {
  if (d.days() < first_day() || d.days() > last_day()) return std::nullopt;
  // A fiscal year ends within a week of the end of its nominal last month, so
  // the one holding `d` is named within a year of d's calendar year.
  int year = d.ymd().year;
  for (int fy = year - 1; fy <= year + 1; ++fy) {
    auto b = bounds(fy);
    if (b && b->first <= d.days() && d.days() <= b->last) return fy;
  }
  return std::nullopt;
}

std::string FiscalYearRule::describe() const {
  std::string month = kMonthNames[end_month_ - 1];
  std::string month_end =
      end_month_ == 2 ? "the last day of February" : month + " " + std::to_string(days_in_month(2001, end_month_));
  if (!weekly()) return end_month_ == 12 ? "calendar years" : "years ending on " + month_end;
  std::string day = weekday_name(day_);
  std::string out = "52/53-week years ending on the ";
  out += kind_ == YearEnd::LastWeekday ? "last " + day + " of " + month : day + " nearest " + month_end;
  static const char* const kPatternNames[] = {"", "4-4-5", "4-5-4", "5-4-4"};
  if (months_ != MonthWeeks::None)
    out += std::string(", with months of ") + kPatternNames[static_cast<int>(months_)] + " weeks";
  if (extra_week_ == ExtraWeek::FirstQuarter) out += ", the 53rd week in the first quarter";
  return out;
}

}  // namespace kessan
