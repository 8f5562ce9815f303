#include "write/table_writer.hpp"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "core/text_width.hpp"
#include "write/csv.hpp"
#include "write/number_format.hpp"
#include "write/prose_writer.hpp"

namespace kessan::write {
namespace {

using report::Cell;
using report::CellKind;
using report::Column;
using report::Row;
using report::RowKind;
using report::Table;

constexpr std::array<std::pair<TableFormat, std::string_view>, 6> kFormatNames{{
    {TableFormat::Text, "txt"},
    {TableFormat::Tsv, "tsv"},
    {TableFormat::Csv, "csv"},
    {TableFormat::Json, "json"},
    {TableFormat::Markdown, "md"},
    {TableFormat::Html, "html"},
}};

// ---------------------------------------------------------------------------
// Shared helpers

// The cell of `row` in column `c`, or nullptr when it prints nothing
// (headings, short rows).
const Cell* cell_at(const Row& row, std::size_t c) {
  if (row.kind == RowKind::Heading || c >= row.cells.size()) return nullptr;
  return &row.cells[c];
}

// The printed text of every column of `row` (empty strings where nothing
// prints), currency signs included ("$ 1,234").
std::vector<std::string> displayed_cells(const Row& row, std::size_t columns, const Presentation& style) {
  std::vector<std::string> out(columns);
  for (std::size_t c = 0; c < columns; ++c)
    if (const Cell* cell = cell_at(row, c)) out[c] = signed_text(*cell, style);
  return out;
}

// The currency sign of every column of `row` ("" where there is none).
std::vector<std::string> currency_signs(const Row& row, std::size_t columns) {
  std::vector<std::string> out(columns);
  for (std::size_t c = 0; c < columns; ++c)
    if (const Cell* cell = cell_at(row, c)) out[c] = cell->currency_sign;
  return out;
}

bool is_figure(const Cell& cell) {
  return cell.kind != CellKind::Empty && cell.kind != CellKind::Text;
}

std::size_t indent_of(const Row& row) {
  return static_cast<std::size_t>(std::max(row.indent, 0));
}

// A run of consecutive columns with the same group header.
struct GroupSpan {
  std::size_t first = 0;
  std::size_t count = 0;
  const std::string* group = nullptr;
};

std::vector<GroupSpan> group_spans(const std::vector<Column>& columns) {
  std::vector<GroupSpan> spans;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (!spans.empty() && *spans.back().group == columns[c].group) {
      ++spans.back().count;
    } else {
      spans.push_back({c, 1, &columns[c].group});
    }
  }
  return spans;
}

bool any_group(const std::vector<Column>& columns) {
  return std::any_of(columns.begin(), columns.end(), [](const Column& c) { return !c.group.empty(); });
}

bool any_header(const std::vector<Column>& columns) {
  return std::any_of(columns.begin(), columns.end(), [](const Column& c) { return !c.header.empty(); });
}

// ---------------------------------------------------------------------------
// Text

// `s` centred in `width` (the extra space goes left, towards the label).
std::string centre(const std::string& s, std::size_t width) {
  std::size_t w = display_width(s);
  if (w >= width) return s;
  std::size_t right = (width - w) / 2;
  return std::string(width - w - right, ' ') + s + std::string(right, ' ');
}

void write_line(std::ostream& out, std::string line) {
  line.erase(line.find_last_not_of(' ') + 1);
  out << line << '\n';
}

constexpr std::size_t kGap = 2;  // spaces between text columns

struct TextLayout {
  std::size_t label_width = 0;
  std::vector<std::size_t> widths;              // one per column
  std::vector<std::vector<std::string>> cells;  // one per row
  std::vector<std::vector<std::string>> signs;  // one per row: currency signs, flush left in their column
};

std::size_t span_width(const TextLayout& layout, const GroupSpan& span) {
  std::size_t w = kGap * (span.count - 1);
  for (std::size_t c = span.first; c < span.first + span.count; ++c) w += layout.widths[c];
  return w;
}

TextLayout text_layout(const Table& t) {
  TextLayout layout;
  std::size_t n = t.columns.size();
  layout.widths.resize(n);
  for (std::size_t c = 0; c < n; ++c) layout.widths[c] = display_width(t.columns[c].header);
  for (const Row& row : t.rows) {
    layout.cells.push_back(displayed_cells(row, n, t.style));
    layout.signs.push_back(currency_signs(row, n));
    if (row.kind == RowKind::Heading) continue;  // a heading may run across the figures
    layout.label_width = std::max(layout.label_width, indent_of(row) * 2 + display_width(row.label));
    layout.label_width = std::max(layout.label_width, display_width(t.stub_header));
    for (std::size_t c = 0; c < n; ++c)
      layout.widths[c] = std::max(layout.widths[c], display_width(layout.cells.back()[c]));
  }
  for (const GroupSpan& span : group_spans(t.columns)) {
    std::size_t need = display_width(*span.group), have = span_width(layout, span);
    if (need > have) layout.widths[span.first + span.count - 1] += need - have;
  }
  return layout;
}

void write_text_headers(std::ostream& out, const Table& t, const TextLayout& layout) {
  if (any_group(t.columns)) {
    std::string line(layout.label_width, ' ');
    for (const GroupSpan& span : group_spans(t.columns))
      line += std::string(kGap, ' ') + centre(*span.group, span_width(layout, span));
    write_line(out, line);
  }
  if (any_header(t.columns) || !t.stub_header.empty()) {
    std::string line = pad_right(t.stub_header, layout.label_width);
    for (std::size_t c = 0; c < t.columns.size(); ++c)
      line += std::string(kGap, ' ') + pad_left(t.columns[c].header, layout.widths[c]);
    write_line(out, line);
  }
}

// A cell right-aligned in `width`, its currency sign ("$ 1,234") moved to the left edge: "$    1,234".
std::string text_cell(const std::string& cell, const std::string& sign, std::size_t width) {
  std::size_t w = display_width(cell);
  if (sign.empty() || w >= width) return pad_left(cell, width);
  return sign + std::string(width - w, ' ') + cell.substr(sign.size());
}

void write_text_row(std::ostream& out, const Row& row, const std::vector<std::string>& cells,
                    const std::vector<std::string>& signs, const TextLayout& layout) {
  std::string label = std::string(indent_of(row) * 2, ' ') + row.label;
  if (row.kind == RowKind::Heading) return write_line(out, label);
  if (row.kind == RowKind::Total && !layout.widths.empty()) {
    std::string rule(layout.label_width, ' ');
    for (std::size_t w : layout.widths) rule += std::string(kGap, ' ') + std::string(w, '-');
    write_line(out, rule);
  }
  std::string line = pad_right(label, layout.label_width);
  for (std::size_t c = 0; c < cells.size(); ++c)
    line += std::string(kGap, ' ') + text_cell(cells[c], signs[c], layout.widths[c]);
  write_line(out, line);
}

void write_text_table(std::ostream& out, const Table& t) {
  TextLayout layout = text_layout(t);
  for (const std::string& line : t.title) out << line << '\n';
  if (!t.title.empty()) out << '\n';
  write_text_headers(out, t, layout);
  for (std::size_t r = 0; r < t.rows.size(); ++r)
    write_text_row(out, t.rows[r], layout.cells[r], layout.signs[r], layout);
  if (!t.notes.empty()) out << '\n';
  for (const report::Prose& note : t.notes) out << prose_text(note) << '\n';
}

// ---------------------------------------------------------------------------
// TSV

// A field without tabs or line breaks (each becomes a space).
std::string tsv_field(std::string_view s) {
  std::string out(s);
  std::replace_if(
      out.begin(), out.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
  return out;
}

void write_tsv_cells(std::ostream& out, std::string_view label, const std::vector<std::string>& cells) {
  out << tsv_field(label);
  for (const std::string& cell : cells) out << '\t' << tsv_field(cell);
  out << '\n';
}

void write_tsv_table(std::ostream& out, const Table& t) {
  std::vector<std::string> groups, headers;
  for (const Column& c : t.columns) {
    groups.push_back(c.group);
    headers.push_back(c.header);
  }
  for (const std::string& line : t.title) out << tsv_field(line) << '\n';
  if (any_group(t.columns)) write_tsv_cells(out, "", groups);
  write_tsv_cells(out, t.stub_header, headers);
  for (const Row& row : t.rows) {
    if (row.kind == RowKind::Heading) {
      out << tsv_field(row.label) << '\n';
    } else {
      write_tsv_cells(out, row.label, displayed_cells(row, t.columns.size(), t.style));
    }
  }
  for (const report::Prose& note : t.notes) out << tsv_field(prose_text(note)) << '\n';
}

// ---------------------------------------------------------------------------
// CSV

void write_csv(std::ostream& out, const std::vector<Table>& tables) {
  out << "statement,line,column,exact,display\n";
  for (const Table& t : tables) {
    for (const Row& row : t.rows) {
      const std::string& line = row.id.empty() ? row.label : row.id;
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const Cell* cell = cell_at(row, c);
        if (!cell || cell->kind == CellKind::Empty) continue;
        out << csv_field(t.id) << ',' << csv_field(line) << ',' << csv_field(t.columns[c].id) << ','
            << csv_field(exact_text(*cell)) << ',' << csv_field(format_cell(*cell, t.style)) << '\n';
      }
    }
  }
}

// ---------------------------------------------------------------------------
// JSON

using Json = nlohmann::ordered_json;

const char* cell_kind_name(CellKind kind) {
  switch (kind) {
    case CellKind::Empty:
      return "empty";
    case CellKind::Number:
      return "number";
    case CellKind::Percent:
      return "percent";
    case CellKind::NotAvailable:
      return "n/a";
    case CellKind::NotMeaningful:
      return "n/m";
    case CellKind::Text:
      return "text";
  }
  return "empty";
}

const char* row_kind_name(RowKind kind) {
  switch (kind) {
    case RowKind::Heading:
      return "heading";
    case RowKind::Line:
      return "line";
    case RowKind::Subtotal:
      return "subtotal";
    case RowKind::Total:
      return "total";
  }
  return "line";
}

// A cell: its kind, exact value and display (without the currency sign, which has a key of its own).
Json cell_json(const Cell* cell, const Presentation& style) {
  static const Cell kEmpty;
  if (!cell) cell = &kEmpty;
  Json out{{"kind", cell_kind_name(cell->kind)}, {"exact", exact_text(*cell)}, {"display", format_cell(*cell, style)}};
  if (!cell->currency_sign.empty()) out["currency_sign"] = cell->currency_sign;
  return out;
}

Json row_json(const Row& row, std::size_t columns, const Presentation& style) {
  Json cells = Json::array();
  if (row.kind != RowKind::Heading)
    for (std::size_t c = 0; c < columns; ++c) cells.push_back(cell_json(cell_at(row, c), style));
  return Json{{"id", row.id},
              {"label", row.label},
              {"kind", row_kind_name(row.kind)},
              {"indent", row.indent},
              {"cells", cells}};
}

Json table_json(const Table& t) {
  Json columns = Json::array(), rows = Json::array();
  for (const Column& c : t.columns) columns.push_back(Json{{"id", c.id}, {"group", c.group}, {"header", c.header}});
  for (const Row& row : t.rows) rows.push_back(row_json(row, t.columns.size(), t.style));
  Json notes = Json::array();
  for (const report::Prose& note : t.notes) notes.push_back(prose_text(note));
  return Json{{"id", t.id}, {"title", t.title}, {"columns", columns}, {"rows", rows}, {"notes", notes}};
}

void write_json(std::ostream& out, const std::vector<Table>& tables) {
  Json doc{{"tables", Json::array()}};
  for (const Table& t : tables) doc["tables"].push_back(table_json(t));
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

// ---------------------------------------------------------------------------
// Markdown

// Text with Markdown's inline markup characters and "|" escaped.
std::string md_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\|*_`<[]").find(c) != std::string_view::npos) out += '\\';
    out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out;
}

std::string md_bold(const std::string& s) {
  return s.empty() ? s : "**" + s + "**";
}

void write_md_cells(std::ostream& out, const std::vector<std::string>& cells) {
  out << '|';
  for (const std::string& cell : cells) out << ' ' << cell << " |";
  out << '\n';
}

void write_md_header(std::ostream& out, const Table& t) {
  std::vector<std::string> headers{md_escape(t.stub_header)}, rule{":---"};
  for (const Column& c : t.columns) {
    std::string group = md_escape(c.group), header = md_escape(c.header);
    headers.push_back(group.empty() ? header : header.empty() ? group : group + "<br>" + header);
    rule.push_back("---:");
  }
  write_md_cells(out, headers);
  write_md_cells(out, rule);
}

void write_md_row(std::ostream& out, const Row& row, std::size_t columns, const Presentation& style) {
  bool bold = row.kind == RowKind::Heading || row.kind == RowKind::Total;
  std::string indent;
  for (std::size_t i = 0; i < indent_of(row) * 2; ++i) indent += "&nbsp;";
  std::vector<std::string> cells{indent + (bold ? md_bold(md_escape(row.label)) : md_escape(row.label))};
  for (std::string cell : displayed_cells(row, columns, style)) {
    cell = md_escape(cell);
    if (cell.rfind('$', 0) == 0) cell.insert(0, 1, '\\');  // a currency sign, not the start of a formula
    cells.push_back(row.kind == RowKind::Total ? md_bold(cell) : cell);
  }
  write_md_cells(out, cells);
}

void write_md_table(std::ostream& out, const Table& t) {
  for (std::size_t i = 0; i < t.title.size(); ++i) {
    if (i == 0) {
      out << "### " << md_escape(t.title[0]) << "\n\n";
    } else {
      out << md_escape(t.title[i]) << (i + 1 < t.title.size() ? "<br>\n" : "\n\n");
    }
  }
  write_md_header(out, t);
  for (const Row& row : t.rows) write_md_row(out, row, t.columns.size(), t.style);
  for (const report::Prose& note : t.notes) out << '\n' << md_escape(prose_text(note)) << '\n';
}

// ---------------------------------------------------------------------------
// HTML

}  // namespace

std::string html_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

constexpr const char* kHtmlStyle = R"(@page { size: A4; margin: 15mm 12mm; }
body { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: 10pt; color: #000; margin: 0; }
@media screen { body { margin: 2em; } }
section { page-break-after: always; break-after: page; margin-bottom: 2em; }
section:last-of-type { page-break-after: auto; break-after: auto; }
h1 { font-size: 12pt; margin: 0; }
p.title { margin: 0; }
table { border-collapse: collapse; margin-top: 1em; font-variant-numeric: tabular-nums; }
tr { page-break-inside: avoid; break-inside: avoid; }
th, td { padding: 0.15em 0.6em; vertical-align: bottom; }
thead th { font-weight: bold; text-align: right; }
thead th.stub { text-align: left; }
thead th.group { text-align: center; border-bottom: 1px solid #000; }
td.label { text-align: left; }
td.num { text-align: right; white-space: nowrap; }
tr.heading td.label { font-weight: bold; }
tr.total td.num { border-top: 1px solid #000; }
.notes { font-size: 8pt; margin-top: 1em; }
.notes p { margin: 0.2em 0; }
)";

void write_html_head(std::ostream& out, const std::vector<Table>& tables) {
  std::string title = "kessan";
  if (!tables.empty() && !tables[0].title.empty()) title = tables[0].title[0];
  out << "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>" << html_escape(title)
      << "</title>\n<style>\n"
      << kHtmlStyle << "</style>\n</head>\n<body>\n";
}

void write_html_header(std::ostream& out, const Table& t) {
  out << "<thead>\n";
  if (any_group(t.columns)) {
    out << "<tr><th></th>";
    for (const GroupSpan& span : group_spans(t.columns)) {
      out << "<th";
      if (span.count > 1) out << " colspan=\"" << span.count << '"';
      out << (span.group->empty() ? "" : " class=\"group\"") << '>' << html_escape(*span.group) << "</th>";
    }
    out << "</tr>\n";
  }
  out << "<tr><th class=\"stub\">" << html_escape(t.stub_header) << "</th>";
  for (const Column& c : t.columns) out << "<th>" << html_escape(c.header) << "</th>";
  out << "</tr>\n</thead>\n";
}

void write_html_row(std::ostream& out, const Row& row, std::size_t columns, const Presentation& style) {
  out << "<tr class=\"" << row_kind_name(row.kind) << "\"><td class=\"label\"";
  if (row.indent > 0) out << " style=\"padding-left: calc(0.6em + " << row.indent << "em)\"";
  out << '>' << html_escape(row.label) << "</td>";
  for (std::size_t c = 0; c < columns; ++c) {
    const Cell* cell = cell_at(row, c);
    if (!cell || cell->kind == CellKind::Empty) {
      out << "<td></td>";
    } else {
      out << "<td class=\"" << (is_figure(*cell) ? "num" : "text") << "\">";
      if (!cell->currency_sign.empty())  // flush left in the cell, as printed statements set it
        out << "<span class=\"currency\" style=\"float: left; padding-right: 0.3em\">"
            << html_escape(cell->currency_sign) << "</span>";
      out << html_escape(format_cell(*cell, style)) << "</td>";
    }
  }
  out << "</tr>\n";
}

}  // namespace

void write_html_section(std::ostream& out, const Table& t) {
  // Tables with many columns are printed across a landscape page.
  constexpr std::size_t kWide = 8;
  out << "<section class=\"" << (t.own_page ? "statement" : "table") << (t.columns.size() > kWide ? " wide" : "")
      << '"';
  if (!t.id.empty()) out << " id=\"" << html_escape(t.id) << '"';
  out << ">\n";
  for (std::size_t i = 0; i < t.title.size(); ++i)
    out << (i == 0 ? "<h1>" : "<p class=\"title\">") << html_escape(t.title[i]) << (i == 0 ? "</h1>\n" : "</p>\n");
  out << "<table>\n";
  write_html_header(out, t);
  out << "<tbody>\n";
  for (const Row& row : t.rows) write_html_row(out, row, t.columns.size(), t.style);
  out << "</tbody>\n</table>\n";
  if (!t.notes.empty()) {
    out << "<div class=\"notes\">\n";
    for (const report::Prose& note : t.notes)
      out << "<p>"
          << prose_markup(
                 note, [](std::string_view text) { return html_escape(text); }, html_figure)
          << "</p>\n";
    out << "</div>\n";
  }
  out << "</section>\n";
}

namespace {

void write_html(std::ostream& out, const std::vector<Table>& tables) {
  write_html_head(out, tables);
  for (const Table& t : tables) write_html_section(out, t);
  out << "</body>\n</html>\n";
}

// ---------------------------------------------------------------------------

// Formats that write each table on its own, separated by a blank line.
template <typename WriteOne>
void write_each(std::ostream& out, const std::vector<Table>& tables, WriteOne write_one) {
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (i > 0) out << '\n';
    write_one(out, tables[i]);
  }
}

}  // namespace

std::optional<TableFormat> parse_table_format(std::string_view name) {
  for (const auto& [format, format_name] : kFormatNames)
    if (name == format_name) return format;
  return std::nullopt;
}

std::string_view table_format_name(TableFormat format) {
  for (const auto& [f, name] : kFormatNames)
    if (f == format) return name;
  return "";
}

std::string_view html_table_style() {
  return kHtmlStyle;
}

std::string html_figure(const std::string& printed, const report::ProseFigure& figure) {
  return "<span class=\"figure\" title=\"" + html_escape(figure.source) + "\">" + html_escape(printed) + "</span>";
}

void write_table(std::ostream& out, const report::Table& table, TableFormat format) {
  switch (format) {
    case TableFormat::Text:
      return write_text_table(out, table);
    case TableFormat::Tsv:
      return write_tsv_table(out, table);
    case TableFormat::Markdown:
      return write_md_table(out, table);
    case TableFormat::Html:
      return write_html_section(out, table);
    case TableFormat::Csv:
    case TableFormat::Json:
      return write_tables(out, {table}, format);
  }
}

void write_tables(std::ostream& out, const std::vector<report::Table>& tables, TableFormat format) {
  switch (format) {
    case TableFormat::Text:
      return write_each(out, tables, write_text_table);
    case TableFormat::Tsv:
      return write_each(out, tables, write_tsv_table);
    case TableFormat::Csv:
      return write_csv(out, tables);
    case TableFormat::Json:
      return write_json(out, tables);
    case TableFormat::Markdown:
      return write_each(out, tables, write_md_table);
    case TableFormat::Html:
      return write_html(out, tables);
  }
}

}  // namespace kessan::write
