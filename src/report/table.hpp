#pragma once
// Table: the one model every statement, schedule and release table is
// rendered from. A report fills it with exact values and presentation
// choices taken from the layout; writers (text, TSV, CSV, JSON, Markdown,
// HTML) only format it and never compute.
//
// A numeric cell holds an exact ratio numerator / denominator (an amount in
// the unit of presentation is yen / 1000; a percentage is part * 100 / base;
// a translated amount is yen / (1000 * rate)). It is rounded once, when
// written, to `decimals` digits with `rounding` — so a total is rounded
// from its exact value, never summed from rounded cells, unless the layout
// asks for footing (report/footing.hpp), which sets `presented`.

#include <optional>
#include <string>
#include <vector>

#include "core/decimal.hpp"

namespace kessan::report {

enum class CellKind {
  Empty,         // nothing printed
  Number,        // an amount, per-share figure or count
  Percent,       // a percentage (of a base line, or a change)
  NotAvailable,  // "n/a": the value does not exist
  NotMeaningful, // "n/m": e.g. a change whose sign flips
  Text,          // free text
};

struct Cell {
  CellKind kind = CellKind::Empty;
  Decimal numerator;
  Decimal denominator = Decimal(1);
  int decimals = 0;
  RoundingMode rounding = RoundingMode::HalfUp;
  bool percent_sign = false; // print "35.8%" rather than "35.8"
  bool zero_as_dash = false; // print "-" for a zero value
  std::string text;          // Text cells
  // The value as presented, when footing moved it off its own rounding
  // (see report/footing.hpp); the exact value stays numerator/denominator.
  std::optional<Decimal> presented;

  // The value to print: the presented value, else the exact value
  // (numerator / denominator) rounded once to `decimals` digits.
  std::optional<Decimal> rounded() const {
    if (presented) return presented;
    return Decimal::div(numerator, denominator, decimals, rounding);
  }
  // The exact value to `scale` digits (for machine-readable output).
  std::optional<Decimal> exact(int scale = 12) const {
    return Decimal::div(numerator, denominator, scale, RoundingMode::HalfEven);
  }
};

enum class RowKind {
  Heading,  // a section title ("Revenues:", "ASSETS"); no cells
  Line,     // an ordinary line
  Subtotal, // a sum of lines
  Total,    // a total line (printed with "%" signs, ruled in text/HTML)
};

struct Row {
  std::string id;    // stable identifier from the layout
  std::string label; // as printed
  RowKind kind = RowKind::Line;
  int indent = 0;
  std::vector<Cell> cells; // one per column (may be shorter for headings)
};

struct Column {
  std::string id;     // e.g. "amount:current"
  std::string group;  // upper header, e.g. "Jun 30, 2002" (may be empty)
  std::string header; // lower header, e.g. "JPY", "% of Total Revenues"
};

struct Table {
  std::string id;                 // "operations", "balance-sheet", …
  std::vector<std::string> title; // title lines (company, statement, period, unit)
  std::vector<Column> columns;
  std::vector<Row> rows;
  std::vector<std::string> notes; // notes printed below the table
};

} // namespace kessan::report
