#include <algorithm>
#include <set>

#include "report/figures.hpp"

// Figures: the checks done when the book is read — names, accounts, period
// words, units and cycles — and the lookup of names.

namespace kessan::report {
namespace {

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

}  // namespace

// ---- cycles ---------------------------------------------------------------------

namespace {

// A measure (layout = -1) or a table line.
using Node = std::pair<long, std::size_t>;

void names_in(const Expr& e, std::vector<const Expr*>* out) {
  for_each_node(e, [out](const Expr& x) {
    if (x.op == ExprOp::Name) out->push_back(&x);
  });
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
    const LayoutLine& line = layouts_[static_cast<std::size_t>(layout)]->lines[index];
    context = layout;
    if (line.formula) names_in(*line.formula, &names);
    for (const Term& t : line.terms)
      if (auto j = line_of(static_cast<std::size_t>(layout), t.line)) out.push_back({layout, *j});
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
  // Depth-first search with a stack of its own (chains of figures can be
  // long); a node met again while on the path closes a cycle.
  enum class Mark { New, OnPath, Done };
  struct Step {
    Node node;
    std::vector<Node> next;
    std::size_t done = 0;
  };
  std::map<Node, Mark> marks;
  std::vector<Node> roots;
  for (std::size_t m = 0; m < book_.measures.measures.size(); ++m) roots.push_back({-1, m});
  for (std::size_t l = book_.statements.size(); l < layouts_.size(); ++l)
    for (std::size_t i = 0; i < layouts_[l]->lines.size(); ++i) roots.push_back({static_cast<long>(l), i});
  std::vector<Step> path;
  for (const Node& root : roots) {
    if (marks.count(root)) continue;
    marks[root] = Mark::OnPath;
    path.push_back({root, dependencies(root.first, root.second)});
    while (!path.empty()) {
      Step& step = path.back();
      if (step.done == step.next.size()) {
        marks[step.node] = Mark::Done;
        path.pop_back();
        continue;
      }
      Node next = step.next[step.done++];
      auto it = marks.find(next);
      Mark mark = it == marks.end() ? Mark::New : it->second;
      if (mark == Mark::New) {
        marks[next] = Mark::OnPath;
        path.push_back({next, dependencies(next.first, next.second)});
      } else if (mark == Mark::OnPath) {
        report_cycle(next);
      }
    }
  }
}

void Figures::report_cycle(const std::pair<long, std::size_t>& node) {
  if (node.first < 0) {
    const Measure& m = book_.measures.measures[node.second];
    error(m.where, "measure '" + m.id + "' is defined in terms of itself", "formulas without cycles",
          DiagnosticKind::Cycle);
  } else {
    const LayoutLine& line = layouts_[static_cast<std::size_t>(node.first)]->lines[node.second];
    error(line.where, "line '" + line.label + "' is defined in terms of itself", "formulas without cycles",
          DiagnosticKind::Cycle);
  }
}

void Figures::index_names() {
  line_ids_.resize(layouts_.size());
  for (std::size_t l = 0; l < layouts_.size(); ++l) {
    layout_ids_.emplace(layouts_[l]->id, l);
    for (std::size_t i = 0; i < layouts_[l]->lines.size(); ++i)
      if (!layouts_[l]->lines[i].id.empty()) line_ids_[l].emplace(layouts_[l]->lines[i].id, i);
  }
  // In the order ambiguities are listed: measures, statistics, reclassifications, lines.
  for (std::size_t i = 0; i < book_.measures.measures.size(); ++i)
    names_[book_.measures.measures[i].id].push_back({NameTarget::Kind::Measure, 0, i});
  for (std::size_t i = 0; i < book_.statistics.declared.size(); ++i)
    names_[book_.statistics.declared[i].id].push_back({NameTarget::Kind::Statistic, 0, i});
  for (std::size_t i = 0; i < book_.settings.reclassifications.size(); ++i)
    names_[book_.settings.reclassifications[i].id].push_back({NameTarget::Kind::Reclassification, 0, i});
  // A layout with lines_from shows another layout's lines: a bare id names
  // the other layout's line (the same figure in any period); the copy is
  // reached as layout.line.
  for (std::size_t l = 0; l < layouts_.size(); ++l)
    for (std::size_t i = 0; i < layouts_[l]->lines.size() && layouts_[l]->lines_from.empty(); ++i)
      if (!layouts_[l]->lines[i].id.empty()) names_[layouts_[l]->lines[i].id].push_back({NameTarget::Kind::Line, l, i});
}

std::optional<std::size_t> Figures::line_of(std::size_t layout, std::string_view id) const {
  auto it = line_ids_[layout].find(id);
  if (it == line_ids_[layout].end()) return std::nullopt;
  return it->second;
}

// ---- checks -------------------------------------------------------------------

bool Figures::check_line_reference(const std::string& id, std::size_t layout, const SourceRef& where) {
  if (line_of(layout, id)) return true;
  const StatementLayout& l = *layouts_[layout];
  std::vector<std::string> ids;
  for (const LayoutLine& line : l.lines)
    if (!line.id.empty()) ids.push_back(line.id);
  error(where, "a sum names an unknown line '" + id + "'" + suggestion(id, ids), "the id of a line of " + l.id,
        DiagnosticKind::Name);
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
          for (const Term& term : line.terms) check_line_reference(term.line, t, line.where);
          break;
        case LineKind::Statistic:
          if (book_.statistics.find(line.statistic) < 0) {
            std::vector<std::string> known;
            for (const Statistic& s : book_.statistics.declared) known.push_back(s.id);
            error(line.where, "unknown statistic '" + line.statistic + "'" + suggestion(line.statistic, known),
                  book_.settings.statistics.empty()
                      ? "a statistic declared in the book's statistics file (statistics = \"…\" in book.toml)"
                      : "a statistic declared in " + book_.settings.directory + "/" + book_.settings.statistics,
                  DiagnosticKind::Name);
          }
          break;
        case LineKind::Formula:
          if (line.formula) check_bound(*line.formula, static_cast<long>(t));
          break;
        case LineKind::Accounts:
          for (const std::string& a : line.accounts)
            if (book_.journal.accounts.find(a) < 0)
              error(line.where, "no account '" + a + "' in the journal", "an account of the journal",
                    DiagnosticKind::Name);
          break;
        default:
          error(line.where, "line '" + line.label + "' is of a kind tables do not have",
                "accounts, sum, statistic, formula or heading");
      }
    }
    check_percent_lines(t);
  }
}

// format = "percent" shows a pure number (a ratio) as a percentage; on
// money or a statistic it would mean nothing.
void Figures::check_percent_lines(std::size_t layout) {
  const StatementLayout& l = *layouts_[layout];
  for (std::size_t i = 0; i < l.lines.size(); ++i) {
    const LayoutLine& line = l.lines[i];
    if (line.format != LineFormat::Percent || line.kind == LineKind::Heading) continue;
    auto unit = target_unit({NameTarget::Kind::Line, layout, i});
    if (!unit || unit->is_pure()) continue;
    error(line.where,
          "line '" + line.label + "' has format = \"percent\", but its figure is in " + unit->to_string() +
              ", not a pure number",
          "format = \"percent\" on a ratio (a formula such as gross-profit / revenue), or no format");
  }
}

void Figures::check_columns(const std::vector<LayoutColumn>& columns, const char* what) {
  for (const LayoutColumn& c : columns) {
    if (c.value == ColumnValue::Percent)
      error(c.where, std::string(what) + " have no percent-of columns",
            "amount, converted, change, difference, points or basis-points columns");
    if (c.value == ColumnValue::Converted && !book_.settings.convenience)
      error(c.where, "a converted column, but the book has no convenience translation",
            "a [convenience] table in book.toml, or no converted column");
    for (const PeriodRef* r : {&c.period, compares(c.value) ? &c.base : nullptr})
      if (r && r->is_instant())
        error(c.where, "'" + r->text + "' is a balance date, not a period",
              "a period (current, year-ago, prior-quarter, ytd, fiscal-year, …)");
  }
}

void Figures::check_measures() {
  bool adjusted = false;
  for (const Measure& m : book_.measures.measures) adjusted |= m.reconcile_from.has_value();
  if (adjusted) check_columns(book_.measures.reconciliation.columns, "reconciliations");
  for (const Measure& m : book_.measures.measures) {
    if (m.formula) check_bound(*m.formula);
    if (m.reconcile_from) check_bound(*m.reconcile_from);
    for (const Adjustment& a : m.adjustments) {
      if (!check_bound(a.formula) || !m.reconcile_from) continue;
      bool bad = false;
      auto base = unit_of(*m.reconcile_from, -1, &bad), adjustment = unit_of(a.formula, -1, &bad);
      if (base && adjustment && !(*base == *adjustment))
        error(a.where,
              "adjustment '" + a.label + "' is in " + adjustment->to_string() + ", but " + m.id + " is in " +
                  base->to_string(),
              "adjustments in the unit of the figure they adjust", DiagnosticKind::Unit);
    }
  }
}

bool Figures::check(const Expr& e, long context) {
  return check_names(e, context) && check_units(e, context);
}

bool Figures::check_bound(const Expr& e, long context) {
  return check_names(e, context, true) && check_units(e, context);
}

bool Figures::check_names(const Expr& e, long context, bool bind) {
  bool good = true;
  for_each_node(e, [&](const Expr& x) {
    switch (x.op) {
      case ExprOp::Name: {
        auto t = resolve(x.text, x.where, context);
        if (t && bind) bound_.emplace(std::make_pair(&x, context), *t);
        good = t.has_value() && good;
        break;
      }
      case ExprOp::Account:
        if (book_.journal.accounts.find(x.text) < 0) {
          error(x.where, "no account '" + x.text + "' in the journal", "an account of the journal, in [brackets]",
                DiagnosticKind::Name);
          good = false;
        }
        break;
      case ExprOp::AtPeriod:
        good = period(x.text, presented_, x.where).has_value() && good;
        break;
      default:
        break;
    }
  });
  return good;
}

bool Figures::check_units(const Expr& e, long context) {
  bool bad = false;
  unit_of(e, context, &bad);
  return !bad;
}

std::optional<Unit> Figures::target_unit(const NameTarget& t) {
  auto key = std::make_tuple(static_cast<int>(t.kind), t.layout, t.index);
  auto known = units_.find(key);
  if (known != units_.end()) return known->second;
  if (!inferring_.insert(key).second) return std::nullopt;  // a cycle: reported when evaluated
  Depth depth(this);
  if (!depth.allowed(where_of(t), "'" + label(t) + "'")) {
    inferring_.erase(key);
    return std::nullopt;
  }
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
        auto first = line.terms.empty() ? std::nullopt : line_of(t.layout, line.terms[0].line);
        if (first) unit = target_unit({NameTarget::Kind::Line, t.layout, *first});
      } else if (line.kind != LineKind::Heading) {
        unit = money_;
      }
      break;
    }
  }
  inferring_.erase(key);
  units_[key] = unit;
  return unit;
}

std::optional<Unit> Figures::unit_of(const Expr& e, long context, bool* bad) {
  Depth depth(this);
  if (!depth.allowed(e.where, "this term")) {
    *bad = true;
    return std::nullopt;
  }
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
      // Along the chain a + b - c …, left to right, without recursing down it.
      std::vector<const Expr*> chain = left_chain(e);
      auto unit = unit_of(chain.back()->args[0], context, bad);
      for (std::size_t i = chain.size(); i-- > 0;) {
        auto right = unit_of(chain[i]->args[1], context, bad);
        unit = combine_units(*chain[i], unit, right, bad);
      }
      return unit;
    }
  }
  return std::nullopt;
}

std::optional<Unit> Figures::combine_units(const Expr& e, const std::optional<Unit>& a, const std::optional<Unit>& b,
                                           bool* bad) {
  if (!a || !b) return std::nullopt;
  if (e.op == ExprOp::Multiply || e.op == ExprOp::Divide) {
    auto unit = e.op == ExprOp::Multiply ? Unit::product(*a, *b) : Unit::quotient(*a, *b);
    if (unit) return unit;
    error(e.where,
          "the unit of '" + to_string(e) + "' has a power above " + std::to_string(Unit::kMaxExponent) + " (" +
              a->to_string() + (e.op == ExprOp::Multiply ? " times " : " divided by ") + b->to_string() + ")",
          "a formula whose units have powers of at most " + std::to_string(Unit::kMaxExponent), DiagnosticKind::Unit);
    *bad = true;
    return std::nullopt;
  }
  if (*a == *b) return a;
  error(e.where,
        std::string("cannot ") + (e.op == ExprOp::Add ? "add " : "subtract ") + b->to_string() +
            (e.op == ExprOp::Add ? " to " : " from ") + a->to_string() + " in '" + to_string(e) + "'",
        "terms in the same unit", DiagnosticKind::Unit);
  *bad = true;
  return std::nullopt;
}

std::optional<NameTarget> Figures::find_target(const std::string& name, long context) {
  return lookup(name, {}, context, nullptr);
}

std::optional<NameTarget> Figures::resolve(const std::string& name, const SourceRef& where, long context) {
  std::size_t before = errors_->size();
  auto t = lookup(name, where, context, errors_);
  if (errors_->size() != before) ok_ = false;
  return t;
}

// Names are looked up in indexes built once; the lists of candidates for a
// message are made only when there is a problem to report (to `problems`,
// unless it is null).
std::optional<NameTarget> Figures::lookup(const std::string& name, const SourceRef& where, long context,
                                          std::vector<Diagnostic>* problems) {
  auto error = [problems](const SourceRef& at, std::string message, std::string expected) {
    problems->push_back(diagnostic_at(at, std::move(message), std::move(expected), DiagnosticKind::Name));
  };
  auto dot = name.find('.');
  if (dot != std::string::npos) {
    std::string layout_id = name.substr(0, dot), line_id = name.substr(dot + 1);
    long l = find_layout(layout_id);
    if (l >= 0) {
      if (auto i = line_of(static_cast<std::size_t>(l), line_id))
        return NameTarget{NameTarget::Kind::Line, static_cast<std::size_t>(l), *i};
    }
    if (!problems) return std::nullopt;
    if (l < 0) {
      std::vector<std::string> ids;
      for (const StatementLayout* layout : layouts_) ids.push_back(layout->id);
      error(where, "unknown statement or table '" + layout_id + "' in '" + name + "'" + suggestion(layout_id, ids),
            "one of: " + join(ids));
      return std::nullopt;
    }
    std::vector<std::string> ids;
    for (const LayoutLine& line : layouts_[static_cast<std::size_t>(l)]->lines)
      if (!line.id.empty()) ids.push_back(line.id);
    error(where, layout_id + " has no line '" + line_id + "'" + suggestion(line_id, ids),
          "the id of a line of " + layout_id);
    return std::nullopt;
  }
  if (context >= 0) {
    if (auto i = line_of(static_cast<std::size_t>(context), name))
      return NameTarget{NameTarget::Kind::Line, static_cast<std::size_t>(context), *i};
  }
  auto found = names_.find(name);
  if (found != names_.end() && found->second.size() == 1) return found->second[0];
  if (!problems) return std::nullopt;
  if (found == names_.end()) {
    error(where, "unknown name '" + name + "'" + suggestion(name, all_names()),
          "a line (layout.line or a line id unique across layouts), measure, statistic or reclassification");
    return std::nullopt;
  }
  std::vector<std::string> found_names;
  for (const NameTarget& t : found->second) {
    switch (t.kind) {
      case NameTarget::Kind::Measure:
        found_names.push_back("measure " + name);
        break;
      case NameTarget::Kind::Statistic:
        found_names.push_back("statistic " + name);
        break;
      case NameTarget::Kind::Reclassification:
        found_names.push_back("reclassification " + name);
        break;
      case NameTarget::Kind::Line:
        found_names.push_back(layouts_[t.layout]->id + "." + name);
        break;
    }
  }
  error(where, "the name '" + name + "' is ambiguous: " + join(found_names, " or "),
        "a line qualified by its layout (layout.line), or ids that differ");
  return std::nullopt;
}

// Every name a bare name could be, in the order candidates are suggested.
std::vector<std::string> Figures::all_names() const {
  std::vector<std::string> all;
  for (const Measure& m : book_.measures.measures) all.push_back(m.id);
  for (const Statistic& s : book_.statistics.declared) all.push_back(s.id);
  for (const Reclassification& r : book_.settings.reclassifications) all.push_back(r.id);
  for (const StatementLayout* l : layouts_)
    for (const LayoutLine& line : l->lines)
      if (!line.id.empty()) all.push_back(line.id);
  return all;
}

std::optional<Period> Figures::period(std::string_view word, const Period& base, const SourceRef& where) {
  const FiscalCalendar& cal = book_.settings.calendar;
  // Each period word is parsed once, then resolved against any period.
  auto bound = period_refs_.find(word);
  if (bound == period_refs_.end()) {
    PeriodRefError why;
    auto ref = parse_period_ref(word, cal, &why, &presented_);
    if (!ref) error(where, why.message, why.expected, DiagnosticKind::Period);
    bound = period_refs_.emplace(std::string(word), std::move(ref)).first;
  }
  if (!bound->second) return std::nullopt;
  auto shifted = kessan::resolve(*bound->second, base, cal);
  // The calendar forms no period outside the years it can date.
  if (!shifted)
    error(where,
          "the period '" + std::string(word) + "' of " + cal.name(base) + " falls outside the years 0001 to 9999",
          "a period within the years 0001 to 9999", DiagnosticKind::Period);
  return shifted;
}

}  // namespace kessan::report
