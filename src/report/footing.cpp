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

Decimal plus(Decimal a, Decimal b) {
  return Decimal::add(a, b).value_or(a);
}

class Footer {
 public:
  Footer(const StatementLayout& layout, Table* table) : layout_(layout), table_(*table) {
    for (std::size_t r = 0; r < table_.rows.size(); ++r)
      if (!table_.rows[r].id.empty()) row_of_[table_.rows[r].id] = r;
    for (const LayoutLine& l : layout_.lines)
      if (!l.id.empty()) line_of_[l.id] = &l;
  }

  void run() {
    for (std::size_t c = 0; c < layout_.columns.size(); ++c) {
      if (layout_.columns[c].value == ColumnValue::Change) continue;
      moved_.clear();
      totals_.clear();
      if (layout_.footing == Footing::Lines) {
        // Top down: a total's printed value is settled before its terms.
        std::map<std::string, bool> is_term;
        for (const LayoutLine& l : layout_.lines)
          if (adds_up(l))
            for (const auto& t : terms_of(l)) is_term[t.line] = true;
        for (const LayoutLine& l : layout_.lines)
          if (adds_up(l) && !is_term.count(l.id)) foot_down(l, c, 0);
      }
      if (layout_.footing == Footing::Totals)
        for (const LayoutLine& l : layout_.lines)
          if (adds_up(l) && row_of_.count(l.id)) sum_totals(l, c, 0);
    }
  }

 private:
  Cell* cell(const std::string& id, std::size_t c) {
    auto it = row_of_.find(id);
    if (it == row_of_.end() || c >= table_.rows[it->second].cells.size()) return nullptr;
    Cell* cell = &table_.rows[it->second].cells[c];
    return numeric(*cell) ? cell : nullptr;
  }

  static Decimal unit(int decimals) { return Decimal::from_parts(1, decimals); }

  void foot_down(const LayoutLine& sum, std::size_t c, int depth) {
    if (depth > static_cast<int>(layout_.lines.size())) return;
    foot_lines(sum, c);
    for (const auto& t : terms_of(sum)) {
      auto line = line_of_.find(t.line);
      if (line != line_of_.end() && adds_up(*line->second)) foot_down(*line->second, c, depth + 1);
    }
  }

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
    Decimal printed;
    for (const auto& t : terms_of(sum)) {
      Cell* term = cell(t.line, c);
      if (!term || !term->rounded() || term->decimals != total->decimals) continue;
      auto line = line_of_.find(t.line);
      bool is_total = line != line_of_.end() && adds_up(*line->second);
      terms.push_back({term, t.sign, is_total, t.line});
      printed = plus(printed, t.sign < 0 ? term->rounded()->negated() : *term->rounded());
    }
    Decimal step = unit(total->decimals);
    auto diff = Decimal::sub(*total->rounded(), printed);
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
        Decimal next = plus(now, (direction * terms[i].sign) > 0 ? step : step.negated());
        if (next.is_zero() && !exact->is_zero()) continue;
        Decimal cost = plus(Decimal::sub(next, *exact).value_or(Decimal()).abs(),
                            Decimal::sub(now, *exact).value_or(Decimal()).abs().negated());
        if (terms[i].is_total) cost = plus(cost, cost);
        if (best < 0 || cost < best_cost) {
          best = static_cast<long>(i);
          best_cost = cost;
        }
      }
      if (best < 0) return;  // nothing may move: the sum does not foot
      Term& t = terms[best];
      t.cell->presented = plus(*t.cell->rounded(), (direction * t.sign) > 0 ? step : step.negated());
      moved_.insert({t.key, true});
      diff = Decimal::sub(*diff, direction > 0 ? step : step.negated());
    }
  }

  // Lines exact; a total is the sum of its printed terms.
  std::optional<Decimal> sum_totals(const LayoutLine& sum, std::size_t c, int depth) {
    Cell* total = cell(sum.id, c);
    if (!total) return std::nullopt;
    auto memo = totals_.find(sum.id);
    if (memo != totals_.end()) return memo->second;
    if (depth > static_cast<int>(layout_.lines.size())) return std::nullopt;
    Decimal value;
    for (const auto& t : terms_of(sum)) {
      auto line = line_of_.find(t.line);
      std::optional<Decimal> v;
      if (line != line_of_.end() && adds_up(*line->second)) {
        v = sum_totals(*line->second, c, depth + 1);
      } else if (Cell* term = cell(t.line, c)) {
        v = term->rounded();
      }
      if (!v) continue;
      value = plus(value, t.sign < 0 ? v->negated() : *v);
    }
    total->presented = value;
    totals_[sum.id] = value;
    return value;
  }

  const StatementLayout& layout_;
  Table& table_;
  std::map<std::string, std::size_t> row_of_;
  std::map<std::string, const LayoutLine*> line_of_;
  std::map<std::string, bool> moved_;
  std::map<std::string, Decimal> totals_;
};

}  // namespace

void foot_table(const StatementLayout& layout, Table* table) {
  if (layout.footing == Footing::None) return;
  Footer(layout, table).run();
}

}  // namespace kessan::report
