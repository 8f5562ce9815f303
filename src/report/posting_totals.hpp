#pragma once
// PostingTotals: the one place a book's postings are summed for statements,
// tables, measures and formulas. For a span of days (a flow: first to last;
// a balance: everything up to last) it gives every account's own net amount
// and its totals with its subaccounts (net, debits, credits), exact, in the
// book's currency, computed in one pass over the postings and cached per
// span, so statement lines and `[Account]` terms of formulas agree by
// construction.
//
// Contract:
//  - counts() is the one posting filter: every posting counts except
//    unbalanced virtual ones (`(Account)`), as in ledger's and hledger's
//    real reports.
//  - A counted posting in another commodity is not added; the first such
//    posting (in file order) is kept per account (own and with subaccounts)
//    so that a report that uses the account can name it. A total that
//    overflows is flagged per account, never wrapped or zeroed.

#include <cstdint>
#include <map>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/date.hpp"
#include "core/decimal.hpp"
#include "core/journal.hpp"

namespace kessan::report {

class PostingTotals {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;

  struct Sums {
    std::vector<Decimal> own;                   // per account: its own postings
    std::vector<Decimal> net, debits, credits;  // per account, subaccounts included
    std::vector<std::uint32_t> own_foreign;     // per account: first posting in another commodity, or kNone
    std::vector<std::uint32_t> foreign;         // the same, subaccounts included
    std::vector<char> own_overflow, overflow;   // per account: its net (own / with subaccounts) too large
    std::vector<char> split_overflow;           // per account: its debits or credits too large (subaccounts included)
  };

  // `currency`: the book's currency symbol (no posting is in it when the
  // journal does not use it).
  PostingTotals(const Journal& journal, std::string_view currency);

  static bool counts(const Journal& j, std::size_t posting) {
    return j.post_kind[posting] != PostingKind::VirtualUnbalanced;
  }

  // The totals of the counted postings dated first to last (balance: up to last).
  const Sums& sums(Date first, Date last, bool balance);

  const Journal& journal() const { return j_; }

 private:
  Sums compute(Date first, Date last, bool balance) const;

  const Journal& j_;
  long currency_;
  std::map<std::tuple<bool, std::int32_t, std::int32_t>, Sums> cache_;
};

}  // namespace kessan::report
