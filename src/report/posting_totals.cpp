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
  s.own_foreign.assign(n, kNone);
  s.own_overflow.assign(n, 0);
  s.split_overflow.assign(n, 0);
  // One commodity: its quantities share a storage scale, so the pass adds
  // integers (checked) and makes decimals once per account.
  std::vector<Int128> own(n, 0), debits(n, 0);
  const int scale = currency_ >= 0 ? j_.commodities[static_cast<CommodityId>(currency_)].storage_scale : 0;
  const std::size_t postings = j_.posting_count();
  for (std::size_t q = 0; q < postings; ++q) {
    Date d = j_.post_date[q];
    if (d > last || (!balance && d < first) || !counts(j_, q)) continue;
    AccountId a = j_.post_account[q];
    if (static_cast<long>(j_.post_commodity[q]) != currency_) {
      if (s.own_foreign[a] == kNone) s.own_foreign[a] = static_cast<std::uint32_t>(q);
      continue;
    }
    Int128 v = j_.post_quantity[q];
    if (!checked_add(own[a], v, &own[a])) s.own_overflow[a] = 1;
    if (v > 0 && !checked_add(debits[a], v, &debits[a])) s.split_overflow[a] = 1;
  }
  auto decimal = [scale](Int128 v) { return v == 0 ? Decimal() : Decimal::from_parts(v, scale); };
  s.own.resize(n);
  s.debits.resize(n);
  s.credits.resize(n);
  for (std::size_t a = 0; a < n; ++a) {
    s.own[a] = decimal(own[a]);
    s.debits[a] = decimal(debits[a]);
    Int128 credits = 0;  // own = debits + credits
    if (!s.own_overflow[a] && !s.split_overflow[a] && !__builtin_sub_overflow(own[a], debits[a], &credits) &&
        credits != kInt128Min)
      s.credits[a] = decimal(credits);
    else
      s.split_overflow[a] = 1;
  }
  s.net = s.own;
  s.foreign = s.own_foreign;
  s.overflow = s.own_overflow;
  // Parents have smaller ids than their children: one reverse pass rolls up.
  for (std::size_t a = n; a-- > 1;) {
    AccountId parent = j_.accounts.parent(static_cast<AccountId>(a));
    add_to(s.net[parent], s.net[a], &s.overflow[parent]);
    add_to(s.debits[parent], s.debits[a], &s.split_overflow[parent]);
    add_to(s.credits[parent], s.credits[a], &s.split_overflow[parent]);
    s.overflow[parent] |= s.overflow[a];
    s.split_overflow[parent] |= s.split_overflow[a];
    s.foreign[parent] = std::min(s.foreign[parent], s.foreign[a]);
  }
  return s;
}

}  // namespace kessan::report
