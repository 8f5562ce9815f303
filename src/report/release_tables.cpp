#include "report/release_tables.hpp"

#include <functional>

#include "report/columns.hpp"
#include "report/footing.hpp"

namespace kessan::report {
namespace {

// The periods of a table's columns, and each row's figures in them.
class RowMaker {
 public:
  RowMaker(Figures& figures, const std::vector<LayoutColumn>& columns) : figures_(figures), columns_(columns) {
    auto resolved =
        resolve_columns(columns, figures.presented(), figures.settings().calendar, false, figures.diagnostics());
    if (resolved) periods_ = std::move(*resolved);
    ok_ = resolved.has_value();
  }

  bool ok() const { return ok_; }

  std::vector<Column> columns() const {
    HeaderStyle headers;
    const auto& convenience = figures_.settings().convenience;
    headers.convenience = convenience ? &*convenience : nullptr;
    return column_headers(columns_, periods_, figures_.settings().calendar, headers);
  }

  // The cells of a row whose figure for a period is `value(period, &figure)`.
  // A period other than the reported one that lies outside the book's data
  // shows "n/a".
  bool cells(const std::function<bool(const Period&, Figure*)>& value, const RowStyle& style, std::vector<Cell>* out) {
    std::vector<Figure> figures;
    for (std::size_t k = 0; k < periods_.periods.size(); ++k) {
      const Period& p = periods_.periods[k];
      Figure f;
      if (!periods_.reported[k] && !figures_.covers(p)) {
        figures.push_back(Figure::not_available());
        continue;
      }
      if (!value(p, &f)) return false;
      figures.push_back(std::move(f));
    }
    *out = row_cells(columns_, periods_, figures, nullptr, style);
    return true;
  }

  RowStyle style() const {
    RowStyle st;
    st.money = figures_.money();
    const auto& convenience = figures_.settings().convenience;
    st.convenience = convenience ? &*convenience : nullptr;
    return st;
  }

 private:
  Figures& figures_;
  const std::vector<LayoutColumn>& columns_;
  ColumnPeriods periods_;
  bool ok_ = false;
};

RowKind row_kind(const LayoutLine& line) {
  if (line.kind == LineKind::Heading) return RowKind::Heading;
  if (line.total) return RowKind::Total;
  return line.kind == LineKind::Sum ? RowKind::Subtotal : RowKind::Line;
}

bool all_zero(const std::vector<Cell>& cells) {
  for (const Cell& c : cells)
    if ((c.kind == CellKind::Number || c.kind == CellKind::Percent) && !c.numerator.is_zero()) return false;
  return true;
}

// Makes a reconciliation's printed figures add up. The GAAP figure (first
// row) prints as in its statement and the measure (last row) as where it is
// quoted, each rounded from its exact value; the adjustments between them
// absorb the rounding difference, one unit at a time, the one closest to its
// rounding boundary first (the largest remainder method).
void foot_adjustments(const std::vector<LayoutColumn>& columns, Table* t) {
  if (t->rows.size() < 3) return;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (compares(columns[c].value)) continue;
    auto value = [&](std::size_t r) -> std::optional<Decimal> {
      const Cell& cell = t->rows[r].cells[c];
      if (cell.kind != CellKind::Number) return std::nullopt;
      return cell.rounded();
    };
    auto gaap = value(0), total = value(t->rows.size() - 1);
    if (!gaap || !total) continue;
    int decimals = t->rows[0].cells[c].decimals;
    Decimal unit = Decimal::from_parts(1, decimals);
    auto sum = Decimal::add(*gaap, Decimal());
    std::vector<std::size_t> adjustments;
    for (std::size_t r = 1; r + 1 < t->rows.size() && sum; ++r) {
      auto v = value(r);
      if (!v) return;
      sum = Decimal::add(*sum, *v);
      adjustments.push_back(r);
    }
    if (!sum) continue;
    auto gap = Decimal::sub(*total, *sum);
    if (!gap || gap->is_zero()) continue;
    int step = gap->sign();
    auto steps = Decimal::div(gap->abs(), unit, 0, RoundingMode::Down);
    for (Int128 k = 0; steps && k < steps->mantissa(); ++k) {
      // The adjustment whose exact value lies furthest beyond its printed value, in the direction of the gap.
      std::size_t best = adjustments[0];
      std::optional<Decimal> best_pull;
      for (std::size_t r : adjustments) {
        Cell& cell = t->rows[r].cells[c];
        auto exact_value = cell.exact(12);
        auto shown = cell.rounded();
        if (!exact_value || !shown) continue;
        auto pull = Decimal::sub(*exact_value, *shown);
        if (!pull) continue;
        Decimal directed = step > 0 ? *pull : pull->negated();
        if (!best_pull || directed > *best_pull) best = r, best_pull = directed;
      }
      Cell& cell = t->rows[best].cells[c];
      auto moved = Decimal::add(*cell.rounded(), step > 0 ? unit : unit.negated());
      if (moved) cell.presented = moved->rounded(decimals, RoundingMode::HalfUp);
    }
  }
}

}  // namespace

std::optional<Table> build_table(Figures& figures, std::size_t layout) {
  const StatementLayout& l = figures.layout(layout);
  RowMaker maker(figures, l.columns);
  if (!maker.ok()) return std::nullopt;
  Table t;
  t.id = l.id;
  t.title.push_back(l.title);
  for (const std::string& s : l.subtitle) t.title.push_back(s);
  t.stub_header = l.stub_header;
  t.style = overridden(figures.settings().presentation, l.presentation);
  t.columns = maker.columns();
  bool good = true;
  for (std::size_t i = 0; i < l.lines.size(); ++i) {
    const LayoutLine& line = l.lines[i];
    Row row;
    row.id = line.id;
    row.label = line.label;
    row.indent = line.indent;
    row.kind = row_kind(line);
    if (line.kind != LineKind::Heading) {
      RowStyle style = maker.style();
      style.unit = line.unit ? *line.unit : l.unit.value_or(figures.settings().unit);
      style.decimals = line.decimals_set ? line.decimals : l.decimals;
      style.rounding = line.rounding;
      style.percent = line.format == LineFormat::Percent;
      style.percent_sign = line.percent_sign;
      style.ratio_change = line.ratio_change;
      style.zero_text = true;
      style.change_sign_flip_nm = t.style.change_sign_flip_nm;
      auto value = [&](const Period& p, Figure* f) { return figures.line(layout, i, p, f); };
      if (!maker.cells(value, style, &row.cells)) {
        good = false;
        continue;
      }
      if (line.hide_when_zero && all_zero(row.cells)) continue;
    }
    t.rows.push_back(std::move(row));
  }
  if (!good) return std::nullopt;
  for (const std::string& n : l.notes) t.notes.push_back(n);
  if (l.footing != Footing::None) foot_table(l, &t);
  place_currency_signs(&t);
  return t;
}

std::optional<Table> build_reconciliation(Figures& figures, std::size_t measure) {
  const Measure& m = figures.measures().measures[measure];
  const ReconciliationStyle& rs = figures.measures().reconciliation;
  if (!m.reconcile_from) return std::nullopt;
  RowMaker maker(figures, rs.columns);
  if (!maker.ok()) return std::nullopt;
  RowStyle style = maker.style();
  style.unit = rs.unit.value_or(figures.settings().unit);
  style.zero_text = true;
  style.change_sign_flip_nm = figures.settings().presentation.change_sign_flip_nm;
  std::string from_label = m.reconcile_label;
  if (from_label.empty() && m.reconcile_from->op == ExprOp::Name)
    if (auto t = figures.resolve(m.reconcile_from->text, m.reconcile_from->where)) from_label = figures.label(*t);
  if (from_label.empty()) from_label = to_string(*m.reconcile_from);
  Table t;
  t.id = "reconciliation-" + m.id;
  t.style = figures.settings().presentation;
  t.title.push_back("Reconciliation of " + from_label + " to " + m.label);
  for (const std::string& s : rs.subtitle) t.title.push_back(s);
  t.columns = maker.columns();
  auto add_row = [&](std::string id, std::string label, RowKind kind,
                     const std::function<bool(const Period&, Figure*)>& value) {
    Row row;
    row.id = std::move(id);
    row.label = std::move(label);
    row.kind = kind;
    if (!maker.cells(value, style, &row.cells)) return false;
    t.rows.push_back(std::move(row));
    return true;
  };
  bool good = add_row("gaap", from_label, RowKind::Line,
                      [&](const Period& p, Figure* f) { return figures.evaluate(*m.reconcile_from, p, f); });
  for (std::size_t a = 0; good && a < m.adjustments.size(); ++a)
    good = add_row("adjustment-" + std::to_string(a + 1), m.adjustments[a].label, RowKind::Line,
                   [&](const Period& p, Figure* f) { return figures.adjustment(measure, a, p, f); });
  good = good && add_row(m.id, m.label, RowKind::Total,
                         [&](const Period& p, Figure* f) { return figures.measure(measure, p, f); });
  if (!good) return std::nullopt;
  for (const std::string& n : m.notes) t.notes.push_back(n);
  foot_adjustments(rs.columns, &t);
  place_currency_signs(&t);
  return t;
}

}  // namespace kessan::report
