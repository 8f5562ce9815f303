#include "report/statement.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "core/scale.hpp"
#include "report/columns.hpp"
#include "report/footing.hpp"
#include "report/share_counts.hpp"
#include "report/statement_lines.hpp"

namespace kessan::report {
namespace {

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

class StatementBuilder {
 public:
  StatementBuilder(const StatementInput& in, PostingTotals* totals, std::vector<Diagnostic>* errors)
      : s_(in.settings),
        l_(in.layout),
        current_(in.current),
        errors_(errors),
        lines_(in.journal, in.settings, in.layout, in.current, totals, errors),
        style_(overridden(in.settings.presentation, in.layout.presentation)) {
    money_ = Unit::of(s_.currency);
  }

  std::optional<Table> build() {
    if (!lines_.ok()) return std::nullopt;
    std::size_t before = errors_->size();
    auto resolved = resolve_columns(l_.columns, current_, s_.calendar, l_.kind == StatementKind::Balance, errors_);
    if (!resolved) return std::nullopt;
    periods_ = std::move(*resolved);
    // The reported period must lie in the data; a comparison period outside it shows "n/a".
    values_.assign(periods_.periods.size(), StatementLines::Values(l_.lines.size()));
    for (std::size_t k = 0; k < periods_.periods.size(); ++k) {
      const Period& p = periods_.periods[k];
      if (!periods_.reported[k] && !lines_.covers(p)) continue;
      const StatementLines::Values* v = lines_.values(p);
      if (v) values_[k] = *v;
    }
    if (errors_->size() != before) return std::nullopt;
    return table();
  }

 private:
  long index_of(const std::string& id) const { return lines_.find(id); }

  // ---- table ------------------------------------------------------------

  // The distinct periods the columns show, in order.
  std::vector<std::size_t> shown() const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < l_.columns.size(); ++i)
      if (std::find(out.begin(), out.end(), periods_.of[i]) == out.end()) out.push_back(periods_.of[i]);
    return out;
  }

  // "Jun 30, 2002, Mar 31, 2002 and Jun 30, 2001": the distinct last days of `shown`.
  std::string dates(const std::vector<std::size_t>& shown) const {
    std::vector<Date> days;
    for (std::size_t k : shown)
      if (std::find(days.begin(), days.end(), periods_.periods[k].last) == days.end())
        days.push_back(periods_.periods[k].last);
    std::string out;
    for (std::size_t k = 0; k < days.size(); ++k)
      out += (k == 0 ? "" : (k + 1 == days.size() ? " and " : ", ")) + long_date(days[k]);
    return out;
  }

  std::vector<Period> shown_periods(const std::vector<std::size_t>& shown) const {
    std::vector<Period> out;
    for (std::size_t k : shown) out.push_back(periods_.periods[k]);
    return out;
  }

  // "(Expressed in Thousands of Japanese Yen (JPY) and U.S. Dollars (USD))".
  std::string expressed_in() const {
    auto currency = [](const std::string& name, const std::string& code) {
      return name.empty() || name == code ? code : name + " (" + code + ")";
    };
    bool scaled = !(s_.unit == Decimal(1));
    std::string unit = "(Expressed in " + (scaled && !s_.unit_name.empty() ? s_.unit_name + " of " : "") +
                       currency(s_.currency_name, s_.currency);
    if (s_.convenience && has_converted()) unit += " and " + currency(s_.convenience->name, s_.convenience->currency);
    return unit + ")";
  }

  Table table() {
    Table t;
    t.id = l_.id;
    t.own_page = true;
    t.style = style_;
    t.title.push_back(upper(s_.name));
    t.title.push_back(l_.title);
    std::vector<std::size_t> columns_shown = shown();
    t.title.push_back(l_.kind == StatementKind::Balance
                          ? "As of " + dates(columns_shown)
                          : flow_title(shown_periods(columns_shown), s_.calendar) + dates(columns_shown));
    t.title.push_back(expressed_in());
    HeaderStyle headers;
    headers.statement = true;
    headers.currency = s_.currency;
    headers.percent_header = l_.percent_header;
    headers.convenience = s_.convenience ? &*s_.convenience : nullptr;
    t.columns = column_headers(l_.columns, periods_, s_.calendar, headers);
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
    for (std::size_t r = 0; r < lines_.applied().size(); ++r)
      t.notes.push_back(reclassification_note(r, columns_shown));
    foot_table(l_, &t);
    place_currency_signs(&t);
    return t;
  }

  // "<note> All prior periods presented have been reclassified to conform to
  // the current presentation: JPY280,410 thousand, … were moved from
  // Value-added services to Dedicated access services for the three months
  // ended Jun 30, 2002, … respectively."
  Prose reclassification_note(std::size_t r, const std::vector<std::size_t>& shown) {
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
      const Period& p = periods_.periods[shown[k]];
      dates += sep + long_date(p.last);
      ProseFigure f;
      auto moved = lines_.reclassified(r, p);
      if (moved)
        f.cell = number(*moved, s_.unit, 0);
      else
        f.cell.kind = CellKind::NotAvailable;
      f.cell.zero_text = false;
      f.prefix = s_.release.currency_prefix;
      f.suffix = scale_suffix(s_.unit);
      f.source = rc.account + " in " + s_.calendar.name(p);
      note.add(std::move(f));
    }
    const LayoutLine* from = &l_.lines[static_cast<std::size_t>(index_of(rc.from_line))];
    const LayoutLine* to = &l_.lines[static_cast<std::size_t>(index_of(rc.to_line))];
    std::string when = " as of ";
    if (l_.kind != StatementKind::Balance) {
      std::string title = flow_title(shown_periods(shown), s_.calendar);  // "For the Three Months Ended "
      when = " " + lower(title);
      when.pop_back();
      when += " ";
    }
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

  Cell number(Decimal numerator, Decimal denominator, int decimals, RoundingMode mode = RoundingMode::HalfUp) const {
    Cell c;
    c.kind = CellKind::Number;
    c.numerator = numerator;
    c.denominator = denominator;
    c.decimals = decimals;
    c.rounding = mode;
    c.zero_text = true;
    return c;
  }

  // The period's share data; the first period without any is reported once.
  const ShareData* shares(const Period& p) {
    const ShareData* s = s_.shares_for(p);
    if (!s)
      missing_shares("no share data for period " + s_.calendar.name(p) + ", a column of statement '" + l_.id + "'",
                     "a [[shares]] table with period = \"" + s_.calendar.name(p) +
                         "\" (or --only the statements the period needs)");
    return s;
  }

  void missing_shares(std::string message, std::string expected, const SourceRef* where = nullptr) {
    if (shares_reported_) return;
    shares_reported_ = true;
    SourceRef book{s_.directory + "/book.toml", 0, 0};  // the book as a whole when no table is at fault
    errors_->push_back(
        diagnostic_at(where ? *where : book, std::move(message), std::move(expected), DiagnosticKind::Shares));
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
    row.cells = cells(line, i);
    for (const Cell& made : row.cells)
      if (made.kind == CellKind::Number && !made.numerator.is_zero()) all_zero = false;
    if (line.hide_when_zero && all_zero) return std::nullopt;
    return row;
  }

  // The line's figure in every period the columns need.
  std::vector<Figure> figures(std::size_t i) const {
    std::vector<Figure> out;
    for (std::size_t k = 0; k < periods_.periods.size(); ++k) {
      const auto& v = values_[k][i];
      out.push_back(v ? Figure::of(Ratio::from_decimal(*v), money_) : Figure::not_available());
    }
    return out;
  }

  // A per-share or share-count line's figure in every period.
  std::optional<std::vector<Figure>> share_figures(const LayoutLine& line) {
    std::vector<Figure> out;
    long of = line.kind == LineKind::PerShare || line.kind == LineKind::PerAds ? index_of(line.of) : -1;
    for (std::size_t k = 0; k < periods_.periods.size(); ++k) {
      if (!shown_period(k)) {
        out.push_back(Figure::not_available());
        continue;
      }
      const ShareData* sd = shares(periods_.periods[k]);
      if (!sd) return std::nullopt;
      ShareCount sc = share_count(line, *sd);
      if (sc.state == ShareCount::State::NoDiluted) {
        std::string name = s_.calendar.name(periods_.periods[k]);
        missing_shares(missing_count_message(line, name), missing_count_expected(line, name), &sd->where);
        return std::nullopt;
      }
      if (sc.state == ShareCount::State::NoAds) {  // no ADS: the figure does not exist
        out.push_back(Figure::not_available());
        continue;
      }
      if (sc.state == ShareCount::State::Overflow) return too_large(line, "the number of ADS equivalents");
      const Ratio& count = sc.count;
      if (of < 0) {
        auto shown = shown_count(line, count);
        if (!shown) return too_large(line, "the share count in its unit");
        out.push_back(Figure::of(*shown, Unit()));
        continue;
      }
      const auto& v = values_[k][static_cast<std::size_t>(of)];
      if (!v || count.is_zero()) {
        out.push_back(Figure::not_available());
        continue;
      }
      auto per = Ratio::div(Ratio::from_decimal(*v), count);
      if (!per) return too_large(line, "the amount per share");
      out.push_back(Figure::of(*per, Unit::of("share")));
    }
    return out;
  }

  // An overflow in a share line is an error at the line, never "n/m".
  std::nullopt_t too_large(const LayoutLine& line, const std::string& what) {
    errors_->push_back(
        diagnostic_at(line.where, "line '" + line.label + "': " + what + " is too large to compute exactly",
                      "share counts and amounts within 128-bit exact arithmetic", DiagnosticKind::Overflow));
    return std::nullopt;
  }

  // Whether an Amount column shows period k (share data is needed only there).
  bool shown_period(std::size_t k) const {
    for (std::size_t i = 0; i < l_.columns.size(); ++i)
      if (periods_.of[i] == k && l_.columns[i].value == ColumnValue::Amount) return true;
    return false;
  }

  RowStyle style(const LayoutLine& line) const {
    RowStyle st;
    st.unit = s_.unit;
    st.money = money_;
    st.decimals = 0;
    st.percent_sign = line.percent_sign;
    st.zero_text = true;
    st.change_sign_flip_nm = style_.change_sign_flip_nm;
    st.convenience = s_.convenience ? &*s_.convenience : nullptr;
    return st;
  }

  std::vector<Cell> cells(const LayoutLine& line, std::size_t i) {
    RowStyle st = style(line);
    if (line.kind == LineKind::PerShare || line.kind == LineKind::PerAds || line.kind == LineKind::Shares ||
        line.kind == LineKind::AdsCount) {
      st.amounts_only = true;
      st.zero_text = false;
      st.decimals = line.decimals;
      st.rounding = line.rounding;
      auto f = share_figures(line);
      if (!f) return std::vector<Cell>(l_.columns.size());
      return row_cells(l_.columns, periods_, *f, nullptr, st);
    }
    if (!is_money_line(line)) return std::vector<Cell>(l_.columns.size());
    std::vector<Figure> base;
    long of = l_.percent_of.empty() ? -1 : index_of(l_.percent_of);
    if (of >= 0) base = figures(static_cast<std::size_t>(of));
    return row_cells(l_.columns, periods_, figures(i), of >= 0 ? &base : nullptr, st);
  }

  const BookSettings& s_;
  const StatementLayout& l_;
  Period current_;
  std::vector<Diagnostic>* errors_;
  StatementLines lines_;
  Presentation style_;  // the book's presentation with the layout's overrides
  bool shares_reported_ = false;
  Unit money_;
  ColumnPeriods periods_;
  std::vector<StatementLines::Values> values_;
};

}  // namespace

std::optional<Table> build_statement(const StatementInput& in, std::vector<Diagnostic>* errors) {
  PostingTotals totals(in.journal, in.settings.currency);
  return build_statement(in, &totals, errors);
}

std::optional<Table> build_statement(const StatementInput& in, PostingTotals* totals, std::vector<Diagnostic>* errors) {
  return StatementBuilder(in, totals, errors).build();
}

}  // namespace kessan::report
