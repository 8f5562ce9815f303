#include "report/posting_totals.hpp"

#include <algorithm>

namespace kessan::report {
namespace {

void add_to(Decimal& into, const Decimal& v, char* overflow) {
  auto sum = Decimal::add(into, v);
  if (sum)
    into = *sum;
  else
    *overflow = 1;
}

}  // namespace

PostingTotals::PostingTotals(const Journal& journal, std::string_view currency)
    : j_(journal), currency_(journal.commodities.find(currency)) {}

const PostingTotals::Sums& PostingTotals::sums(Date first, Date last, bool balance) {
  auto key = std::make_tuple(balance, balance ? 0 : first.days(), last.days());
  auto it = cache_.find(key);
  if (it == cache_.end()) it = cache_.emplace(key, compute(first, last, balance)).first;
  return it->second;
}

PostingTotals::Sums PostingTotals::compute(Date first, Date last, bool balance) const {
  const std::size_t n = j_.accounts.size();
  Sums s;
  s.own.assign(n, Decimal());
  s.debits = s.credits = s.own;
  s.own_foreign.assign(n, kNone);
  s.own_overflow.assign(n, 0);
  std::vector<char> debit_overflow(n, 0);
  for (std::size_t q = 0; q < j_.posting_count(); ++q) {
    Date d = j_.post_date[q];
    if (d > last || (!balance && d < first) || !counts(j_, q)) continue;
    AccountId a = j_.post_account[q];
    if (static_cast<long>(j_.post_commodity[q]) != currency_) {
      if (s.own_foreign[a] == kNone) s.own_foreign[a] = static_cast<std::uint32_t>(q);
      continue;
    }
    Decimal v = j_.quantity(q);
    add_to(s.own[a], v, &s.own_overflow[a]);
    add_to(v.is_negative() ? s.credits[a] : s.debits[a], v, &debit_overflow[a]);
  }
  s.net = s.own;
  s.foreign = s.own_foreign;
  s.overflow = s.own_overflow;
  for (std::size_t a = 0; a < n; ++a) s.overflow[a] |= debit_overflow[a];
  // Parents have smaller ids than their children: one reverse pass rolls up.
  for (std::size_t a = n; a-- > 1;) {
    AccountId parent = j_.accounts.parent(static_cast<AccountId>(a));
    add_to(s.net[parent], s.net[a], &s.overflow[parent]);
    add_to(s.debits[parent], s.debits[a], &s.overflow[parent]);
    add_to(s.credits[parent], s.credits[a], &s.overflow[parent]);
    s.overflow[parent] |= s.overflow[a];
    s.foreign[parent] = std::min(s.foreign[parent], s.foreign[a]);
  }
  return s;
}

}  // namespace kessan::report
