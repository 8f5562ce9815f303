#pragma once
// FiscalCalendar: a company's fiscal years (core/fiscal_year_rule.hpp: years
// ending on a month end, or 52/53-week years) and the names of its periods.
// A Period is a flow period (first and last day, both inclusive); a balance
// date is a single day (a period's end).
//
// Names follow a pattern with {q} (quarter 1-4), {yy} (two-digit fiscal
// year) and {yyyy}; the default "{q}Q{yy}" gives "1Q02". A fiscal year is
// named by the calendar year it starts in (IIJ's "fiscal 2002" runs April
// 2002 to March 2003) or the year it ends in; for a December year end both
// agree. Whole years are named "FY{yyyy}".
//
// Every day of a period lies in the years kFirstYear..kLastYear (1 to 9999,
// core/date.hpp): a period, or a period relative to another one, that would
// reach outside them does not exist, and the functions that form one return
// nothing then.

#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/fiscal_year_rule.hpp"

namespace kessan {

struct Period {
  int fiscal_year = 0;  // as named
  int quarter = 0;      // 1..4, or 0 for a whole fiscal year
  Date first;           // inclusive
  Date last;            // inclusive
};

// The periods a statement compares a period with.
struct Comparisons {
  Period year_ago;
  Period prior_quarter;
  Date prior_year_end;
};

// A period's name taken apart: fiscal year as named and quarter (0 for a whole year).
struct PeriodName {
  int fiscal_year = 0;
  int quarter = 0;
};

class FiscalCalendar {
 public:
  using YearName = FiscalYearName;

  FiscalCalendar() = default;
  // Years ending on the last day of `year_end_month`.
  FiscalCalendar(unsigned year_end_month, YearName naming, std::string pattern = "{q}Q{yy}")
      : rule_(FiscalYearRule::month_end(year_end_month, naming)), pattern_(std::move(pattern)) {}
  explicit FiscalCalendar(FiscalYearRule rule, std::string pattern = "{q}Q{yy}")
      : rule_(rule), pattern_(std::move(pattern)) {}

  // The quarter `quarter` (1..4) of fiscal year `fiscal_year`, or the whole
  // year for quarter 0. Empty when it reaches outside the years 1 to 9999.
  std::optional<Period> period(int fiscal_year, int quarter) const;
  // Fiscal month `month` (1..12) of `fiscal_year`: a calendar month, or on a
  // week calendar with a 4-4-5, 4-5-4 or 5-4-4 pattern, 4 or 5 weeks (the
  // twelfth month of a 53-week year has the extra week). Its Period carries
  // the quarter that holds it, for its span only: name(), year_ago() and the
  // comparisons take a Period for a quarter or a year. Empty when the
  // calendar has no months, or outside the years 1 to 9999.
  std::optional<Period> month(int fiscal_year, int month) const;
  // Whole weeks of `p` on a week calendar (13 for most quarters, 14 for the
  // fourth of a 53-week year); 0 on a calendar of month-end years.
  int weeks(const Period& p) const;
  // Takes a period name apart ("1Q02", "FY2002"). Empty when it does not match.
  std::optional<PeriodName> parse_name(std::string_view name) const;
  // The period a name names. Empty when it does not match, or when the
  // period reaches outside the years 1 to 9999.
  std::optional<Period> parse(std::string_view name) const;
  // "1Q02", "FY2002" (years below 1000 with leading zeros: "FY0001").
  std::string name(const Period& p) const;

  std::optional<Period> year_ago(const Period& p) const { return period(p.fiscal_year - 1, p.quarter); }
  // The fiscal quarter that holds `d`.
  std::optional<Period> quarter_containing(Date d) const;
  // The quarter before (4Q of the previous year before 1Q); for a whole
  // fiscal year, the year before.
  std::optional<Period> prior_quarter(const Period& p) const;
  // The last day of the previous fiscal year.
  std::optional<Date> prior_year_end(const Period& p) const;
  // All three; empty when one of them reaches outside the years 1 to 9999.
  std::optional<Comparisons> comparisons(const Period& p) const;
  // Why `p` has no comparisons ("its year-ago period (fiscal year 0) falls
  // outside the years 0001 to 9999"), or "" when it has them.
  std::string missing_comparison(const Period& p) const;

  unsigned year_end_month() const { return rule_.end_month(); }
  const FiscalYearRule& rule() const { return rule_; }
  const std::string& pattern() const { return pattern_; }

 private:
  FiscalYearRule rule_;
  std::string pattern_ = "{q}Q{yy}";
};

// "Jun 30, 2002" (statement headings).
std::string long_date(Date d);
// "June 30, 2002" (prose).
std::string full_date(Date d);

}  // namespace kessan
