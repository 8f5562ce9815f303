#include "report/figures.hpp"

#include <algorithm>
#include <functional>

namespace kessan::report {
namespace {

enum FrameKind { kLineFrame = 0, kMeasureFrame = 1 };

std::string join(const std::vector<std::string>& v, const char* sep = ", ") {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// " (did you mean 'x'?)" for the closest candidate, when it is close.
std::string suggestion(std::string_view name, const std::vector<std::string>& candidates) {
  const std::string* best = nullptr;
  std::size_t best_distance = 0;
  for (const std::string& c : candidates) {
    std::size_t d = edit_distance(name, c);
    if (!best || d < best_distance) best = &c, best_distance = d;
  }
  if (!best || best_distance > std::max<std::size_t>(2, name.size() / 3)) return "";
  return " (did you mean '" + *best + "'?)";
}

const char* kPeriodWords = "current, year-ago, prior-quarter, next-quarter, fiscal-year, prior-fiscal-year";

}  // namespace

Figures::Figures(const BookView& book, const Period& presented, std::vector<Diagnostic>* errors)
    : book_(book), presented_(presented), errors_(errors) {
  money_ = Unit::of(book.settings.currency);
  currency_ = book.journal.commodities.find(book.settings.currency);
  for (const auto& l : book.statements) layouts_.push_back(&l);
  for (const auto& l : book.tables) layouts_.push_back(&l);
  statement_lines_.resize(layouts_.size());
  check_tables();
  check_measures();
  if (ok_) check_cycles();
}

// ---- cycles ---------------------------------------------------------------------

namespace {

// A measure (layout = -1) or a table line.
using Node = std::pair<long, std::size_t>;

void names_in(const Expr& e, std::vector<const Expr*>* out) {
  if (e.op == ExprOp::Name) out->push_back(&e);
  for (const Expr& a : e.args) names_in(a, out);
}

}  // namespace

std::vector<std::pair<long, std::size_t>> Figures::dependencies(long layout, std::size_t index) {
  std::vector<const Expr*> names;
  std::vector<Node> out;
  long context = -1;
  if (layout < 0) {
    const Measure& m = book_.measures.measures[index];
    if (m.formula) names_in(*m.formula, &names);
    if (m.reconcile_from) names_in(*m.reconcile_from, &names);
    for (const Adjustment& a : m.adjustments) names_in(a.formula, &names);
  } else {
    const StatementLayout& l = *layouts_[static_cast<std::size_t>(layout)];
    const LayoutLine& line = l.lines[index];
    context = layout;
    if (line.formula) names_in(*line.formula, &names);
    for (const Term& t : line.terms)
      for (std::size_t j = 0; j < l.lines.size(); ++j)
        if (l.lines[j].id == t.line) out.push_back({layout, j});
  }
  for (const Expr* e : names) {
    auto t = find_target(e->text, context);
    if (!t) continue;
    if (t->kind == NameTarget::Kind::Measure) out.push_back({-1, t->index});
    if (t->kind == NameTarget::Kind::Line && layouts_[t->layout]->kind == StatementKind::Table)
      out.push_back({static_cast<long>(t->layout), t->index});
  }
  return out;
}

void Figures::check_cycles() {
  // Depth-first search; a node met again while on the path closes a cycle.
  enum class Mark { New, OnPath, Done };
  std::map<Node, Mark> marks;
  std::vector<Node> roots;
  for (std::size_t m = 0; m < book_.measures.measures.size(); ++m) roots.push_back({-1, m});
  for (std::size_t l = book_.statements.size(); l < layouts_.size(); ++l)
    for (std::size_t i = 0; i < layouts_[l]->lines.size(); ++i) roots.push_back({static_cast<long>(l), i});
  std::function<void(const Node&)> visit = [&](const Node& n) {
    marks[n] = Mark::OnPath;
    for (const Node& next : dependencies(n.first, n.second)) {
      Mark mark = marks.count(next) ? marks[next] : Mark::New;
      if (mark == Mark::New) {
        visit(next);
      } else if (mark == Mark::OnPath) {
        if (next.first < 0) {
          const Measure& m = book_.measures.measures[next.second];
          error(m.where, "measure '" + m.id + "' is defined in terms of itself", "formulas without cycles");
        } else {
          const LayoutLine& line = layouts_[static_cast<std::size_t>(next.first)]->lines[next.second];
          error(line.where, "line '" + line.label + "' is defined in terms of itself", "formulas without cycles");
        }
      }
    }
    marks[n] = Mark::Done;
  };
  for (const Node& root : roots)
    if (!marks.count(root)) visit(root);
}

Figures::~Figures() = default;

long Figures::find_layout(std::string_view id) const {
  for (std::size_t i = 0; i < layouts_.size(); ++i)
    if (layouts_[i]->id == id) return static_cast<long>(i);
  return -1;
}

long Figures::find_measure(std::string_view id) const {
  for (std::size_t i = 0; i < book_.measures.measures.size(); ++i)
    if (book_.measures.measures[i].id == id) return static_cast<long>(i);
  return -1;
}

void Figures::error(const SourceRef& where, std::string message, std::string expected) {
  errors_->push_back(diagnostic_at(where, std::move(message), std::move(expected)));
  ok_ = false;
}

bool Figures::overflow(const SourceRef& where, const std::string& what) {
  error(where, what + " is too large to compute exactly", "figures within 128-bit exact arithmetic");
  return false;
}

StatementLines* Figures::statement_lines(std::size_t layout) {
  if (layouts_[layout]->kind == StatementKind::Table) return nullptr;
  if (!statement_lines_[layout])
    statement_lines_[layout] =
        std::make_unique<StatementLines>(book_.journal, book_.settings, *layouts_[layout], presented_, errors_);
  return statement_lines_[layout].get();
}

// ---- checks -------------------------------------------------------------------

bool Figures::check_line_reference(const std::string& id, const StatementLayout& l, const SourceRef& where) {
  for (const LayoutLine& line : l.lines)
    if (line.id == id) return true;
  std::vector<std::string> ids;
  for (const LayoutLine& line : l.lines)
    if (!line.id.empty()) ids.push_back(line.id);
  error(where, "a sum names an unknown line '" + id + "'" + suggestion(id, ids), "the id of a line of " + l.id);
  return false;
}

void Figures::check_tables() {
  for (std::size_t t = book_.statements.size(); t < layouts_.size(); ++t) {
    const StatementLayout& l = *layouts_[t];
    std::set<std::string> ids;
    for (const LayoutLine& line : l.lines)
      if (!line.id.empty() && !ids.insert(line.id).second)
        error(line.where, "line id '" + line.id + "' is used twice", "a unique id per line");
    check_columns(l.columns, "tables");
    for (const LayoutLine& line : l.lines) {
      switch (line.kind) {
        case LineKind::Heading:
          break;
        case LineKind::Sum:
          for (const Term& term : line.terms) check_line_reference(term.line, l, line.where);
          break;
        case LineKind::Statistic:
          if (book_.statistics.find(line.statistic) < 0) {
            std::vector<std::string> known;
            for (const Statistic& s : book_.statistics.declared) known.push_back(s.id);
            error(line.where, "unknown statistic '" + line.statistic + "'" + suggestion(line.statistic, known),
                  book_.settings.statistics.empty()
                      ? "a statistic declared in the book's statistics file (statistics = \"…\" in book.toml)"
                      : "a statistic declared in " + book_.settings.directory + "/" + book_.settings.statistics);
          }
          break;
        case LineKind::Formula:
          if (line.formula) check(*line.formula, static_cast<long>(t));
          break;
        case LineKind::Accounts:
          for (const std::string& a : line.accounts)
            if (book_.journal.accounts.find(a) < 0)
              error(line.where, "no account '" + a + "' in the journal", "an account of the journal");
          break;
        default:
          error(line.where, "line '" + line.label + "' is of a kind tables do not have",
                "accounts, sum, statistic, formula or heading");
      }
    }
  }
}

void Figures::check_columns(const std::vector<LayoutColumn>& columns, const char* what) {
  for (const LayoutColumn& c : columns) {
    if (c.value == ColumnValue::Percent)
      error(c.where, std::string(what) + " have no percent-of columns", "amount, converted or change columns");
    if (c.value == ColumnValue::Converted && !book_.settings.convenience)
      error(c.where, "a converted column, but the book has no convenience translation",
            "a [convenience] table in book.toml, or no converted column");
    if (c.period == PeriodRef::PriorYearEnd || (c.value == ColumnValue::Change && c.base == PeriodRef::PriorYearEnd))
      error(c.where, "prior-year-end is a balance date, not a period", "current, year-ago or prior-quarter");
  }
}

void Figures::check_measures() {
  bool adjusted = false;
  for (const Measure& m : book_.measures.measures) adjusted |= m.reconcile_from.has_value();
  if (adjusted) check_columns(book_.measures.reconciliation.columns, "reconciliations");
  for (const Measure& m : book_.measures.measures) {
    if (m.formula) check(*m.formula);
    if (m.reconcile_from) check(*m.reconcile_from);
    for (const Adjustment& a : m.adjustments) {
      if (!check(a.formula) || !m.reconcile_from) continue;
      bool bad = false;
      auto base = unit_of(*m.reconcile_from, -1, &bad), adjustment = unit_of(a.formula, -1, &bad);
      if (base && adjustment && !(*base == *adjustment))
        error(a.where,
              "adjustment '" + a.label + "' is in " + adjustment->to_string() + ", but " + m.id + " is in " +
                  base->to_string(),
              "adjustments in the unit of the figure they adjust");
    }
  }
}

bool Figures::check(const Expr& e, long context) {
  return check_names(e, context) && check_units(e, context);
}

bool Figures::check_names(const Expr& e, long context) {
  bool good = true;
  switch (e.op) {
    case ExprOp::Name:
      good = resolve(e.text, e.where, context).has_value();
      break;
    case ExprOp::Account:
      if (book_.journal.accounts.find(e.text) < 0) {
        error(e.where, "no account '" + e.text + "' in the journal", "an account of the journal, in [brackets]");
        good = false;
      }
      break;
    case ExprOp::AtPeriod:
      good = period(e.text, presented_, e.where).has_value();
      break;
    default:
      break;
  }
  for (const Expr& a : e.args) good = check_names(a, context) && good;
  return good;
}

bool Figures::check_units(const Expr& e, long context) {
  bool bad = false;
  unit_of(e, context, &bad);
  return !bad;
}

std::optional<Unit> Figures::target_unit(const NameTarget& t) {
  auto key = std::make_tuple(static_cast<int>(t.kind), t.layout, t.index);
  if (!inferring_.insert(key).second) return std::nullopt;  // a cycle: reported when evaluated
  std::optional<Unit> unit;
  bool bad = false;
  switch (t.kind) {
    case NameTarget::Kind::Statistic:
      unit = Unit::of(book_.statistics.declared[t.index].unit);
      break;
    case NameTarget::Kind::Reclassification:
      unit = money_;
      break;
    case NameTarget::Kind::Measure: {
      const Measure& m = book_.measures.measures[t.index];
      if (m.formula) unit = unit_of(*m.formula, -1, &bad);
      if (m.reconcile_from) unit = unit_of(*m.reconcile_from, -1, &bad);
      break;
    }
    case NameTarget::Kind::Line: {
      const StatementLayout& l = *layouts_[t.layout];
      const LayoutLine& line = l.lines[t.index];
      if (line.kind == LineKind::Shares)
        unit = Unit::of("shares");
      else if (line.kind == LineKind::AdsCount)
        unit = Unit::of("ADS");
      else if (line.kind == LineKind::Statistic) {
        long s = book_.statistics.find(line.statistic);
        if (s >= 0) unit = Unit::of(book_.statistics.declared[static_cast<std::size_t>(s)].unit);
      } else if (line.kind == LineKind::Formula) {
        if (line.formula) unit = unit_of(*line.formula, static_cast<long>(t.layout), &bad);
      } else if (line.kind == LineKind::Sum) {
        for (std::size_t j = 0; j < l.lines.size() && !line.terms.empty(); ++j)
          if (l.lines[j].id == line.terms[0].line) unit = target_unit({NameTarget::Kind::Line, t.layout, j});
      } else if (line.kind != LineKind::Heading) {
        unit = money_;
      }
      break;
    }
  }
  inferring_.erase(key);
  return unit;
}

std::optional<Unit> Figures::unit_of(const Expr& e, long context, bool* bad) {
  switch (e.op) {
    case ExprOp::Number:
      return Unit();
    case ExprOp::Account:
      return money_;
    case ExprOp::Name: {
      auto t = find_target(e.text, context);  // an unknown name was reported by check_names
      return t ? target_unit(*t) : std::nullopt;
    }
    case ExprOp::Negate:
    case ExprOp::Abs:
    case ExprOp::AtPeriod:
      return unit_of(e.args[0], context, bad);
    case ExprOp::Add:
    case ExprOp::Subtract:
    case ExprOp::Multiply:
    case ExprOp::Divide: {
      auto a = unit_of(e.args[0], context, bad), b = unit_of(e.args[1], context, bad);
      if (!a || !b) return std::nullopt;
      if (e.op == ExprOp::Multiply) return Unit::product(*a, *b);
      if (e.op == ExprOp::Divide) return Unit::quotient(*a, *b);
      if (*a == *b) return a;
      error(e.where,
            std::string("cannot ") + (e.op == ExprOp::Add ? "add " : "subtract ") + b->to_string() +
                (e.op == ExprOp::Add ? " to " : " from ") + a->to_string() + " in '" + to_string(e) + "'",
            "terms in the same unit");
      *bad = true;
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::optional<NameTarget> Figures::find_target(const std::string& name, long context) {
  std::vector<Diagnostic> quiet;
  return lookup(name, {}, context, &quiet);
}

std::optional<NameTarget> Figures::resolve(const std::string& name, const SourceRef& where, long context) {
  std::size_t before = errors_->size();
  auto t = lookup(name, where, context, errors_);
  if (errors_->size() != before) ok_ = false;
  return t;
}

std::optional<NameTarget> Figures::lookup(const std::string& name, const SourceRef& where, long context,
                                          std::vector<Diagnostic>* problems) {
  auto error = [problems](const SourceRef& at, std::string message, std::string expected) {
    problems->push_back(diagnostic_at(at, std::move(message), std::move(expected)));
  };
  auto dot = name.find('.');
  if (dot != std::string::npos) {
    std::string layout_id = name.substr(0, dot), line_id = name.substr(dot + 1);
    long l = find_layout(layout_id);
    if (l < 0) {
      std::vector<std::string> ids;
      for (const StatementLayout* layout : layouts_) ids.push_back(layout->id);
      error(where, "unknown statement or table '" + layout_id + "' in '" + name + "'" + suggestion(layout_id, ids),
            "one of: " + join(ids));
      return std::nullopt;
    }
    const StatementLayout& layout = *layouts_[static_cast<std::size_t>(l)];
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < layout.lines.size(); ++i) {
      if (layout.lines[i].id == line_id) return NameTarget{NameTarget::Kind::Line, static_cast<std::size_t>(l), i};
      if (!layout.lines[i].id.empty()) ids.push_back(layout.lines[i].id);
    }
    error(where, layout_id + " has no line '" + line_id + "'" + suggestion(line_id, ids),
          "the id of a line of " + layout_id);
    return std::nullopt;
  }
  if (context >= 0) {
    const StatementLayout& own = *layouts_[static_cast<std::size_t>(context)];
    for (std::size_t i = 0; i < own.lines.size(); ++i)
      if (own.lines[i].id == name) return NameTarget{NameTarget::Kind::Line, static_cast<std::size_t>(context), i};
  }
  std::vector<NameTarget> found;
  std::vector<std::string> found_names, all;
  for (std::size_t i = 0; i < book_.measures.measures.size(); ++i) {
    all.push_back(book_.measures.measures[i].id);
    if (book_.measures.measures[i].id == name) {
      found.push_back({NameTarget::Kind::Measure, 0, i});
      found_names.push_back("measure " + name);
    }
  }
  for (std::size_t i = 0; i < book_.statistics.declared.size(); ++i) {
    all.push_back(book_.statistics.declared[i].id);
    if (book_.statistics.declared[i].id == name) {
      found.push_back({NameTarget::Kind::Statistic, 0, i});
      found_names.push_back("statistic " + name);
    }
  }
  for (std::size_t i = 0; i < book_.settings.reclassifications.size(); ++i) {
    all.push_back(book_.settings.reclassifications[i].id);
    if (book_.settings.reclassifications[i].id == name) {
      found.push_back({NameTarget::Kind::Reclassification, 0, i});
      found_names.push_back("reclassification " + name);
    }
  }
  for (std::size_t l = 0; l < layouts_.size(); ++l)
    for (std::size_t i = 0; i < layouts_[l]->lines.size(); ++i) {
      const std::string& id = layouts_[l]->lines[i].id;
      if (id.empty()) continue;
      all.push_back(id);
      if (id == name) {
        found.push_back({NameTarget::Kind::Line, l, i});
        found_names.push_back(layouts_[l]->id + "." + id);
      }
    }
  if (found.size() == 1) return found[0];
  if (found.empty()) {
    error(where, "unknown name '" + name + "'" + suggestion(name, all),
          "a line (layout.line or a line id unique across layouts), measure, statistic or reclassification");
  } else {
    error(where, "the name '" + name + "' is ambiguous: " + join(found_names, " or "),
          "a line qualified by its layout (layout.line), or ids that differ");
  }
  return std::nullopt;
}

std::optional<Period> Figures::period(std::string_view word, const Period& base, const SourceRef& where) {
  const FiscalCalendar& cal = book_.settings.calendar;
  if (word == "current") return base;
  if (word == "year-ago") return cal.year_ago(base);
  if (word == "prior-quarter") return cal.prior_quarter(base);
  if (word == "next-quarter") {
    if (base.quarter == 0) return cal.period(base.fiscal_year + 1, 0);
    return base.quarter == 4 ? cal.period(base.fiscal_year + 1, 1) : cal.period(base.fiscal_year, base.quarter + 1);
  }
  if (word == "fiscal-year") return cal.period(base.fiscal_year, 0);
  if (word == "prior-fiscal-year") return cal.period(base.fiscal_year - 1, 0);
  if (auto p = cal.parse(word)) return p;
  error(where, "unknown period '" + std::string(word) + "'",
        std::string("a period word (") + kPeriodWords + ") or a period name such as " + cal.name(presented_));
  return std::nullopt;
}

// ---- values ---------------------------------------------------------------------

bool Figures::enter(std::tuple<int, std::size_t, std::size_t, std::int32_t, std::int32_t> frame, const SourceRef& where,
                    const std::string& what) {
  if (in_progress_.insert(frame).second) return true;
  error(where, what + " is defined in terms of itself", "formulas without cycles");
  return false;
}

bool Figures::covered(const Period& p, const SourceRef& where, std::optional<Period> named) {
  const Journal& j = book_.journal;
  if (j.transaction_count() != 0) {
    Date first = *std::min_element(j.tx_date.begin(), j.tx_date.end());
    Date last = *std::max_element(j.tx_date.begin(), j.tx_date.end());
    if (p.first >= first && p.last <= last) return true;
    const Period& shown = named ? *named : p;
    if (!coverage_reported_.insert(key(shown)).second) return false;
    error(where,
          "period " + book_.settings.calendar.name(shown) + " (" + shown.first.to_string() + " to " +
              shown.last.to_string() + ") is outside the book's data (" + first.to_string() + " to " +
              last.to_string() + ")",
          "a period the journal covers");
    return false;
  }
  error(where, "the book's journal has no transactions", "a journal with transactions");
  return false;
}

const Figures::AccountSums* Figures::sums(const Period& p, bool balance) {
  auto k = std::make_tuple(balance, balance ? 0 : p.first.days(), p.last.days());
  auto it = sums_cache_.find(k);
  if (it != sums_cache_.end()) return &it->second;
  const Journal& j = book_.journal;
  AccountSums s;
  s.net.assign(j.accounts.size(), Decimal());
  s.debits = s.credits = s.net;
  bool overflowed = false;
  auto add_to = [&](Decimal& into, const Decimal& v) {
    auto sum = Decimal::add(into, v);
    if (!sum)
      overflowed = true;
    else
      into = *sum;
  };
  for (std::size_t q = 0; q < j.posting_count(); ++q) {
    Date d = j.post_date[q];
    if (d > p.last || (!balance && d < p.first) || j.post_kind[q] == PostingKind::VirtualUnbalanced) continue;
    if (static_cast<long>(j.post_commodity[q]) != currency_) {
      if (!foreign_reported_) {
        foreign_reported_ = true;
        std::uint32_t t = j.post_transaction[q];
        error({j.file_name(j.tx_where[t].file), j.post_line[q], 0},
              "a posting in " + j.commodities[j.post_commodity[q]].symbol + " to " +
                  std::string(j.accounts.full_name(j.post_account[q])) + ", but the book reports in " +
                  book_.settings.currency,
              "amounts in the book's currency");
      }
      return nullptr;
    }
    Decimal v = j.quantity(q);
    AccountId a = j.post_account[q];
    add_to(s.net[a], v);
    add_to(v.is_negative() ? s.credits[a] : s.debits[a], v);
  }
  for (std::size_t a = j.accounts.size(); a-- > 1;) {
    AccountId parent = j.accounts.parent(static_cast<AccountId>(a));
    add_to(s.net[parent], s.net[a]);
    add_to(s.debits[parent], s.debits[a]);
    add_to(s.credits[parent], s.credits[a]);
  }
  if (overflowed) {
    overflow({book_.settings.directory + "/book.toml", 0, 0}, "an account total");
    return nullptr;
  }
  return &sums_cache_.emplace(k, std::move(s)).first->second;
}

bool Figures::account_term(const Expr& e, const Period& p, Figure* out) {
  long a = book_.journal.accounts.find(e.text);
  if (a < 0) {
    error(e.where, "no account '" + e.text + "' in the journal", "an account of the journal, in [brackets]");
    return false;
  }
  bool balance = e.account == AccountMeasure::Balance;
  Period span = p;
  if (balance) span.first = span.last;
  if (!covered(span, e.where, p)) return false;
  const AccountSums* s = sums(p, balance);
  if (!s) return false;
  auto id = static_cast<std::size_t>(a);
  const Decimal& v = e.account == AccountMeasure::Debits    ? s->debits[id]
                     : e.account == AccountMeasure::Credits ? s->credits[id]
                                                            : s->net[id];
  *out = Figure::of(Ratio::from_decimal(v), money_);
  return true;
}

bool Figures::combine(const Expr& e, const Figure& a, const Figure& b, Figure* out) {
  // Units first: a figure without data keeps its unit, so "n/a" never hides
  // a sum of JPY and contracts.
  Unit unit;
  switch (e.op) {
    case ExprOp::Add:
    case ExprOp::Subtract:
      if (!(a.unit == b.unit)) {
        error(e.where,
              std::string("cannot ") + (e.op == ExprOp::Add ? "add " : "subtract ") + b.unit.to_string() +
                  (e.op == ExprOp::Add ? " to " : " from ") + a.unit.to_string() + " in '" + to_string(e) + "'",
              "terms in the same unit");
        return false;
      }
      unit = a.unit;
      break;
    case ExprOp::Multiply:
      unit = Unit::product(a.unit, b.unit);
      break;
    case ExprOp::Divide:
      unit = Unit::quotient(a.unit, b.unit);
      break;
    default:
      break;
  }
  if (!a.has_value() || !b.has_value()) {
    bool missing = a.state == Figure::State::NotAvailable || b.state == Figure::State::NotAvailable;
    *out = Figure{missing ? Figure::State::NotAvailable : Figure::State::NotMeaningful, Ratio(), unit};
    return true;
  }
  std::optional<Ratio> r;
  switch (e.op) {
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
  if (!r) return overflow(e.where, "'" + to_string(e) + "'");
  *out = Figure::of(*r, unit);
  return true;
}

bool Figures::evaluate(const Expr& e, const Period& p, Figure* out, long context) {
  switch (e.op) {
    case ExprOp::Number:
      *out = Figure::of(Ratio::from_decimal(e.number), Unit());
      return true;
    case ExprOp::Name: {
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
    case ExprOp::Divide: {
      Figure a, b;
      if (!evaluate(e.args[0], p, &a, context) || !evaluate(e.args[1], p, &b, context)) return false;
      return combine(e, a, b, out);
    }
  }
  return false;
}

bool Figures::target(const NameTarget& t, const Period& p, const SourceRef& where, Figure* out) {
  switch (t.kind) {
    case NameTarget::Kind::Line: {
      // A statement's figures need the journal to cover the period (a
      // balance sheet up to its date, a cash flow from the day before).
      StatementKind kind = layouts_[t.layout]->kind;
      Period span = p;
      if (kind == StatementKind::Balance) span.first = p.last;
      if (kind == StatementKind::CashFlow) span.first = Date::from_days(p.first.days() - 1);
      if (kind != StatementKind::Table && !covered(span, where, p)) return false;
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
    *out = Figure::of(Ratio::from_decimal((*v)[i].value_or(Decimal())), money_);
    return true;
  }
  std::string name = book_.settings.calendar.name(p);
  const ShareData* shares = book_.settings.shares_for(name);
  if (!shares) {
    error({book_.settings.directory + "/book.toml", 0, 0}, "no share data for period " + name,
          "a [[shares]] table with period = \"" + name + "\"");
    return false;
  }
  bool ads = line.kind == LineKind::PerAds || line.kind == LineKind::AdsCount;
  auto count =
      ads ? Ratio::mul(Ratio::from_decimal(shares->weighted_average), Ratio::from_decimal(shares->ads_per_share))
          : std::optional<Ratio>(Ratio::from_decimal(shares->weighted_average));
  if (!count) return overflow(line.where, "the number of ADS equivalents");
  if (line.kind == LineKind::Shares || line.kind == LineKind::AdsCount) {
    *out = Figure::of(*count, Unit::of(ads ? "ADS" : "shares"));
    return true;
  }
  long of = lines->find(line.of);
  if (of < 0 || count->is_zero()) {  // no ADS: the figure does not exist, as in the statement
    *out = Figure{Figure::State::NotAvailable, Ratio(), money_};
    return true;
  }
  auto per = Ratio::div(Ratio::from_decimal((*v)[static_cast<std::size_t>(of)].value_or(Decimal())), *count);
  if (!per) return overflow(line.where, "'" + line.label + "'");
  *out = Figure::of(*per, money_);
  return true;
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
  if (!enter(frame, line.where, "line '" + line.label + "'")) return false;
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
  const StatementLayout& l = *layouts_[layout];
  Figure f;
  bool any = false, missing = false;
  for (const Term& term : line.terms) {
    std::size_t j = 0;
    while (j < l.lines.size() && l.lines[j].id != term.line) ++j;
    Figure part;
    if (j == l.lines.size() || !table_line(layout, j, p, &part)) return false;
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
  if (!enter(frame, def.where, "measure '" + def.id + "'")) return false;
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
      Expr sum;
      sum.op = ExprOp::Add;
      sum.where = def.adjustments[a].where;
      sum.args = {*def.reconcile_from, def.adjustments[a].formula};
      good = combine(sum, f, part, &f);
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
