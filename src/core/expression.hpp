#pragma once
// Expression: a formula over a book's figures, as data. Formulas define
// non-GAAP measures, table lines and the figures of a release's narrative:
//
//   operations.operating-income + [Costs:Connectivity:Depreciation]
//   (total-revenues - total-costs) / total-revenues
//   debits[Assets:Property and equipment] - debits[Assets:Property and equipment:Accumulated depreciation]
//   total-revenues@year-ago
//
// The syntax is in docs/release-format.md; read/expression_parser.hpp reads
// it and report/figures.hpp evaluates it, exactly.

#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.hpp"
#include "core/source_ref.hpp"

namespace kessan {

enum class ExprOp {
  Number,    // a literal
  Name,      // a line ("layout.line" or "line"), measure, statistic or reclassification
  Account,   // postings of an account and its subaccounts
  Negate,    // -a
  Add,       // a + b
  Subtract,  // a - b
  Multiply,  // a * b
  Divide,    // a / b
  Abs,       // abs(a)
  AtPeriod,  // a@period: a, evaluated for another period
};

// What an account term sums.
enum class AccountMeasure {
  Net,      // [A]: the period's postings (debits positive, credits negative)
  Debits,   // debits[A]: the period's positive postings
  Credits,  // credits[A]: the period's negative postings (a negative sum)
  Balance,  // balance[A]: the balance at the end of the period
};

struct Expr {
  ExprOp op = ExprOp::Number;
  Decimal number;                                // Number
  std::string text;                              // Name, Account (the pattern) or AtPeriod (the period)
  AccountMeasure account = AccountMeasure::Net;  // Account
  std::vector<Expr> args;                        // operands, in order
  SourceRef where;                               // where the term starts
};

// Whether `id` can name a measure or statistic in formulas: a lower-case
// letter, then lower-case letters, digits and '-', not ending in '-'.
bool is_figure_id(std::string_view id);

// The expression written back in the syntax it was read from (for messages).
std::string to_string(const Expr& e);

}  // namespace kessan
