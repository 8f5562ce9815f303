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
  EXPECT_EQ(span(cal.year_ago(*q)), "2001-04-01..2001-06-30");
  EXPECT_EQ(span(cal.prior_quarter(*q)), "2002-01-01..2002-03-31");
  EXPECT_EQ(cal.name(cal.prior_quarter(*q)), "4Q01");
  EXPECT_EQ(cal.prior_year_end(*q).to_string(), "2002-03-31");
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
  EXPECT_EQ(dec.prior_year_end(*dec.parse("Q2 2025")).to_string(), "2024-12-31");
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

TEST(FiscalCalendar, LongDates) {
  EXPECT_EQ(long_date(*Date::parse("2002-06-30")), "Jun 30, 2002");
}

}  // namespace
}  // namespace kessan
