#pragma once
// The balance report: account totals over a date range, as plain data.
// Rows come in display order (accounts sorted by name, parents before
// children). The report decides which rows show and how names are shortened
// (tree mode folds a parent with a single child and no amount of its own
// into one row, "Assets:Bank"); writers only format.

#include <optional>
#include <string>
#include <vector>

#include "core/journal.hpp"

namespace kessan::report {

// An amount per commodity, sorted by commodity symbol; zeros omitted.
using MixedAmount = std::vector<std::pair<CommodityId, Decimal>>;

struct BalanceQuery {
  std::optional<Date> begin;  // inclusive
  std::optional<Date> end;    // exclusive
  int depth = 0;              // 0: unlimited
  bool flat = false;          // one row per account, exclusive amounts
  bool show_empty = false;    // also rows whose balance is zero
};

struct BalanceRow {
  AccountId account;
  std::string name;  // display name: full name (flat) or the tree label
  int indent = 0;    // tree level of the row (0 for flat)
  MixedAmount amount;
};

struct BalanceReport {
  bool flat = false;  // rows of own amounts; otherwise a tree of inclusive totals
  std::vector<BalanceRow> rows;
  MixedAmount total;
};

struct ReportError {
  std::string message;
};

// Computes the report. Fails only when a sum overflows.
std::optional<BalanceReport> balance_report(const Journal& journal, const BalanceQuery& query, ReportError* error);

}  // namespace kessan::report
