#include "core/fiscal_year_rule.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/fiscal_calendar.hpp"

namespace kessan {
namespace {

using Rule = FiscalYearRule;

Date day(const char* text) {
  return *Date::parse(text);
}

std::string span(const Period& p) {
  return p.first.to_string() + ".." + p.last.to_string();
}

const Rule kLastSaturdayOfSeptember =
    Rule::week_years(Rule::YearEnd::LastWeekday, Weekday::Saturday, 9, FiscalYearName::ByEnd);
const Rule kRetailer = Rule::week_years(Rule::YearEnd::NearestWeekday, Weekday::Saturday, 1, FiscalYearName::ByStart);
const Rule kNearestDecember =
    Rule::week_years(Rule::YearEnd::NearestWeekday, Weekday::Saturday, 12, FiscalYearName::ByEnd);

std::vector<std::string> fields(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line);
  std::string f;
  while (std::getline(in, f, '\t')) out.push_back(f);
  return out;
}

// A rule from the columns of calendar_dates.tsv (its header says which).
Rule rule_of(const std::vector<std::string>& f) {
  FiscalYearName naming = f[3] == "end" ? FiscalYearName::ByEnd : FiscalYearName::ByStart;
  unsigned month = static_cast<unsigned>(std::stoi(f[2]));
  if (f[0] == "month-end") return Rule::month_end(month, naming);
  const char* const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  int weekday = 0;
  while (weekday < 7 && f[1] != days[weekday]) ++weekday;
  EXPECT_LT(weekday, 7) << f[1];
  Rule::MonthWeeks months = f[4] == "4-4-5"   ? Rule::MonthWeeks::W445
                            : f[4] == "4-5-4" ? Rule::MonthWeeks::W454
                            : f[4] == "5-4-4" ? Rule::MonthWeeks::W544
                                              : Rule::MonthWeeks::None;
  auto kind = f[0] == "last-weekday" ? Rule::YearEnd::LastWeekday : Rule::YearEnd::NearestWeekday;
  auto extra = f[5] == "first-quarter" ? Rule::ExtraWeek::FirstQuarter : Rule::ExtraWeek::FourthQuarter;
  return Rule::week_years(kind, static_cast<Weekday>(weekday), month, naming, months, extra);
}

// Every fiscal year of calendar_dates.tsv (written by calendar_dates.py,
// which walks days with Python's datetime) against the rule, field by field.
TEST(FiscalYearRule, MatchesIndependentlyComputedYears) {
  const char* path = std::getenv("KESSAN_CALENDAR_DATES");
  ASSERT_NE(path, nullptr) << "KESSAN_CALENDAR_DATES names tests/unit/data/calendar_dates.tsv (set by ctest)";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  std::string line;
  int years = 0, long_years = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto f = fields(line);
    ASSERT_TRUE(f.size() == 15 || f.size() == 26) << line;
    Rule rule = rule_of(f);
    FiscalCalendar cal(rule);
    int fy = std::stoi(f[6]);
    auto s = rule.shape(fy);
    ASSERT_TRUE(s) << line;
    EXPECT_EQ(s->first.to_string(), f[7]) << line;
    EXPECT_EQ(s->last.to_string(), f[8]) << line;
    EXPECT_EQ(s->weeks, std::stoi(f[9])) << line;
    for (int q = 0; q < 4; ++q) {
      EXPECT_EQ(s->quarter_last[q].to_string(), f[10 + q]) << line << " quarter " << q + 1;
      auto p = cal.period(fy, q + 1);
      ASSERT_TRUE(p);
      EXPECT_EQ(p->first.to_string(), q == 0 ? f[7] : (Date::from_days(s->quarter_last[q - 1].days() + 1)).to_string());
      EXPECT_EQ(p->last.to_string(), f[10 + q]);
      EXPECT_EQ(cal.quarter_containing(p->first)->quarter, q + 1);
      EXPECT_EQ(cal.quarter_containing(p->last)->fiscal_year, fy);
    }
    EXPECT_EQ(s->has_months, f.size() == 26) << line;
    for (int m = 0; m < 12 && f.size() == 26; ++m) {
      EXPECT_EQ(s->month_last[m].to_string(), f[14 + m]) << line << " month " << m + 1;
      EXPECT_EQ(cal.month(fy, m + 1)->last.to_string(), f[14 + m]);
    }
    if (f.size() == 15) {
      EXPECT_FALSE(cal.month(fy, 1));
    }
    EXPECT_EQ(span(*cal.period(fy, 0)), f[7] + ".." + f[8]);
    EXPECT_EQ(rule.fiscal_year_of(s->first), fy);
    EXPECT_EQ(rule.fiscal_year_of(s->last), fy);
    ++years;
    long_years += s->weeks == 53;
  }
  EXPECT_EQ(years, 9 * 41);   // nine rules, fiscal 2000 to 2040
  EXPECT_EQ(long_years, 52);  // 53-week years among them
}

TEST(FiscalYearRule, LastSaturdayOfSeptember) {
  const char* ends[] = {"2010-09-25", "2011-09-24", "2012-09-29", "2013-09-28", "2014-09-27",
                        "2015-09-26", "2016-09-24", "2017-09-30", "2018-09-29", "2019-09-28",
                        "2020-09-26", "2021-09-25", "2022-09-24", "2023-09-30", "2024-09-28"};
  std::string long_years;
  for (int fy = 2010; fy <= 2024; ++fy) {
    auto s = kLastSaturdayOfSeptember.shape(fy);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->last.to_string(), ends[fy - 2010]);
    EXPECT_EQ(weekday_of(s->last), Weekday::Saturday);
    if (s->weeks == 53) long_years += std::to_string(fy) + " ";
  }
  EXPECT_EQ(long_years, "2012 2017 2023 ");
  EXPECT_FALSE(kLastSaturdayOfSeptember.has_months());
  EXPECT_EQ(kLastSaturdayOfSeptember.describe(), "52/53-week years ending on the last Saturday of September");
}

TEST(FiscalYearRule, FiftyThirdWeekInTheFirstQuarter) {
  // The same years with the long quarter first: the first quarter then ends
  // on the last Saturday of December (fiscal 2012, 2017 and 2023).
  auto rule = Rule::week_years(Rule::YearEnd::LastWeekday, Weekday::Saturday, 9, FiscalYearName::ByEnd,
                               Rule::MonthWeeks::None, Rule::ExtraWeek::FirstQuarter);
  FiscalCalendar cal(rule);
  EXPECT_EQ(span(*cal.period(2012, 1)), "2011-09-25..2011-12-31");
  EXPECT_EQ(span(*cal.period(2012, 2)), "2012-01-01..2012-03-31");
  EXPECT_EQ(span(*cal.period(2012, 4)), "2012-07-01..2012-09-29");
  EXPECT_EQ(cal.period(2017, 1)->last.to_string(), "2016-12-31");
  EXPECT_EQ(cal.period(2023, 1)->last.to_string(), "2022-12-31");
  EXPECT_EQ(cal.weeks(*cal.period(2023, 1)), 14);
  EXPECT_EQ(cal.weeks(*cal.period(2023, 4)), 13);
  EXPECT_EQ(cal.period(2013, 1)->last.to_string(), "2012-12-29");  // a 52-week year
  auto with_months = Rule::week_years(Rule::YearEnd::LastWeekday, Weekday::Saturday, 9, FiscalYearName::ByEnd,
                                      Rule::MonthWeeks::W445, Rule::ExtraWeek::FirstQuarter);
  FiscalCalendar months(with_months);
  EXPECT_EQ(months.weeks(*months.month(2012, 3)), 6);
  EXPECT_EQ(months.weeks(*months.month(2012, 12)), 5);
  EXPECT_EQ(months.month(2012, 4)->first.to_string(), "2012-01-01");
  EXPECT_EQ(rule.describe(),
            "52/53-week years ending on the last Saturday of September, the 53rd week in the first quarter");
}

TEST(FiscalYearRule, SaturdayNearestJanuary31) {
  // Fiscal 2012 of a retailer named by start ended on 2 February 2013 after 53 weeks.
  auto s = kRetailer.shape(2012);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->first.to_string(), "2012-01-29");
  EXPECT_EQ(s->last.to_string(), "2013-02-02");
  EXPECT_EQ(s->weeks, 53);
  EXPECT_EQ(s->quarter_last[2].to_string(), "2012-10-27");
  EXPECT_EQ(kRetailer.fiscal_year_of(day("2013-02-02")), 2012);
  EXPECT_EQ(kRetailer.fiscal_year_of(day("2013-02-03")), 2013);
  // Named by end, the same year is fiscal 2013.
  auto by_end = Rule::week_years(Rule::YearEnd::NearestWeekday, Weekday::Saturday, 1, FiscalYearName::ByEnd);
  EXPECT_EQ(by_end.shape(2013)->last.to_string(), "2013-02-02");
  EXPECT_EQ(kRetailer.describe(), "52/53-week years ending on the Saturday nearest January 31");
}

TEST(FiscalYearRule, FourFourFiveYearOf53Weeks) {
  auto rule =
      Rule::week_years(Rule::YearEnd::LastWeekday, Weekday::Saturday, 9, FiscalYearName::ByEnd, Rule::MonthWeeks::W445);
  FiscalCalendar cal(rule);
  const char* month_ends[] = {"2011-10-22", "2011-11-19", "2011-12-24", "2012-01-21", "2012-02-18", "2012-03-24",
                              "2012-04-21", "2012-05-19", "2012-06-23", "2012-07-21", "2012-08-18", "2012-09-29"};
  for (int m = 1; m <= 12; ++m) {
    auto p = cal.month(2012, m);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->last.to_string(), month_ends[m - 1]);
    EXPECT_EQ(p->quarter, (m - 1) / 3 + 1);
    EXPECT_EQ(cal.weeks(*p), m == 12 ? 6 : m % 3 == 0 ? 5 : 4) << m;
  }
  EXPECT_EQ(cal.month(2012, 1)->first.to_string(), "2011-09-25");
  EXPECT_FALSE(cal.month(2012, 0));
  EXPECT_FALSE(cal.month(2012, 13));
  const char* quarters[] = {"2011-09-25..2011-12-24", "2011-12-25..2012-03-24", "2012-03-25..2012-06-23",
                            "2012-06-24..2012-09-29"};
  for (int q = 1; q <= 4; ++q) {
    EXPECT_EQ(span(*cal.period(2012, q)), quarters[q - 1]);
    EXPECT_EQ(cal.weeks(*cal.period(2012, q)), q == 4 ? 14 : 13);
  }
  EXPECT_EQ(cal.weeks(*cal.period(2012, 0)), 53);
  EXPECT_EQ(rule.describe(), "52/53-week years ending on the last Saturday of September, with months of 4-4-5 weeks");
}

TEST(FiscalYearRule, QuarterContainingAcrossAYearEnd) {
  FiscalCalendar cal(kNearestDecember, "Q{q} {yyyy}");
  EXPECT_EQ(cal.name(*cal.quarter_containing(day("2024-12-28"))), "Q4 2024");
  EXPECT_EQ(cal.name(*cal.quarter_containing(day("2024-12-29"))), "Q1 2025");
  EXPECT_EQ(cal.name(*cal.quarter_containing(day("2026-01-03"))), "Q4 2025");
  EXPECT_EQ(cal.name(*cal.quarter_containing(day("2026-01-04"))), "Q1 2026");
  auto q4 = cal.parse("Q4 2025");
  EXPECT_EQ(span(*q4), "2025-09-28..2026-01-03");
  EXPECT_EQ(cal.weeks(*q4), 14);
  EXPECT_EQ(cal.prior_year_end(*cal.parse("Q1 2026"))->to_string(), "2026-01-03");
  EXPECT_EQ(span(*cal.prior_quarter(*cal.parse("Q1 2026"))), "2025-09-28..2026-01-03");
  EXPECT_EQ(span(*cal.year_ago(*cal.parse("Q1 2026"))), "2024-12-29..2025-03-29");
  FiscalCalendar retail(kRetailer);
  EXPECT_EQ(retail.name(*retail.quarter_containing(day("2013-02-02"))), "4Q12");
  EXPECT_EQ(retail.name(*retail.quarter_containing(day("2013-02-03"))), "1Q13");
  EXPECT_EQ(kNearestDecember.describe(), "52/53-week years ending on the Saturday nearest December 31");
}

TEST(FiscalYearRule, MonthEndYears) {
  auto march = Rule::month_end(3, FiscalYearName::ByStart);
  FiscalCalendar cal(march);
  EXPECT_FALSE(march.weekly());
  EXPECT_EQ(span(*cal.month(2023, 11)), "2024-02-01..2024-02-29");
  EXPECT_EQ(cal.weeks(*cal.period(2023, 1)), 0);
  EXPECT_EQ(march.shape(2023)->weeks, 0);
  EXPECT_EQ(march.fiscal_year_of(day("2024-03-31")), 2023);
  EXPECT_EQ(march.fiscal_year_of(day("2024-04-01")), 2024);
  EXPECT_EQ(march.describe(), "years ending on March 31");
  EXPECT_EQ(Rule::month_end(2, FiscalYearName::ByEnd).describe(), "years ending on the last day of February");
  EXPECT_EQ(Rule().describe(), "calendar years");
  EXPECT_FALSE(FiscalCalendar(kRetailer).month(2012, 1));
}

TEST(FiscalYearRule, StaysWithinTheYearsOfDates) {
  // Fiscal 0001 by end starts on the day after the Saturday nearest
  // 0000-12-31, which is not a date; its second quarter is.
  EXPECT_FALSE(kNearestDecember.shape(1));
  EXPECT_FALSE(kNearestDecember.span(1, 1));
  ASSERT_TRUE(kNearestDecember.span(1, 2));
  EXPECT_EQ(weekday_of(kNearestDecember.span(1, 2)->last), Weekday::Saturday);
  // 9999-12-31 is a Friday: fiscal 9999 ends on Saturday 10000-01-01.
  EXPECT_EQ(weekday_of(day("9999-12-31")), Weekday::Friday);
  EXPECT_FALSE(kNearestDecember.shape(9999));
  EXPECT_FALSE(kNearestDecember.span(9999, 4));
  EXPECT_TRUE(kNearestDecember.span(9999, 3));
  EXPECT_EQ(kNearestDecember.fiscal_year_of(day("9999-12-31")), 9999);
  EXPECT_EQ(kNearestDecember.fiscal_year_of(day("0001-01-01")), 1);
  EXPECT_FALSE(kNearestDecember.shape(-2147483647 - 1));
  EXPECT_FALSE(kNearestDecember.shape(2147483647));
  EXPECT_FALSE(kNearestDecember.fiscal_year_of(Date::from_days(-800000)));
  EXPECT_FALSE(kNearestDecember.fiscal_year_of(Date::from_days(3000000)));
  EXPECT_FALSE(kNearestDecember.span(2024, 5));
  EXPECT_FALSE(kNearestDecember.month_span(2024, 1));
  EXPECT_FALSE(FiscalCalendar(kNearestDecember).quarter_containing(Date::from_days(-800000)));
}

TEST(FiscalYearRule, Weekdays) {
  EXPECT_EQ(weekday_of(day("1970-01-01")), Weekday::Thursday);
  EXPECT_EQ(weekday_of(day("2000-01-01")), Weekday::Saturday);
  EXPECT_EQ(weekday_of(day("0001-01-01")), Weekday::Monday);
  EXPECT_EQ(weekday_name(Weekday::Sunday), "Sunday");
}

}  // namespace
}  // namespace kessan
