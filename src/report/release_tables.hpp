#pragma once
// Release tables: a book's table layouts (kind = "table": operating
// statistics, ledger-derived schedules, margins) and the reconciliation of
// each adjusted measure to its GAAP figure, for the presented period and its
// comparison periods, as report::Table values.
//
// Contract: every cell is a figure of report/figures.hpp, kept exact (money
// in the layout's unit, pure numbers as percentages when the line says
// so); a figure without data is "n/a", one that cannot be divided "n/m".
// Any error in computing a figure is a diagnostic and gives no table.

#include <optional>

#include "report/figures.hpp"
#include "report/table.hpp"

namespace kessan::report {

// The table layout at `layout` (an index of figures.layout()).
std::optional<Table> build_table(Figures& figures, std::size_t layout);

// The reconciliation of measure `measure` (which must be an adjusted one):
// its GAAP figure, each adjustment, and the measure as their total.
std::optional<Table> build_reconciliation(Figures& figures, std::size_t measure);

}  // namespace kessan::report
