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
#include "core/presentation.hpp"
#include "report/cell.hpp"
#include "report/prose.hpp"

namespace kessan::report {

enum class RowKind {
  Heading,   // a section title ("Revenues:", "ASSETS"); no cells
  Line,      // an ordinary line
  Subtotal,  // a sum of lines
  Total,     // a total line (printed with "%" signs, ruled in text/HTML)
};

struct Row {
  std::string id;     // stable identifier from the layout
  std::string label;  // as printed
  RowKind kind = RowKind::Line;
  int indent = 0;
  std::vector<Cell> cells;  // one per column (may be shorter for headings)
};

struct Column {
  std::string id;      // e.g. "amount:current"
  std::string group;   // upper header, e.g. "Jun 30, 2002" (may be empty)
  std::string header;  // lower header, e.g. "JPY", "% of Total Revenues"
};

struct Table {
  std::string id;                  // "operations", "balance-sheet", …
  std::vector<std::string> title;  // title lines (company, statement, period, unit)
  std::vector<Column> columns;
  std::vector<Row> rows;
  std::vector<Prose> notes;  // notes printed below the table
  std::string stub_header;   // header of the label column (may be empty)
  bool own_page = false;     // printed on a page of its own (statements)
  Presentation style;        // negatives, zeros and "n/m" as the book and layout ask
};

}  // namespace kessan::report
