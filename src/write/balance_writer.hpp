#pragma once
// Writers for the balance report: aligned text (a tree like ledger's, or a
// table with one column per period), CSV and JSON. They format; they
// compute nothing. With period columns (report.periodic) the text is a
// table (nothing when there is no period), the CSV header is
// "account,commodity,PERIOD..." (flat) or "account,depth,commodity,
// PERIOD..." (tree) with one row per account and commodity and "0" for an
// empty cell, and the JSON has "periods", rows with "columns" and
// "column_totals" (docs/cli.md).

#include <ostream>

#include "report/balance_report.hpp"

namespace kessan::write {

void write_balance_text(std::ostream& out, const Journal& journal, const report::BalanceReport& report);
// One row per account and commodity; amounts plain ("-1234.50"). Flat:
// header "account,amount,commodity", each account's own amount. Tree:
// header "account,depth,amount,commodity", the full account name and the
// row's level in the tree (1 for the top); a row's amount includes the
// rows of greater depth that follow it, so the total is the sum of the
// depth-1 rows.
void write_balance_csv(std::ostream& out, const Journal& journal, const report::BalanceReport& report);
void write_balance_json(std::ostream& out, const Journal& journal, const report::BalanceReport& report);

}  // namespace kessan::write
