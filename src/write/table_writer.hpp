#pragma once
// Writing report::Table values (statements, schedules, release tables) in
// every table format kessan offers.
//
// Contract:
//  - Writers only format. Every figure is write::format_cell (the exact value
//    rounded once, as the cell asks) or write::exact_text; no writer sums,
//    rounds again, reorders or drops rows.
//  - Every row has one cell per column (missing cells print empty; cells
//    beyond the last column are ignored). Heading rows print only their label.
//  - Formats:
//      Text      aligned for a terminal: labels left, figures right, a rule
//                above total rows.
//      Tsv       titles, a group header line (when a column has a group), a
//                header line (the stub header first), then one line
//                per row (label, tab, one cell per column); the shape checked
//                against a published release.
//      Csv       tidy: "statement,line,column,exact,display", one line per
//                non-empty cell, RFC 4180 quoting.
//      Json      the whole model; exact values are strings, never floats.
//      Markdown  a pipe table per table, figures right-aligned.
//      Html      one standalone printable document, one table per page, no
//                scripts or external resources.
//  - Several tables: Text, Tsv and Markdown separate them with a blank line;
//    Csv, Json and Html write one document holding all of them.

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "report/table.hpp"

namespace kessan::write {

enum class TableFormat { Text, Tsv, Csv, Json, Markdown, Html };

// "txt", "tsv", "csv", "json", "md" or "html"; empty for anything else.
std::optional<TableFormat> parse_table_format(std::string_view name);

// The name parse_table_format accepts for `format` (also a file extension).
std::string_view table_format_name(TableFormat format);

void write_tables(std::ostream& out, const std::vector<report::Table>& tables, TableFormat format);

// One table: as write_tables writes each table in Text, Tsv and Markdown;
// in Html, the table's <section> without a document around it (for
// documents that embed tables; see html_table_style), of class "statement"
// for a table printed on its own page and "table" for others.
void write_table(std::ostream& out, const report::Table& table, TableFormat format);
void write_html_section(std::ostream& out, const report::Table& table);

// The stylesheet the Html tables are written for.
std::string_view html_table_style();

// Text with &, <, > and " escaped for HTML.
std::string html_escape(std::string_view s);

// A figure of prose as HTML: its printed text in an element whose title names
// its source ("total-revenues for 1Q02 = 9849202000 JPY").
std::string html_figure(const std::string& printed, const report::ProseFigure& figure);

}  // namespace kessan::write
