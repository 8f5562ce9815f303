#pragma once
// FiscalYearRule: where each fiscal year, quarter and month of a company
// begins and ends.
//
// Three kinds of year:
//  - month-end years: a year ends on the last day of month M (1..12; M = 12
//    gives calendar years); quarters are three calendar months and months
//    are calendar months;
//  - 52/53-week years ending on the LAST given weekday of month M (the last
//    Saturday of September), or on the given weekday NEAREST the last day of
//    month M (the Saturday nearest January 31, which may fall in February).
//    Quarters are 13 weeks; the 53rd week of a long year is in the fourth
//    quarter, or in the first when the rule says so (a company whose first
//    quarter then ends on the last Saturday of December). Months exist only
//    with a pattern of 4-4-5, 4-5-4 or 5-4-4 weeks per quarter; the 53rd
//    week then goes to the last month of the quarter that has it.
//
// Names: a fiscal year is named by the calendar year it starts in or the one
// it ends in. For a week year these are the years of its NOMINAL first and
// last months: with naming by end, the year ending on (or nearest) the end of
// month M of calendar year Y is fiscal Y; with naming by start, fiscal Y is
// the year whose nominal first month, M + 1, lies in calendar year Y. So a
// retailer's year ending on Saturday 2 February 2013 (nearest January 31,
// 2013) is fiscal 2012 by start and fiscal 2013 by end; for M = 12 both agree.
//
// Contract: an end month is 1..12 (book_reader checks it). All arithmetic
// is exact integer arithmetic on day numbers; no Date outside the years
// kFirstYear..kLastYear (core/date.hpp) is formed. A year, quarter or month
// any day of which would fall outside them does not exist, and the
// functions return nothing for it.

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "core/date.hpp"

namespace kessan {

enum class FiscalYearName { ByStart, ByEnd };

enum class Weekday { Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday };

// The weekday of `d`.
Weekday weekday_of(Date d);
// "Saturday".
std::string weekday_name(Weekday w);

// A fiscal year laid out: its first and last day and the last days of its
// quarters and (when it has them) its months.
struct FiscalYearShape {
  Date first, last;  // inclusive
  std::array<Date, 4> quarter_last;
  std::array<Date, 12> month_last;  // meaningful only when has_months
  bool has_months = false;
  int weeks = 0;  // 52 or 53 on a week calendar, 0 otherwise
};

// A span of days, both inclusive.
struct DaySpan {
  Date first, last;
};

class FiscalYearRule {
 public:
  enum class YearEnd { MonthEnd, LastWeekday, NearestWeekday };
  // Weeks per month in each quarter; None: a week calendar without months.
  enum class MonthWeeks { None, W445, W454, W544 };
  // The quarter that has the 53rd week of a long year.
  enum class ExtraWeek { FourthQuarter, FirstQuarter };

  // Calendar years (December year end, named by start).
  FiscalYearRule() = default;
  // Years ending on the last day of `end_month` (1..12).
  static FiscalYearRule month_end(unsigned end_month, FiscalYearName naming);
  // 52/53-week years ending on the last `day` of `end_month` (kind
  // LastWeekday) or on the `day` nearest its last day (NearestWeekday).
  static FiscalYearRule week_years(YearEnd kind, Weekday day, unsigned end_month, FiscalYearName naming,
                                   MonthWeeks months = MonthWeeks::None,
                                   ExtraWeek extra_week = ExtraWeek::FourthQuarter);

  // Fiscal year `fiscal_year` (as named); empty when a day of it falls
  // outside the years 0001..9999.
  std::optional<FiscalYearShape> shape(int fiscal_year) const;
  // Quarter `quarter` (1..4) of the year, or the whole year for 0; empty
  // when a day of it falls outside the years 0001..9999.
  std::optional<DaySpan> span(int fiscal_year, int quarter) const;
  // Fiscal month `month` (1..12); empty without months or outside the years.
  std::optional<DaySpan> month_span(int fiscal_year, int month) const;
  // The fiscal year (as named) holding `d`; empty when `d` is outside the
  // years 0001..9999.
  std::optional<int> fiscal_year_of(Date d) const;

  bool weekly() const { return kind_ != YearEnd::MonthEnd; }
  bool has_months() const { return !weekly() || months_ != MonthWeeks::None; }
  unsigned end_month() const { return end_month_; }
  FiscalYearName naming() const { return naming_; }
  // "52/53-week years ending on the Saturday nearest January 31",
  // "years ending on March 31", "calendar years".
  std::string describe() const;

 private:
  struct Bounds;
  std::optional<Bounds> bounds(int fiscal_year) const;
  std::int64_t year_end_day(int calendar_year) const;

  YearEnd kind_ = YearEnd::MonthEnd;
  Weekday day_ = Weekday::Saturday;
  unsigned end_month_ = 12;
  FiscalYearName naming_ = FiscalYearName::ByStart;
  MonthWeeks months_ = MonthWeeks::None;
  ExtraWeek extra_week_ = ExtraWeek::FourthQuarter;
};

}  // namespace kessan
