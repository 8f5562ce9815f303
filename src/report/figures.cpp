#include "report/figures.hpp"

#include <algorithm>
#include <functional>

#include "report/share_counts.hpp"

namespace kessan::report {
namespace {

enum FrameKind { kLineFrame = 0, kMeasureFrame = 1 };

}  // namespace

bool Figures::Depth::allowed(const SourceRef& where, const std::string& what) const {
  if (f_->depth_ <= kMaxFigureDepth) return true;
  f_->ok_ = false;
  if (f_->depth_reported_) return false;
  f_->depth_reported_ = true;
  std::string limit = std::to_string(kMaxFigureDepth);
  f_->error(where, what + " is worked out through more than " + limit + " lines, measures and terms inside one another",
            "figures defined in at most " + limit + " levels", DiagnosticKind::Limit);
  return false;
}

Figures::Figures(const BookView& book, const Period& presented, std::vector<Diagnostic>* errors)
    : book_(book), presented_(presented), errors_(errors), totals_(book.journal, book.settings.currency) {
  money_ = Unit::of(book.settings.currency);
  for (const auto& l : book.statements) layouts_.push_back(&l);
  for (const auto& l : book.tables) layouts_.push_back(&l);
  statement_lines_.resize(layouts_.size());
  index_names();
  check_tables();
  check_measures();
  if (ok_) check_cycles();
}

Figures::~Figures() = default;

long Figures::find_layout(std::string_view id) const {
  auto it = layout_ids_.find(id);
  return it == layout_ids_.end() ? -1 : static_cast<long>(it->second);
}

long Figures::find_measure(std::string_view id) const {
  for (std::size_t i = 0; i < book_.measures.measures.size(); ++i)
    if (book_.measures.measures[i].id == id) return static_cast<long>(i);
  return -1;
}

void Figures::error(const SourceRef& where, std::string message, std::string expected, DiagnosticKind kind) {
  errors_->push_back(diagnostic_at(where, std::move(message), std::move(expected), kind));
  ok_ = false;
}

bool Figures::overflow(const SourceRef& where, const std::string& what) {
  error(where, what + " is too large to compute exactly", "figures within 128-bit exact arithmetic",
        DiagnosticKind::Overflow);
  return false;
}

StatementLines* Figures::statement_lines(std::size_t layout) {
  if (layouts_[layout]->kind == StatementKind::Table) return nullptr;
  if (!statement_lines_[layout])
    statement_lines_[layout] = std::make_unique<StatementLines>(book_.journal, book_.settings, *layouts_[layout],
                                                                presented_, &totals_, errors_);
  return statement_lines_[layout].get();
}

// ---- values ---------------------------------------------------------------------

bool Figures::enter(std::tuple<int, std::size_t, std::size_t, std::int32_t, std::int32_t> frame, const SourceRef& where,
                    const std::string& what) {
  if (in_progress_.insert(frame).second) return true;
  error(where, what + " is defined in terms of itself", "formulas without cycles", DiagnosticKind::Cycle);
  return false;
}

bool Figures::covers(const Period& p, int days_before) {
  const Journal& j = book_.journal;
  if (j.transaction_count() == 0) return false;
  if (!data_span_)  // found once: asked for every term of every formula
    data_span_ = std::make_pair(*std::min_element(j.tx_date.begin(), j.tx_date.end()),
                                *std::max_element(j.tx_date.begin(), j.tx_date.end()));
  return period_covered(p, *data_span_, days_before);
}

bool Figures::covered(const Period& p, const SourceRef& where, std::optional<Period> named, int days_before) {
  const Journal& j = book_.journal;
  if (j.transaction_count() != 0) {
    if (covers(p, days_before)) return true;
    const auto& [first, last] = *data_span_;
    const Period& shown = named ? *named : p;
    if (!coverage_reported_.insert(key(shown)).second) return false;
    error(where,
          "period " + book_.settings.calendar.name(shown) + " (" + shown.first.to_string() + " to " +
              shown.last.to_string() + ") is outside the book's data (" + first.to_string() + " to " +
              last.to_string() + ")",
          "a period the journal covers from its first day into its last 7 days", DiagnosticKind::Period);
    return false;
  }
  error(where, "the book's journal has no transactions", "a journal with transactions", DiagnosticKind::Period);
  return false;
}

bool Figures::account_term(const Expr& e, const Period& p, Figure* out) {
  long a = book_.journal.accounts.find(e.text);
  if (a < 0) {
    error(e.where, "no account '" + e.text + "' in the journal", "an account of the journal, in [brackets]",
          DiagnosticKind::Name);
    return false;
  }
  bool balance = e.account == AccountMeasure::Balance;
  Period span = p;
  if (balance) span.first = span.last, span.quarters = 0;  // a balance at the period's last day
  if (!covered(span, e.where, p)) return false;
  const PostingTotals::Sums& s = totals_.sums(p.first, p.last, balance);
  auto id = static_cast<std::size_t>(a);
  if (s.foreign[id] != PostingTotals::kNone) {
    if (!foreign_reported_) {
      foreign_reported_ = true;
      errors_->push_back(posting_not_in_currency(book_.journal, s.foreign[id], book_.settings.currency));
    }
    ok_ = false;
    return false;
  }
  bool split = e.account == AccountMeasure::Debits || e.account == AccountMeasure::Credits;
  if (s.overflow[id] || (split && s.split_overflow[id]))
    return overflow(e.where, "the total of account '" + e.text + "'");
  const Decimal& v = e.account == AccountMeasure::Debits    ? s.debits[id]
                     : e.account == AccountMeasure::Credits ? s.credits[id]
                                                            : s.net[id];
  *out = Figure::of(Ratio::from_decimal(v), money_);
  return true;
}

bool Figures::combine(const Expr& e, const Figure& a, const Figure& b, Figure* out) {
  return combine(
      e.op, e.where, [&e] { return to_string(e); }, a, b, out);
}

bool Figures::combine(ExprOp op, const SourceRef& where, const std::function<std::string()>& formula, const Figure& a,
                      const Figure& b, Figure* out) {
  // Units first: a figure without data keeps its unit, so "n/a" never hides
  // a sum of JPY and contracts.
  Unit unit;
  switch (op) {
    case ExprOp::Add:
    case ExprOp::Subtract:
      if (!(a.unit == b.unit)) {
        error(where,
              std::string("cannot ") + (op == ExprOp::Add ? "add " : "subtract ") + b.unit.to_string() +
                  (op == ExprOp::Add ? " to " : " from ") + a.unit.to_string() + " in '" + formula() + "'",
              "terms in the same unit", DiagnosticKind::Unit);
        return false;
      }
      unit = a.unit;
      break;
    case ExprOp::Multiply:
    case ExprOp::Divide: {
      auto combined = op == ExprOp::Multiply ? Unit::product(a.unit, b.unit) : Unit::quotient(a.unit, b.unit);
      if (!combined) {
        error(where, "the unit of '" + formula() + "' has a power above " + std::to_string(Unit::kMaxExponent),
              "a formula whose units have powers of at most " + std::to_string(Unit::kMaxExponent),
              DiagnosticKind::Unit);
        return false;
      }
      unit = *combined;
      break;
    }
    default:
      break;
  }
  if (!a.has_value() || !b.has_value()) {
    bool missing = a.state == Figure::State::NotAvailable || b.state == Figure::State::NotAvailable;
    *out = Figure{missing ? Figure::State::NotAvailable : Figure::State::NotMeaningful, Ratio(), unit};
    return true;
  }
  std::optional<Ratio> r;
  switch (op) {
    case ExprOp::Add:
      r = Ratio::add(a.value, b.value);
      break;
    case ExprOp::Subtract:
      r = Ratio::sub(a.value, b.value);
      break;
    case ExprOp::Multiply:
      r = Ratio::mul(a.value, b.value);
      break;
    case ExprOp::Divide:
      if (b.value.is_zero()) {
        *out = Figure{Figure::State::NotMeaningful, Ratio(), unit};
        return true;
      }
      r = Ratio::div(a.value, b.value);
      break;
    default:
      break;
  }
  if (!r) return overflow(where, "'" + formula() + "'");
  *out = Figure::of(*r, unit);
  return true;
}

bool Figures::evaluate(const Expr& e, const Period& p, Figure* out, long context) {
  Depth depth(this);
  if (!depth.allowed(e.where, "this term")) return false;
  switch (e.op) {
    case ExprOp::Number:
      *out = Figure::of(Ratio::from_decimal(e.number), Unit());
      return true;
    case ExprOp::Name: {
      auto bound = bound_.find(std::make_pair(&e, context));
      if (bound != bound_.end()) return target(bound->second, p, e.where, out);
      auto t = resolve(e.text, e.where, context);
      return t && target(*t, p, e.where, out);
    }
    case ExprOp::Account:
      return account_term(e, p, out);
    case ExprOp::Negate:
    case ExprOp::Abs: {
      if (!evaluate(e.args[0], p, out, context)) return false;
      if (out->has_value() && (e.op == ExprOp::Negate || out->value.sign() < 0)) out->value = out->value.negated();
      return true;
    }
    case ExprOp::AtPeriod: {
      auto shifted = period(e.text, p, e.where);
      return shifted && evaluate(e.args[0], *shifted, out, context);
    }
    case ExprOp::Add:
    case ExprOp::Subtract:
    case ExprOp::Multiply:
    case ExprOp::Divide:
      return evaluate_chain(e, p, out, context);
  }
  return false;
}

// A chain a + b - c …, left to right, without recursing down it.
bool Figures::evaluate_chain(const Expr& e, const Period& p, Figure* out, long context) {
  std::vector<const Expr*> chain = left_chain(e);
  Figure f;
  if (!evaluate(chain.back()->args[0], p, &f, context)) return false;
  for (std::size_t i = chain.size(); i-- > 0;) {
    Figure right;
    if (!evaluate(chain[i]->args[1], p, &right, context) || !combine(*chain[i], f, right, &f)) return false;
  }
  *out = f;
  return true;
}

bool Figures::target(const NameTarget& t, const Period& p, const SourceRef& where, Figure* out) {
  switch (t.kind) {
    case NameTarget::Kind::Line: {
      // A statement's figures need the journal to cover the period (a
      // balance sheet up to its date, a cash flow from the day before).
      StatementKind kind = layouts_[t.layout]->kind;
      Period span = p;
      if (kind == StatementKind::Balance) span.first = p.last, span.quarters = 0;
      int days_before = kind == StatementKind::CashFlow ? 1 : 0;
      if (kind != StatementKind::Table && !covered(span, where, p, days_before)) return false;
      return line(t.layout, t.index, p, out);
    }
    case NameTarget::Kind::Measure:
      return measure(t.index, p, out);
    case NameTarget::Kind::Statistic: {
      const Statistic& s = book_.statistics.declared[t.index];
      StatisticValue v = book_.statistics.value(t.index, p.first, p.last);
      if (v.state == StatisticValue::State::Overflow) return overflow(where, "statistic '" + s.id + "'");
      *out = v.state == StatisticValue::State::Value ? Figure::of(Ratio::from_decimal(v.value), Unit::of(s.unit))
                                                     : Figure{Figure::State::NotAvailable, Ratio(), Unit::of(s.unit)};
      return true;
    }
    case NameTarget::Kind::Reclassification: {
      const Reclassification& r = book_.settings.reclassifications[t.index];
      long l = find_layout(r.layout);
      StatementLines* lines = l < 0 ? nullptr : statement_lines(static_cast<std::size_t>(l));
      if (!lines || !lines->ok()) return false;
      *out = Figure{Figure::State::NotAvailable, Ratio(), money_};
      for (std::size_t k = 0; k < lines->applied().size(); ++k) {
        if (lines->applied()[k] != &r) continue;
        auto moved = lines->reclassified(k, p);
        if (!moved) return false;
        *out = Figure::of(Ratio::from_decimal(*moved), money_);
      }
      return true;
    }
  }
  return false;
}

bool Figures::line(std::size_t layout, std::size_t line, const Period& p, Figure* out) {
  if (layouts_[layout]->kind == StatementKind::Table) return table_line(layout, line, p, out);
  return statement_line(layout, line, p, out);
}

bool Figures::statement_line(std::size_t layout, std::size_t i, const Period& p, Figure* out) {
  const StatementLayout& l = *layouts_[layout];
  const LayoutLine& line = l.lines[i];
  StatementLines* lines = statement_lines(layout);
  if (!lines->ok()) return false;
  if (line.kind == LineKind::Heading) {
    error(line.where, "line '" + line.label + "' of " + l.id + " is a heading, without figures", "a line with figures");
    return false;
  }
  // Balance sheets are read at the period's end.
  const StatementLines::Values* v = lines->values(p);
  if (!v) return false;
  if (is_money_line(line)) {
    if (!(*v)[i]) return no_amount(line, l);
    *out = Figure::of(Ratio::from_decimal(*(*v)[i]), money_);
    return true;
  }
  std::string name = book_.settings.calendar.name(p);
  const ShareData* shares = book_.settings.shares_for(p);
  if (!shares) {
    error({book_.settings.directory + "/book.toml", 0, 0}, "no share data for period " + name,
          "a [[shares]] table with period = \"" + name + "\"", DiagnosticKind::Shares);
    return false;
  }
  bool ads = line.kind == LineKind::PerAds || line.kind == LineKind::AdsCount;
  ShareCount sc = share_count(line, *shares);
  if (sc.state == ShareCount::State::NoDiluted) {
    error(shares->where, missing_count_message(line, name), missing_count_expected(line, name), DiagnosticKind::Shares);
    return false;
  }
  if (sc.state == ShareCount::State::Overflow) return overflow(line.where, "the number of ADS equivalents");
  if (sc.state == ShareCount::State::NoAds) {  // the figure does not exist, as in the statement
    *out = Figure{Figure::State::NotAvailable, Ratio(), money_};
    return true;
  }
  const Ratio* count = &sc.count;
  if (line.kind == LineKind::Shares || line.kind == LineKind::AdsCount) {
    *out = Figure::of(*count, Unit::of(ads ? "ADS" : "shares"));
    return true;
  }
  long of = lines->find(line.of);
  if (of < 0 || count->is_zero()) {  // no ADS: the figure does not exist, as in the statement
    *out = Figure{Figure::State::NotAvailable, Ratio(), money_};
    return true;
  }
  const std::optional<Decimal>& divided = (*v)[static_cast<std::size_t>(of)];
  if (!divided) return no_amount(l.lines[static_cast<std::size_t>(of)], l);
  auto per = Ratio::div(Ratio::from_decimal(*divided), *count);
  if (!per) return overflow(line.where, "'" + line.label + "'");
  *out = Figure::of(*per, money_);
  return true;
}

// A statement line without an amount where one is needed: StatementLines
// gives every money line one, so this is a guard, never a zero.
bool Figures::no_amount(const LayoutLine& line, const StatementLayout& layout) {
  error(line.where, "line '" + line.label + "' of " + layout.id + " has no amount", "a line with an amount");
  return false;
}

bool Figures::table_line(std::size_t layout, std::size_t i, const Period& p, Figure* out) {
  auto k = std::make_tuple(layout, i, p.first.days(), p.last.days());
  auto cached = line_cache_.find(k);
  if (cached != line_cache_.end()) {
    if (!cached->second) return false;
    *out = *cached->second;
    return true;
  }
  const StatementLayout& l = *layouts_[layout];
  const LayoutLine& line = l.lines[i];
  auto frame = std::make_tuple(kLineFrame, layout, i, p.first.days(), p.last.days());
  std::string what = "line '" + line.label + "'";
  Depth depth(this);
  if (!depth.allowed(line.where, what) || !enter(frame, line.where, what)) return false;
  bool good = false;
  Figure f;
  switch (line.kind) {
    case LineKind::Statistic: {
      long s = book_.statistics.find(line.statistic);
      good = s >= 0 && target({NameTarget::Kind::Statistic, 0, static_cast<std::size_t>(s)}, p, line.where, &f);
      break;
    }
    case LineKind::Formula:
      good = line.formula && evaluate(*line.formula, p, &f, static_cast<long>(layout));
      break;
    case LineKind::Accounts:
      good = accounts_line(line, p, &f);
      break;
    case LineKind::Sum:
      good = sum_line(layout, line, p, &f);
      break;
    case LineKind::Heading:
      error(line.where, "line '" + line.label + "' of " + l.id + " is a heading, without figures",
            "a line with figures");
      break;
    default:
      break;
  }
  in_progress_.erase(frame);
  line_cache_[k] = good ? std::optional<Figure>(f) : std::nullopt;
  if (good) *out = f;
  return good;
}

bool Figures::accounts_line(const LayoutLine& line, const Period& p, Figure* out) {
  Figure f = Figure::of(Ratio(), money_);
  for (const std::string& pattern : line.accounts) {
    Expr term;
    term.op = ExprOp::Account;
    term.text = pattern;
    term.where = line.where;
    Figure part;
    if (!account_term(term, p, &part)) return false;
    auto sum = Ratio::add(f.value, part.value);
    if (!sum) return overflow(line.where, "'" + line.label + "'");
    f.value = *sum;
  }
  if (line.sign == Sign::Credit) f.value = f.value.negated();
  *out = f;
  return true;
}

bool Figures::sum_line(std::size_t layout, const LayoutLine& line, const Period& p, Figure* out) {
  Figure f;
  bool any = false, missing = false;
  for (const Term& term : line.terms) {
    auto j = line_of(layout, term.line);
    Figure part;
    if (!j || !table_line(layout, *j, p, &part)) return false;
    if (part.state != Figure::State::Value) {
      // A term without data: the sum has none, unless the line skips such terms.
      if (part.state == Figure::State::NotMeaningful || !line.skip_missing) missing = true;
      if (!any) f.unit = part.unit;
      continue;
    }
    if (term.sign < 0) part.value = part.value.negated();
    if (!any) {
      f = part;
      any = true;
      continue;
    }
    if (!(part.unit == f.unit)) {
      error(line.where,
            "line '" + line.label + "' adds " + part.unit.to_string() + " (" + term.line + ") to " + f.unit.to_string(),
            "terms in the same unit");
      return false;
    }
    auto sum = Ratio::add(f.value, part.value);
    if (!sum) return overflow(line.where, "'" + line.label + "'");
    f.value = *sum;
  }
  if (missing || !any) f.state = Figure::State::NotAvailable;
  *out = f;
  return true;
}

bool Figures::measure(std::size_t m, const Period& p, Figure* out) {
  auto k = std::make_tuple(m, p.first.days(), p.last.days());
  auto cached = measure_cache_.find(k);
  if (cached != measure_cache_.end()) {
    if (!cached->second) return false;
    *out = *cached->second;
    return true;
  }
  const Measure& def = book_.measures.measures[m];
  auto frame = std::make_tuple(kMeasureFrame, m, std::size_t(0), p.first.days(), p.last.days());
  std::string what = "measure '" + def.id + "'";
  Depth depth(this);
  if (!depth.allowed(def.where, what) || !enter(frame, def.where, what)) return false;
  Figure f;
  bool good = false;
  if (def.formula) {
    good = evaluate(*def.formula, p, &f);
  } else if (def.reconcile_from && evaluate(*def.reconcile_from, p, &f)) {
    good = true;
    for (std::size_t a = 0; a < def.adjustments.size() && good; ++a) {
      Figure part;
      good = adjustment(m, a, p, &part);
      if (!good) break;
      auto formula = [&] {  // for messages only
        Expr sum;
        sum.op = ExprOp::Add;
        sum.args = {*def.reconcile_from, def.adjustments[a].formula};
        return to_string(sum);
      };
      good = combine(ExprOp::Add, def.adjustments[a].where, formula, f, part, &f);
    }
  }
  in_progress_.erase(frame);
  measure_cache_[k] = good ? std::optional<Figure>(f) : std::nullopt;
  if (good) *out = f;
  return good;
}

bool Figures::adjustment(std::size_t m, std::size_t a, const Period& p, Figure* out) {
  return evaluate(book_.measures.measures[m].adjustments[a].formula, p, out);
}

SourceRef Figures::where_of(const NameTarget& t) const {
  switch (t.kind) {
    case NameTarget::Kind::Line:
      return layouts_[t.layout]->lines[t.index].where;
    case NameTarget::Kind::Measure:
      return book_.measures.measures[t.index].where;
    case NameTarget::Kind::Statistic:
      return book_.statistics.declared[t.index].where;
    case NameTarget::Kind::Reclassification:
      return book_.settings.reclassifications[t.index].where;
  }
  return {};
}

std::string Figures::label(const NameTarget& t) const {
  switch (t.kind) {
    case NameTarget::Kind::Line:
      return layouts_[t.layout]->lines[t.index].label;
    case NameTarget::Kind::Measure:
      return book_.measures.measures[t.index].label;
    case NameTarget::Kind::Statistic: {
      const Statistic& s = book_.statistics.declared[t.index];
      return s.label.empty() ? s.id : s.label;
    }
    case NameTarget::Kind::Reclassification:
      return book_.settings.reclassifications[t.index].id;
  }
  return "";
}

}  // namespace kessan::report