#include "core/date.hpp"

#include <gtest/gtest.h>

namespace kessan {
namespace {

TEST(Date, RoundTripsEveryDayOfFourCenturies) {
  auto d = *Date::from_ymd(1900, 1, 1);
  auto end = *Date::from_ymd(2300, 12, 31);
  int count = 0;
  for (Date x = d; x <= end; x = Date::from_days(x.days() + 1), ++count) {
    auto [y, m, dd] = x.ymd();
    ASSERT_EQ(*Date::from_ymd(y, m, dd), x);
  }
  EXPECT_EQ(count, 401 * 365 + 97);  // leap years 1904..2296, less 2100 and 2200
}

TEST(Date, KnowsTheEpochAndLeapYears) {
  EXPECT_EQ(Date::from_ymd(1970, 1, 1)->days(), 0);
  EXPECT_EQ(Date::from_ymd(2000, 3, 1)->days() - Date::from_ymd(2000, 2, 28)->days(), 2);
  EXPECT_FALSE(Date::from_ymd(2001, 2, 29));
  EXPECT_TRUE(Date::from_ymd(2004, 2, 29));
  EXPECT_FALSE(Date::from_ymd(1900, 2, 29));
  EXPECT_TRUE(Date::from_ymd(2000, 2, 29));
  EXPECT_FALSE(Date::from_ymd(2002, 13, 1));
  EXPECT_FALSE(Date::from_ymd(2002, 4, 31));
}

TEST(Date, ParsesThreeSeparators) {
  EXPECT_EQ(Date::parse("2002-06-30")->to_string(), "2002-06-30");
  EXPECT_EQ(Date::parse("2002/06/30")->to_string(), "2002-06-30");
  EXPECT_EQ(Date::parse("2002.06.30")->to_string(), "2002-06-30");
  EXPECT_FALSE(Date::parse("2002-06/30"));
  EXPECT_FALSE(Date::parse("2002-6-30"));
  EXPECT_FALSE(Date::parse("2002-02-30"));
}

TEST(Date, FindsMonthEnds) {
  EXPECT_EQ(Date::parse("2002-04-15")->end_of_month_plus(0)->to_string(), "2002-04-30");
  EXPECT_EQ(Date::parse("2002-04-15")->end_of_month_plus(2)->to_string(), "2002-06-30");
  EXPECT_EQ(Date::parse("2002-01-31")->end_of_month_plus(1)->to_string(), "2002-02-28");
  EXPECT_EQ(Date::parse("2002-03-31")->end_of_month_plus(-3)->to_string(), "2001-12-31");
}

TEST(Date, MonthEndsOutsideTheYearsOfDatesDoNotExist) {
  EXPECT_EQ(Date::parse("9999-11-15")->end_of_month_plus(1)->to_string(), "9999-12-31");
  EXPECT_FALSE(Date::parse("9999-11-15")->end_of_month_plus(2));
  EXPECT_EQ(Date::parse("0001-02-15")->end_of_month_plus(-1)->to_string(), "0001-01-31");
  EXPECT_FALSE(Date::parse("0001-02-15")->end_of_month_plus(-2));
  EXPECT_FALSE(Date::parse("2002-01-01")->end_of_month_plus(2147483647));
  EXPECT_FALSE(Date::parse("2002-01-01")->end_of_month_plus(-2147483647 - 1));
  EXPECT_FALSE(Date::from_ymd(0, 12, 31));
  EXPECT_FALSE(Date::from_ymd(10000, 1, 1));
}

}  // namespace
}  // namespace kessan
