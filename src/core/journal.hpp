#pragma once
// Journal: a company's books in memory, stored column-wise for fast scans.
//
// Transactions and postings are columns (parallel vectors) indexed by
// transaction number and posting number. Postings of transaction t are
// [first_posting[t], first_posting[t + 1]). Quantities are exact integers at
// the commodity's storage scale (Commodity::storage_scale), so summing one
// commodity is integer addition. Descriptions and codes are views into the
// journal's source files, which the Journal owns.
//
// Invariants after a successful read:
//  - every balanced group of every transaction sums to zero (costs applied);
//  - every balance assertion holds;
//  - posting columns all have posting_count() elements, transaction columns
//    transaction_count() elements (first_posting has one more).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/account_tree.hpp"
#include "core/column.hpp"
#include "core/commodity.hpp"
#include "core/date.hpp"
#include "core/decimal.hpp"

namespace kessan {

class SourceFile;  // core/source_file.hpp

enum class Status : std::uint8_t { Unmarked = 0, Pending = 1, Cleared = 2 };

enum class PostingKind : std::uint8_t {
  Real = 0,
  VirtualUnbalanced = 1,  // (account): need not balance
  VirtualBalanced = 2,    // [account]: balances with the other [ ] postings
};

struct SourceLocation {
  std::uint32_t file = 0;  // index into Journal::files
  std::uint32_t line = 0;  // 1-based
};

// A cost written with @ (per unit) or @@ (total), kept as the total cost.
struct PostingCost {
  std::uint32_t posting;
  CommodityId commodity;
  Decimal total;  // signed like the posting's quantity
};

// "= AMOUNT" after a posting: the account's balance in that commodity after
// the posting. `sole` (==) also asserts there is no other commodity;
// `inclusive` (=* / ==*) counts subaccounts.
struct BalanceAssertion {
  std::uint32_t posting;
  CommodityId commodity;
  Decimal amount;
  bool sole = false;
  bool inclusive = false;
  std::uint32_t column = 0;
};

// A tag from a comment: "; key: value" or "; :key:". `posting` is the posting
// number, or kNoPosting for a transaction tag of transaction `transaction`.
struct Tag {
  static constexpr std::uint32_t kNoPosting = 0xffffffffu;
  std::uint32_t transaction;
  std::uint32_t posting;
  std::string_view name;
  std::string_view value;
};

// "P DATE COMMODITY PRICE": one unit of `commodity` costs `price` of `in`.
struct MarketPrice {
  Date date;
  CommodityId commodity;
  CommodityId in;
  Decimal price;
};

// An `account` directive, with the tags of its comments (e.g. "type: A").
struct AccountDeclaration {
  AccountId account;
  SourceLocation where;
  std::vector<std::pair<std::string, std::string>> tags;
};

class Journal {
 public:
  Journal();
  ~Journal();
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

  std::size_t transaction_count() const { return tx_date.size(); }
  std::size_t posting_count() const { return post_account.size(); }
  std::uint32_t posting_begin(std::size_t t) const { return tx_first_posting[t]; }
  std::uint32_t posting_end(std::size_t t) const { return tx_first_posting[t + 1]; }
  // A posting's quantity as an exact decimal.
  Decimal quantity(std::size_t p) const {
    return Decimal::from_parts(post_quantity[p], commodities[post_commodity[p]].storage_scale);
  }
  const std::string& file_name(std::uint32_t file) const { return file_names[file]; }

  // Transaction columns.
  Column<Date> tx_date;
  Column<Status> tx_status;
  Column<std::uint32_t> tx_first_posting;  // size transaction_count() + 1
  Column<SourceLocation> tx_where;
  Column<std::string_view> tx_code;
  Column<std::string_view> tx_description;  // "payee | note" kept whole

  // Posting columns.
  Column<std::uint32_t> post_transaction;
  Column<Date> post_date;  // the transaction's date, for date scans
  Column<AccountId> post_account;
  Column<CommodityId> post_commodity;
  Column<Int128> post_quantity;  // at the commodity's storage scale
  Column<PostingKind> post_kind;
  Column<std::uint8_t> post_inferred;  // 1 when the amount was inferred
  Column<std::uint32_t> post_line;     // source line of the posting

  // Sparse tables, sorted by posting (or transaction) number.
  std::vector<PostingCost> costs;
  std::vector<BalanceAssertion> assertions;
  std::vector<Tag> tags;
  std::vector<MarketPrice> prices;
  std::vector<AccountDeclaration> account_declarations;

  AccountTree accounts;
  CommodityTable commodities;
  std::vector<std::string> file_names;
  std::vector<std::unique_ptr<SourceFile>> sources;  // keep views alive
};

}  // namespace kessan
