#include "read/period_expression.hpp"

#include <gtest/gtest.h>

#include "core/calendar_periods.hpp"
#include "report/account_filter.hpp"

namespace kessan {
namespace {

std::string date(const std::optional<Date>& d) {
  return d ? d->to_string() : "-";
}

// "interval begin end", or "error: MESSAGE".
std::string parse(const std::string& text) {
  std::string error;
  auto e = read::parse_period_expression(text, &error);
  if (!e) return "error: " + error;
  const char* names[] = {"none", "month", "quarter", "year"};
  return std::string(names[static_cast<int>(e->interval)]) + " " + date(e->begin) + " " + date(e->end);
}

TEST(PeriodExpression, SinglePeriods) {
  EXPECT_EQ(parse("2008"), "none 2008-01-01 2009-01-01");
  EXPECT_EQ(parse("2008-02"), "none 2008-02-01 2008-03-01");
  EXPECT_EQ(parse("2008/12"), "none 2008-12-01 2009-01-01");
  EXPECT_EQ(parse("2008-1"), "none 2008-01-01 2008-02-01");
  EXPECT_EQ(parse("2008q1"), "none 2008-01-01 2008-04-01");
  EXPECT_EQ(parse("2008Q4"), "none 2008-10-01 2009-01-01");
  EXPECT_EQ(parse("2008-01-15"), "none 2008-01-15 2008-01-16");
  EXPECT_EQ(parse("2008.1.5"), "none 2008-01-05 2008-01-06");
  EXPECT_EQ(parse("2008-12-31"), "none 2008-12-31 2009-01-01");
}

TEST(PeriodExpression, Ranges) {
  EXPECT_EQ(parse("2008..2010"), "none 2008-01-01 2010-01-01");
  EXPECT_EQ(parse("2008-02 .. 2008q3"), "none 2008-02-01 2008-07-01");
  EXPECT_EQ(parse("2008-01-15.."), "none 2008-01-15 -");
  EXPECT_EQ(parse("..2008"), "none - 2008-01-01");
  EXPECT_EQ(parse("from 2008-02 to 2008-04"), "none 2008-02-01 2008-04-01");
  EXPECT_EQ(parse("FROM 2008-02"), "none 2008-02-01 -");
  EXPECT_EQ(parse("to 2008"), "none - 2008-01-01");
  EXPECT_EQ(parse("in 2008q2"), "none 2008-04-01 2008-07-01");
}

TEST(PeriodExpression, Intervals) {
  EXPECT_EQ(parse("monthly"), "month - -");
  EXPECT_EQ(parse("Quarterly in 2008"), "quarter 2008-01-01 2009-01-01");
  EXPECT_EQ(parse("yearly from 2008-03-01 to 2010"), "year 2008-03-01 2010-01-01");
  EXPECT_EQ(parse("monthly 2008-02..2008-04"), "month 2008-02-01 2008-04-01");
  EXPECT_EQ(parse("yearly 2008"), "year 2008-01-01 2009-01-01");
}

TEST(PeriodExpression, EndOfTheCalendar) {
  EXPECT_EQ(parse("9999"), "none 9999-01-01 10000-01-01");
  EXPECT_EQ(parse("9999q4"), "none 9999-10-01 10000-01-01");
  EXPECT_EQ(parse("9999-12"), "none 9999-12-01 10000-01-01");
  EXPECT_EQ(parse("9999-12-31"), "none 9999-12-31 10000-01-01");
}

TEST(PeriodExpression, Refused) {
  EXPECT_EQ(parse(""), "error: the period is empty");
  EXPECT_EQ(parse("weekly"), "error: 'weekly' is not understood");
  EXPECT_EQ(parse("every month"), "error: 'every' is not understood");
  EXPECT_EQ(parse("2008q5"), "error: '2008q5' is not understood");
  EXPECT_EQ(parse("08"), "error: '08' is not understood");
  EXPECT_EQ(parse("2008-13"), "error: '2008-13' is not a date between 0001-01-01 and 9999-12-31");
  EXPECT_EQ(parse("2007-02-29"), "error: '2007-02-29' is not a date between 0001-01-01 and 9999-12-31");
  EXPECT_EQ(parse("0000"), "error: '0000' is not a date between 0001-01-01 and 9999-12-31");
  EXPECT_EQ(parse("2008-01/02"), "error: '2008-01/02' is not understood");
  EXPECT_EQ(parse("from"), "error: a date is missing at the end");
  EXPECT_EQ(parse("from 2008 until 2009"), "error: 'until' is not understood");
  EXPECT_EQ(parse("2008 2009"), "error: '2009' is not understood");
  EXPECT_EQ(parse("monthly monthly"), "error: 'monthly' is not understood");
}

std::string periods(const char* begin, const char* end, Interval interval) {
  std::string out;
  for (const auto& p : calendar_periods(*Date::parse(begin), *Date::parse(end), interval))
    out += p.name + "[" + p.begin.to_string() + "," + p.end.to_string() + ") ";
  return out;
}

TEST(CalendarPeriods, WholePeriodsCoveringTheSpan) {
  EXPECT_EQ(periods("2008-01-20", "2008-03-02", Interval::Month),
            "2008-01[2008-01-01,2008-02-01) 2008-02[2008-02-01,2008-03-01) 2008-03[2008-03-01,2008-04-01) ");
  EXPECT_EQ(periods("2008-01-01", "2008-03-01", Interval::Month),
            "2008-01[2008-01-01,2008-02-01) 2008-02[2008-02-01,2008-03-01) ");
  EXPECT_EQ(periods("2008-02-15", "2008-07-01", Interval::Quarter),
            "2008Q1[2008-01-01,2008-04-01) 2008Q2[2008-04-01,2008-07-01) ");
  EXPECT_EQ(periods("2008-12-31", "2009-01-02", Interval::Year),
            "2008[2008-01-01,2009-01-01) 2009[2009-01-01,2010-01-01) ");
  EXPECT_EQ(periods("2008-03-01", "2008-03-01", Interval::Month), "");
  EXPECT_EQ(periods("2008-03-01", "2008-02-01", Interval::Year), "");
  EXPECT_EQ(periods("2008-03-01", "2009-02-01", Interval::None), "");
}

TEST(CalendarPeriods, FirstAndLastYears) {
  EXPECT_EQ(periods("0001-01-01", "0001-02-01", Interval::Quarter), "0001Q1[0001-01-01,0001-04-01) ");
  std::string last;
  for (const auto& p : calendar_periods(*Date::parse("9999-12-31"), day_after_last_date(), Interval::Year))
    last += p.name + " " + p.end.to_string();
  EXPECT_EQ(last, "9999 10000-01-01");
}

std::string selected(std::vector<std::string> args) {
  AccountTree tree;
  for (const char* name : {"Assets:Bank:Checking", "Assets:Cash", "Expenses:Food", "Income:Salary"}) tree.intern(name);
  std::string error;
  auto filter = report::AccountFilter::parse(args, &error);
  if (!filter) return "error: " + error;
  auto sel = filter->selection(tree);
  std::string out;
  for (AccountId a = 1; a < tree.size(); ++a)
    if (sel[a]) out += std::string(tree.full_name(a)) + " ";
  return out;
}

TEST(AccountFilter, RegexesOredAndExcluded) {
  EXPECT_EQ(selected({"BANK"}), "Assets:Bank Assets:Bank:Checking ");
  EXPECT_EQ(selected({"cash", "food"}), "Assets:Cash Expenses:Food ");
  EXPECT_EQ(selected({"^assets", "not:bank"}), "Assets Assets:Cash ");
  EXPECT_EQ(selected({"not:^assets", "not:acct:income"}), "Expenses Expenses:Food ");
  EXPECT_EQ(selected({"acct:s:c"}), "Assets:Cash ");
  EXPECT_EQ(selected({"ing$"}), "Assets:Bank:Checking ");
  EXPECT_EQ(selected({}),
            "Assets Assets:Bank Assets:Bank:Checking Assets:Cash Expenses Expenses:Food Income "
            "Income:Salary ");
}

TEST(AccountFilter, Refused) {
  EXPECT_EQ(selected({"a["}).substr(0, 35), "error: invalid regular expression '");
  EXPECT_EQ(selected({"not:amt:>5"}),
            "error: 'not:amt:>5': amt: queries are not supported (only account patterns: REGEX, acct:REGEX, "
            "not:REGEX)");
}

TEST(AccountFilter, LongNamesAreMatchedInOnePass) {
  AccountTree tree;
  std::string name = "Assets:" + std::string(1'000'000, 'x') + ":Bank";
  tree.intern(name);
  std::string error;
  auto filter = report::AccountFilter::parse({"x+:bank$", "not:^y"}, &error);
  ASSERT_TRUE(filter);
  EXPECT_EQ(filter->selection(tree)[static_cast<std::size_t>(tree.find(name))], 1);
}

}  // namespace
}  // namespace kessan
