#include "core/fiscal_calendar.hpp"

#include <gtest/gtest.h>

namespace kessan {
namespace {

std::string span(const Period& p) {
  return p.first.to_string() + ".." + p.last.to_string();
}

TEST(FiscalCalendar, MarchYearEndNamedByStart) {
  FiscalCalendar cal(3, FiscalCalendar::YearName::ByStart);
  auto q = cal.parse("1Q02");
  ASSERT_TRUE(q);
  EXPECT_EQ(span(*q), "2002-04-01..2002-06-30");
  EXPECT_EQ(span(*cal.year_ago(*q)), "2001-04-01..2001-06-30");
  EXPECT_EQ(span(*cal.prior_quarter(*q)), "2002-01-01..2002-03-31");
  EXPECT_EQ(cal.name(*cal.prior_quarter(*q)), "4Q01");
  EXPECT_EQ(cal.prior_year_end(*q)->to_string(), "2002-03-31");
  EXPECT_EQ(span(*cal.parse("FY2002")), "2002-04-01..2003-03-31");
  EXPECT_EQ(span(*cal.parse("3Q02")), "2002-10-01..2002-12-31");
}

TEST(FiscalCalendar, MarchYearEndNamedByEnd) {
  FiscalCalendar cal(3, FiscalCalendar::YearName::ByEnd);
  EXPECT_EQ(span(*cal.parse("1Q03")), "2002-04-01..2002-06-30");
  EXPECT_EQ(span(*cal.parse("FY2003")), "2002-04-01..2003-03-31");
}

TEST(FiscalCalendar, DecemberAndOddYearEnds) {
  FiscalCalendar dec(12, FiscalCalendar::YearName::ByEnd, "Q{q} {yyyy}");
  EXPECT_EQ(span(*dec.parse("Q4 2024")), "2024-10-01..2024-12-31");
  EXPECT_EQ(dec.name(*dec.parse("Q1 2025")), "Q1 2025");
  EXPECT_EQ(dec.prior_year_end(*dec.parse("Q2 2025"))->to_string(), "2024-12-31");
  FiscalCalendar june(6, FiscalCalendar::YearName::ByEnd);
  EXPECT_EQ(span(*june.parse("1Q24")), "2023-07-01..2023-09-30");
  EXPECT_EQ(span(*june.parse("3Q24")), "2024-01-01..2024-03-31");
  FiscalCalendar feb(2, FiscalCalendar::YearName::ByStart);
  EXPECT_EQ(span(*feb.parse("4Q23")), "2023-12-01..2024-02-29");
}

TEST(FiscalCalendar, RejectsWhatIsNotAPeriod) {
  FiscalCalendar cal(3, FiscalCalendar::YearName::ByStart);
  EXPECT_FALSE(cal.parse("5Q02"));
  EXPECT_FALSE(cal.parse("1Q2002"));
  EXPECT_FALSE(cal.parse("Q102"));
  EXPECT_FALSE(cal.parse(""));
  EXPECT_FALSE(cal.parse("FY02"));
}

TEST(FiscalCalendar, PeriodsStayWithinTheYearsOfDates) {
  FiscalCalendar june(6, FiscalCalendar::YearName::ByStart, "{q}Q{yyyy}");
  // Fiscal 9999 runs from July 9999 to June 10000: its second half does not exist.
  EXPECT_EQ(span(*june.parse("2Q9999")), "9999-10-01..9999-12-31");
  EXPECT_FALSE(june.parse("3Q9999"));
  EXPECT_FALSE(june.parse("FY9999"));
  ASSERT_TRUE(june.parse_name("3Q9999"));
  EXPECT_EQ(june.parse_name("3Q9999")->quarter, 3);
  // 2Q0001 exists, but its year-ago period (fiscal 0) does not.
  auto early = june.parse("2Q0001");
  ASSERT_TRUE(early);
  EXPECT_EQ(june.name(*early), "2Q0001");
  EXPECT_FALSE(june.year_ago(*early));
  EXPECT_FALSE(june.prior_year_end(*early));
  EXPECT_TRUE(june.prior_quarter(*early));
  EXPECT_FALSE(june.comparisons(*early));
  EXPECT_EQ(june.missing_comparison(*early),
            "its year-ago period (fiscal year 0) falls outside the years 0001 to 9999");
  // 4Q0000 (April to June 0001) and 3Q0000 lie within the years although
  // their fiscal year does not; 2Q0000 (October to December 0000) does not.
  ASSERT_TRUE(june.prior_quarter(*june.parse("1Q0001")));
  EXPECT_EQ(span(*june.prior_quarter(*june.parse("1Q0001"))), "0001-04-01..0001-06-30");
  ASSERT_TRUE(june.period(0, 3));
  EXPECT_FALSE(june.prior_quarter(*june.period(0, 3)));
  EXPECT_FALSE(june.period(-2147483647 - 1, 1));
  EXPECT_FALSE(june.period(2147483647, 0));
  FiscalCalendar dec(12, FiscalCalendar::YearName::ByEnd);
  auto first = dec.parse("FY0001");
  ASSERT_TRUE(first);
  EXPECT_EQ(dec.name(*first), "FY0001");
  EXPECT_FALSE(dec.year_ago(*first));
  EXPECT_TRUE(dec.parse("FY9999"));
  EXPECT_FALSE(dec.quarter_containing(Date::from_days(-800000)));
}

TEST(FiscalCalendar, LongDates) {
  EXPECT_EQ(long_date(*Date::parse("2002-06-30")), "Jun 30, 2002");
}

}  // namespace
}  // namespace kessan
