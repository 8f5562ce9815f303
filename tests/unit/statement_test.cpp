// Statements from a small book held in memory: mapping, periods, signs,
// comparison columns, footing, cash-flow articulation and book errors.

#include "report/statement.hpp"

#include <gtest/gtest.h>

#include "read/book_reader.hpp"
#include "report/footing.hpp"

namespace kessan {
namespace {

const char* kSettings = R"(journals = ["main.journal"]
[company]
name = "Kita Foods"
currency = "EUR"
unit = 1000
[calendar]
fiscal_year_end_month = 12
fiscal_year_named_by = "end"
)";

const char* kJournal = R"(2023-12-31 * Opening
    Assets:Cash          1000000 EUR
    Equity:Capital      -1000000 EUR

2024-02-10 * Sale
    Assets:Cash           500400 EUR
    Revenues:Sales       -500400 EUR

2024-03-15 * Rent
    Expenses:Rent         120000 EUR
    Assets:Cash

2025-02-10 * Sale
    Assets:Receivables    600000 EUR
    Revenues:Sales

2025-03-20 * Equipment
    Assets:Equipment      200000 EUR
    Assets:Cash

2025-03-31 * Depreciation
    Expenses:Depreciation  10000 EUR
    Assets:Equipment
)";

const char* kOperations = R"(id = "operations"
title = "INCOME STATEMENT"
kind = "flow"
scope = ["Revenues", "Expenses"]
percent_of = "revenues"
columns = [
  { value = "amount", period = "current" },
  { value = "percent", period = "current" },
  { value = "amount", period = "year-ago" },
  { value = "change", period = "current", base = "year-ago" },
]
[[line]]
id = "revenues"
label = "Revenues"
accounts = ["Revenues"]
sign = "credit"
[[line]]
id = "expenses"
label = "Expenses"
accounts = ["Expenses"]
[[line]]
id = "net"
label = "Net income"
sum = ["revenues", "-expenses"]
total = true
percent_sign = true
)";

struct Fixture {
  BookSettings settings;
  std::unique_ptr<Journal> journal;
  StatementLayout layout;
  std::vector<Diagnostic> errors;

  Fixture(const char* layout_text, const char* journal_text = kJournal) {
    EXPECT_TRUE(read::parse_book_settings(kSettings, "book.toml", &settings, &errors));
    EXPECT_TRUE(read::parse_layout(layout_text, "layout.toml", &layout, &errors));
    auto r = read::read_journal_text(journal_text, "main.journal");
    EXPECT_TRUE(r.ok());
    journal = std::move(r.journal);
  }
  std::optional<report::Table> build(const char* period) {
    return report::build_statement({*journal, settings, layout, *settings.calendar.parse(period)}, &errors);
  }
};

std::string shown(const report::Cell& c) {
  switch (c.kind) {
    case report::CellKind::NotAvailable:
      return "n/a";
    case report::CellKind::NotMeaningful:
      return "n/m";
    case report::CellKind::Empty:
      return "";
    default:
      return c.rounded() ? c.rounded()->to_string() : "?";
  }
}

TEST(Statement, ComputesLinesSignsPercentsAndChanges) {
  Fixture f(kOperations);
  auto t = f.build("1Q25");
  ASSERT_TRUE(t) << (f.errors.empty() ? "" : render(f.errors[0]));
  ASSERT_EQ(t->rows.size(), 3u);
  // Revenues 600,000 vs 500,400 (+19.9%); expenses 10,000 vs 120,000.
  EXPECT_EQ(shown(t->rows[0].cells[0]), "600");
  EXPECT_EQ(shown(t->rows[0].cells[1]), "100.0");
  EXPECT_EQ(shown(t->rows[0].cells[2]), "500");
  EXPECT_EQ(shown(t->rows[0].cells[3]), "19.9");
  EXPECT_EQ(shown(t->rows[2].cells[0]), "590");
  EXPECT_EQ(shown(t->rows[2].cells[2]), "380");
  EXPECT_EQ(shown(t->rows[2].cells[3]), "55.1");
  EXPECT_TRUE(t->rows[2].cells[1].percent_sign);
  EXPECT_EQ(t->rows[2].kind, report::RowKind::Total);
  EXPECT_EQ(t->title[2], "For the Three Months Ended Mar 31, 2025 and Mar 31, 2024");
}

TEST(Statement, UnmappedAndDoublyMappedAccountsAreErrors) {
  std::string layout = kOperations;
  layout.replace(layout.find("accounts = [\"Expenses\"]"), 23, "accounts = [\"Expenses:Rent\"]");
  Fixture f(layout.c_str());
  EXPECT_FALSE(f.build("1Q25"));
  ASSERT_FALSE(f.errors.empty());
  EXPECT_EQ(f.errors[0].message, "account 'Expenses:Depreciation' is not mapped to any line of operations");
  std::string twice = kOperations;
  twice.replace(twice.find("accounts = [\"Expenses\"]"), 23, "accounts = [\"Expenses\", \"Revenues:Sales\"]");
  Fixture g(twice.c_str());
  EXPECT_FALSE(g.build("1Q25"));
  ASSERT_FALSE(g.errors.empty());
  EXPECT_EQ(g.errors[0].message,
            "account 'Revenues:Sales' is mapped twice in operations: to 'Revenues' and to 'Expenses'");
  EXPECT_EQ(g.errors[0].file, "layout.toml");
  EXPECT_GT(g.errors[0].line, 0u);
}

TEST(Statement, PeriodOutsideTheData) {
  Fixture f(kOperations);
  EXPECT_FALSE(f.build("3Q25"));
  ASSERT_FALSE(f.errors.empty());
  EXPECT_NE(f.errors[0].message.find("is outside the book's data"), std::string::npos);
}

TEST(Statement, UnknownLineInASum) {
  std::string layout = kOperations;
  layout.replace(layout.find("\"-expenses\""), 11, "\"-costs\"");
  Fixture f(layout.c_str());
  EXPECT_FALSE(f.build("1Q25"));
  ASSERT_FALSE(f.errors.empty());
  EXPECT_EQ(f.errors[0].message, "a sum names an unknown line 'costs'");
}

const char* kCashFlow = R"(id = "cash-flows"
title = "CASH FLOWS"
kind = "cash-flow"
empty = "-"
cash = ["Assets:Cash"]
net_income = ["Revenues", "Expenses"]
net_income_line = "net"
columns = [{ value = "amount", period = "current" }, { value = "amount", period = "year-ago" }]
[[line]]
id = "net"
label = "Net income"
flow = true
[[line]]
id = "depreciation"
label = "Depreciation"
flow = true
[[line]]
id = "receivables"
label = "Increase in receivables"
flow = true
[[line]]
id = "capex"
label = "Purchase of equipment"
flow = true
[[line]]
id = "change"
label = "Net change in cash"
sum = ["net", "depreciation", "receivables", "capex"]
[[line]]
id = "begin"
label = "Cash, beginning"
cash = "beginning"
[[line]]
id = "end"
label = "Cash, end"
cash = "end"
[[rule]]
account = "Assets:Equipment"
counter = "Expenses:Depreciation"
line = "depreciation"
[[rule]]
account = "Assets:Equipment"
line = "capex"
[[rule]]
account = "Assets:Receivables"
line = "receivables"
)";

TEST(Statement, CashFlowArticulates) {
  Fixture f(kCashFlow);
  auto t = f.build("1Q25");
  ASSERT_TRUE(t) << (f.errors.empty() ? "" : render(f.errors[0]));
  std::vector<std::string> got;
  for (const auto& row : t->rows) got.push_back(row.label + " " + shown(row.cells[0]) + " " + shown(row.cells[1]));
  EXPECT_EQ(got, (std::vector<std::string>{"Net income 590 380", "Depreciation 10 0", "Increase in receivables -600 0",
                                           "Purchase of equipment -200 0", "Net change in cash -200 380",
                                           "Cash, beginning 1380 1000", "Cash, end 1180 1380"}));
  EXPECT_TRUE(t->rows[1].cells[1].zero_text);
  EXPECT_EQ(t->style.zero, "-");
}

TEST(Statement, CashFlowThatDoesNotArticulateListsThePostings) {
  std::string layout = kCashFlow;
  layout.erase(layout.find("[[rule]]\naccount = \"Assets:Receivables\""));
  Fixture f(layout.c_str());
  EXPECT_FALSE(f.build("1Q25"));
  ASSERT_FALSE(f.errors.empty());
  EXPECT_EQ(
      f.errors[0].message,
      "the cash flow statement for 1Q25 does not articulate: postings totalling -600000 EUR match no cash-flow rule");
  ASSERT_EQ(f.errors[0].notes.size(), 1u);
  EXPECT_EQ(f.errors[0].notes[0], "main.journal:14: 2025-02-10 Assets:Receivables 600000 EUR");
}

TEST(BookSettings, MalformedSettingsAreErrorsWithLines) {
  BookSettings s;
  std::vector<Diagnostic> e;
  EXPECT_FALSE(
      read::parse_book_settings("journals = [\"a\"]\n[company]\nname = \"X\"\ncurrency = \"EUR\"\n"
                                "[convenience]\ncurrency = \"USD\"\nrate = 1.25\ndate = 2024-01-01\n",
                                "book.toml", &s, &e));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].message, "'rate' is a floating-point number, which is not exact");
  EXPECT_EQ(e[0].line, 7u);
  e.clear();
  EXPECT_FALSE(read::parse_book_settings(
      "journals = [\"a\"]\nstatement = []\n[company]\nname = \"X\"\ncurrency = \"E\"\n", "book.toml", &s, &e));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].message, "unknown key 'statement' in book.toml");
  EXPECT_EQ(e[0].line, 2u);
  e.clear();
  EXPECT_FALSE(read::parse_book_settings("journals = [\n", "book.toml", &s, &e));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].message.rfind("malformed TOML", 0), 0u);
  e.clear();
  EXPECT_FALSE(read::parse_book_settings(
      "journals = [\"a\"]\n[company]\nname = \"X\"\ncurrency = \"E\"\n[calendar]\nfiscal_year_end_month = 13\n",
      "book.toml", &s, &e));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].message, "fiscal_year_end_month must be 1 to 12");
}

// Footing: three lines of 1/3 each print 33.3 but must foot to 100.0.
TEST(Footing, LinesMoveWhereItCostsLeast) {
  StatementLayout layout;
  layout.footing = Footing::Lines;
  layout.columns.push_back({});
  for (const char* id : {"a", "b", "c"}) {
    LayoutLine l;
    l.id = id;
    l.kind = LineKind::Accounts;
    layout.lines.push_back(l);
  }
  LayoutLine total;
  total.id = "t";
  total.kind = LineKind::Sum;
  total.terms = {{1, "a"}, {1, "b"}, {1, "c"}};
  layout.lines.push_back(total);
  report::Table t;
  auto pct = [](long num) {
    report::Cell c;
    c.kind = report::CellKind::Percent;
    c.numerator = Decimal(num);
    c.denominator = Decimal(100);
    c.decimals = 1;
    return c;
  };
  // 33.33, 33.34 (closest to rounding up) and 33.33 print 33.3 each; their
  // total, 100.00, prints 100.0.
  for (auto [id, num] :
       std::vector<std::pair<std::string, long>>{{"a", 3333}, {"b", 3334}, {"c", 3333}, {"t", 10000}}) {
    report::Row r;
    r.id = id;
    r.cells.push_back(pct(num));
    t.rows.push_back(r);
  }
  report::foot_table(layout, &t);
  EXPECT_EQ(t.rows[0].cells[0].rounded()->to_string(), "33.3");
  EXPECT_EQ(t.rows[1].cells[0].rounded()->to_string(), "33.4");
  EXPECT_EQ(t.rows[2].cells[0].rounded()->to_string(), "33.3");
  EXPECT_EQ(t.rows[3].cells[0].rounded()->to_string(), "100.0");
  // The exact values are kept.
  EXPECT_EQ(t.rows[1].cells[0].exact(2)->to_string(), "33.34");
  layout.footing = Footing::Totals;
  for (auto& r : t.rows) r.cells[0].presented.reset();
  report::foot_table(layout, &t);
  EXPECT_EQ(t.rows[3].cells[0].rounded()->to_string(), "99.9");
}

}  // namespace
}  // namespace kessan
