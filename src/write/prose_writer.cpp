#include "write/prose_writer.hpp"

#include "write/number_format.hpp"

namespace kessan::write {

std::string format_figure(const report::ProseFigure& f) {
  const report::Cell& cell = f.cell;
  if (cell.kind != report::CellKind::Number && cell.kind != report::CellKind::Percent) return format_cell(cell);
  std::optional<Decimal> value = printed_value(cell);
  if (!value) return "n/m";
  return f.prefix + (value->is_negative() ? f.negative : "") + grouped_magnitude(value->abs()) + f.suffix;
}

std::string prose_text(const report::Prose& prose) {
  std::string out;
  for (const report::Span& s : prose.spans) out += s.figure ? format_figure(*s.figure) : s.text;
  return out;
}

std::string prose_markup(const report::Prose& prose, const std::function<std::string(std::string_view)>& text,
                         const std::function<std::string(const std::string&, const report::ProseFigure&)>& figure) {
  std::string out;
  for (const report::Span& s : prose.spans)
    out += s.figure ? figure(format_figure(*s.figure), *s.figure) : text(s.text);
  return out;
}

}  // namespace kessan::write
