#pragma once
// FiscalCalendar: a company's fiscal years (core/fiscal_year_rule.hpp: years
// ending on a month end, or 52/53-week years) and the names of its periods.
//
// A Period is a span of fiscal time: one or more consecutive fiscal quarters
// (a quarter, six or nine months, a fiscal year, the trailing four quarters),
// or an instant (a balance date: the last day of a quarter). Every period is
// described by the quarter it ends with and how many quarters it spans, so a
// period can be shifted (a year back, a quarter back) and reshaped (the year
// to date at its end) by the calendar alone (core/period_ref.hpp).
//
// Names follow a pattern with {q} (quarter 1-4), {yy} (two-digit fiscal
// year) and {yyyy}; the default "{q}Q{yy}" gives "1Q02". A fiscal year is
// named by the calendar year it starts in (IIJ's "fiscal 2002" runs April
// 2002 to March 2003) or the year it ends in; for a December year end both
// agree. Whole years are named "FY{yyyy}", other spans by their first and
// last quarter ("1Q02..3Q02"), instants by their date ("2002-03-31").
//
// Every day of a period lies in the years kFirstYear..kLastYear (1 to 9999,
// core/date.hpp): a period, or a period relative to another one, that would
// reach outside them does not exist, and the functions that form one return
// nothing then.

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/date.hpp"
#include "core/fiscal_year_rule.hpp"

namespace kessan {

struct Period {
  int fiscal_year = 0;  // of the quarter it ends with, as named
  int quarter = 4;      // the quarter it ends with, 1..4
  int quarters = 1;     // how many quarters it spans (1..4); 0 for an instant
  Date first;           // inclusive (an instant: its date)
  Date last;            // inclusive (an instant: its date)

  bool is_quarter() const { return quarters == 1; }
  bool is_year() const { return quarters == 4 && quarter == 4; }
  bool is_instant() const { return quarters == 0; }
  // Whether it starts with the first quarter of its fiscal year.
  bool is_year_to_date() const { return quarters == quarter; }
  bool operator==(const Period& o) const { return quarters == o.quarters && first == o.first && last == o.last; }
  bool operator!=(const Period& o) const { return !(*this == o); }
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
  // How the length of a period is written in headings: "Three Months", or
  // on a week calendar "13 Weeks".
  enum class LengthWords { Months, Weeks };

  FiscalCalendar() = default;
  // Years ending on the last day of `year_end_month`.
  FiscalCalendar(unsigned year_end_month, YearName naming, std::string pattern = "{q}Q{yy}")
      : rule_(FiscalYearRule::month_end(year_end_month, naming)), pattern_(std::move(pattern)) {}
  explicit FiscalCalendar(FiscalYearRule rule, std::string pattern = "{q}Q{yy}")
      : rule_(rule), pattern_(std::move(pattern)) {}

  // The quarter `quarter` (1..4) of fiscal year `fiscal_year`, or the whole
  // year for quarter 0. Empty when it reaches outside the years 1 to 9999.
  std::optional<Period> period(int fiscal_year, int quarter) const;
  // `quarters` (1..4) consecutive quarters ending with quarter `quarter` of
  // `fiscal_year`; 0 quarters: the instant at that quarter's last day.
  std::optional<Period> span(int fiscal_year, int quarter, int quarters) const;
  // `p` moved by `n` quarters (negative: earlier), keeping its length.
  std::optional<Period> shifted(const Period& p, int n) const;
  // Fiscal month `month` (1..12) of `fiscal_year`: a calendar month, or on a
  // week calendar with a 4-4-5, 4-5-4 or 5-4-4 pattern, 4 or 5 weeks. Its
  // Period carries the quarter that holds it, for its span only. Empty when
  // the calendar has no months, or outside the years 1 to 9999.
  std::optional<Period> month(int fiscal_year, int month) const;
  // Whole weeks of `p` on a week calendar (13 for most quarters, 14 for the
  // one with the extra week of a 53-week year); 0 on month-end years.
  int weeks(const Period& p) const;
  // Takes a quarter or year name apart ("1Q02", "FY2002"). Empty when it does not match.
  std::optional<PeriodName> parse_name(std::string_view name) const;
  // The period a name names: a quarter, a year, a span of quarters
  // ("1Q02..3Q02") or an instant (an ISO date that ends a quarter). Empty
  // when it does not match, or when the period reaches outside the years 1
  // to 9999.
  std::optional<Period> parse(std::string_view name) const;
  // "1Q02", "FY2002" (years below 1000 with leading zeros: "FY0001"),
  // "1Q02..2Q02", "2002-03-31".
  std::string name(const Period& p) const;
  // The length of a period in headings: "Three Months", "Six Months",
  // "Year", "13 Weeks" (weekly calendars that ask for weeks); "" for an instant.
  std::string length(const Period& p) const;

  std::optional<Period> year_ago(const Period& p) const { return shifted(p, -4); }
  // The fiscal quarter that holds `d`.
  std::optional<Period> quarter_containing(Date d) const;
  // The quarter before (4Q of the previous year before 1Q); for a longer
  // span, the same span one quarter earlier.
  std::optional<Period> prior_quarter(const Period& p) const { return shifted(p, -1); }
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
  void set_length_words(LengthWords w) { length_words_ = w; }

 private:
  // The first and last day of quarter `quarter` (1..4) of `fiscal_year`.
  std::optional<std::pair<Date, Date>> quarter_bounds(int fiscal_year, int quarter) const;

  FiscalYearRule rule_;
  std::string pattern_ = "{q}Q{yy}";
  LengthWords length_words_ = LengthWords::Months;
};

// "Jun 30, 2002" (statement headings).
std::string long_date(Date d);
// "June 30, 2002" (prose).
std::string full_date(Date d);

}  // namespace kessan
