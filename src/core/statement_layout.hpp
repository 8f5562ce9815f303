#pragma once
// Statement layouts as data: which lines a statement has, which accounts
// feed each line, how lines add up, how signs are presented and which
// columns are shown. Layouts are read from TOML files of a book
// (read/book_reader.hpp) and documented in docs/book-format.md.

#include <cstdint>
#include <string>
#include <vector>

#include "core/rounding.hpp"
#include "core/source_ref.hpp"

namespace kessan {

enum class LineKind {
  Heading,    // a section title, no figures
  Accounts,   // the postings of matching accounts
  Sum,        // a sum of other lines (each term may be subtracted)
  PerShare,   // a line divided by the weighted average number of shares
  PerAds,     // a line divided by the weighted average number of ADS equivalents
  Shares,     // the weighted average number of shares
  AdsCount,   // the weighted average number of ADS equivalents
  CashFlow,   // cash-flow line fed by classification rules
  CashBegin,  // cash at the start of the period
  CashEnd,    // cash at the end of the period
};

// How a line's ledger balance is presented: debit (the balance as it is:
// assets, expenses) or credit (its negation: revenues, liabilities).
enum class Sign { Debit, Credit };

struct Term {
  int sign = 1; // +1 or -1
  std::string line;
};

struct LayoutLine {
  std::string id;
  std::string label;
  LineKind kind = LineKind::Accounts;
  std::vector<std::string> accounts; // account patterns (Accounts, net income)
  Sign sign = Sign::Debit;
  std::vector<Term> terms;           // Sum
  // A relation the line's value satisfies (cash at the end = cash at the
  // beginning + net change): checked exactly, and kept when footing.
  std::vector<Term> equals;
  std::string of;                    // PerShare / PerAds: the line divided
  int decimals = 0;                  // PerShare / PerAds
  RoundingMode rounding = RoundingMode::HalfUp;
  bool total = false;                // printed as a total row
  bool percent_sign = false;         // its percentages carry "%"
  bool hide_when_zero = false;
  int indent = 0;
  SourceRef where;
};

// A cash-flow rule: a posting to a non-cash account under `account`, in a
// transaction that also posts under `counter` (if given) and carries tag
// `tag` (if given), feeds `line` with minus its amount.
struct CashFlowRule {
  std::string account;
  std::string counter;
  std::string tag; // "name" or "name=value"
  std::string line;
  SourceRef where;
};

// A rule for postings to cash itself (e.g. remeasurement of foreign-currency
// cash): the amount goes to `line` and its negation to `offset_line`.
struct CashRule {
  std::string counter;
  std::string tag;
  std::string line;
  std::string offset_line;
  SourceRef where;
};

enum class PeriodRef { Current, YearAgo, PriorQuarter, PriorYearEnd };
enum class ColumnValue { Amount, Converted, Percent, Change };

struct LayoutColumn {
  ColumnValue value = ColumnValue::Amount;
  PeriodRef period = PeriodRef::Current;
  PeriodRef base = PeriodRef::YearAgo; // Change: compared against
  std::string group;                   // optional override of the upper header
  std::string header;                  // optional override of the lower header
  SourceRef where;
};

enum class StatementKind { Flow, Balance, CashFlow };

// How printed figures are made to add up (report/footing.hpp).
enum class Footing {
  None,   // every cell rounded from its exact value
  Lines,  // totals exact; lines adjusted so each sum foots
  Totals, // lines exact; totals are sums of the printed lines
};

struct StatementLayout {
  std::string id;
  std::string title;
  StatementKind kind = StatementKind::Flow;
  std::vector<std::string> scope;     // every account under these must be mapped
  std::string percent_of;             // base line for Percent columns
  std::string percent_header = "%";
  bool zero_as_dash = false;          // print "-" for zero amounts
  bool change_sign_flip_nm = false;   // "n/m" when a change's sign flips
  Footing footing = Footing::None;
  std::vector<LayoutColumn> columns;
  std::vector<LayoutLine> lines;
  // Cash flow statements.
  std::vector<std::string> cash;        // cash account patterns
  std::vector<std::string> net_income;  // income statement account patterns
  std::string net_income_line;          // the line they feed
  std::vector<CashFlowRule> rules;
  std::vector<CashRule> cash_rules;
  std::vector<std::string> notes;
  SourceRef where;
};

// Whether `account` is `pattern` or lies below it ("Assets" matches
// "Assets:Cash" but not "Assets2").
bool account_matches(std::string_view account, std::string_view pattern);

} // namespace kessan
