// The journal scanner's general balancing (chunk_parser_internal.hpp): the
// transactions the simple integer balance in chunk_parser.cpp leaves, with
// several commodities or scales, costs, virtual postings, assertions or tags.
//
// Contract: real postings and balanced virtual postings ([...]) each sum to
// zero per commodity, or one posting without an amount takes the residual
// (one row per commodity); two commodities with opposite signs and no cost
// are an implicit conversion. A transaction with costs and a residual is
// deferred until display precisions are known. A transaction that does not
// balance is an error and adds nothing.

#include <string>
#include <vector>

#include "read/chunk_parser_internal.hpp"

namespace kessan::read::chunk {

void ChunkParser::finish_transaction(std::uint32_t header_line) {
  ChunkResult& o = *out_;
  auto& residual = residual_;
  for (auto& r : residual) r.clear();
  int missing[3] = {-1, -1, -1};
  bool has_cost[3] = {false, false, false};
  for (std::size_t k = 0; k < pending_.size(); ++k) {
    const Pending& p = pending_[k];
    int g = static_cast<int>(p.kind);
    if (!p.has_amount) {
      if (missing[g] >= 0) {
        error(0, "more than one posting without an amount", "at most one posting whose amount is inferred",
              tx_lines_[0], {}, header_line);
        return;
      }
      missing[g] = static_cast<int>(k);
      continue;
    }
    has_cost[g] |= p.has_cost;
    std::uint32_t c = p.has_cost ? p.cost_commodity : p.commodity;
    Decimal w = p.has_cost ? p.cost_total : p.quantity;
    if (!accumulate(residual[g], c, w)) {
      error(0, "transaction total overflows", "smaller amounts", tx_lines_[0], {}, header_line);
      return;
    }
  }
  std::vector<std::uint32_t>& index = pending_index_;
  index.assign(pending_.size(), 0);
  for (int g : {0, 2}) {
    auto& r = residual[g];
    std::size_t nonzero = 0;
    for (auto& [c, v] : r) nonzero += !v.is_zero();
    if (missing[g] >= 0 || nonzero == 0) continue;
    if (has_cost[g]) {
      DeferredBalance d;
      d.tx_index = static_cast<std::uint32_t>(o.tx_date.size());
      for (auto& [c, v] : r)
        if (!v.is_zero()) d.residual.emplace_back(c, v);
      d.notes.assign(tx_lines_.begin(), tx_lines_.end());
      d.line_text = std::string(tx_lines_[0]);
      o.deferred.push_back(std::move(d));
      continue;
    }
    if (g == 0 && nonzero == 2 && !has_cost[g]) {
      // Two commodities and no cost: an implicit conversion, as in ledger.
      Decimal a, b;
      int seen = 0;
      for (auto& [c, v] : r)
        if (!v.is_zero()) (seen++ == 0 ? a : b) = v;
      if (a.sign() != b.sign()) continue;
    }
    std::vector<std::string> notes(tx_lines_.begin(), tx_lines_.end());
    for (auto& [c, v] : r)
      if (!v.is_zero()) notes.push_back("residual: " + written_amount(c, v));
    error(0, g == 0 ? "transaction does not balance" : "balanced virtual postings ([...]) do not balance",
          "postings that sum to zero in each commodity", tx_lines_[0], std::move(notes), header_line);
    return;
  }
  // Emit the postings in order; an inferred posting takes the residual,
  // one posting row per commodity.
  for (std::size_t k = 0; k < pending_.size(); ++k) {
    const Pending& p = pending_[k];
    index[k] = static_cast<std::uint32_t>(o.post_account.size());
    if (p.has_amount) {
      emit(p, p.commodity, p.quantity, false);
      if (p.has_cost) o.costs.push_back(PostingCost{index[k], p.cost_commodity, p.cost_total});
      continue;
    }
    auto& r = residual[static_cast<int>(p.kind)];
    bool any = false;
    for (auto& [c, v] : r) {
      if (v.is_zero()) continue;
      emit(p, c, v.negated(), true);
      any = true;
    }
    if (!any) emit(p, r.empty() ? intern_commodity("") : r.front().first, Decimal(0), true);
  }
  for (const PendingAssertion& a : assertions_) {
    BalanceAssertion b = a.assertion;
    b.posting = index[a.pending];
    o.assertions.push_back(b);
  }
  auto tx = static_cast<std::uint32_t>(o.tx_date.size());
  for (const PendingTag& t : tags_)
    o.tags.push_back(Tag{tx, t.pending == kNoPending ? Tag::kNoPosting : index[t.pending], t.name, t.value});
  push_transaction(header_line);
}

std::string ChunkParser::written_amount(std::uint32_t c, const Decimal& v) const {
  std::string symbol(out_->commodities.key(c));
  if (symbol.empty()) return v.to_string();
  if (CommodityTable::needs_quotes(symbol)) symbol = "\"" + symbol + "\"";
  const AmountStyle& style = out_->styles[c].style;
  std::string space = style.space_between ? " " : "";
  return style.symbol_on_left ? symbol + space + v.to_string() : v.to_string() + space + symbol;
}

bool ChunkParser::accumulate(std::vector<std::pair<std::uint32_t, Decimal>>& r, std::uint32_t c, Decimal v) {
  for (auto& [k, sum] : r) {
    if (k == c) {
      if (sum.scale() == v.scale()) {
        Int128 m;
        if (__builtin_add_overflow(sum.mantissa(), v.mantissa(), &m)) return false;
        sum = Decimal::from_parts(m, v.scale());
        return true;
      }
      auto s = Decimal::add(sum, v);
      if (!s) return false;
      sum = *s;
      return true;
    }
  }
  r.emplace_back(c, v);
  return true;
}

}  // namespace kessan::read::chunk
