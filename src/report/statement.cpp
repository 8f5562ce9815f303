#include "report/statement.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "core/scale.hpp"
#include "report/footing.hpp"
#include "report/statement_lines.hpp"

namespace kessan::report {
namespace {

Diagnostic at(const SourceRef& where, std::string message, std::string expected = "") {
  return diagnostic_at(where, std::move(message), std::move(expected));
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

Cell marker(CellKind kind) {
  Cell c;
  c.kind = kind;
  return c;
}

// a * b; 0 on overflow, which the callers show as "n/m" or "n/a" (a zero
// divisor or count).
Decimal mul(Decimal a, Decimal b) {
  return Decimal::mul(a, b).value_or(Decimal());
}

class StatementBuilder {
 public:
  StatementBuilder(const StatementInput& in, std::vector<Diagnostic>* errors)
      : s_(in.settings),
        l_(in.layout),
        current_(in.current),
        errors_(errors),
        lines_(in.journal, in.settings, in.layout, in.current, errors) {}

  std::optional<Table> build() {
    if (!lines_.ok()) return std::nullopt;
    std::size_t before = errors_->size();
    resolve_periods();
    if (errors_->size() != before) return std::nullopt;
    values_.assign(4, StatementLines::Values(l_.lines.size()));
    for (int r = 0; r < 4; ++r) {
      if (!used_[r]) continue;
      const StatementLines::Values* v = lines_.values(periods_[r]);
      if (v) values_[r] = *v;
    }
    if (errors_->size() != before) return std::nullopt;
    return table();
  }

 private:
  static int ref_index(PeriodRef r) { return static_cast<int>(r); }

  void resolve_periods() {
    const FiscalCalendar& cal = s_.calendar;
    auto compared = cal.comparisons(current_);
    if (!compared) {
      errors_->push_back(
          at({s_.directory + "/book.toml", 0, 0},
             "period " + cal.name(current_) + " cannot be presented: " + cal.missing_comparison(current_),
             "a period whose comparison periods lie in the years 0001 to 9999"));
      return;
    }
    periods_[0] = current_;
    periods_[1] = compared->year_ago;
    periods_[2] = compared->prior_quarter;
    Period year_end;
    year_end.first = year_end.last = compared->prior_year_end;
    periods_[3] = year_end;
    used_.fill(false);
    for (const LayoutColumn& c : l_.columns) {
      used_[ref_index(c.period)] = true;
      if (c.value == ColumnValue::Change) used_[ref_index(c.base)] = true;
      bool bad = (c.period == PeriodRef::PriorYearEnd ||
                  (c.value == ColumnValue::Change && c.base == PeriodRef::PriorYearEnd)) &&
                 l_.kind != StatementKind::Balance;
      if (bad)
        errors_->push_back(at(c.where, "prior-year-end is a balance date, not a period",
                              "current, year-ago or prior-quarter in a flow statement"));
    }
  }

  long index_of(const std::string& id) const { return lines_.find(id); }

  // ---- table ------------------------------------------------------------

  std::string period_label(int r) const { return long_date(periods_[r].last); }

  Table table() {
    Table t;
    t.id = l_.id;
    t.own_page = true;
    t.title.push_back(upper(s_.name));
    t.title.push_back(l_.title);
    std::vector<int> shown;
    for (const LayoutColumn& c : l_.columns)
      if (std::find(shown.begin(), shown.end(), ref_index(c.period)) == shown.end())
        shown.push_back(ref_index(c.period));
    std::string dates;
    for (std::size_t k = 0; k < shown.size(); ++k)
      dates += (k == 0 ? "" : (k + 1 == shown.size() ? " and " : ", ")) + period_label(shown[k]);
    std::string flow_title = current_.quarter == 0 ? "For the Years Ended " : "For the Three Months Ended ";
    if (shown.size() == 1) flow_title = current_.quarter == 0 ? "For the Year Ended " : "For the Three Months Ended ";
    t.title.push_back(l_.kind == StatementKind::Balance ? "As of " + dates : flow_title + dates);
    std::string unit = "(Expressed in " + (s_.unit_name.empty() ? "" : s_.unit_name + " of ") + s_.currency_name +
                       " (" + s_.currency + ")";
    if (s_.convenience && has_converted())
      unit += " and " + s_.convenience->name + " (" + s_.convenience->currency + ")";
    t.title.push_back(unit + ")");
    for (const LayoutColumn& c : l_.columns) t.columns.push_back(column(c));
    for (std::size_t i = 0; i < l_.lines.size(); ++i) {
      std::optional<Row> row = make_row(i);
      if (row) t.rows.push_back(std::move(*row));
    }
    if (s_.convenience && has_converted())
      t.notes.push_back(
          "Note: The translations of " + s_.currency_name + " amounts into " + s_.convenience->name +
          " amounts are included solely for the convenience of readers and have been made at the rate of " +
          s_.currency + s_.convenience->rate.to_string() + " = " + s_.convenience->currency +
          "1, the approximate rate of exchange on " + long_date(s_.convenience->date) + ".");
    for (const std::string& n : l_.notes) t.notes.push_back(n);
    for (std::size_t r = 0; r < lines_.applied().size(); ++r) t.notes.push_back(reclassification_note(r, shown));
    foot_table(l_, &t);
    return t;
  }

  // "<note> All prior periods presented have been reclassified to conform to
  // the current presentation: JPY280,410 thousand, … were moved from
  // Value-added services to Dedicated access services for the three months
  // ended Jun 30, 2002, … respectively."
  Prose reclassification_note(std::size_t r, const std::vector<int>& shown) {
    const Reclassification& rc = *lines_.applied()[r];
    Prose note;
    if (!rc.note.empty()) note.add(rc.note + " ");
    note.add(shown.size() > 1
                 ? "All prior periods presented have been reclassified to conform to the current presentation: "
                 : "The reclassification moved ");
    std::string dates;
    for (std::size_t k = 0; k < shown.size(); ++k) {
      std::string sep = k == 0 ? "" : (k + 1 == shown.size() ? " and " : ", ");
      note.add(sep);
      dates += sep + period_label(shown[k]);
      ProseFigure f;
      f.cell = number(lines_.reclassified(r, periods_[shown[k]]).value_or(Decimal()), s_.unit, 0);
      f.cell.zero_as_dash = false;
      f.prefix = s_.release.currency_prefix;
      f.suffix = scale_suffix(s_.unit);
      f.source = rc.account + " in " + s_.calendar.name(periods_[shown[k]]);
      note.add(std::move(f));
    }
    const LayoutLine* from = &l_.lines[static_cast<std::size_t>(index_of(rc.from_line))];
    const LayoutLine* to = &l_.lines[static_cast<std::size_t>(index_of(rc.to_line))];
    std::string when = l_.kind == StatementKind::Balance
                           ? " as of "
                           : (current_.quarter == 0 ? " for the years ended " : " for the three months ended ");
    note.add(std::string(shown.size() > 1 ? " were" : "") + " moved from " + strip_marks(from->label) + " to " +
             strip_marks(to->label) + when + dates + (shown.size() > 1 ? ", respectively." : "."));
    return note;
  }

  // " thousand" for a unit of 1000, " million" for 1000000, "" otherwise.
  static std::string scale_suffix(const Decimal& unit) {
    for (const char* word : {"thousand", "million", "billion"})
      if (auto s = scale_named(word); s && s->factor == unit) return " " + s->word;
    return "";
  }

  // A label without footnote marks ("Dedicated access services ⁽²⁾").
  static std::string strip_marks(std::string label) {
    auto mark = label.find("\u207d");
    if (mark != std::string::npos) label.erase(mark);
    while (!label.empty() && label.back() == ' ') label.pop_back();
    return label;
  }

  bool has_converted() const {
    for (const LayoutColumn& c : l_.columns)
      if (c.value == ColumnValue::Converted) return true;
    return false;
  }

  Column column(const LayoutColumn& c) const {
    Column col;
    static const char* kRef[] = {"current", "year-ago", "prior-quarter", "prior-year-end"};
    static const char* kValue[] = {"amount", "converted", "percent", "change"};
    col.id = std::string(kValue[static_cast<int>(c.value)]) + ":" + kRef[ref_index(c.period)];
    if (c.value == ColumnValue::Change) col.id += ":" + std::string(kRef[ref_index(c.base)]);
    col.group = c.group;
    if (col.group.empty() && c.value != ColumnValue::Change) col.group = period_label(ref_index(c.period));
    switch (c.value) {
      case ColumnValue::Amount:
        col.header = s_.currency;
        break;
      case ColumnValue::Converted:
        col.header = s_.convenience ? s_.convenience->currency : "";
        break;
      case ColumnValue::Percent:
        col.header = l_.percent_header;
        break;
      case ColumnValue::Change:
        col.header = c.base == PeriodRef::YearAgo        ? "YOY Chg %"
                     : c.base == PeriodRef::PriorQuarter ? "QOQ Chg %"
                                                         : "Chg %";
        break;
    }
    if (!c.header.empty()) col.header = c.header;
    return col;
  }

  Cell number(Decimal numerator, Decimal denominator, int decimals, RoundingMode mode = RoundingMode::HalfUp) const {
    Cell c;
    c.kind = CellKind::Number;
    c.numerator = numerator;
    c.denominator = denominator;
    c.decimals = decimals;
    c.rounding = mode;
    c.zero_as_dash = l_.zero_as_dash;
    return c;
  }

  Cell percent(Decimal part, Decimal base, bool sign) const {
    Cell c;
    auto hundredfold = Decimal::mul(part, Decimal(100));
    if (base.is_zero() || !hundredfold) {
      c.kind = CellKind::NotMeaningful;
      return c;
    }
    c.kind = CellKind::Percent;
    c.numerator = *hundredfold;
    c.denominator = base;
    c.decimals = 1;
    c.percent_sign = sign;
    return c;
  }

  const ShareData* shares(int r) {
    std::string name = s_.calendar.name(periods_[r]);
    const ShareData* s = s_.shares_for(name);
    if (!s && !shares_reported_) {
      shares_reported_ = true;
      Diagnostic d;
      d.file = s_.directory + "/book.toml";
      d.message = "no share data for period " + name;
      d.expected = "a [[shares]] table with period = \"" + name + "\"";
      errors_->push_back(std::move(d));
    }
    return s;
  }

  std::optional<Row> make_row(std::size_t i) {
    const LayoutLine& line = l_.lines[i];
    Row row;
    row.id = line.id;
    row.label = line.label;
    row.indent = line.indent;
    if (line.kind == LineKind::Heading) {
      row.kind = RowKind::Heading;
      return row;
    }
    row.kind = line.total ? RowKind::Total : (line.kind == LineKind::Sum ? RowKind::Subtotal : RowKind::Line);
    bool all_zero = true;
    for (const LayoutColumn& c : l_.columns) {
      row.cells.push_back(cell(line, i, c));
      const Cell& made = row.cells.back();
      if (made.kind == CellKind::Number && !made.numerator.is_zero()) all_zero = false;
    }
    if (line.hide_when_zero && all_zero) return std::nullopt;
    return row;
  }

  Cell cell(const LayoutLine& line, std::size_t i, const LayoutColumn& c) {
    int r = ref_index(c.period);
    bool money = is_money_line(line);
    if (line.kind == LineKind::PerShare || line.kind == LineKind::PerAds || line.kind == LineKind::Shares ||
        line.kind == LineKind::AdsCount) {
      if (c.value != ColumnValue::Amount) return Cell{};
      const ShareData* sd = shares(r);
      if (!sd) return Cell{};
      Decimal count = sd->weighted_average;
      if (line.kind == LineKind::PerAds || line.kind == LineKind::AdsCount) count = mul(count, sd->ads_per_share);
      if (line.kind == LineKind::Shares || line.kind == LineKind::AdsCount) {
        Cell n = number(count, Decimal(1), 0);
        n.zero_as_dash = false;
        return n;
      }
      auto v = values_[r][static_cast<std::size_t>(index_of(line.of))];
      if (!v || count.is_zero()) return marker(CellKind::NotAvailable);
      Cell n = number(*v, count, line.decimals, line.rounding);
      n.zero_as_dash = false;
      return n;
    }
    if (!money) return Cell{};
    auto v = values_[r][i];
    if (!v) return marker(CellKind::NotAvailable);
    switch (c.value) {
      case ColumnValue::Amount:
        return number(*v, s_.unit, 0);
      case ColumnValue::Converted:
        if (!s_.convenience) return marker(CellKind::NotAvailable);
        return number(*v, mul(s_.unit, s_.convenience->rate), 0);
      case ColumnValue::Percent: {
        auto base = values_[r][static_cast<std::size_t>(index_of(l_.percent_of))];
        if (!base) return marker(CellKind::NotAvailable);
        return percent(*v, *base, line.percent_sign);
      }
      case ColumnValue::Change: {
        auto base = values_[ref_index(c.base)][i];
        if (!base) return marker(CellKind::NotAvailable);
        if (l_.change_sign_flip_nm && v->sign() * base->sign() < 0) return marker(CellKind::NotMeaningful);
        return percent(Decimal::sub(*v, *base).value_or(Decimal()), *base, line.percent_sign);
      }
    }
    return Cell{};
  }

  const BookSettings& s_;
  const StatementLayout& l_;
  Period current_;
  std::vector<Diagnostic>* errors_;
  StatementLines lines_;
  bool shares_reported_ = false;
  std::array<Period, 4> periods_{};
  std::array<bool, 4> used_{};
  std::vector<StatementLines::Values> values_;
};

}  // namespace

std::optional<Table> build_statement(const StatementInput& in, std::vector<Diagnostic>* errors) {
  return StatementBuilder(in, errors).build();
}

}  // namespace kessan::report
