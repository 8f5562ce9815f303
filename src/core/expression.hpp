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

// A formula's tree. Trees can be deep (a sum of 20,000 terms is a chain
// of 20,000 Add nodes), so copying and destroying one works with an
// explicit stack, never by recursion.
struct Expr {
  Expr() = default;
  Expr(const Expr& other);
  Expr(Expr&& other) noexcept = default;
  Expr& operator=(const Expr& other);
  Expr& operator=(Expr&& other) noexcept = default;
  ~Expr();

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

// Whether `op` takes two operands (+ - * /).
bool is_binary(ExprOp op);

// The expression written back in the syntax it was read from (for messages).
// Contract: for any tree read by read::parse_expression, the text written
// reads back (with parse_expression) as the same tree: the same operators,
// numbers, names, accounts and periods, in the same places (only the
// positions differ). Parentheses are written where precedence needs them
// and nowhere else; a period that is not a plain word is quoted. Time is
// linear in the size of the tree; the recursion is only as deep as the
// formula's nesting (read::kMaxFormulaNesting), not as long as its chains.
std::string to_string(const Expr& e);

// Calls visit(node) for every node of `e`, a node before its operands,
// operands left to right, without recursion.
template <class Visit>
void for_each_node(const Expr& e, Visit visit) {
  std::vector<const Expr*> todo{&e};
  while (!todo.empty()) {
    const Expr* x = todo.back();
    todo.pop_back();
    visit(*x);
    for (auto it = x->args.rbegin(); it != x->args.rend(); ++it) todo.push_back(&*it);
  }
}

// The chain of binary operators down the left of `e`: e, e.args[0],
// e.args[0].args[0], … while they are binary, outermost first. Walking a
// chain with this (and recursing only into right operands) keeps the
// recursion as deep as the nesting, however long the chain.
std::vector<const Expr*> left_chain(const Expr& e);

}  // namespace kessan
