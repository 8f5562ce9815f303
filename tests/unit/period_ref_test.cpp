// Period references (core/period_ref.hpp) resolved on a 52/53-week calendar:
// a retailer whose years end on the Saturday nearest January 31, named by
// the year they start in, quarters of 13 weeks and a 14-week fourth quarter
// in fiscal 2023 (January 29, 2023 to February 3, 2024). The expected dates
// were computed independently (Python's datetime: the nearest Saturday, then
// 13-week steps).

#include "core/period_ref.hpp"

#include <gtest/gtest.h>

namespace kessan {
namespace {

const FiscalCalendar kCalendar(FiscalYearRule::week_years(FiscalYearRule::YearEnd::NearestWeekday, Weekday::Saturday, 1,
                                                          FiscalYearName::ByStart),
                               "Q{q} {yyyy}");

Period named(const char* name) {
  auto p = kCalendar.parse(name);
  EXPECT_TRUE(p) << name;
  return p ? *p : Period{};
}

// The span `ref` names when `base` is reported: "first..last", or "" when
// it resolves to nothing; "error: …" when it does not parse.
std::string resolved(const char* ref, const char* base) {
  PeriodRefError why;
  auto r = parse_period_ref(ref, kCalendar, &why);
  if (!r) return "error: " + why.message;
  auto p = resolve(*r, named(base), kCalendar);
  if (!p) return "";
  return p->first.to_string() + ".." + p->last.to_string();
}

TEST(PeriodRef, ShiftsMoveByFiscalQuartersAcrossA53WeekYear) {
  EXPECT_EQ(resolved("current", "Q1 2024"), "2024-02-04..2024-05-04");
  EXPECT_EQ(resolved("year-ago", "Q1 2024"), "2023-01-29..2023-04-29");
  EXPECT_EQ(resolved("4-quarters-ago", "Q1 2024"), "2023-01-29..2023-04-29");
  // The prior quarter of Q1 2024 is the 14-week fourth quarter of fiscal 2023.
  EXPECT_EQ(resolved("prior-quarter", "Q1 2024"), "2023-10-29..2024-02-03");
  EXPECT_EQ(kCalendar.weeks(named("Q4 2023")), 14);
  // A year before a 13-week fourth quarter is the 14-week one.
  EXPECT_EQ(resolved("year-ago", "Q4 2024"), "2023-10-29..2024-02-03");
  EXPECT_EQ(resolved("next-quarter", "Q4 2023"), "2024-02-04..2024-05-04");
  EXPECT_EQ(resolved("2-quarters-ahead", "Q3 2024"), "2025-02-02..2025-05-03");
  EXPECT_EQ(resolved("7-quarters-ago", "Q4 2025"), "2024-02-04..2024-05-04");
  EXPECT_EQ(resolved("2-years-ago.quarter", "Q2 2025"), "2023-04-30..2023-07-29");
}

TEST(PeriodRef, YearToDateTrailingAndOtherShapes) {
  EXPECT_EQ(resolved("ytd", "Q2 2025"), "2025-02-02..2025-08-02");
  EXPECT_EQ(resolved("year-to-date", "Q2 2025"), "2025-02-02..2025-08-02");
  EXPECT_EQ(resolved("ytd.year-ago", "Q2 2025"), "2024-02-04..2024-08-03");
  EXPECT_EQ(resolved("year-ago.ytd", "Q2 2025"), "2024-02-04..2024-08-03");
  // The year to date at a 53-week fourth quarter is the whole 53 weeks.
  EXPECT_EQ(resolved("ytd", "Q4 2023"), "2023-01-29..2024-02-03");
  EXPECT_EQ(kCalendar.weeks(named("FY2023")), 53);
  EXPECT_EQ(resolved("fiscal-year", "Q2 2025"), "2025-02-02..2026-01-31");
  EXPECT_EQ(resolved("prior-fiscal-year", "Q2 2025"), "2024-02-04..2025-02-01");
  // Four quarters ending with the reported one, across a fiscal year end
  // and through the 14-week quarter: 53 weeks.
  EXPECT_EQ(resolved("ttm", "Q1 2024"), "2023-04-30..2024-05-04");
  EXPECT_EQ(resolved("trailing-four-quarters.year-ago", "Q1 2025"), "2023-04-30..2024-05-04");
  EXPECT_EQ(resolved("half", "Q2 2025"), "2025-02-02..2025-08-02");
  EXPECT_EQ(resolved("nine-months", "Q3 2024"), "2024-02-04..2024-11-02");
  EXPECT_EQ(resolved("quarter", "Q1 2025..Q2 2025"), "2025-05-04..2025-08-02");
  // Without a shape a span keeps its length: the 26 weeks a quarter earlier.
  EXPECT_EQ(resolved("prior-quarter", "Q1 2025..Q2 2025"), "2024-11-03..2025-05-03");
  EXPECT_EQ(resolved("end", "Q2 2025"), "2025-08-02..2025-08-02");
  EXPECT_EQ(resolved("prior-year-end", "Q2 2025"), "2025-02-01..2025-02-01");
  EXPECT_EQ(resolved("year-ago.end", "Q2 2025"), "2024-08-03..2024-08-03");
}

TEST(PeriodRef, NamesMakeAReferenceAbsolute) {
  EXPECT_EQ(resolved("Q1 2024", "Q2 2025"), "2024-02-04..2024-05-04");
  EXPECT_EQ(resolved("Q2 2024.ytd", "Q2 2025"), "2024-02-04..2024-08-03");
  EXPECT_EQ(resolved("FY2023.year-ago", "Q2 2025"), "2022-01-30..2023-01-28");
  EXPECT_EQ(resolved("Q1 2024..Q2 2024", "Q4 2025"), "2024-02-04..2024-08-03");
}

TEST(PeriodRef, ErrorsNameTheWord) {
  EXPECT_EQ(resolved("yesteryear", "Q2 2025"), "error: unknown period 'yesteryear'");
  EXPECT_EQ(resolved("ytd.ttm", "Q2 2025"), "error: 'ytd.ttm' has two shapes (ttm)");
  EXPECT_EQ(resolved("year-ago.Q1 2024", "Q2 2025"),
            "error: the period name 'Q1 2024' must come first in 'year-ago.Q1 2024'");
  EXPECT_EQ(resolved("", "Q2 2025"), "error: a period is missing");
  EXPECT_EQ(resolved("0-quarters-ago", "Q2 2025"), "error: unknown period '0-quarters-ago'");
}

TEST(PeriodRef, NothingOutsideTheYearsOfDates) {
  const FiscalCalendar december(12, FiscalYearName::ByEnd, "Q{q} {yyyy}");
  PeriodRefError why;
  auto ago = parse_period_ref("year-ago", december, &why);
  ASSERT_TRUE(ago);
  auto first = december.parse("Q2 0001");
  ASSERT_TRUE(first);
  EXPECT_FALSE(resolve(*ago, *first, december));
  auto ahead = parse_period_ref("4-quarters-ahead", december, &why);
  ASSERT_TRUE(ahead);
  EXPECT_FALSE(resolve(*ahead, *december.parse("Q1 9999"), december));
  EXPECT_TRUE(resolve(*ahead, *december.parse("Q1 9998"), december));
}

}  // namespace
}  // namespace kessan
