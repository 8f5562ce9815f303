#pragma once
// Writers for the balance report: aligned text (a tree like ledger's), CSV
// and JSON. They format; they compute nothing.

#include <ostream>

#include "report/balance_report.hpp"

namespace kessan::write {

void write_balance_text(std::ostream& out, const Journal& journal, const report::BalanceReport& report);
// Header "account,amount,commodity"; one row per account and commodity;
// amounts plain ("-1234.50").
void write_balance_csv(std::ostream& out, const Journal& journal, const report::BalanceReport& report);
void write_balance_json(std::ostream& out, const Journal& journal, const report::BalanceReport& report);

}  // namespace kessan::write
