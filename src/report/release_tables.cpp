#include "report/release_tables.hpp"

#include <array>
#include <functional>

#include "report/footing.hpp"

namespace kessan::report {
namespace {

// How the figures of one row are shown.
struct RowStyle {
  Decimal unit = Decimal(1);  // money is divided by this
  int decimals = 0;
  RoundingMode rounding = RoundingMode::HalfUp;
  bool percent = false;  // pure numbers as percentages
  bool zero_as_dash = false;
  bool change_sign_flip_nm = false;
};

Cell marker(CellKind kind) {
  Cell c;
  c.kind = kind;
  return c;
}

Cell exact(const Ratio& value, const Decimal& divisor, CellKind kind, int decimals, const RowStyle& style) {
  auto denominator = Decimal::mul(value.denominator_decimal(), divisor);
  if (!denominator) return marker(CellKind::NotMeaningful);
  Cell c;
  c.kind = kind;
  c.numerator = value.numerator_decimal();
  c.denominator = *denominator;
  c.decimals = decimals;
  c.rounding = style.rounding;
  c.zero_as_dash = style.zero_as_dash;
  return c;
}

class RowMaker {
 public:
  RowMaker(Figures& figures, const std::vector<LayoutColumn>& columns)
      : figures_(figures), columns_(columns), cal_(figures.settings().calendar) {
    const Period& current = figures.presented();
    auto compared = cal_.comparisons(current);
    compared_ = compared.has_value();
    periods_ = {current, compared ? compared->year_ago : current, compared ? compared->prior_quarter : current,
                current};
  }

  const Period& period(PeriodRef r) const { return periods_[static_cast<std::size_t>(r)]; }

  std::vector<Column> columns() const {
    std::vector<Column> out;
    static const char* kRef[] = {"current", "year-ago", "prior-quarter", "prior-year-end"};
    for (const LayoutColumn& c : columns_) {
      Column col;
      std::string name = cal_.name(period(c.period));
      switch (c.value) {
        case ColumnValue::Amount:
          col.id = std::string("amount:") + kRef[static_cast<int>(c.period)];
          col.header = name;
          break;
        case ColumnValue::Converted:
          col.id = std::string("converted:") + kRef[static_cast<int>(c.period)];
          col.group = name;
          col.header = figures_.settings().convenience ? figures_.settings().convenience->currency : "";
          break;
        case ColumnValue::Change:
          col.id = std::string("change:") + kRef[static_cast<int>(c.period)] + ":" + kRef[static_cast<int>(c.base)];
          col.header = c.base == PeriodRef::YearAgo        ? "YOY Chg %"
                       : c.base == PeriodRef::PriorQuarter ? "QOQ Chg %"
                                                           : "Chg %";
          break;
        case ColumnValue::Percent:
          break;
      }
      if (!c.group.empty()) col.group = c.group;
      if (!c.header.empty()) col.header = c.header;
      out.push_back(std::move(col));
    }
    return out;
  }

  // The cells of a row whose figure for a period is `value(period, &figure)`.
  bool cells(const std::function<bool(const Period&, Figure*)>& value, const RowStyle& style, std::vector<Cell>* out) {
    std::array<std::optional<Figure>, 4> seen;
    auto at = [&](PeriodRef r) -> const Figure* {
      auto& slot = seen[static_cast<std::size_t>(r)];
      if (!slot) {
        // Without comparisons (a period at the edge of the calendar's years,
        // which the release reports) only the current period has figures.
        bool current = r == PeriodRef::Current || r == PeriodRef::PriorYearEnd;
        Figure f;
        if ((!compared_ && !current) || !value(period(r), &f)) return nullptr;
        slot = f;
      }
      return &*slot;
    };
    for (const LayoutColumn& c : columns_) {
      const Figure* f = at(c.period);
      if (!f) return false;
      if (c.value == ColumnValue::Change) {
        const Figure* base = at(c.base);
        if (!base) return false;
        out->push_back(change(*f, *base, style));
      } else if (c.value == ColumnValue::Converted) {
        out->push_back(converted(*f, style));
      } else {
        out->push_back(amount(*f, style));
      }
    }
    return true;
  }

 private:
  Cell amount(const Figure& f, const RowStyle& style) const {
    if (f.state == Figure::State::NotAvailable) return marker(CellKind::NotAvailable);
    if (f.state == Figure::State::NotMeaningful) return marker(CellKind::NotMeaningful);
    if (f.unit == figures_.money()) return exact(f.value, style.unit, CellKind::Number, style.decimals, style);
    if (f.unit.is_pure() && style.percent) {
      Cell c = percent_cell(f.value, style.decimals, style);
      c.percent_sign = true;
      return c;
    }
    return exact(f.value, Decimal(1), CellKind::Number, style.decimals, style);
  }

  Cell converted(const Figure& f, const RowStyle& style) const {
    const auto& convenience = figures_.settings().convenience;
    if (!convenience || !(f.unit == figures_.money())) return Cell{};
    if (!f.has_value()) return amount(f, style);
    auto divisor = Decimal::mul(style.unit, convenience->rate);
    if (!divisor) return marker(CellKind::NotMeaningful);
    return exact(f.value, *divisor, CellKind::Number, style.decimals, style);
  }

  // value x 100 as a percentage cell; "n/m" when that overflows.
  static Cell percent_cell(const Ratio& value, int decimals, const RowStyle& style) {
    auto hundredfold = Ratio::mul(value, Ratio(100));
    if (!hundredfold) return marker(CellKind::NotMeaningful);
    return exact(*hundredfold, Decimal(1), CellKind::Percent, decimals, style);
  }

  // The change against `base`: percent of the base for amounts; for a
  // percentage line, the difference in percentage points.
  static Cell change(const Figure& f, const Figure& base, const RowStyle& style) {
    if (f.state == Figure::State::NotAvailable || base.state == Figure::State::NotAvailable)
      return marker(CellKind::NotAvailable);
    if (!f.has_value() || !base.has_value() || !(f.unit == base.unit)) return marker(CellKind::NotMeaningful);
    RowStyle percent = style;
    percent.zero_as_dash = false;
    if (f.unit.is_pure() && style.percent) {
      auto points = Ratio::sub(f.value, base.value);
      return points ? percent_cell(*points, 1, percent) : marker(CellKind::NotMeaningful);
    }
    if (base.value.is_zero()) return marker(CellKind::NotMeaningful);
    if (style.change_sign_flip_nm && f.value.sign() * base.value.sign() < 0) return marker(CellKind::NotMeaningful);
    auto rate = Ratio::sub(f.value, base.value);
    if (rate) rate = Ratio::div(*rate, base.value);
    if (!rate) return marker(CellKind::NotMeaningful);
    return percent_cell(*rate, 1, percent);
  }

  Figures& figures_;
  const std::vector<LayoutColumn>& columns_;
  const FiscalCalendar& cal_;
  std::array<Period, 4> periods_;
  bool compared_ = false;
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
    if (columns[c].value == ColumnValue::Change) continue;
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
  Table t;
  t.id = l.id;
  t.title.push_back(l.title);
  for (const std::string& s : l.subtitle) t.title.push_back(s);
  t.stub_header = l.stub_header;
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
      RowStyle style;
      style.unit = l.unit.value_or(figures.settings().unit);
      style.decimals = line.decimals_set ? line.decimals : l.decimals;
      style.rounding = line.rounding;
      style.percent = line.format == LineFormat::Percent;
      style.zero_as_dash = l.zero_as_dash;
      style.change_sign_flip_nm = l.change_sign_flip_nm;
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
  return t;
}

std::optional<Table> build_reconciliation(Figures& figures, std::size_t measure) {
  const Measure& m = figures.measures().measures[measure];
  const ReconciliationStyle& rs = figures.measures().reconciliation;
  if (!m.reconcile_from) return std::nullopt;
  RowMaker maker(figures, rs.columns);
  RowStyle style;
  style.unit = rs.unit.value_or(figures.settings().unit);
  std::string from_label = m.reconcile_label;
  if (from_label.empty() && m.reconcile_from->op == ExprOp::Name)
    if (auto t = figures.resolve(m.reconcile_from->text, m.reconcile_from->where)) from_label = figures.label(*t);
  if (from_label.empty()) from_label = to_string(*m.reconcile_from);
  Table t;
  t.id = "reconciliation-" + m.id;
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
  return t;
}

}  // namespace kessan::report
