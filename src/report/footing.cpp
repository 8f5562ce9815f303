#include "report/footing.hpp"

#include <map>

namespace kessan::report {
namespace {

bool numeric(const Cell& c) {
  return c.kind == CellKind::Number || c.kind == CellKind::Percent;
}

// The terms a line's printed value must add up to: a sum's terms, or the
// terms of an `equals` relation.
const std::vector<Term>& terms_of(const LayoutLine& l) {
  return l.kind == LineKind::Sum ? l.terms : l.equals;
}
bool adds_up(const LayoutLine& l) {
  return l.kind == LineKind::Sum || !l.equals.empty();
}

std::optional<Decimal> plus(const std::optional<Decimal>& a, const std::optional<Decimal>& b) {
  if (!a || !b) return std::nullopt;
  return Decimal::add(*a, *b);
}

class Footer {
 public:
  Footer(const StatementLayout& layout, Table* table) : layout_(layout), table_(*table) {
    for (std::size_t r = 0; r < table_.rows.size(); ++r)
      if (!table_.rows[r].id.empty()) row_of_[table_.rows[r].id] = r;
    for (const LayoutLine& l : layout_.lines)
      if (!l.id.empty()) line_of_[l.id] = &l;
    order_ = parents_first();
  }

  void run() {
    for (std::size_t c = 0; c < layout_.columns.size(); ++c) {
      if (compares(layout_.columns[c].value)) continue;
      moved_.clear();
      totals_.clear();
      // Lines: top down, a total's printed value is settled before its terms.
      if (layout_.footing == Footing::Lines)
        for (const LayoutLine* sum : order_) foot_lines(*sum, c);
      // Totals: bottom up, a total is the sum of its terms once they are printed.
      if (layout_.footing == Footing::Totals)
        for (auto it = order_.rbegin(); it != order_.rend(); ++it) sum_totals(**it, c);
    }
  }

 private:
  const LayoutLine* sum_line(const std::string& id) const {
    auto it = line_of_.find(id);
    return it != line_of_.end() && adds_up(*it->second) ? it->second : nullptr;
  }

  // Every line that adds up, each after all the lines it is a term of, in
  // layout order among equals (Kahn's order, without recursion however long
  // the chain of subtotals). A line in a cycle, which the layout reader
  // refuses, would never come.
  std::vector<const LayoutLine*> parents_first() const {
    std::map<std::string, std::size_t> parents;
    for (const LayoutLine& l : layout_.lines)
      if (adds_up(l))
        for (const auto& t : terms_of(l))
          if (sum_line(t.line)) ++parents[t.line];
    std::vector<const LayoutLine*> order;
    for (const LayoutLine& l : layout_.lines)
      if (adds_up(l) && (l.id.empty() || !parents.count(l.id))) order.push_back(&l);
    for (std::size_t i = 0; i < order.size(); ++i)
      for (const auto& t : terms_of(*order[i]))
        if (const LayoutLine* term = sum_line(t.line); term && --parents[t.line] == 0) order.push_back(term);
    return order;
  }

  Cell* cell(const std::string& id, std::size_t c) {
    auto it = row_of_.find(id);
    if (it == row_of_.end() || c >= table_.rows[it->second].cells.size()) return nullptr;
    Cell* cell = &table_.rows[it->second].cells[c];
    return numeric(*cell) ? cell : nullptr;
  }

  static Decimal unit(int decimals) { return Decimal::from_parts(1, decimals); }

  // Moves the terms of `sum` one unit at a time, cheapest first, until they
  // add up to its printed value. The cost of a move is how much further the
  // printed figure gets from its exact value; moving a total costs double
  // (its own terms must then move too); a non-zero figure never moves to
  // zero; each figure moves at most once.
  void foot_lines(const LayoutLine& sum, std::size_t c) {
    Cell* total = cell(sum.id, c);
    if (!total || !total->rounded()) return;
    struct Term {
      Cell* cell;
      int sign;
      bool is_total;
      std::string key;
    };
    std::vector<Term> terms;
    std::optional<Decimal> printed = Decimal();
    for (const auto& t : terms_of(sum)) {
      Cell* term = cell(t.line, c);
      if (!term || !term->rounded() || term->decimals != total->decimals) continue;
      terms.push_back({term, t.sign, sum_line(t.line) != nullptr, t.line});
      printed = plus(printed, t.sign < 0 ? term->rounded()->negated() : *term->rounded());
    }
    // Figures too large to add up exactly are printed from their exact values, unfooted.
    if (!printed) return;
    Decimal step = unit(total->decimals);
    auto diff = Decimal::sub(*total->rounded(), *printed);
    while (diff && !diff->is_zero()) {
      int direction = diff->sign();
      long best = -1;
      Decimal best_cost;
      for (std::size_t i = 0; i < terms.size(); ++i) {
        Cell& t = *terms[i].cell;
        if (moved_.count(terms[i].key)) continue;
        auto exact = t.exact(t.decimals + 6);
        if (!exact) continue;
        Decimal now = *t.rounded();
        auto next = plus(now, (direction * terms[i].sign) > 0 ? step : step.negated());
        if (!next || (next->is_zero() && !exact->is_zero())) continue;
        auto further = Decimal::sub(*next, *exact), nearer = Decimal::sub(now, *exact);
        if (!further || !nearer) continue;
        auto cost = plus(further->abs(), nearer->abs().negated());
        if (cost && terms[i].is_total) cost = plus(cost, cost);
        if (!cost) continue;
        if (best < 0 || *cost < best_cost) {
          best = static_cast<long>(i);
          best_cost = *cost;
        }
      }
      if (best < 0) return;  // nothing may move: the sum does not foot
      Term& t = terms[best];
      t.cell->presented = *plus(*t.cell->rounded(), (direction * t.sign) > 0 ? step : step.negated());
      moved_.insert({t.key, true});
      diff = Decimal::sub(*diff, direction > 0 ? step : step.negated());
    }
  }

  // Lines exact; a total is the sum of its printed terms, each already
  // settled (order_ read backwards). A total too large to add up exactly
  // keeps its exact value, and so do the totals it is a term of.
  void sum_totals(const LayoutLine& sum, std::size_t c) {
    Cell* total = cell(sum.id, c);
    if (!total) return;
    std::optional<Decimal> value = Decimal();
    for (const auto& t : terms_of(sum)) {
      std::optional<Decimal> v;
      if (sum_line(t.line)) {
        auto settled = totals_.find(t.line);
        if (settled == totals_.end()) continue;  // a subtotal with no row of its own
        v = settled->second;
      } else if (Cell* term = cell(t.line, c)) {
        v = term->rounded();
        if (!v) continue;
      } else {
        continue;
      }
      value = plus(value, v && t.sign < 0 ? std::optional<Decimal>(v->negated()) : v);
    }
    if (value) total->presented = *value;
    totals_[sum.id] = value;
  }

  const StatementLayout& layout_;
  Table& table_;
  std::map<std::string, std::size_t> row_of_;
  std::map<std::string, const LayoutLine*> line_of_;
  std::vector<const LayoutLine*> order_;
  std::map<std::string, bool> moved_;
  std::map<std::string, std::optional<Decimal>> totals_;
};

}  // namespace

void foot_table(const StatementLayout& layout, Table* table) {
  if (layout.footing == Footing::None) return;
  Footer(layout, table).run();
}

}  // namespace kessan::report
