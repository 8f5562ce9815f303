#include "read/journal_checks.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "core/source_file.hpp"

namespace kessan::read {
namespace {

// The text of a line of a source file (for messages).
std::string source_line(const Journal& j, std::uint32_t file, std::uint32_t line) {
  std::string_view text = j.sources[file]->bytes();
  std::size_t start = 0;
  for (std::uint32_t n = 1; n < line; ++n) {
    auto nl = text.find('\n', start);
    if (nl == std::string_view::npos) return "";
    start = nl + 1;
  }
  auto end = text.find('\n', start);
  std::string_view l = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return std::string(l);
}

// The 1-based column of a posting line's amount (after the first run of two
// spaces or a tab following the account name), or 0.
std::uint32_t amount_column(const std::string& line) {
  std::size_t i = line.find_first_not_of(" \t");
  if (i == std::string::npos) return 0;
  std::size_t gap = line.find("  ", i), tab = line.find('\t', i);
  std::size_t sep = std::min(gap, tab);
  if (sep == std::string::npos) return 0;
  std::size_t at = line.find_first_not_of(" \t", sep);
  return at == std::string::npos ? 0 : static_cast<std::uint32_t>(at + 1);
}

void normalise_quantities(FinishInput& in, Journal& j, std::vector<Diagnostic>* errors) {
  std::vector<int> scale(j.commodities.size(), 0);
  for (std::size_t p = 0; p < j.posting_count(); ++p)
    scale[j.post_commodity[p]] = std::max<int>(scale[j.post_commodity[p]], in.scales[p]);
  for (CommodityId c = 0; c < j.commodities.size(); ++c) j.commodities[c].storage_scale = scale[c];
  for (std::size_t p = 0; p < j.posting_count(); ++p) {
    int have = in.scales[p], want = scale[j.post_commodity[p]];
    if (have == want) continue;
    auto d = Decimal::from_parts(j.post_quantity[p], have).with_scale(want);
    if (!d) {
      if (errors->size() < in.max_errors) {
        Diagnostic e;
        e.file = j.file_name(j.tx_where[j.post_transaction[p]].file);
        e.line = j.post_line[p];
        e.line_text = source_line(j, j.tx_where[j.post_transaction[p]].file, e.line);
        e.column = amount_column(e.line_text);
        e.message = "amount too large for the number of decimals used with commodity '" +
                    j.commodities[j.post_commodity[p]].symbol + "'";
        e.expected = "smaller amounts or fewer decimal places";
        errors->push_back(std::move(e));
      }
      continue;
    }
    j.post_quantity[p] = d->mantissa();
  }
}

void apply_styles(FinishInput& in, Journal& j) {
  in.styles.resize(j.commodities.size());
  for (CommodityId c = 0; c < j.commodities.size(); ++c) {
    const StyleObservation& s = in.styles[c];
    Commodity& com = j.commodities[c];
    com.style = s.style;
    com.style_known = s.seen || s.declared;
    if (!s.declared) com.style.precision = s.max_precision;
  }
}

void check_deferred_balances(FinishInput& in, Journal& j, std::vector<Diagnostic>* errors) {
  for (DeferredCheck& d : in.deferred) {
    std::vector<std::string> residual_lines;
    for (auto& [c, v] : d.residual) {
      Decimal r = v.rounded(j.commodities[c].style.precision, RoundingMode::HalfEven);
      if (!r.is_zero()) residual_lines.push_back("residual: " + describe_amount(j, c, v));
    }
    if (residual_lines.empty() || errors->size() >= in.max_errors) continue;
    Diagnostic e;
    e.file = j.file_name(j.tx_where[d.transaction].file);
    e.line = j.tx_where[d.transaction].line;
    e.column = 1;
    e.line_text = d.line_text;
    e.kind = DiagnosticKind::Unbalanced;
    e.message = "transaction does not balance";
    e.expected = "postings that sum to zero in each commodity, costs applied";
    e.notes = std::move(d.notes);
    for (auto& r : residual_lines) e.notes.push_back(std::move(r));
    errors->push_back(std::move(e));
  }
}

void check_assertions(FinishInput& in, Journal& j, std::vector<Diagnostic>* errors) {
  if (j.assertions.empty()) return;
  // Accounts whose running balance matters: asserted ones, and for
  // inclusive assertions everything below them.
  std::vector<char> asserted_exclusive(j.accounts.size(), 0), asserted_inclusive(j.accounts.size(), 0);
  for (const auto& a : j.assertions) {
    AccountId acc = j.post_account[a.posting];
    (a.inclusive ? asserted_inclusive : asserted_exclusive)[acc] = 1;
  }
  std::vector<char> relevant(j.accounts.size(), 0);
  for (AccountId a = 0; a < j.accounts.size(); ++a) {
    if (asserted_exclusive[a]) relevant[a] = 1;
    for (AccountId up = a;; up = j.accounts.parent(up)) {
      if (asserted_inclusive[up]) relevant[a] = 1;
      if (up == AccountTree::kRoot) break;
    }
  }
  std::vector<std::uint32_t> order;
  for (std::uint32_t p = 0; p < j.posting_count(); ++p)
    if (relevant[j.post_account[p]]) order.push_back(p);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return j.post_date[a] < j.post_date[b]; });
  // Balances keyed by (account, commodity); inclusive ones under a flag bit.
  auto key = [](AccountId a, CommodityId c, bool inclusive) {
    return (static_cast<std::uint64_t>(a) << 32 | c) ^ (inclusive ? 1ull << 63 : 0);
  };
  std::unordered_map<std::uint64_t, Int128> balance;
  std::unordered_map<std::uint32_t, std::vector<std::size_t>> at_posting;
  for (std::size_t k = 0; k < j.assertions.size(); ++k) at_posting[j.assertions[k].posting].push_back(k);
  for (std::uint32_t p : order) {
    AccountId acc = j.post_account[p];
    CommodityId c = j.post_commodity[p];
    bool overflow =
        __builtin_add_overflow(balance[key(acc, c, false)], j.post_quantity[p], &balance[key(acc, c, false)]);
    for (AccountId up = acc;; up = j.accounts.parent(up)) {
      if (asserted_inclusive[up]) {
        Int128& b = balance[key(up, c, true)];
        overflow |= __builtin_add_overflow(b, j.post_quantity[p], &b);
      }
      if (up == AccountTree::kRoot) break;
    }
    if (overflow) {
      if (errors->size() < in.max_errors) {
        Diagnostic e;
        std::uint32_t t = j.post_transaction[p];
        e.file = j.file_name(j.tx_where[t].file);
        e.line = j.post_line[p];
        e.line_text = source_line(j, j.tx_where[t].file, e.line);
        e.kind = DiagnosticKind::Overflow;
        e.message = "the running balance of " + std::string(j.accounts.full_name(acc)) + " in '" +
                    j.commodities[c].symbol + "' overflows";
        e.expected = "balances within 36 digits";
        errors->push_back(std::move(e));
      }
      return;
    }
    auto it = at_posting.find(p);
    if (it == at_posting.end()) continue;
    for (std::size_t k : it->second) {
      const BalanceAssertion& a = j.assertions[k];
      Decimal actual =
          Decimal::from_parts(balance[key(acc, a.commodity, a.inclusive)], j.commodities[a.commodity].storage_scale);
      std::string problem;
      if (actual != a.amount) {
        auto diff = Decimal::sub(a.amount, actual);
        problem = "balance assertion failed: " + std::string(j.accounts.full_name(acc)) + " is " +
                  describe_amount(j, a.commodity, actual) + ", asserted " + describe_amount(j, a.commodity, a.amount);
        if (diff) problem += " (off by " + describe_amount(j, a.commodity, *diff) + ")";
      } else if (a.sole) {
        for (CommodityId other = 0; other < j.commodities.size() && problem.empty(); ++other) {
          if (other == a.commodity) continue;
          auto b = balance.find(key(acc, other, a.inclusive));
          if (b != balance.end() && b->second != 0)
            problem = "balance assertion (==) failed: " + std::string(j.accounts.full_name(acc)) + " also holds " +
                      describe_amount(j, other, Decimal::from_parts(b->second, j.commodities[other].storage_scale));
        }
      }
      if (problem.empty() || errors->size() >= in.max_errors) continue;
      Diagnostic e;
      std::uint32_t t = j.post_transaction[p];
      e.file = j.file_name(j.tx_where[t].file);
      e.line = j.post_line[p];
      e.column = a.column;
      e.line_text = source_line(j, j.tx_where[t].file, e.line);
      e.kind = DiagnosticKind::Assertion;
      e.message = problem;
      e.expected = "the account's balance after this posting (postings in date order, then file order)";
      errors->push_back(std::move(e));
    }
  }
}

}  // namespace

std::string describe_amount(const Journal& j, CommodityId c, const Decimal& q) {
  const std::string& s = j.commodities[c].symbol;
  if (s.empty()) return q.to_string();
  bool quote = CommodityTable::needs_quotes(s);
  std::string sym = quote ? "\"" + s + "\"" : s;
  const AmountStyle& style = j.commodities[c].style;
  std::string space = style.space_between ? " " : "";
  if (style.symbol_on_left) return sym + space + q.to_string();
  return q.to_string() + space + sym;
}

void finish_journal(FinishInput& in, Journal* journal, std::vector<Diagnostic>* errors) {
  Journal& j = *journal;
  normalise_quantities(in, j, errors);
  apply_styles(in, j);
  if (!errors->empty()) return;
  check_deferred_balances(in, j, errors);
  check_assertions(in, j, errors);
  j.accounts.sort_children();
  in.scales.clear();
  in.scales.shrink_to_fit();
}

}  // namespace kessan::read
