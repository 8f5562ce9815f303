#include "report/statement.hpp"

#include "report/footing.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

namespace kessan::report {
namespace {

constexpr std::size_t kMaxListedPostings = 20;

Diagnostic at(const SourceRef& where, std::string message, std::string expected = "") {
  Diagnostic d;
  d.file = where.file;
  d.line = where.line;
  d.column = where.column;
  d.message = std::move(message);
  d.expected = std::move(expected);
  return d;
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

Decimal add(Decimal a, Decimal b) { return Decimal::add(a, b).value_or(Decimal()); }
Decimal mul(Decimal a, Decimal b) { return Decimal::mul(a, b).value_or(Decimal()); }

class StatementBuilder {
 public:
  StatementBuilder(const StatementInput& in, std::vector<Diagnostic>* errors)
      : j_(in.journal), s_(in.settings), l_(in.layout), current_(in.current), errors_(errors) {}

  std::optional<Table> build() {
    std::size_t before = errors_->size();
    index_lines();
    check_references();
    find_currency();
    resolve_periods();
    if (errors_->size() != before) return std::nullopt;
    if (l_.kind == StatementKind::CashFlow)
      classify_cash_flows();
    else
      map_accounts();
    if (errors_->size() != before) return std::nullopt;
    compute_values();
    if (errors_->size() != before) return std::nullopt;
    return table();
  }

 private:
  // ---- layout checks ----------------------------------------------------

  void index_lines() {
    for (std::size_t i = 0; i < l_.lines.size(); ++i) {
      const LayoutLine& line = l_.lines[i];
      if (line.id.empty()) continue;
      if (!line_index_.emplace(line.id, i).second)
        errors_->push_back(at(line.where, "line id '" + line.id + "' is used twice", "a unique id per line"));
    }
  }

  const LayoutLine* find_line(const std::string& id) const {
    auto it = line_index_.find(id);
    return it == line_index_.end() ? nullptr : &l_.lines[it->second];
  }

  void require_line(const std::string& id, const SourceRef& where, const char* what) {
    if (!find_line(id))
      errors_->push_back(at(where, std::string(what) + " names an unknown line '" + id + "'",
                            "the id of a line of this layout"));
  }

  void check_references() {
    for (const LayoutLine& line : l_.lines) {
      for (const Term& t : line.terms) require_line(t.line, line.where, "a sum");
      for (const Term& t : line.equals) require_line(t.line, line.where, "an 'equals' relation");
      if (line.kind == LineKind::PerShare || line.kind == LineKind::PerAds) require_line(line.of, line.where, "a per-share line");
      bool cash_kind = line.kind == LineKind::CashFlow || line.kind == LineKind::CashBegin || line.kind == LineKind::CashEnd;
      if (cash_kind && l_.kind != StatementKind::CashFlow)
        errors_->push_back(at(line.where, "cash-flow line '" + line.label + "' in a statement that is not a cash flow",
                              "kind = \"cash-flow\" for the layout"));
    }
    if (!l_.percent_of.empty()) require_line(l_.percent_of, l_.where, "percent_of");
    for (const LayoutColumn& c : l_.columns)
      if (c.value == ColumnValue::Percent && l_.percent_of.empty())
        errors_->push_back(at(c.where, "a percent column needs the layout's percent_of line", "percent_of = \"LINE\""));
    if (l_.kind != StatementKind::CashFlow) return;
    require_line(l_.net_income_line, l_.where, "net_income_line");
    for (const CashFlowRule& r : l_.rules) {
      const LayoutLine* line = find_line(r.line);
      if (!line)
        errors_->push_back(at(r.where, "a rule names an unknown line '" + r.line + "'", "the id of a flow line"));
      else if (line->kind != LineKind::CashFlow)
        errors_->push_back(at(r.where, "a rule feeds line '" + r.line + "', which is not a flow line",
                              "a line with flow = true"));
    }
    for (const CashRule& r : l_.cash_rules) {
      require_line(r.line, r.where, "a cash rule");
      require_line(r.offset_line, r.where, "a cash rule");
    }
  }

  void find_currency() {
    long c = j_.commodities.find(s_.currency);
    if (c < 0) {
      Diagnostic d;
      d.file = s_.directory + "/book.toml";
      d.message = "the book's currency '" + s_.currency + "' is not used in the journal";
      d.expected = "the commodity symbol of the journal's amounts";
      errors_->push_back(std::move(d));
      return;
    }
    currency_ = static_cast<CommodityId>(c);
  }

  // ---- periods ----------------------------------------------------------

  static int ref_index(PeriodRef r) { return static_cast<int>(r); }

  void resolve_periods() {
    const FiscalCalendar& cal = s_.calendar;
    periods_[0] = current_;
    periods_[1] = cal.year_ago(current_);
    periods_[2] = cal.prior_quarter(current_);
    Period year_end;
    year_end.first = year_end.last = cal.prior_year_end(current_);
    periods_[3] = year_end;
    used_.fill(false);
    for (const LayoutColumn& c : l_.columns) {
      used_[ref_index(c.period)] = true;
      if (c.value == ColumnValue::Change) used_[ref_index(c.base)] = true;
      bool bad = (c.period == PeriodRef::PriorYearEnd || (c.value == ColumnValue::Change && c.base == PeriodRef::PriorYearEnd)) &&
                 l_.kind != StatementKind::Balance;
      if (bad)
        errors_->push_back(at(c.where, "prior-year-end is a balance date, not a period",
                              "current, year-ago or prior-quarter in a flow statement"));
    }
    if (j_.transaction_count() == 0) {
      errors_->push_back(at(l_.where, "the book's journal has no transactions", "a journal with transactions"));
      return;
    }
    Date first = *std::min_element(j_.tx_date.begin(), j_.tx_date.end());
    Date last = *std::max_element(j_.tx_date.begin(), j_.tx_date.end());
    for (int r = 0; r < 4; ++r) {
      if (!used_[r]) continue;
      const Period& p = periods_[r];
      bool balance = l_.kind == StatementKind::Balance;
      // A flow period needs data from its first day (cash flows also the day
      // before); a balance needs data up to its date.
      Date need_from = balance ? p.last : Date::from_days(p.first.days() - (l_.kind == StatementKind::CashFlow ? 1 : 0));
      if (need_from < first || p.last > last) {
        Diagnostic d;
        d.file = s_.directory + "/book.toml";
        d.message = "period " + s_.calendar.name(p) + " (" + p.first.to_string() + " to " + p.last.to_string() +
                    ") is outside the book's data (" + first.to_string() + " to " + last.to_string() + ")";
        d.expected = "a period whose comparison periods the journal covers";
        errors_->push_back(std::move(d));
      }
    }
  }

  bool in_period(Date d, int r) const {
    const Period& p = periods_[r];
    if (l_.kind == StatementKind::Balance) return d <= p.last;
    return d >= p.first && d <= p.last;
  }

  bool counts(std::size_t p) const { return j_.post_kind[p] != PostingKind::VirtualUnbalanced; }

  // ---- accounts ---------------------------------------------------------

  void check_commodity(std::size_t p) {
    if (j_.post_commodity[p] == currency_ || foreign_reported_) return;
    foreign_reported_ = true;
    Diagnostic d;
    std::uint32_t t = j_.post_transaction[p];
    d.file = j_.file_name(j_.tx_where[t].file);
    d.line = j_.post_line[p];
    d.message = "a posting in " + j_.commodities[j_.post_commodity[p]].symbol + " to " +
                std::string(j_.accounts.full_name(j_.post_account[p])) + ", but the book reports in " + s_.currency;
    d.expected = "amounts in the book's currency";
    errors_->push_back(std::move(d));
  }

  void map_accounts() {
    std::vector<char> used(j_.accounts.size(), 0);
    for (std::size_t p = 0; p < j_.posting_count(); ++p) used[j_.post_account[p]] = 1;
    account_line_.assign(j_.accounts.size(), -1);
    for (AccountId a = 1; a < j_.accounts.size(); ++a) {
      if (!used[a]) continue;
      std::string_view name = j_.accounts.full_name(a);
      std::vector<std::size_t> matches;
      for (std::size_t i = 0; i < l_.lines.size(); ++i) {
        if (l_.lines[i].kind != LineKind::Accounts) continue;
        for (const std::string& pattern : l_.lines[i].accounts)
          if (account_matches(name, pattern)) {
            matches.push_back(i);
            break;
          }
      }
      bool in_scope = l_.scope.empty();
      for (const std::string& pattern : l_.scope) in_scope |= account_matches(name, pattern);
      if (matches.size() == 1) {
        account_line_[a] = static_cast<int>(matches[0]);
      } else if (matches.size() > 1) {
        Diagnostic d = at(l_.lines[matches[1]].where,
                          "account '" + std::string(name) + "' is mapped twice in " + l_.id + ": to '" +
                              l_.lines[matches[0]].label + "' and to '" + l_.lines[matches[1]].label + "'",
                          "every account in exactly one line");
        errors_->push_back(std::move(d));
      } else if (in_scope) {
        Diagnostic d = at(l_.where, "account '" + std::string(name) + "' is not mapped to any line of " + l_.id,
                          "a line whose accounts include it (scope: every account under " + join(l_.scope) + ")");
        errors_->push_back(std::move(d));
      }
    }
  }

  static std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return out.empty() ? "(all)" : out;
  }

  // ---- cash flows -------------------------------------------------------

  bool has_counter(std::uint32_t t, std::size_t self, const std::string& prefix) const {
    for (std::uint32_t q = j_.posting_begin(t); q < j_.posting_end(t); ++q)
      if (q != self && account_matches(j_.accounts.full_name(j_.post_account[q]), prefix)) return true;
    return false;
  }

  bool has_tag(std::uint32_t t, std::size_t p, const std::string& spec) const {
    auto eq = spec.find('=');
    std::string_view name = std::string_view(spec).substr(0, eq);
    auto first = std::lower_bound(j_.tags.begin(), j_.tags.end(), t,
                                  [](const Tag& g, std::uint32_t tx) { return g.transaction < tx; });
    for (auto it = first; it != j_.tags.end() && it->transaction == t; ++it) {
      if (it->posting != Tag::kNoPosting && it->posting != p) continue;
      if (it->name != name) continue;
      if (eq == std::string::npos || it->value == std::string_view(spec).substr(eq + 1)) return true;
    }
    return false;
  }

  bool matches_any(std::string_view account, const std::vector<std::string>& patterns) const {
    for (const auto& pattern : patterns)
      if (account_matches(account, pattern)) return true;
    return false;
  }

  void classify_cash_flows() {
    flow_values_.assign(4, std::vector<Decimal>(l_.lines.size()));
    std::size_t net_income = line_index_.count(l_.net_income_line) ? line_index_.at(l_.net_income_line) : 0;
    for (int r = 0; r < 3; ++r) {
      if (!used_[r]) continue;
      std::vector<std::string> unexplained;
      Decimal unexplained_total;
      for (std::uint32_t t = 0; t < j_.transaction_count(); ++t) {
        if (!in_period(j_.tx_date[t], r)) continue;
        for (std::uint32_t p = j_.posting_begin(t); p < j_.posting_end(t); ++p) {
          if (!counts(p)) continue;
          check_commodity(p);
          Decimal amount = j_.quantity(p);
          std::string_view account = j_.accounts.full_name(j_.post_account[p]);
          auto& v = flow_values_[r];
          if (matches_any(account, l_.cash)) {
            for (const CashRule& rule : l_.cash_rules) {
              if (!rule.counter.empty() && !has_counter(t, p, rule.counter)) continue;
              if (!rule.tag.empty() && !has_tag(t, p, rule.tag)) continue;
              v[line_index_.at(rule.line)] = add(v[line_index_.at(rule.line)], amount);
              v[line_index_.at(rule.offset_line)] = add(v[line_index_.at(rule.offset_line)], amount.negated());
              break;
            }
            continue;
          }
          if (matches_any(account, l_.net_income)) {
            v[net_income] = add(v[net_income], amount.negated());
            continue;
          }
          bool done = false;
          for (const CashFlowRule& rule : l_.rules) {
            if (!account_matches(account, rule.account)) continue;
            if (!rule.counter.empty() && !has_counter(t, p, rule.counter)) continue;
            if (!rule.tag.empty() && !has_tag(t, p, rule.tag)) continue;
            std::size_t line = line_index_.at(rule.line);
            v[line] = add(v[line], amount.negated());
            done = true;
            break;
          }
          if (done) continue;
          unexplained_total = add(unexplained_total, amount.negated());
          if (unexplained.size() < kMaxListedPostings)
            unexplained.push_back(j_.file_name(j_.tx_where[t].file) + ":" + std::to_string(j_.post_line[p]) + ": " +
                                  j_.tx_date[t].to_string() + " " + std::string(account) + " " + amount.to_string() +
                                  " " + s_.currency);
        }
      }
      if (unexplained.empty()) continue;
      Diagnostic d = at(l_.where,
                        "the cash flow statement for " + s_.calendar.name(periods_[r]) +
                            " does not articulate: postings totalling " + unexplained_total.to_string() + " " +
                            s_.currency + " match no cash-flow rule",
                        "a [[rule]] for every non-cash account (first match wins)");
      d.notes = std::move(unexplained);
      errors_->push_back(std::move(d));
    }
  }

  Decimal cash_balance(Date through) const {
    Decimal sum;
    for (std::size_t p = 0; p < j_.posting_count(); ++p) {
      if (j_.post_date[p] > through || !counts(p) || j_.post_commodity[p] != currency_) continue;
      if (matches_any(j_.accounts.full_name(j_.post_account[p]), l_.cash)) sum = add(sum, j_.quantity(p));
    }
    return sum;
  }

  // ---- values -----------------------------------------------------------

  void compute_values() {
    values_.assign(4, std::vector<std::optional<Decimal>>(l_.lines.size()));
    for (int r = 0; r < 4; ++r) {
      if (!used_[r]) continue;
      std::vector<Decimal> by_line(l_.lines.size());
      if (l_.kind != StatementKind::CashFlow) {
        for (std::size_t p = 0; p < j_.posting_count(); ++p) {
          int line = account_line_[j_.post_account[p]];
          if (line < 0 || !counts(p) || !in_period(j_.post_date[p], r)) continue;
          check_commodity(p);
          by_line[line] = add(by_line[line], j_.quantity(p));
        }
      }
      for (std::size_t i = 0; i < l_.lines.size(); ++i) {
        const LayoutLine& line = l_.lines[i];
        switch (line.kind) {
          case LineKind::Accounts:
            values_[r][i] = line.sign == Sign::Credit ? by_line[i].negated() : by_line[i];
            break;
          case LineKind::CashFlow:
            values_[r][i] = flow_values_[r][i];
            break;
          case LineKind::CashBegin:
            values_[r][i] = cash_balance(Date::from_days(periods_[r].first.days() - 1));
            break;
          case LineKind::CashEnd:
            values_[r][i] = cash_balance(periods_[r].last);
            break;
          default:
            break;
        }
      }
      for (std::size_t i = 0; i < l_.lines.size(); ++i) sum_line(r, i, 0);
      if (l_.kind == StatementKind::CashFlow) check_articulation(r);
      check_relations(r);
    }
  }

  std::optional<Decimal> sum_line(int r, std::size_t i, int depth) {
    const LayoutLine& line = l_.lines[i];
    if (line.kind != LineKind::Sum || values_[r][i]) return values_[r][i];
    if (depth > static_cast<int>(l_.lines.size())) {
      errors_->push_back(at(line.where, "line '" + line.label + "' is defined in terms of itself", "sums without cycles"));
      return std::nullopt;
    }
    Decimal total;
    for (const Term& t : line.terms) {
      auto v = sum_line(r, line_index_.at(t.line), depth + 1);
      if (!v) return std::nullopt;
      total = add(total, t.sign < 0 ? v->negated() : *v);
    }
    values_[r][i] = total;
    return total;
  }

  void check_relations(int r) {
    for (std::size_t i = 0; i < l_.lines.size(); ++i) {
      const LayoutLine& line = l_.lines[i];
      if (line.equals.empty() || !values_[r][i]) continue;
      Decimal total;
      for (const Term& t : line.equals) {
        auto v = values_[r][line_index_.at(t.line)];
        if (!v) return;
        total = add(total, t.sign < 0 ? v->negated() : *v);
      }
      if (total == *values_[r][i]) continue;
      errors_->push_back(at(line.where,
                            "line '" + line.label + "' is " + values_[r][i]->to_string() + " in " +
                                s_.calendar.name(periods_[r]) + ", not the " + total.to_string() +
                                " its 'equals' terms add up to",
                            "a relation that holds in the books"));
    }
  }

  void check_articulation(int r) {
    Decimal begin, end, flows;
    for (std::size_t i = 0; i < l_.lines.size(); ++i) {
      const LayoutLine& line = l_.lines[i];
      if (line.kind == LineKind::CashBegin) begin = *values_[r][i];
      if (line.kind == LineKind::CashEnd) end = *values_[r][i];
      if (line.kind == LineKind::CashFlow) flows = add(flows, flow_values_[r][i]);
    }
    Decimal expected = add(begin, flows);
    if (expected == end) return;
    Diagnostic d = at(l_.where,
                      "the cash flow statement for " + s_.calendar.name(periods_[r]) +
                          " does not articulate: beginning cash + flows = " + expected.to_string() +
                          ", ending cash = " + end.to_string() + " (difference " +
                          Decimal::sub(end, expected).value_or(Decimal()).to_string() + ")",
                      "flow lines that account for every change in cash");
    errors_->push_back(std::move(d));
  }

  // ---- table ------------------------------------------------------------

  std::string period_label(int r) const { return long_date(periods_[r].last); }

  Table table() {
    Table t;
    t.id = l_.id;
    t.title.push_back(upper(s_.name));
    t.title.push_back(l_.title);
    std::vector<int> shown;
    for (const LayoutColumn& c : l_.columns)
      if (std::find(shown.begin(), shown.end(), ref_index(c.period)) == shown.end()) shown.push_back(ref_index(c.period));
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
      t.notes.push_back("Note: The translations of " + s_.currency_name + " amounts into " + s_.convenience->name +
                        " amounts are included solely for the convenience of readers and have been made at the rate of " +
                        s_.currency + s_.convenience->rate.to_string() + " = " + s_.convenience->currency +
                        "1, the approximate rate of exchange on " + long_date(s_.convenience->date) + ".");
    for (const std::string& n : l_.notes) t.notes.push_back(n);
    foot_table(l_, &t);
    return t;
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
      case ColumnValue::Amount: col.header = s_.currency; break;
      case ColumnValue::Converted: col.header = s_.convenience ? s_.convenience->currency : ""; break;
      case ColumnValue::Percent: col.header = l_.percent_header; break;
      case ColumnValue::Change:
        col.header = c.base == PeriodRef::YearAgo ? "YOY Chg %" : c.base == PeriodRef::PriorQuarter ? "QOQ Chg %" : "Chg %";
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
    if (base.is_zero()) {
      c.kind = CellKind::NotMeaningful;
      return c;
    }
    c.kind = CellKind::Percent;
    c.numerator = mul(part, Decimal(100));
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
    bool money = line.kind == LineKind::Accounts || line.kind == LineKind::Sum || line.kind == LineKind::CashFlow ||
                 line.kind == LineKind::CashBegin || line.kind == LineKind::CashEnd;
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
      auto v = values_[r][line_index_.at(line.of)];
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
        auto base = values_[r][line_index_.at(l_.percent_of)];
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

  const Journal& j_;
  const BookSettings& s_;
  const StatementLayout& l_;
  Period current_;
  std::vector<Diagnostic>* errors_;
  std::map<std::string, std::size_t> line_index_;
  CommodityId currency_ = 0;
  bool foreign_reported_ = false;
  bool shares_reported_ = false;
  std::array<Period, 4> periods_{};
  std::array<bool, 4> used_{};
  std::vector<int> account_line_;
  std::vector<std::vector<Decimal>> flow_values_;
  std::vector<std::vector<std::optional<Decimal>>> values_;
};

} // namespace

std::optional<Table> build_statement(const StatementInput& in, std::vector<Diagnostic>* errors) {
  return StatementBuilder(in, errors).build();
}

} // namespace kessan::report
