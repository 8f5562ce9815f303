#pragma once
// Statement and table layouts as data: which lines a statement or a
// release table has, which accounts, statistics or formulas feed each line,
// how lines add up, how signs are presented and which columns are shown.
// Layouts are read from TOML files of a book (read/layout_reader.hpp) and
// documented in docs/book-format.md (statements) and docs/release-format.md
// (tables).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/decimal.hpp"
#include "core/expression.hpp"
#include "core/period_ref.hpp"
#include "core/presentation.hpp"
#include "core/rounding.hpp"
#include "core/source_ref.hpp"

namespace kessan {

enum class LineKind {
  Heading,    // a section title, no figures
  Accounts,   // the postings of matching accounts
  Sum,        // a sum of other lines (each term may be subtracted)
  PerShare,   // a line divided by the weighted average number of shares (basic or diluted)
  PerAds,     // a line divided by the weighted average number of ADS equivalents (basic or diluted)
  Shares,     // the weighted average number of shares (basic or diluted)
  AdsCount,   // the weighted average number of ADS equivalents (basic or diluted)
  CashFlow,   // cash-flow line fed by classification rules
  CashBegin,  // cash at the start of the period
  CashEnd,    // cash at the end of the period
  Statistic,  // an operating statistic (tables only)
  Formula,    // a formula over lines, measures, accounts and statistics (tables only)
};

// How a pure number (a ratio) is shown in a table.
enum class LineFormat { Number, Percent };

// How a `change` column shows a ratio line's change: in percentage points
// (the default), in basis points, or as a percent change of the ratio.
enum class RatioChange { Points, BasisPoints, Percent };

// How a line's ledger balance is presented: debit (the balance as it is:
// assets, expenses) or credit (its negation: revenues, liabilities).
enum class Sign { Debit, Credit };

struct Term {
  int sign = 1;  // +1 or -1
  std::string line;
};

struct LayoutLine {
  std::string id;
  std::string label;
  LineKind kind = LineKind::Accounts;
  std::vector<std::string> accounts;  // account patterns (Accounts, net income)
  Sign sign = Sign::Debit;
  std::vector<Term> terms;  // Sum
  // A relation the line's value satisfies (cash at the end = cash at the
  // beginning + net change): checked exactly, and kept when footing.
  std::vector<Term> equals;
  std::string of;                     // PerShare / PerAds: the line divided
  bool diluted = false;               // PerShare / PerAds / Shares / AdsCount: the diluted count (else basic)
  // Shown in this unit: a share count (1000: thousands), or in a table a
  // line whose money is not in the table's unit (earnings per share in a
  // table in thousands: unit = 1).
  std::optional<Decimal> unit;
  int decimals = 0;                   // PerShare / PerAds; tables: digits shown
  bool decimals_set = false;          // `decimals` was written (else the layout's)
  std::string statistic;              // Statistic: its id
  std::optional<Expr> formula;        // Formula
  LineFormat format = LineFormat::Number;
  RatioChange ratio_change = RatioChange::Points;
  bool skip_missing = false;  // Sum: terms without data are left out (else the sum is n/a)
  RoundingMode rounding = RoundingMode::HalfUp;
  bool total = false;         // printed as a total row
  bool percent_sign = false;  // its percentages carry "%"
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
  std::string tag;  // "name" or "name=value"
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

// What a column shows of a line in its period.
enum class ColumnValue {
  Amount,       // the line's value
  Converted,    // a money value in the convenience currency
  Percent,      // the value as a percentage of the layout's percent_of line
  Change,       // the change against `base`, in percent (ratios: as the line's `change` says)
  Difference,   // the value less the value in `base`
  Points,       // a ratio's change against `base` in percentage points
  BasisPoints,  // a ratio's change against `base` in basis points
};

// A column kind's name in layouts ("basis-points"), and the kind a name
// names (empty when none does); column_value_names() lists them for messages.
const char* column_value_name(ColumnValue v);
std::optional<ColumnValue> column_value_named(std::string_view name);
const char* column_value_names();

// Whether a column compares its period with a base period.
inline bool compares(ColumnValue v) {
  return v == ColumnValue::Change || v == ColumnValue::Difference || v == ColumnValue::Points ||
         v == ColumnValue::BasisPoints;
}

struct LayoutColumn {
  ColumnValue value = ColumnValue::Amount;
  PeriodRef period = PeriodRef::current();
  PeriodRef base = PeriodRef::year_ago();  // compared against (Change, Difference, Points, BasisPoints)
  std::optional<int> decimals;             // digits shown, overriding the line's
  std::string group;                       // optional override of the upper header
  std::string header;                      // optional override of the lower header
  SourceRef where;
};

enum class StatementKind {
  Flow,      // a statement of flows over each period (operations)
  Balance,   // balances at each period's end
  CashFlow,  // an indirect-method cash flow statement
  Table,     // a release table: statistics, formulas, accounts over each period
};

// The periods a layout is presented for when nothing names it: every
// period, or only periods that end with a fiscal year's fourth quarter (the
// fourth quarter, the year to date at it, the fiscal year). A release
// template that places a layout shows it for any period. Quarters: only
// when a single quarter is reported (a quarterly statement left out of a
// fiscal year's report).
enum class ShownFor { EveryPeriod, YearEnd, Quarters };

// How printed figures are made to add up (report/footing.hpp).
enum class Footing {
  None,    // every cell rounded from its exact value
  Lines,   // totals exact; lines adjusted so each sum foots
  Totals,  // lines exact; totals are sums of the printed lines
};

struct StatementLayout {
  std::string id;
  std::string title;
  StatementKind kind = StatementKind::Flow;
  std::vector<std::string> scope;  // every account under these must be mapped
  std::string percent_of;          // base line for Percent columns
  std::string percent_header = "%";
  PresentationSettings presentation;  // overrides of the book's [presentation]
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
  // `lines_from`: the id of the layout whose lines (and scope, and for cash
  // flows their rules) this one shows in its own columns; read/book_reader
  // copies them once every layout is read.
  std::string lines_from;
  SourceRef lines_from_where;
  ShownFor shown_for = ShownFor::EveryPeriod;
  // Tables.
  std::vector<std::string> subtitle;  // lines under the title ("(JPY in millions)")
  std::string stub_header;            // header of the label column
  std::optional<Decimal> unit;        // money is shown in this unit (default: the book's)
  int decimals = 0;                   // digits shown, unless a line says otherwise
  SourceRef where;
};

// Whether `layout` is presented for `period` when nothing names it.
inline bool shown_for(const StatementLayout& layout, const Period& period) {
  switch (layout.shown_for) {
    case ShownFor::EveryPeriod:
      return true;
    case ShownFor::YearEnd:
      return period.quarter == 4;
    case ShownFor::Quarters:
      return period.is_quarter();
  }
  return true;
}

// Whether `account` is `pattern` or lies below it ("Assets" matches
// "Assets:Cash" but not "Assets2").
bool account_matches(std::string_view account, std::string_view pattern);

}  // namespace kessan
