#include "report/columns.hpp"

#include <algorithm>

namespace kessan::report {
namespace {

Diagnostic at(const SourceRef& where, std::string message, std::string expected) {
  return diagnostic_at(where, std::move(message), std::move(expected), DiagnosticKind::Layout);
}

Cell marker(CellKind kind) {
  Cell c;
  c.kind = kind;
  return c;
}

// value / divisor as a cell of `kind`; "n/m" when the denominator overflows.
Cell exact(const Ratio& value, const Decimal& divisor, CellKind kind, int decimals, const RowStyle& style,
           bool zero_text, CellMoney money = CellMoney::None) {
  auto denominator = Decimal::mul(value.denominator_decimal(), divisor);
  if (!denominator) return marker(CellKind::NotMeaningful);
  Cell c;
  c.kind = kind;
  c.numerator = value.numerator_decimal();
  c.denominator = *denominator;
  c.decimals = decimals;
  c.rounding = style.rounding;
  c.zero_text = zero_text;
  c.money = money;
  return c;
}

// value x factor as a percentage (or points) cell; "n/m" when that overflows.
Cell scaled(const Ratio& value, long long factor, CellKind kind, int decimals, const RowStyle& style, bool sign) {
  auto v = Ratio::mul(value, Ratio(factor));
  if (!v) return marker(CellKind::NotMeaningful);
  Cell c = exact(*v, Decimal(1), kind, decimals, style, false);
  c.percent_sign = sign && kind == CellKind::Percent;
  return c;
}

Cell missing(const Figure& f) {
  return marker(f.state == Figure::State::NotMeaningful ? CellKind::NotMeaningful : CellKind::NotAvailable);
}

// Either figure missing: n/a when one is not available, else n/m.
std::optional<Cell> missing(const Figure& a, const Figure& b) {
  if (a.state == Figure::State::NotAvailable || b.state == Figure::State::NotAvailable)
    return marker(CellKind::NotAvailable);
  if (!a.has_value() || !b.has_value() || !(a.unit == b.unit)) return marker(CellKind::NotMeaningful);
  return std::nullopt;
}

class CellMaker {
 public:
  explicit CellMaker(const RowStyle& style) : s_(style) {}

  Cell amount(const Figure& f, std::optional<int> decimals) const {
    if (!f.has_value()) return missing(f);
    int d = decimals.value_or(s_.decimals);
    if (f.unit == s_.money) return exact(f.value, s_.unit, CellKind::Number, d, s_, s_.zero_text, CellMoney::Reporting);
    if (f.unit.is_pure() && s_.percent) {
      Cell c = scaled(f.value, 100, CellKind::Percent, d, s_, true);
      c.zero_text = s_.zero_text;
      return c;
    }
    return exact(f.value, Decimal(1), CellKind::Number, d, s_, s_.zero_text);
  }

  Cell converted(const Figure& f, std::optional<int> decimals) const {
    if (!s_.convenience) return marker(CellKind::NotAvailable);
    if (f.has_value() && !(f.unit == s_.money)) return Cell{};
    if (!f.has_value()) return missing(f);
    auto divisor = Decimal::mul(s_.unit, s_.convenience->rate);
    if (!divisor) return marker(CellKind::NotMeaningful);
    return exact(f.value, *divisor, CellKind::Number, decimals.value_or(s_.decimals), s_, s_.zero_text,
                 CellMoney::Convenience);
  }

  Cell percent_of(const Figure& f, const Figure& base, std::optional<int> decimals) const {
    if (auto m = missing(f, base)) return *m;
    if (base.value.is_zero()) return marker(CellKind::NotMeaningful);
    auto share = Ratio::div(f.value, base.value);
    if (!share) return marker(CellKind::NotMeaningful);
    return scaled(*share, 100, CellKind::Percent, decimals.value_or(s_.percent_decimals), s_, s_.percent_sign);
  }

  // The change against `base`: percent of the base; a ratio's as the line says.
  Cell change(const Figure& f, const Figure& base, std::optional<int> decimals) const {
    if (auto m = missing(f, base)) return *m;
    if (ratio(f) && s_.ratio_change == RatioChange::Points) return points(f, base, 100, decimals);
    if (ratio(f) && s_.ratio_change == RatioChange::BasisPoints) return points(f, base, 10000, decimals);
    if (base.value.is_zero()) return marker(CellKind::NotMeaningful);
    if (s_.change_sign_flip_nm && f.value.sign() * base.value.sign() < 0) return marker(CellKind::NotMeaningful);
    auto rate = Ratio::sub(f.value, base.value);
    if (rate) rate = Ratio::div(*rate, base.value);
    if (!rate) return marker(CellKind::NotMeaningful);
    return scaled(*rate, 100, CellKind::Percent, decimals.value_or(s_.percent_decimals), s_, s_.percent_sign);
  }

  Cell difference(const Figure& f, const Figure& base, std::optional<int> decimals) const {
    if (auto m = missing(f, base)) return *m;
    auto d = Ratio::sub(f.value, base.value);
    if (!d) return marker(CellKind::NotMeaningful);
    return amount(Figure::of(*d, f.unit), decimals);
  }

  // A ratio's change in points (factor 100) or basis points (10000); blank on other lines.
  Cell points(const Figure& f, const Figure& base, long long factor, std::optional<int> decimals) const {
    if (auto m = missing(f, base)) return *m;
    if (!ratio(f)) return Cell{};
    auto d = Ratio::sub(f.value, base.value);
    if (!d) return marker(CellKind::NotMeaningful);
    int digits = decimals.value_or(factor == 100 ? s_.percent_decimals : 0);
    return scaled(*d, factor, factor == 100 ? CellKind::Percent : CellKind::Number, digits, s_, false);
  }

 private:
  bool ratio(const Figure& f) const { return f.unit.is_pure() && s_.percent; }
  const RowStyle& s_;
};

}  // namespace

std::optional<ColumnPeriods> resolve_columns(const std::vector<LayoutColumn>& columns, const Period& reported,
                                             const FiscalCalendar& calendar, bool balance,
                                             std::vector<Diagnostic>* errors) {
  ColumnPeriods out;
  bool good = true;
  auto need = [&](const PeriodRef& ref, const SourceRef& where) -> long {
    auto p = resolve(ref, reported, calendar);
    if (!p) {
      errors->push_back(
          at(where,
             "the period '" + ref.text + "' of " + calendar.name(reported) + " falls outside the years 0001 to 9999",
             "a period within the years 0001 to 9999"));
      good = false;
      return -1;
    }
    if (balance) {
      p = calendar.span(p->fiscal_year, p->quarter, 0);  // a balance stands at the period's last day
    } else if (p->is_instant()) {
      errors->push_back(at(where, "'" + ref.text + "' is a balance date, not a period",
                           "a period (current, year-ago, prior-quarter, ytd, fiscal-year, …) in a flow statement"));
      good = false;
      return -1;
    }
    if (!p) return good = false, -1;
    auto it = std::find(out.periods.begin(), out.periods.end(), *p);
    std::size_t k = static_cast<std::size_t>(it - out.periods.begin());
    if (it == out.periods.end()) out.periods.push_back(*p), out.reported.push_back(false);
    if (ref.is_current()) out.reported[k] = true;
    return static_cast<long>(k);
  };
  for (const LayoutColumn& c : columns) {
    long k = need(c.period, c.where);
    out.of.push_back(k < 0 ? 0 : static_cast<std::size_t>(k));
    out.base.push_back(compares(c.value) ? need(c.base, c.where) : -1);
  }
  if (!good) return std::nullopt;
  return out;
}

std::vector<Cell> row_cells(const std::vector<LayoutColumn>& columns, const ColumnPeriods& periods,
                            const std::vector<Figure>& values, const std::vector<Figure>* percent_base,
                            const RowStyle& style) {
  CellMaker make(style);
  std::vector<Cell> out;
  out.reserve(columns.size());
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const LayoutColumn& c = columns[i];
    const Figure& f = values[periods.of[i]];
    if (style.amounts_only && c.value != ColumnValue::Amount) {
      out.push_back(Cell{});
      continue;
    }
    const Figure* base = periods.base[i] >= 0 ? &values[static_cast<std::size_t>(periods.base[i])] : nullptr;
    switch (c.value) {
      case ColumnValue::Amount:
        out.push_back(make.amount(f, c.decimals));
        break;
      case ColumnValue::Converted:
        out.push_back(make.converted(f, c.decimals));
        break;
      case ColumnValue::Percent:
        out.push_back(percent_base ? make.percent_of(f, (*percent_base)[periods.of[i]], c.decimals)
                                   : marker(CellKind::NotAvailable));
        break;
      case ColumnValue::Change:
        out.push_back(make.change(f, *base, c.decimals));
        break;
      case ColumnValue::Difference:
        out.push_back(make.difference(f, *base, c.decimals));
        break;
      case ColumnValue::Points:
        out.push_back(make.points(f, *base, 100, c.decimals));
        break;
      case ColumnValue::BasisPoints:
        out.push_back(make.points(f, *base, 10000, c.decimals));
        break;
    }
  }
  return out;
}

namespace {

std::string change_header(const LayoutColumn& c, const Period& p, const Period& base, const FiscalCalendar& cal) {
  switch (c.value) {
    case ColumnValue::Difference:
      return "Change";
    case ColumnValue::Points:
      return "Chg (pts)";
    case ColumnValue::BasisPoints:
      return "Chg (bps)";
    default:
      break;
  }
  if (auto y = cal.year_ago(p); y && *y == base) return "YOY Chg %";
  if (auto q = cal.prior_quarter(p); q && *q == base) return "QOQ Chg %";
  return "Chg %";
}

// Whether the flow periods of the columns differ in length ("three and six months").
bool mixed_lengths(const ColumnPeriods& periods, const FiscalCalendar& calendar) {
  for (const Period& p : periods.periods)
    if (calendar.length(p) != calendar.length(periods.periods.front())) return true;
  return false;
}

// Whether a table shows a span that is neither a quarter nor a year (six
// months, 26 weeks): its name ("Q1 2025..Q2 2025") says less than its length.
bool partial_spans(const ColumnPeriods& periods) {
  for (const Period& p : periods.periods)
    if (!p.is_instant() && !p.is_quarter() && !p.is_year()) return true;
  return false;
}

// The name of the quarter `p` ends with ("Q2 2025" for the 26 weeks to it).
std::string last_quarter_name(const Period& p, const FiscalCalendar& calendar) {
  auto q = calendar.span(p.fiscal_year, p.quarter, 1);
  return q ? calendar.name(*q) : calendar.name(p);
}

}  // namespace

std::vector<Column> column_headers(const std::vector<LayoutColumn>& columns, const ColumnPeriods& periods,
                                   const FiscalCalendar& calendar, const HeaderStyle& style) {
  std::vector<Column> out;
  bool mixed = style.statement && mixed_lengths(periods, calendar);
  // Tables with a six-month or 26-week column head every amount column by
  // its length ("13 Weeks", "26 Weeks") over the quarter it ends with.
  bool by_length = !style.statement && partial_spans(periods) && mixed_lengths(periods, calendar);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const LayoutColumn& c = columns[i];
    const Period& p = periods.periods[periods.of[i]];
    Column col;
    col.id = std::string(column_value_name(c.value)) + ":" + c.period.text;
    if (compares(c.value)) col.id += ":" + c.base.text;
    std::string currency =
        c.value == ColumnValue::Converted ? (style.convenience ? style.convenience->currency : "") : style.currency;
    if (compares(c.value)) {
      col.header = change_header(c, p, periods.periods[static_cast<std::size_t>(periods.base[i])], calendar);
    } else if (style.statement) {
      col.group = mixed ? calendar.length(p) + " Ended" : long_date(p.last);
      col.header = c.value == ColumnValue::Percent ? style.percent_header : mixed ? long_date(p.last) : currency;
    } else if (c.value == ColumnValue::Converted) {
      col.group = calendar.name(p);
      col.header = currency;
    } else if (c.value == ColumnValue::Amount && by_length && !p.is_instant()) {
      col.group = calendar.length(p);
      col.header = p.is_year() ? calendar.name(p) : last_quarter_name(p, calendar);
    } else if (c.value == ColumnValue::Amount) {
      col.header = calendar.name(p);
    }
    if (!c.group.empty()) col.group = c.group;
    if (!c.header.empty()) col.header = c.header;
    out.push_back(std::move(col));
  }
  return out;
}

namespace {

bool has_money(const Row& row) {
  return std::any_of(row.cells.begin(), row.cells.end(),
                     [](const Cell& c) { return c.kind == CellKind::Number && c.money != CellMoney::None; });
}

bool signed_row(const Row& row, bool first, CurrencySign placement) {
  switch (placement) {
    case CurrencySign::None:
      return false;
    case CurrencySign::First:
      return first;
    case CurrencySign::FirstAndTotals:
      return first || row.kind == RowKind::Total;
    case CurrencySign::All:
      return true;
  }
  return false;
}

}  // namespace

void place_currency_signs(Table* t) {
  const Presentation& style = t->style;
  bool first = true;
  for (Row& row : t->rows) {
    if (row.kind == RowKind::Heading || !has_money(row)) continue;
    if (signed_row(row, first, style.currency_sign))
      for (Cell& c : row.cells)
        if (c.kind == CellKind::Number && c.money != CellMoney::None)
          c.currency_sign = c.money == CellMoney::Reporting ? style.currency_symbol : style.convenience_symbol;
    first = false;
  }
}

std::string flow_title(const std::vector<Period>& shown, const FiscalCalendar& calendar) {
  std::vector<std::string> lengths;
  std::vector<Date> dates;
  for (const Period& p : shown) {
    std::string l = calendar.length(p);
    if (std::find(lengths.begin(), lengths.end(), l) == lengths.end()) lengths.push_back(l);
    if (std::find(dates.begin(), dates.end(), p.last) == dates.end()) dates.push_back(p.last);
  }
  auto joined = [](const std::vector<std::string>& parts) {
    std::string s;
    for (std::size_t k = 0; k < parts.size(); ++k)
      s += (k == 0 ? "" : (k + 1 == parts.size() ? " and " : ", ")) + parts[k];
    return s;
  };
  std::string words;
  if (lengths.size() == 1 && lengths[0] == "Year") {
    words = dates.size() > 1 ? "Years" : "Year";
  } else {
    // "Three Months", "Six Months" -> "Three and Six Months" when they share their last word.
    std::string unit;
    std::vector<std::string> counts;
    for (const std::string& l : lengths) {
      auto space = l.rfind(' ');
      std::string last = space == std::string::npos ? l : l.substr(space + 1);
      if (unit.empty()) unit = last;
      if (space == std::string::npos || last != unit) {
        counts.clear();
        break;
      }
      counts.push_back(l.substr(0, space));
    }
    words = counts.empty() ? joined(lengths) : joined(counts) + " " + unit;
  }
  return "For the " + words + " Ended ";
}

}  // namespace kessan::report
