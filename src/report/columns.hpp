#pragma once
// Columns: the one place a layout's columns become periods, headers and
// cells. Statements, release tables and reconciliations are all presented
// through it, so every column kind (amount, converted, percent, change,
// difference, points, basis points) means the same everywhere.
//
// Contract:
//  - resolve_columns() resolves each column's period (and base) against the
//    reported period with the calendar (core/period_ref.hpp) and lists the
//    distinct periods the columns need. Only periods that resolve from
//    `current` must lie in the book's data; the others may be outside it
//    and then show "n/a". A period outside the years 0001 to 9999, or a
//    balance date in a flow statement, is a diagnostic at the column.
//  - row_cells() turns a row's figures (one per needed period) into one
//    cell per column, exactly: nothing is rounded here, a value that cannot
//    be divided or overflows is "n/m", a missing one "n/a"; never 0.
//  - column_headers() names the columns from their periods: statements by
//    the periods' dates, tables by the periods' names.

#include <optional>
#include <string>
#include <vector>

#include "core/book_settings.hpp"
#include "core/diagnostic.hpp"
#include "core/statement_layout.hpp"
#include "report/figure.hpp"
#include "report/table.hpp"

namespace kessan::report {

struct ColumnPeriods {
  std::vector<Period> periods;  // distinct, in the order the columns first need them
  std::vector<bool> reported;   // per period: it is the reported period (must be covered by the data)
  std::vector<std::size_t> of;  // per column: its period
  std::vector<long> base;       // per column: the period it is compared with, or -1
};

// Resolves `columns` for `reported`. `balance`: the columns show balances
// (any period stands for its last day). Empty on error (reported).
std::optional<ColumnPeriods> resolve_columns(const std::vector<LayoutColumn>& columns, const Period& reported,
                                             const FiscalCalendar& calendar, bool balance,
                                             std::vector<Diagnostic>* errors);

// How a row's cells are shown.
struct RowStyle {
  Decimal unit = Decimal(1);  // money is divided by this
  Unit money;                 // the unit of money in the book's currency
  int decimals = 0;           // digits of amounts (and of pure numbers)
  int percent_decimals = 1;   // digits of percentages and changes
  RoundingMode rounding = RoundingMode::HalfUp;
  bool percent = false;       // pure numbers are percentages (x 100)
  bool percent_sign = false;  // percentages carry "%"
  bool zero_text = false;     // amounts that are zero print the table's zero text
  bool change_sign_flip_nm = false;
  bool amounts_only = false;  // only Amount columns have cells (per-share and share lines)
  RatioChange ratio_change = RatioChange::Points;
  const ConvenienceTranslation* convenience = nullptr;
};

// The cells of one row. `values[k]` is the row's figure in period k of
// `periods`; `percent_base[k]` the figure of the line it is a percentage of
// (Percent columns; may be null when the layout has no such column).
std::vector<Cell> row_cells(const std::vector<LayoutColumn>& columns, const ColumnPeriods& periods,
                            const std::vector<Figure>& values, const std::vector<Figure>* percent_base,
                            const RowStyle& style);

struct HeaderStyle {
  bool statement = false;      // headers from dates (statements) or from period names (tables)
  std::string currency;        // "JPY"
  std::string percent_header;  // "%"
  const ConvenienceTranslation* convenience = nullptr;
};

std::vector<Column> column_headers(const std::vector<LayoutColumn>& columns, const ColumnPeriods& periods,
                                   const FiscalCalendar& calendar, const HeaderStyle& style);

// Puts the table's currency sign (t->style: currency_sign, the symbols) on
// the money cells of the rows it names: the first row with money figures,
// total rows, or every row. Presentation only: no value changes.
void place_currency_signs(Table* t);

// "Three Months Ended Jun 30, 2002 and 2001"-style wording of the flow
// periods a statement shows: "For the Three Months Ended ", "For the Three
// and Six Months Ended ", "For the Years Ended " (plural when several dates).
std::string flow_title(const std::vector<Period>& shown, const FiscalCalendar& calendar);

}  // namespace kessan::report
