#pragma once
// Measure: a figure a book defines by formula rather than by accounts, such
// as a non-GAAP measure (Adjusted EBITDA) or a margin. Read from a book's
// measures file (read/measures_reader.hpp; docs/release-format.md).
//
// An adjusted measure starts from a GAAP figure and adds adjustments:
//   value = reconcile_from + adjustment[0] + adjustment[1] + …
// and is presented with a reconciliation table that shows exactly that sum.
// A derived measure is a single formula.

#include <optional>
#include <string>
#include <vector>

#include "core/decimal.hpp"
#include "core/expression.hpp"
#include "core/source_ref.hpp"
#include "core/statement_layout.hpp"

namespace kessan {

struct Adjustment {
  std::string label;
  Expr formula;
  SourceRef where;
};

struct Measure {
  std::string id;                      // "adjusted-ebitda"
  std::string label;                   // "Adjusted EBITDA"
  std::optional<Expr> formula;         // a derived measure
  std::optional<Expr> reconcile_from;  // an adjusted measure: the GAAP figure it starts from
  std::string reconcile_label;         // that figure's label in the reconciliation (default: its line's label)
  std::vector<Adjustment> adjustments;
  std::vector<std::string> notes;  // printed under its reconciliation (the definition)
  SourceRef where;
};

// How reconciliations are presented: columns and unit, shared by every
// measure of the file.
struct ReconciliationStyle {
  std::vector<LayoutColumn> columns;
  std::optional<Decimal> unit;        // money is shown in this unit (default: the book's)
  std::vector<std::string> subtitle;  // "(JPY in millions)"
};

struct MeasureSet {
  std::vector<Measure> measures;
  ReconciliationStyle reconciliation;
  std::string file;
};

}  // namespace kessan
