// Layouts that take their lines from another layout (lines_from) and layouts
// shown only for periods at a fiscal year end (shown_for).

#include <gtest/gtest.h>

#include "read/layout_reader.hpp"

namespace kessan::read {
namespace {

const char* kQuarter = R"(id = "operations"
title = "INCOME STATEMENT"
kind = "flow"
scope = ["Revenues"]
columns = [{ value = "amount", period = "current" }]
[[line]]
id = "sales"
label = "Sales"
accounts = ["Revenues"]
sign = "credit"
)";

const char* kYear = R"(id = "operations-year"
title = "INCOME STATEMENT"
kind = "flow"
lines_from = "operations"
shown_for = "year-end"
columns = [
  { value = "amount", period = "fiscal-year" },
  { value = "amount", period = "year-ago.fiscal-year" },
]
)";

StatementLayout parsed(const std::string& text) {
  StatementLayout l;
  std::vector<Diagnostic> errors;
  EXPECT_TRUE(parse_layout(text, "l.toml", &l, &errors)) << (errors.empty() ? "" : errors[0].message);
  return l;
}

std::vector<std::string> messages(const std::vector<Diagnostic>& errors) {
  std::vector<std::string> out;
  for (const Diagnostic& d : errors)
    out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.message);
  return out;
}

TEST(LinesFrom, CopiesTheLinesAndScopeIntoTheLayoutsOwnColumns) {
  StatementLayout quarter = parsed(kQuarter), year = parsed(kYear);
  EXPECT_TRUE(year.lines.empty());
  std::vector<Diagnostic> errors;
  copy_lines_from({&quarter, &year}, &errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(year.lines.size(), 1u);
  EXPECT_EQ(year.lines[0].id, "sales");
  EXPECT_EQ(year.lines[0].sign, Sign::Credit);
  EXPECT_EQ(year.scope, std::vector<std::string>{"Revenues"});
  ASSERT_EQ(year.columns.size(), 2u);
  EXPECT_EQ(year.columns[1].period.text, "year-ago.fiscal-year");
  EXPECT_EQ(year.id, "operations-year");
}

TEST(LinesFrom, AnUnknownLayoutIsAnErrorAtTheValueNamingTheLayouts) {
  StatementLayout quarter = parsed(kQuarter);
  std::string text = kYear;
  text.replace(text.find("\"operations\""), 12, "\"operation\"");
  StatementLayout year = parsed(text);
  std::vector<Diagnostic> errors;
  copy_lines_from({&quarter, &year}, &errors);
  EXPECT_EQ(messages(errors), std::vector<std::string>{"4:14 lines_from names an unknown layout 'operation'"});
  EXPECT_EQ(errors.at(0).expected, "the id of another statement or table of the book: operations");
  EXPECT_TRUE(year.lines.empty());
}

TEST(LinesFrom, ALayoutOfAnotherKindOrTakingItsOwnLinesFromAThirdIsAnError) {
  StatementLayout quarter = parsed(kQuarter), year = parsed(kYear);
  std::string balance = kYear;
  balance.replace(balance.find("\"flow\""), 6, "\"balance\"");
  balance.replace(balance.find("operations-year"), 15, "balance");
  StatementLayout sheet = parsed(balance);
  std::string chained = kYear;
  chained.replace(chained.find("\"operations\""), 12, "\"operations-year\"");
  chained.replace(chained.find("operations-year"), 15, "again");
  StatementLayout again = parsed(chained);
  std::vector<Diagnostic> errors;
  copy_lines_from({&quarter, &year, &sheet, &again}, &errors);
  EXPECT_EQ(messages(errors),
            (std::vector<std::string>{"4:14 layout 'operations' is a flow layout, but 'balance' is a balance layout",
                                      "4:14 layout 'operations-year' takes its own lines from 'operations'"}));
}

TEST(LinesFrom, LinesOrRulesBesideItAreErrors) {
  StatementLayout l;
  std::vector<Diagnostic> errors;
  std::string text =
      std::string(kYear) + "scope = [\"Revenues\"]\n[[line]]\nlabel = \"x\"\naccounts = [\"Revenues\"]\n";
  EXPECT_FALSE(parse_layout(text, "l.toml", &l, &errors));
  EXPECT_EQ(messages(errors),
            (std::vector<std::string>{"11:1 'line' comes from the layout named by lines_from ('operations')",
                                      "10:9 'scope' comes from the layout named by lines_from ('operations')"}));
}

TEST(ShownFor, YearEndLayoutsAreShownForPeriodsEndingWithAFourthQuarter) {
  StatementLayout quarter = parsed(kQuarter), year = parsed(kYear);
  EXPECT_EQ(year.shown_for, ShownFor::YearEnd);
  FiscalCalendar cal(12, FiscalYearName::ByEnd, "Q{q} {yyyy}");
  for (const char* name : {"Q1 2025", "Q2 2025", "Q3 2025"}) {
    EXPECT_FALSE(shown_for(year, *cal.parse(name))) << name;
    EXPECT_TRUE(shown_for(quarter, *cal.parse(name))) << name;
  }
  for (const char* name : {"Q4 2025", "FY2025"}) {
    EXPECT_TRUE(shown_for(year, *cal.parse(name))) << name;
    EXPECT_TRUE(shown_for(quarter, *cal.parse(name))) << name;
  }
}

TEST(ShownFor, AnUnknownValueIsAnErrorNamingTheValues) {
  std::string text = kYear;
  text.replace(text.find("\"year-end\""), 10, "\"yearly\"");
  StatementLayout l;
  std::vector<Diagnostic> errors;
  EXPECT_FALSE(parse_layout(text, "l.toml", &l, &errors));
  EXPECT_EQ(messages(errors), std::vector<std::string>{"5:13 unknown shown_for 'yearly'"});
}

}  // namespace
}  // namespace kessan::read
