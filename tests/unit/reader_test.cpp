// The journal reader: every construct of the shared ledger/hledger syntax.
// (Every error message has a golden case in tests/golden/cases.)

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <map>

#include "core/source_file.hpp"
#include "read/amount_syntax.hpp"
#include "read/journal_reader.hpp"

namespace kessan::read {
namespace {

std::unique_ptr<Journal> read_ok(const std::string& text, unsigned threads = 1) {
  ReadOptions o;
  o.threads = threads;
  ReadResult r = read_journal_text(text, "test.journal", o);
  for (const auto& e : r.errors) ADD_FAILURE() << render(e);
  return std::move(r.journal);
}

std::vector<Diagnostic> read_errors(const std::string& text) {
  ReadResult r = read_journal_text(text, "test.journal");
  EXPECT_FALSE(r.ok());
  return r.errors;
}

// account -> "quantity symbol" for every posting, in order.
std::vector<std::string> postings(const Journal& j) {
  std::vector<std::string> out;
  for (std::size_t p = 0; p < j.posting_count(); ++p)
    out.push_back(std::string(j.accounts.full_name(j.post_account[p])) + " " + j.quantity(p).to_string() + " " +
                  j.commodities[j.post_commodity[p]].symbol);
  return out;
}

TEST(Reader, ReadsATransactionWithEveryHeaderPart) {
  auto j = read_ok(
      "2024/03/31 * (INV-7) Acme Corp | March fees ; memo\n"
      "    Assets:Accounts receivable    1,000.00 USD\n"
      "    Revenues:Fees\n");
  ASSERT_TRUE(j);
  ASSERT_EQ(j->transaction_count(), 1u);
  EXPECT_EQ(j->tx_date[0].to_string(), "2024-03-31");
  EXPECT_EQ(j->tx_status[0], Status::Cleared);
  EXPECT_EQ(j->tx_code[0], "INV-7");
  EXPECT_EQ(j->tx_description[0], "Acme Corp | March fees");
  EXPECT_EQ(postings(*j),
            (std::vector<std::string>{"Assets:Accounts receivable 1000.00 USD", "Revenues:Fees -1000.00 USD"}));
  EXPECT_EQ(j->post_inferred[1], 1);
  EXPECT_EQ(j->commodities[j->post_commodity[0]].style.thousands_mark, ',');
  EXPECT_EQ(j->commodities[j->post_commodity[0]].style.precision, 2);
}

TEST(Reader, AcceptsThreeDateForms) {
  auto j = read_ok("2024-01-02 a\n  A  1 X\n  B\n\n2024/01/03 b\n  A  1 X\n  B\n\n2024.01.04 c\n  A  1 X\n  B\n");
  ASSERT_TRUE(j);
  EXPECT_EQ(j->tx_date[0].to_string(), "2024-01-02");
  EXPECT_EQ(j->tx_date[1].to_string(), "2024-01-03");
  EXPECT_EQ(j->tx_date[2].to_string(), "2024-01-04");
}

TEST(Reader, PendingStatusAndSecondaryDate) {
  auto j = read_ok("2024-01-02=2024-01-05 ! pending\n  A  1 X\n  B\n");
  ASSERT_TRUE(j);
  EXPECT_EQ(j->tx_status[0], Status::Pending);
  EXPECT_EQ(j->tx_date[0].to_string(), "2024-01-02");
}

TEST(Reader, AccountNamesMayHoldSingleSpacesAndTabsSeparate) {
  auto j = read_ok("2024-01-02 x\n    Assets:Petty cash box\t5 EUR\n    Equity:Opening balances  -5 EUR\n");
  ASSERT_TRUE(j);
  EXPECT_EQ(postings(*j), (std::vector<std::string>{"Assets:Petty cash box 5 EUR", "Equity:Opening balances -5 EUR"}));
}

TEST(Reader, VirtualPostings) {
  auto j = read_ok("2024-01-02 x\n  A  10 X\n  B\n  (Budget:Food)  -10 X\n  [Savings]  5 X\n  [Checking]\n");
  ASSERT_TRUE(j);
  EXPECT_EQ(j->post_kind[2], PostingKind::VirtualUnbalanced);
  EXPECT_EQ(j->post_kind[3], PostingKind::VirtualBalanced);
  EXPECT_EQ(postings(*j)[4], "Checking -5 X");
}

TEST(Reader, InfersOneRowPerCommodity) {
  auto j = read_ok("2024-01-02 x\n  A  10 X\n  B  3 Y\n  C\n");
  ASSERT_TRUE(j);
  EXPECT_EQ(postings(*j), (std::vector<std::string>{"A 10 X", "B 3 Y", "C -10 X", "C -3 Y"}));
}

TEST(Reader, UnitAndTotalCosts) {
  auto j = read_ok(
      "2024-01-02 buy\n  Assets:Shares  10 ACME @ $12.50\n  Assets:Cash\n\n"
      "2024-01-03 buy\n  Assets:Shares  -4 ACME @@ $60\n  Assets:Cash  $60\n");
  ASSERT_TRUE(j);
  EXPECT_EQ(postings(*j)[1], "Assets:Cash -125.00 $");
  ASSERT_EQ(j->costs.size(), 2u);
  EXPECT_EQ(j->costs[0].total.to_string(), "125.00");
  EXPECT_EQ(j->costs[1].total.to_string(), "-60");
}

TEST(Reader, CostBalancesAtDisplayPrecision) {
  // 3 x 3.333 = 9.999; the cash side has two decimals and matches once rounded.
  EXPECT_TRUE(read_ok("2024-01-02 x\n  A  3 ACME @ $3.333\n  B  $-9.999\n"));
  EXPECT_EQ(read_errors("2024-01-02 x\n  A  3 ACME @ $3.333\n  B  $-9.98\n")[0].message,
            "transaction does not balance");
}

TEST(Reader, ImplicitConversionBetweenTwoCommodities) {
  auto j = read_ok("2024-01-02 fx\n  Assets:EUR  100 EUR\n  Assets:USD  -110 USD\n");
  ASSERT_TRUE(j);
  EXPECT_EQ(j->posting_count(), 2u);
}

TEST(Reader, BalanceAssertionsInDateOrder) {
  auto j = read_ok("2024-01-05 b\n  Bank  5 X = 15 X\n  Eq\n\n2024-01-01 a\n  Bank  10 X = 10 X\n  Eq\n");
  ASSERT_TRUE(j);
  EXPECT_EQ(j->assertions.size(), 2u);
  auto e = read_errors("2024-01-01 a\n  Bank  10 X = 11 X\n  Eq\n");
  EXPECT_EQ(e[0].message, "balance assertion failed: Bank is 10 X, asserted 11 X (off by 1 X)");
  EXPECT_EQ(e[0].line, 2u);
  EXPECT_EQ(e[0].column, 14u);
}

TEST(Reader, SoleAndInclusiveAssertions) {
  EXPECT_TRUE(read_ok("2024-01-01 a\n  Bank:A  10 X\n  Bank:B  5 X\n  Bank  1 X =* 16 X\n  Eq\n"));
  EXPECT_TRUE(read_ok("2024-01-01 a\n  Bank  10 X == 10 X\n  Eq\n"));
  auto e = read_errors("2024-01-01 a\n  Bank  3 Y\n  Bank  10 X == 10 X\n  Eq\n");
  EXPECT_EQ(e[0].message, "balance assertion (==) failed: Bank also holds 3 Y");
}

TEST(Reader, CommentsAndBlocksAreSkipped) {
  auto j = read_ok(
      "; a comment\n# another\n% and\n* org heading\ncomment\n2024-01-01 not read\n  A  1 X\nend comment\n"
      "2024-01-02 read  ; note\n  ; transaction comment\n  A  1 X  ; posting comment\n  # hash comment\n  B\n");
  ASSERT_TRUE(j);
  EXPECT_EQ(j->transaction_count(), 1u);
}

TEST(Reader, TagsOnTransactionsAndPostings) {
  auto j = read_ok("2024-01-02 x ; project: alpha, :urgent:reviewed:\n  A  1 X  ; cf: capex\n  ; note: more\n  B\n");
  ASSERT_TRUE(j);
  std::vector<std::string> got;
  for (const Tag& t : j->tags)
    got.push_back((t.posting == Tag::kNoPosting ? std::string("tx ") : "p" + std::to_string(t.posting) + " ") +
                  std::string(t.name) + "=" + std::string(t.value));
  EXPECT_EQ(
      got, (std::vector<std::string>{"tx project=alpha", "tx urgent=", "tx reviewed=", "p0 cf=capex", "p0 note=more"}));
}

TEST(Reader, Directives) {
  auto j = read_ok(
      "account Assets:Cash  ; type: A\n  note petty cash\n"
      "commodity $1,000.00\ncommodity EUR\n  format 1.000,00 EUR\n"
      "P 2024-01-01 EUR $1.10\nP 2024-01-01 12:00:00 \"ACME 1\" 5 EUR\n"
      "payee Acme\ntag project\n"
      "alias cash=Assets:Cash\n"
      "Y 2023\n03/15 x\n  cash  $1\n  Equity\n");
  ASSERT_TRUE(j);
  EXPECT_EQ(j->account_declarations.size(), 1u);
  EXPECT_EQ(j->account_declarations[0].tags[0].first, "type");
  EXPECT_EQ(j->account_declarations[0].tags[0].second, "A");
  EXPECT_EQ(j->prices.size(), 2u);
  EXPECT_EQ(j->tx_date[0].to_string(), "2023-03-15");
  EXPECT_EQ(postings(*j)[0], "Assets:Cash 1 $");
  auto usd = static_cast<CommodityId>(j->commodities.find("$"));
  EXPECT_EQ(j->commodities[usd].style.precision, 2);
  EXPECT_TRUE(j->commodities[usd].style.precision_fixed);
  auto eur = static_cast<CommodityId>(j->commodities.find("EUR"));
  EXPECT_EQ(j->commodities[eur].style.decimal_mark, ',');
}

TEST(Reader, YearDirectiveAndEndAliases) {
  auto j =
      read_ok("year 2022\nalias a=Assets\n01/31 x\n  a:Bank  1 X\n  b\nend aliases\n02/01 y\n  a:Bank  1 X\n  b\n");
  ASSERT_TRUE(j);
  EXPECT_EQ(postings(*j)[0], "Assets:Bank 1 X");
  EXPECT_EQ(postings(*j)[2], "a:Bank 1 X");
}

TEST(Reader, DecimalMarkDirective) {
  auto j = read_ok("decimal-mark ,\n2024-01-01 x\n  A  1.234,5 EUR\n  B\n");
  ASSERT_TRUE(j);
  EXPECT_EQ(postings(*j)[0], "A 1234.5 EUR");
}

TEST(Reader, ForgivesCarriageReturnsAndAMissingFinalNewline) {
  auto j = read_ok("2024-01-01 x\r\n  A  1 X\r\n  B");
  ASSERT_TRUE(j);
  EXPECT_EQ(j->posting_count(), 2u);
}

TEST(Reader, CollectsEveryErrorNotJustTheFirst) {
  auto e = read_errors("2024-13-01 bad date\n  A  1 X\n  B\n\n2024-01-01 ok\n  A  1 X\n  B  2 X\n\nfoo\n");
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0].line, 1u);
  EXPECT_EQ(e[1].line, 5u);
  EXPECT_EQ(e[2].line, 9u);
}

TEST(Reader, StopsAtMaxErrors) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "nonsense\n";
  ReadOptions o;
  o.max_errors = 7;
  EXPECT_EQ(read_journal_text(text, "x", o).errors.size(), 7u);
}

TEST(Reader, ExactSumBeyond64Bits) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "2024-01-01 x\n  Assets:Big  900000000000000000 JPY\n  Equity:Source\n";
  auto j = read_ok(text);
  ASSERT_TRUE(j);
  Int128 sum = 0;
  for (std::size_t p = 0; p < j->posting_count(); ++p)
    if (j->accounts.full_name(j->post_account[p]) == "Assets:Big") sum += j->post_quantity[p];
  EXPECT_EQ(int128_digits(sum), "36000000000000000000");
}

TEST(Reader, ParallelParseMatchesSequential) {
  // Large enough to split into chunks; directives between chunks must carry over.
  std::string text = "alias cash=Assets:Cash\nY 2021\n";
  for (int i = 0; i < 120000; ++i) {
    text += "03/" + std::to_string(1 + i % 28) + " * payee " + std::to_string(i) + "\n";
    text += "    cash    " + std::to_string(i % 997) + ".25 USD\n    Revenues:Sales\n\n";
    if (i == 60000) text += "alias cash=Assets:Bank\n";
  }
  auto one = read_ok(text, 1);
  auto many = read_ok(text, 4);
  ASSERT_TRUE(one && many);
  ASSERT_EQ(one->posting_count(), many->posting_count());
  EXPECT_EQ(postings(*one), postings(*many));
  for (std::size_t t = 0; t < one->transaction_count(); ++t) {
    ASSERT_EQ(one->tx_where[t].line, many->tx_where[t].line);
    ASSERT_EQ(one->tx_date[t], many->tx_date[t]);
  }
  EXPECT_GE(many->accounts.find("Assets:Bank"), 0);
}

// A file of `bytes` bytes of transactions in the test's scratch directory.
std::string write_file(const std::string& name, std::size_t bytes) {
  std::string path = ::testing::TempDir() + name;
  std::ofstream out(path, std::ios::binary);
  const std::string tx = "2024-01-01 t\n    Expenses:A  1 USD\n    Assets:Cash\n";
  for (std::size_t n = 0; n < bytes; n += tx.size()) out << tx;
  return path;
}

TEST(SourceFile, ATruncatedMappedFileReadsAsZerosAndIsReported) {
  // Large enough to be mapped: once truncated, its pages past the new end
  // would raise SIGBUS when touched.
  std::string path = write_file("kessan_truncated.journal", 4 * SourceFile::kMapAtLeast);
  SourceFile f;
  std::string error;
  ASSERT_TRUE(f.open(path, &error)) << error;
  ASSERT_EQ(truncate(path.c_str(), 100), 0);
  std::string_view bytes = f.bytes();
  std::size_t zeros = 0;
  for (std::size_t i = 4096; i < bytes.size(); i += 4096) zeros += bytes[i] == '\0';
  EXPECT_GT(zeros, 0u);
  EXPECT_EQ(f.check_unchanged(), "the file was truncated while it was read");
  unlink(path.c_str());
}

TEST(SourceFile, AnUnchangedFileIsTrusted) {
  for (std::size_t size : {std::size_t{100}, 2 * SourceFile::kMapAtLeast}) {
    std::string path = write_file("kessan_unchanged.journal", size);
    SourceFile f;
    std::string error;
    ASSERT_TRUE(f.open(path, &error)) << error;
    EXPECT_EQ(f.bytes().substr(0, 12), "2024-01-01 t");
    EXPECT_EQ(f.check_unchanged(), "");
    unlink(path.c_str());
  }
}

TEST(SourceFile, ChangesWhileReadingAreNamed) {
  FileStamp opened{1000, 50, 7};
  EXPECT_EQ(change_while_reading(opened, opened, 1000), "");
  EXPECT_EQ(change_while_reading(opened, opened, 999), "the file was truncated while it was read");
  EXPECT_EQ(change_while_reading(opened, FileStamp{10, 51, 0}, 1000), "the file was truncated while it was read");
  EXPECT_EQ(change_while_reading(opened, opened, 1001), "the file grew while it was read");
  EXPECT_EQ(change_while_reading(opened, FileStamp{2000, 51, 0}, 1000), "the file grew while it was read");
  EXPECT_EQ(change_while_reading(opened, FileStamp{1000, 50, 8}, 1000), "the file was changed while it was read");
}

TEST(SourceFile, OnlyRegularFilesAreRead) {
  EXPECT_EQ(refusal_for_mode(S_IFREG), "");
  EXPECT_EQ(refusal_for_mode(S_IFDIR), "is a directory");
  EXPECT_EQ(refusal_for_mode(S_IFCHR), "is a character device, not a regular file");
  EXPECT_EQ(refusal_for_mode(S_IFIFO), "is a FIFO (named pipe), not a regular file");
  EXPECT_EQ(refusal_for_mode(S_IFSOCK), "is a socket, not a regular file");
  SourceFile f;
  std::string error;
  EXPECT_FALSE(f.open("/dev/zero", &error));
  EXPECT_EQ(error, "is a character device, not a regular file");
}

TEST(Reader, ExactCostsUpToThirtyDecimals) {
  auto d = [](const char* s) { return *Decimal::parse(s); };
  int decimals = 0;
  auto c = exact_cost(d("1.000000000000000000000000000000"), d("2.000000000000000000000000000000"), &decimals);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->to_string(), "2");
  c = exact_cost(d("0.5"), d("0.000000000000000000000000000002"), &decimals);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->to_string(), "0.000000000000000000000000000001");
  EXPECT_FALSE(exact_cost(d("0.000000000000000000000000000001"), d("0.000000000000000000000000000001"), &decimals));
  EXPECT_EQ(decimals, 60);
  EXPECT_FALSE(exact_cost(d("1.5"), d("0.000000000000000000000000000001"), &decimals));
  EXPECT_EQ(decimals, 31);
  EXPECT_FALSE(
      exact_cost(d("99999999999999999999999999999999999"), d("99999999999999999999999999999999999"), &decimals));
  EXPECT_EQ(decimals, 0);
}

TEST(Reader, BeancountKeywordsStartLedgerDescriptions) {
  auto j = read_ok("2024-05-01 open house\n    Expenses:Party  30 USD\n    Assets:Cash\n");
  ASSERT_TRUE(j);
  EXPECT_EQ(j->tx_description[0], "open house");
  auto errors = read_errors("2014-01-01 open Assets:US:BofA:Checking USD\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].column, 12u);
  EXPECT_EQ(errors[0].message, "'open' looks like a beancount directive, which kessan does not read");
}

}  // namespace
}  // namespace kessan::read
