#include "report/posting_totals.hpp"

#include <gtest/gtest.h>

#include "read/journal_reader.hpp"

namespace kessan {
namespace {

const char* kJournal =
    "2024-01-01 open\n  Assets:Bank  1000 EUR\n  Equity:Opening\n\n"
    "2024-02-10 sale\n  Assets:Bank  300 EUR\n  Income:Sales\n\n"
    "2024-03-05 refund\n  Income:Sales  50 EUR\n  Assets:Bank\n\n"
    "2024-03-31 memo\n  (Memo:Budget)  999 EUR\n\n"
    "2024-04-02 sale\n  Assets:Bank:Savings  20 EUR\n  Income:Sales\n";

Decimal eur(long long v) {
  return Decimal(v);
}

struct Fixture {
  read::ReadResult read = read::read_journal_text(kJournal, "t.journal");
  long id(const char* name) const { return read.journal->accounts.find(name); }
};

TEST(PostingTotals, FlowsOverASpanWithSubaccountsDebitsAndCredits) {
  Fixture f;
  ASSERT_TRUE(f.read.ok());
  report::PostingTotals t(*f.read.journal, "EUR");
  const auto& q1 = t.sums(Date::from_ymd(2024, 2, 1).value(), Date::from_ymd(2024, 3, 31).value(), false);
  auto bank = static_cast<std::size_t>(f.id("Assets:Bank"));
  auto sales = static_cast<std::size_t>(f.id("Income:Sales"));
  EXPECT_EQ(q1.own[bank], eur(250));
  EXPECT_EQ(q1.net[bank], eur(250));
  EXPECT_EQ(q1.debits[sales], eur(50));
  EXPECT_EQ(q1.credits[sales], eur(-300));
  EXPECT_EQ(q1.net[sales], eur(-250));
  // The unbalanced virtual posting does not count.
  long memo = f.id("Memo:Budget");
  ASSERT_GE(memo, 0);
  EXPECT_TRUE(q1.net[static_cast<std::size_t>(memo)].is_zero());
  // A balance runs from the start; a parent includes its subaccounts.
  const auto& april = t.sums(Date::from_ymd(2024, 4, 30).value(), Date::from_ymd(2024, 4, 30).value(), true);
  EXPECT_EQ(april.own[bank], eur(1250));
  EXPECT_EQ(april.net[bank], eur(1270));
  EXPECT_EQ(april.net[static_cast<std::size_t>(f.id("Assets"))], eur(1270));
  EXPECT_EQ(april.foreign[bank], report::PostingTotals::kNone);
}

TEST(PostingTotals, PostingsInAnotherCommodityAreNamedNotAdded) {
  auto r = read::read_journal_text(
      "2024-01-01 open\n  Assets:Bank  1000 EUR\n  Equity:Opening\n\n"
      "2024-01-02 dollars\n  Assets:Bank:USD  10 USD\n  Equity:Opening\n",
      "t.journal");
  ASSERT_TRUE(r.ok());
  report::PostingTotals t(*r.journal, "EUR");
  const auto& s = t.sums(Date::from_ymd(2024, 1, 31).value(), Date::from_ymd(2024, 1, 31).value(), true);
  auto bank = static_cast<std::size_t>(r.journal->accounts.find("Assets:Bank"));
  auto usd = static_cast<std::size_t>(r.journal->accounts.find("Assets:Bank:USD"));
  EXPECT_EQ(s.own_foreign[bank], report::PostingTotals::kNone);
  EXPECT_EQ(s.own_foreign[usd], 2u);  // the third posting, in file order
  EXPECT_EQ(s.foreign[bank], 2u);     // seen from the parent too
  EXPECT_EQ(s.net[bank], eur(1000));
}

TEST(PostingTotals, OverflowIsFlaggedPerAccountNeverWrapped) {
  // 36 digits is the most an amount may have; 200 of them overflow 128 bits.
  std::string big(36, '9'), text;
  for (int i = 0; i < 200; ++i)
    text += "2024-01-01 a\n  Assets:A  " + big + " EUR\n  Equity:E" + std::to_string(i) + "\n\n";
  text += "2024-01-03 c\n  Assets:B  5 EUR\n  Equity:F\n";
  auto r = read::read_journal_text(text, "t.journal");
  ASSERT_TRUE(r.ok());
  report::PostingTotals t(*r.journal, "EUR");
  const auto& s = t.sums(Date::from_ymd(2024, 1, 31).value(), Date::from_ymd(2024, 1, 31).value(), true);
  auto a = static_cast<std::size_t>(r.journal->accounts.find("Assets:A"));
  auto b = static_cast<std::size_t>(r.journal->accounts.find("Assets:B"));
  EXPECT_TRUE(s.own_overflow[a]);
  EXPECT_FALSE(s.own_overflow[b]);
  EXPECT_EQ(s.own[b], eur(5));
  EXPECT_TRUE(s.overflow[static_cast<std::size_t>(r.journal->accounts.find("Assets"))]);
}

TEST(PostingTotals, DebitsThatOverflowLeaveANetThatFits) {
  // +big and -big alternately, 200 of each: the net stays small, the debits do not.
  std::string big(36, '9'), text;
  for (int i = 0; i < 400; ++i)
    text += "2024-01-01 a\n  Assets:A  " + std::string(i % 2 ? "-" : "") + big + " EUR\n  Equity:E\n\n";
  auto r = read::read_journal_text(text, "t.journal");
  ASSERT_TRUE(r.ok());
  report::PostingTotals t(*r.journal, "EUR");
  const auto& s = t.sums(Date::from_ymd(2024, 1, 31).value(), Date::from_ymd(2024, 1, 31).value(), true);
  auto a = static_cast<std::size_t>(r.journal->accounts.find("Assets:A"));
  EXPECT_FALSE(s.own_overflow[a]);
  EXPECT_FALSE(s.overflow[a]);
  EXPECT_TRUE(s.own[a].is_zero());
  EXPECT_TRUE(s.split_overflow[a]);
  EXPECT_TRUE(s.split_overflow[static_cast<std::size_t>(r.journal->accounts.find("Assets"))]);
}

}  // namespace
}  // namespace kessan
