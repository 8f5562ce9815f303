#pragma once
// The balance report: account totals over a date range, as plain data,
// optionally in one column per month, quarter or year.
//
// Rows come in display order (accounts sorted by name, parents before
// children). The report decides which rows show and how names are shortened
// (tree mode folds a parent with a single child and no amount of its own
// into one row, "Assets:Bank"); writers only format.
//
// With an interval the columns are whole calendar periods (core/
// calendar_periods.hpp) covering [begin, end), where a missing begin or end
// is the journal's first transaction date or the day after its last (all
// transactions count for this, whatever the account filter selects, as in
// hledger); postings in those whole periods count, even before `begin` or
// after `end`. A row shows when any of its columns is non-zero (or with
// show_empty). Sums are exact; a sum that overflows fails the report.

#include <optional>
#include <string>
#include <vector>

#include "core/calendar_periods.hpp"
#include "core/journal.hpp"
#include "report/account_filter.hpp"

namespace kessan::report {

// An amount per commodity, sorted by commodity symbol; zeros omitted.
using MixedAmount = std::vector<std::pair<CommodityId, Decimal>>;

struct BalanceQuery {
  std::optional<Date> begin;  // inclusive
  std::optional<Date> end;    // exclusive
  // none: unlimited; 0: every account summed into one row named "..."
  std::optional<int> depth;
  bool flat = false;                      // one row per account, exclusive amounts
  bool show_empty = false;                // also rows whose balance is zero
  Interval interval = Interval::None;     // one column per period
  std::optional<AccountFilter> accounts;  // only postings to these accounts
};

struct BalanceRow {
  AccountId account;                 // AccountTree::kRoot for the "..." row of depth 0
  std::string name;                  // display name: full name (flat) or the tree label
  int indent = 0;                    // tree level of the row (0 for flat)
  MixedAmount amount;                // without an interval
  std::vector<MixedAmount> columns;  // with one: one per period
};

struct BalanceReport {
  bool flat = false;      // rows of own amounts; otherwise a tree of inclusive totals
  bool periodic = false;  // columns per period (which may be none)
  std::vector<CalendarPeriod> periods;
  std::vector<BalanceRow> rows;
  MixedAmount total;                       // without an interval
  std::vector<MixedAmount> column_totals;  // with one
};

struct ReportError {
  std::string message;
};

// Computes the report. Fails only when a sum overflows.
std::optional<BalanceReport> balance_report(const Journal& journal, const BalanceQuery& query, ReportError* error);

}  // namespace kessan::report
