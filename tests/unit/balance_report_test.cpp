#include "report/balance_report.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "read/journal_reader.hpp"
#include "write/balance_writer.hpp"

namespace kessan {
namespace {

std::string bal(const std::string& text, report::BalanceQuery q, bool csv = false) {
  auto r = read::read_journal_text(text, "t.journal");
  EXPECT_TRUE(r.ok());
  if (!r.ok()) return "";
  report::ReportError e;
  auto rep = report::balance_report(*r.journal, q, &e);
  EXPECT_TRUE(rep);
  std::ostringstream out;
  if (csv)
    write::write_balance_csv(out, *r.journal, *rep);
  else
    write::write_balance_text(out, *r.journal, *rep);
  return out.str();
}

const char* kBooks =
    "2024-01-01 open\n  Assets:Bank:Checking  1,000.00 USD\n  Assets:Bank  50.00 USD\n  Equity:Opening\n\n"
    "2024-02-01 lunch\n  Expenses:Food  $ 12\n  Assets:Cash\n";

TEST(BalanceReport, TreeFoldsSingleChildren) {
  EXPECT_EQ(bal(kBooks, {}),
            "               $ -12\n"
            "        1,050.00 USD  Assets\n"
            "        1,050.00 USD    Bank\n"
            "        1,000.00 USD      Checking\n"
            "               $ -12    Cash\n"
            "       -1,050.00 USD  Equity:Opening\n"
            "                $ 12  Expenses:Food\n"
            "--------------------\n"
            "                   0\n");
}

TEST(BalanceReport, FlatCsvIsExclusiveAndUnformatted) {
  report::BalanceQuery q;
  q.flat = true;
  EXPECT_EQ(bal(kBooks, q, true),
            "account,amount,commodity\n"
            "Assets:Bank,50.00,USD\n"
            "Assets:Bank:Checking,1000.00,USD\n"
            "Assets:Cash,-12,$\n"
            "Equity:Opening,-1050.00,USD\n"
            "Expenses:Food,12,$\n");
}

TEST(BalanceReport, TreeCsvGivesFullNamesAndDepths) {
  EXPECT_EQ(bal(kBooks, {}, true),
            "account,depth,amount,commodity\n"
            "Assets,1,-12,$\n"
            "Assets,1,1050.00,USD\n"
            "Assets:Bank,2,1050.00,USD\n"
            "Assets:Bank:Checking,3,1000.00,USD\n"
            "Assets:Cash,2,-12,$\n"
            "Equity:Opening,1,-1050.00,USD\n"
            "Expenses:Food,1,12,$\n");
}

TEST(BalanceReport, FoldedLabelsOfADeepChain) {
  std::string name = "A";
  for (int i = 1; i < 999; ++i) name += ":L" + std::to_string(i);
  auto r = read::read_journal_text("2024-01-01 x\n  " + name + "  1 X\n  " + name + ":Leaf  1 X\n  B\n", "t.journal");
  ASSERT_TRUE(r.ok());
  report::ReportError e;
  auto rep = report::balance_report(*r.journal, {}, &e);
  ASSERT_TRUE(rep);
  ASSERT_EQ(rep->rows.size(), 3u);
  EXPECT_EQ(rep->rows[0].name, name);
  EXPECT_EQ(rep->rows[1].name, "Leaf");
  EXPECT_EQ(rep->rows[1].indent, 1);
  EXPECT_EQ(r.journal->accounts.full_name(r.journal->accounts.parent(rep->rows[0].account)),
            name.substr(0, name.rfind(':')));
}

TEST(BalanceReport, DateRangeAndDepth) {
  report::BalanceQuery q;
  q.flat = true;
  q.depth = 1;
  q.begin = Date::parse("2024-01-15");
  EXPECT_EQ(bal(kBooks, q, true), "account,amount,commodity\nAssets,-12,$\nExpenses,12,$\n");
  q.begin.reset();
  q.end = Date::parse("2024-02-01");
  EXPECT_EQ(bal(kBooks, q, true), "account,amount,commodity\nAssets,1050.00,USD\nEquity,-1050.00,USD\n");
}

TEST(BalanceReport, EmptyFlagShowsZeroBalances) {
  const char* text = "2024-01-01 a\n  A  5 X\n  B\n\n2024-01-02 b\n  A  -5 X\n  B\n";
  report::BalanceQuery q;
  q.flat = true;
  EXPECT_EQ(bal(text, q, true), "account,amount,commodity\n");
  q.show_empty = true;
  EXPECT_EQ(bal(text, q, true), "account,amount,commodity\nA,0,\nB,0,\n");
}

}  // namespace
}  // namespace kessan
