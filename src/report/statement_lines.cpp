#include "report/statement_lines.hpp"

#include <algorithm>

namespace kessan::report {
namespace {

constexpr std::size_t kMaxListedPostings = 20;

// What has no finer kind is about the layout's lines.
Diagnostic at(const SourceRef& where, std::string message, std::string expected = "",
              DiagnosticKind kind = DiagnosticKind::Layout) {
  return diagnostic_at(where, std::move(message), std::move(expected), kind);
}

bool matches_any(std::string_view account, const std::vector<std::string>& patterns) {
  for (const auto& pattern : patterns)
    if (account_matches(account, pattern)) return true;
  return false;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? "(all)" : out;
}

}  // namespace

bool is_money_line(const LayoutLine& line) {
  return line.kind == LineKind::Accounts || line.kind == LineKind::Sum || line.kind == LineKind::CashFlow ||
         line.kind == LineKind::CashBegin || line.kind == LineKind::CashEnd;
}

StatementLines::StatementLines(const Journal& journal, const BookSettings& settings, const StatementLayout& layout,
                               const Period& presented, PostingTotals* totals, std::vector<Diagnostic>* errors)
    : j_(journal), s_(settings), l_(layout), presented_(presented), errors_(errors), totals_(totals) {
  std::size_t before = errors_->size();
  index_lines();
  check_references();
  find_currency();
  if (errors_->size() == before && l_.kind != StatementKind::CashFlow) map_accounts();
  if (errors_->size() == before) apply_reclassifications();
  ok_ = errors_->size() == before;
}

long StatementLines::find(const std::string& id) const {
  auto it = line_index_.find(id);
  return it == line_index_.end() ? -1 : static_cast<long>(it->second);
}

// ---- layout checks --------------------------------------------------------

void StatementLines::index_lines() {
  for (std::size_t i = 0; i < l_.lines.size(); ++i) {
    const LayoutLine& line = l_.lines[i];
    if (line.id.empty()) continue;
    if (!line_index_.emplace(line.id, i).second)
      errors_->push_back(at(line.where, "line id '" + line.id + "' is used twice", "a unique id per line"));
  }
}

const LayoutLine* StatementLines::find_line(const std::string& id) const {
  long i = find(id);
  return i < 0 ? nullptr : &l_.lines[static_cast<std::size_t>(i)];
}

void StatementLines::require_line(const std::string& id, const SourceRef& where, const char* what) {
  if (!find_line(id))
    errors_->push_back(
        at(where, std::string(what) + " names an unknown line '" + id + "'", "the id of a line of " + l_.id));
}

void StatementLines::check_references() {
  for (const LayoutLine& line : l_.lines) {
    for (const Term& t : line.terms) require_line(t.line, line.where, "a sum");
    for (const Term& t : line.equals) require_line(t.line, line.where, "an 'equals' relation");
    if (line.kind == LineKind::PerShare || line.kind == LineKind::PerAds) {
      require_line(line.of, line.where, "a per-share line");
      const LayoutLine* of = find_line(line.of);
      if (of && !is_money_line(*of))
        errors_->push_back(at(line.where,
                              "per-share line '" + line.label + "' divides line '" + line.of + "', which has no amount",
                              "a line of accounts, a sum, a flow or a cash line"));
    }
    bool cash_kind =
        line.kind == LineKind::CashFlow || line.kind == LineKind::CashBegin || line.kind == LineKind::CashEnd;
    if (cash_kind && l_.kind != StatementKind::CashFlow)
      errors_->push_back(at(line.where, "cash-flow line '" + line.label + "' in a statement that is not a cash flow",
                            "kind = \"cash-flow\" for the layout"));
  }
  if (!l_.percent_of.empty()) require_line(l_.percent_of, l_.where, "percent_of");
  for (const LayoutColumn& c : l_.columns)
    if (c.value == ColumnValue::Percent && l_.percent_of.empty())
      errors_->push_back(at(c.where, "a percent column needs the layout's percent_of line", "percent_of = \"LINE\""));
  for (const Reclassification& r : s_.reclassifications) {
    if (r.layout != l_.id) continue;
    if (!find_line(r.from_line))
      errors_->push_back(at(r.where, "a reclassification out of an unknown line '" + r.from_line + "'",
                            "the id of a line of " + l_.id));
    if (!find_line(r.to_line))
      errors_->push_back(
          at(r.where, "a reclassification into an unknown line '" + r.to_line + "'", "the id of a line of " + l_.id));
    else if (find_line(r.to_line)->kind != LineKind::Accounts)
      errors_->push_back(at(r.where, "a reclassification into line '" + r.to_line + "', which is not fed by accounts",
                            "a line with accounts = [...]"));
    if (j_.accounts.find(r.account) < 0)
      errors_->push_back(at(r.where, "the reclassified account '" + r.account + "' is not in the journal",
                            "an account of the journal"));
  }
  if (l_.kind != StatementKind::CashFlow) return;
  require_line(l_.net_income_line, l_.where, "net_income_line");
  for (const CashFlowRule& r : l_.rules) {
    const LayoutLine* line = find_line(r.line);
    if (!line)
      errors_->push_back(at(r.where, "a rule names an unknown line '" + r.line + "'", "the id of a flow line"));
    else if (line->kind != LineKind::CashFlow)
      errors_->push_back(
          at(r.where, "a rule feeds line '" + r.line + "', which is not a flow line", "a line with flow = true"));
  }
  for (const CashRule& r : l_.cash_rules) {
    require_line(r.line, r.where, "a cash rule");
    require_line(r.offset_line, r.where, "a cash rule");
  }
}

void StatementLines::find_currency() {
  long c = j_.commodities.find(s_.currency);
  if (c < 0) {
    Diagnostic d;
    d.kind = DiagnosticKind::Setting;
    d.file = s_.directory + "/book.toml";
    d.message = "the book's currency '" + s_.currency + "' is not used in the journal";
    d.expected = "the commodity symbol of the journal's amounts";
    errors_->push_back(std::move(d));
    return;
  }
  currency_ = static_cast<CommodityId>(c);
}

// ---- accounts ---------------------------------------------------------------

bool StatementLines::counts(std::size_t p) const {
  return PostingTotals::counts(j_, p);
}

Diagnostic posting_not_in_currency(const Journal& j, std::size_t p, const std::string& currency) {
  Diagnostic d;
  d.kind = DiagnosticKind::Setting;  // the book's currency and the journal disagree
  std::uint32_t t = j.post_transaction[p];
  d.file = j.file_name(j.tx_where[t].file);
  d.line = j.post_line[p];
  const std::string& symbol = j.commodities[j.post_commodity[p]].symbol;
  std::string account(j.accounts.full_name(j.post_account[p]));
  d.message = symbol.empty() ? "a posting of " + j.quantity(p).to_string() + " without a commodity to " + account
                             : "a posting in " + symbol + " to " + account;
  d.message += ", but the book reports in " + currency;
  d.expected = symbol.empty()
                   ? "the amount with its commodity (" + j.quantity(p).abs().to_string() + " " + currency + ")"
                   : "amounts in the book's currency";
  return d;
}

bool StatementLines::check_commodity(std::size_t p) {
  if (j_.post_commodity[p] == currency_) return true;
  foreign_ = true;
  if (foreign_reported_) return false;
  foreign_reported_ = true;
  errors_->push_back(posting_not_in_currency(j_, p, s_.currency));
  return false;
}

void StatementLines::map_accounts() {
  std::vector<char> used(j_.accounts.size(), 0);
  for (std::size_t p = 0; p < j_.posting_count(); ++p) used[j_.post_account[p]] = 1;
  account_line_.assign(j_.accounts.size(), -1);
  for (AccountId a = 1; a < j_.accounts.size(); ++a) {
    if (!used[a]) continue;
    std::string_view name = j_.accounts.full_name(a);
    std::vector<std::size_t> matches;
    for (std::size_t i = 0; i < l_.lines.size(); ++i) {
      if (l_.lines[i].kind != LineKind::Accounts) continue;
      if (matches_any(name, l_.lines[i].accounts)) matches.push_back(i);
    }
    bool in_scope = l_.scope.empty() || matches_any(name, l_.scope);
    if (matches.size() == 1) {
      account_line_[a] = static_cast<int>(matches[0]);
    } else if (matches.size() > 1) {
      errors_->push_back(at(l_.lines[matches[1]].where,
                            "account '" + std::string(name) + "' is mapped twice in " + l_.id + ": to '" +
                                l_.lines[matches[0]].label + "' and to '" + l_.lines[matches[1]].label + "'",
                            "every account in exactly one line", DiagnosticKind::Mapping));
    } else if (in_scope) {
      errors_->push_back(at(l_.where, "account '" + std::string(name) + "' is not mapped to any line of " + l_.id,
                            "a line whose accounts include it (scope: every account under " + join(l_.scope) + ")",
                            DiagnosticKind::Mapping));
    }
  }
}

void StatementLines::apply_reclassifications() {
  account_reclass_.assign(j_.accounts.size(), -1);
  const std::vector<int> mapped = account_line_;  // the layout's own mapping
  // Every reclassification of this layout is checked, whether or not the
  // presented period applies it.
  for (const Reclassification& r : s_.reclassifications) {
    if (r.layout != l_.id) continue;
    if (l_.kind == StatementKind::CashFlow) {
      errors_->push_back(at(r.where, "reclassifications apply to flow and balance statements, not to " + l_.id,
                            "the id of an income statement or balance sheet layout"));
      continue;
    }
    int from = static_cast<int>(find(r.from_line)), to = static_cast<int>(find(r.to_line));
    bool applies = r.applies_to(presented_);
    int index = static_cast<int>(applied_.size());
    if (applies) applied_.push_back(&r);
    for (AccountId a = 1; a < j_.accounts.size(); ++a) {
      if (!account_matches(j_.accounts.full_name(a), r.account) || mapped[a] < 0) continue;
      if (mapped[a] != from) {
        errors_->push_back(at(r.where,
                              "account '" + std::string(j_.accounts.full_name(a)) + "' is on line '" +
                                  l_.lines[static_cast<std::size_t>(mapped[a])].id + "', not on '" + r.from_line +
                                  "' that the reclassification moves it from",
                              "from_line = the line the layout maps the account to"));
        continue;
      }
      if (!applies) continue;
      if (account_reclass_[a] >= 0) {
        errors_->push_back(at(r.where, "account '" + std::string(j_.accounts.full_name(a)) + "' is reclassified twice",
                              "one reclassification per account"));
        continue;
      }
      account_line_[a] = to;
      account_reclass_[a] = index;
    }
  }
}

// ---- periods ------------------------------------------------------------------

bool StatementLines::in_period(Date d, const Period& p) const {
  if (l_.kind == StatementKind::Balance) return d <= p.last;
  return d >= p.first && d <= p.last;
}

std::optional<std::pair<Date, Date>> StatementLines::data_span() const {
  if (j_.transaction_count() == 0) return std::nullopt;
  if (!data_span_)  // found once: asked for every period
    data_span_ = std::make_pair(*std::min_element(j_.tx_date.begin(), j_.tx_date.end()),
                                *std::max_element(j_.tx_date.begin(), j_.tx_date.end()));
  return data_span_;
}

bool period_covered(const Period& p, const std::pair<Date, Date>& data, int days_before) {
  const auto& [first, last] = data;
  return first.days() <= p.first.days() - days_before && last.days() >= p.last.days() - (kClosingDays - 1);
}

bool StatementLines::covers(const Period& p) const {
  auto span = data_span();
  if (!span) return false;
  if (l_.kind == StatementKind::Balance) {
    Period instant = p;
    instant.first = p.last;
    return period_covered(instant, *span);
  }
  return period_covered(p, *span, l_.kind == StatementKind::CashFlow ? 1 : 0);
}

bool StatementLines::check_coverage(const Period& p) {
  auto span = data_span();
  if (!span) {
    errors_->push_back(
        at(l_.where, "the book's journal has no transactions", "a journal with transactions", DiagnosticKind::Period));
    return false;
  }
  if (covers(p)) return true;
  const auto& [first, last] = *span;
  bool balance = l_.kind == StatementKind::Balance;
  Diagnostic d;
  d.kind = DiagnosticKind::Period;
  d.file = s_.directory + "/book.toml";
  std::string what =
      balance ? "the balance date " + p.last.to_string()
              : "period " + s_.calendar.name(p) + " (" + p.first.to_string() + " to " + p.last.to_string() + ")";
  d.message = what + " is outside the book's data (" + first.to_string() + " to " + last.to_string() + ")";
  d.expected = balance ? "a date the journal covers, with a transaction in its last 7 days or later"
                       : "a period the journal covers from its first day (cash flows: the day before) into its "
                         "last 7 days";
  errors_->push_back(std::move(d));
  return false;
}

// ---- cash flows -------------------------------------------------------------

namespace {

bool has_counter(const Journal& j, std::uint32_t t, std::size_t self, const std::string& prefix) {
  for (std::uint32_t q = j.posting_begin(t); q < j.posting_end(t); ++q)
    if (q != self && account_matches(j.accounts.full_name(j.post_account[q]), prefix)) return true;
  return false;
}

bool has_tag(const Journal& j, std::uint32_t t, std::size_t p, const std::string& spec) {
  auto eq = spec.find('=');
  std::string_view name = std::string_view(spec).substr(0, eq);
  auto first = std::lower_bound(j.tags.begin(), j.tags.end(), t,
                                [](const Tag& g, std::uint32_t tx) { return g.transaction < tx; });
  for (auto it = first; it != j.tags.end() && it->transaction == t; ++it) {
    if (it->posting != Tag::kNoPosting && it->posting != p) continue;
    if (it->name != name) continue;
    if (eq == std::string::npos || it->value == std::string_view(spec).substr(eq + 1)) return true;
  }
  return false;
}

}  // namespace

bool StatementLines::classify_cash_flows(const Period& period, std::vector<Decimal>* flows) {
  flows->assign(l_.lines.size(), Decimal());
  auto& v = *flows;
  std::size_t net_income = line_index_.at(l_.net_income_line);
  std::vector<std::string> unexplained;
  Decimal unexplained_total;
  std::size_t unexplained_count = 0;
  for (std::uint32_t t = 0; t < j_.transaction_count(); ++t) {
    if (!in_period(j_.tx_date[t], period)) continue;
    for (std::uint32_t p = j_.posting_begin(t); p < j_.posting_end(t); ++p) {
      if (!counts(p)) continue;
      check_commodity(p);
      Decimal amount = j_.quantity(p);
      std::string_view account = j_.accounts.full_name(j_.post_account[p]);
      if (matches_any(account, l_.cash)) {
        for (const CashRule& rule : l_.cash_rules) {
          if (!rule.counter.empty() && !has_counter(j_, t, p, rule.counter)) continue;
          if (!rule.tag.empty() && !has_tag(j_, t, p, rule.tag)) continue;
          v[line_index_.at(rule.line)] = plus(v[line_index_.at(rule.line)], amount);
          v[line_index_.at(rule.offset_line)] = plus(v[line_index_.at(rule.offset_line)], amount.negated());
          break;
        }
        continue;
      }
      if (matches_any(account, l_.net_income)) {
        v[net_income] = plus(v[net_income], amount.negated());
        continue;
      }
      bool done = false;
      for (const CashFlowRule& rule : l_.rules) {
        if (!account_matches(account, rule.account)) continue;
        if (!rule.counter.empty() && !has_counter(j_, t, p, rule.counter)) continue;
        if (!rule.tag.empty() && !has_tag(j_, t, p, rule.tag)) continue;
        std::size_t line = line_index_.at(rule.line);
        v[line] = plus(v[line], amount.negated());
        done = true;
        break;
      }
      if (done) continue;
      unexplained_total = plus(unexplained_total, amount.negated());
      ++unexplained_count;
      if (unexplained.size() < kMaxListedPostings)
        unexplained.push_back(j_.file_name(j_.tx_where[t].file) + ":" + std::to_string(j_.post_line[p]) + ": " +
                              j_.tx_date[t].to_string() + " " + std::string(account) + " " + amount.to_string() + " " +
                              s_.currency);
    }
  }
  if (unexplained_count == 0) return true;
  Diagnostic d =
      at(l_.where,
         "the cash flow statement for " + s_.calendar.name(period) + " does not articulate: postings totalling " +
             unexplained_total.to_string() + " " + s_.currency + " match no cash-flow rule",
         "a [[rule]] for every non-cash account (first match wins)");
  d.notes = std::move(unexplained);
  if (unexplained_count > kMaxListedPostings)
    d.notes.push_back("… and " + std::to_string(unexplained_count - kMaxListedPostings) + " more");
  errors_->push_back(std::move(d));
  return false;
}

Decimal StatementLines::cash_balance(Date through) {
  if (cash_accounts_.empty() && !l_.cash.empty())
    for (std::size_t a = 1; a < j_.accounts.size(); ++a)
      if (matches_any(j_.accounts.full_name(static_cast<AccountId>(a)), l_.cash))
        cash_accounts_.push_back(static_cast<AccountId>(a));
  const PostingTotals::Sums& s = totals_->sums(through, through, true);
  Decimal sum;
  std::uint32_t foreign = PostingTotals::kNone;
  for (AccountId a : cash_accounts_) {
    foreign = std::min(foreign, s.own_foreign[a]);
    if (s.own_overflow[a]) overflowed_ = true;
    sum = plus(sum, s.own[a]);
  }
  if (foreign != PostingTotals::kNone) check_commodity(foreign);
  return sum;
}

// ---- values -------------------------------------------------------------------

const StatementLines::Values* StatementLines::values(const Period& p) {
  auto key = std::make_pair(p.first.days(), p.last.days());
  auto it = cache_.find(key);
  if (it == cache_.end()) it = cache_.emplace(key, compute(p)).first;
  return it->second.ok ? &it->second.lines : nullptr;
}

std::optional<Decimal> StatementLines::reclassified(std::size_t r, const Period& p) {
  if (!values(p)) return std::nullopt;
  return cache_.at(std::make_pair(p.first.days(), p.last.days())).moved[r];
}

Decimal StatementLines::plus(Decimal a, Decimal b) const {
  auto sum = Decimal::add(a, b);
  if (!sum) overflowed_ = true;
  return sum.value_or(Decimal());
}

StatementLines::PeriodValues StatementLines::compute(const Period& p) {
  PeriodValues out = compute_unchecked(p);
  if (!overflowed_) return out;
  overflowed_ = false;
  out.ok = false;
  errors_->push_back(at(l_.where,
                        "a total of " + l_.id + " for " + s_.calendar.name(p) + " is too large to compute exactly",
                        "amounts within 128-bit exact arithmetic", DiagnosticKind::Overflow));
  return out;
}

StatementLines::PeriodValues StatementLines::compute_unchecked(const Period& p) {
  PeriodValues out;
  if (!ok_ || !check_coverage(p)) return out;
  foreign_ = false;
  std::size_t n = l_.lines.size();
  out.lines.assign(n, std::nullopt);
  out.moved.assign(applied_.size(), Decimal());
  std::vector<Decimal> by_line(n);
  std::vector<Decimal> flows;
  if (l_.kind == StatementKind::CashFlow) {
    if (!classify_cash_flows(p, &flows)) return out;
  } else {
    const PostingTotals::Sums& s = totals_->sums(p.first, p.last, l_.kind == StatementKind::Balance);
    std::uint32_t foreign = PostingTotals::kNone;
    for (std::size_t a = 0; a < account_line_.size(); ++a) {
      int line = account_line_[a];
      if (line < 0) continue;
      foreign = std::min(foreign, s.own_foreign[a]);
      if (s.own_overflow[a]) overflowed_ = true;
      by_line[static_cast<std::size_t>(line)] = plus(by_line[static_cast<std::size_t>(line)], s.own[a]);
      if (account_reclass_[a] >= 0) {
        auto r = static_cast<std::size_t>(account_reclass_[a]);
        out.moved[r] = plus(out.moved[r], s.own[a]);
      }
    }
    if (foreign != PostingTotals::kNone) check_commodity(foreign);
  }
  for (std::size_t r = 0; r < applied_.size(); ++r)
    if (l_.lines[static_cast<std::size_t>(find(applied_[r]->to_line))].sign == Sign::Credit)
      out.moved[r] = out.moved[r].negated();
  for (std::size_t i = 0; i < n; ++i) {
    const LayoutLine& line = l_.lines[i];
    switch (line.kind) {
      case LineKind::Accounts:
        out.lines[i] = line.sign == Sign::Credit ? by_line[i].negated() : by_line[i];
        break;
      case LineKind::CashFlow:
        out.lines[i] = flows[i];
        break;
      case LineKind::CashBegin:
        out.lines[i] = cash_balance(Date::from_days(p.first.days() - 1));
        break;
      case LineKind::CashEnd:
        out.lines[i] = cash_balance(p.last);
        break;
      default:
        break;
    }
  }
  if (foreign_) return out;  // reported (once) by check_commodity: no figures from a partial sum
  if (!sum_lines(out.lines)) return out;
  if (l_.kind == StatementKind::CashFlow && !check_articulation(out.lines, p)) return out;
  if (!check_relations(out.lines, p)) return out;
  out.ok = true;
  return out;
}

// Sums are added up after the lines they add, in an order found with a
// stack of its own: a sum of a sum of a sum … can be a long chain.
bool StatementLines::sum_lines(Values& v) {
  enum class Mark : char { New, OnPath, Done };
  std::vector<Mark> marks(l_.lines.size(), Mark::New);
  std::vector<std::pair<std::size_t, std::size_t>> path;  // a sum line, and how many of its terms are ready
  for (std::size_t root = 0; root < l_.lines.size(); ++root) {
    if (l_.lines[root].kind != LineKind::Sum || marks[root] != Mark::New) continue;
    marks[root] = Mark::OnPath;
    path.push_back({root, 0});
    while (!path.empty()) {
      auto& [i, ready] = path.back();
      const LayoutLine& line = l_.lines[i];
      if (ready == line.terms.size()) {
        if (!add_up(v, i)) return false;
        marks[i] = Mark::Done;
        path.pop_back();
        continue;
      }
      std::size_t j = line_index_.at(line.terms[ready++].line);
      if (l_.lines[j].kind != LineKind::Sum || marks[j] == Mark::Done) continue;
      if (marks[j] == Mark::OnPath) {
        errors_->push_back(at(l_.lines[j].where, "line '" + l_.lines[j].label + "' is defined in terms of itself",
                              "sums without cycles"));
        return false;
      }
      marks[j] = Mark::OnPath;
      path.push_back({j, 0});
    }
  }
  return true;
}

// Sum line `i`, once every line it adds has its value.
bool StatementLines::add_up(Values& v, std::size_t i) {
  const LayoutLine& line = l_.lines[i];
  Decimal total;
  for (const Term& t : line.terms) {
    const std::optional<Decimal>& value = v[line_index_.at(t.line)];
    if (!value) {
      errors_->push_back(at(line.where, "line '" + line.label + "' adds line '" + t.line + "', which has no amount",
                            "terms that are accounts, sums, cash or cash-flow lines"));
      return false;
    }
    total = plus(total, t.sign < 0 ? value->negated() : *value);
  }
  v[i] = total;
  return true;
}

bool StatementLines::check_relations(const Values& v, const Period& p) {
  bool ok = true;
  for (std::size_t i = 0; i < l_.lines.size(); ++i) {
    const LayoutLine& line = l_.lines[i];
    if (line.equals.empty() || !v[i]) continue;
    Decimal total;
    bool complete = true;
    for (const Term& t : line.equals) {
      auto value = v[line_index_.at(t.line)];
      if (!value)
        complete = false;
      else
        total = plus(total, t.sign < 0 ? value->negated() : *value);
    }
    if (!complete || total == *v[i]) continue;
    ok = false;
    errors_->push_back(at(line.where,
                          "line '" + line.label + "' is " + v[i]->to_string() + " in " + s_.calendar.name(p) +
                              ", not the " + total.to_string() + " its 'equals' terms add up to",
                          "a relation that holds in the books"));
  }
  return ok;
}

bool StatementLines::check_articulation(const Values& v, const Period& p) {
  Decimal begin, end, flows;
  for (std::size_t i = 0; i < l_.lines.size(); ++i) {
    const LayoutLine& line = l_.lines[i];
    if (line.kind == LineKind::CashBegin) begin = *v[i];
    if (line.kind == LineKind::CashEnd) end = *v[i];
    if (line.kind == LineKind::CashFlow) flows = plus(flows, *v[i]);
  }
  Decimal expected = plus(begin, flows);
  if (expected == end) return true;
  auto difference = Decimal::sub(end, expected);
  errors_->push_back(at(l_.where,
                        "the cash flow statement for " + s_.calendar.name(p) +
                            " does not articulate: beginning cash + flows = " + expected.to_string() +
                            ", ending cash = " + end.to_string() +
                            (difference ? " (difference " + difference->to_string() + ")" : ""),
                        "flow lines that account for every change in cash"));
  return false;
}

}  // namespace kessan::report
