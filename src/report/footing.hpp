#pragma once
// Footing: making the printed figures of a statement add up.
//
// Rounded figures need not add up to their rounded total (3.4 + 3.4 = 6.8
// prints as 3 + 3 = 7). Releases resolve this in one of two ways, and a
// layout chooses (StatementLayout::footing):
//
//  - Lines: the grand totals are rounded from their exact values; then, top
//    down, the terms of each total are moved one unit at a time where that
//    costs the least (the figure closest to its rounding boundary moves
//    first — the largest remainder method) until they add up to the printed
//    total. Moving a subtotal costs double, since its own terms must follow;
//    a non-zero figure is never moved to zero; a figure moves at most once.
//  - Totals: lines are rounded from their exact values and every total is
//    the sum of its printed terms.
//
// Only amount, converted and percent columns are footed; change columns are
// not sums. The exact value of every cell is kept; only `presented` changes.

#include "core/statement_layout.hpp"
#include "report/table.hpp"

namespace kessan::report {

void foot_table(const StatementLayout& layout, Table* table);

}  // namespace kessan::report
