// Fuzz target: a journal file read from disk, then the balance report and
// its writers.
//
// Oracles:
//  - a read that fails carries at least one diagnostic;
//  - a journal read without error keeps its invariants: the columns agree
//    in length, and every balanced group of a transaction without costs
//    sums to zero in each commodity (or, for real postings, is an implicit
//    conversion: two commodities of opposite sign);
//  - the balance report's total is the sum of all postings, and the flat
//    report's rows add up to that total;
//  - the JSON writer writes valid JSON.

#include <cstddef>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "fuzz_support.hpp"
#include "read/journal_reader.hpp"
#include "report/balance_report.hpp"
#include "write/balance_writer.hpp"

namespace {

using namespace kessan;
using fuzz::require;

fuzz::TempDir& directory() {
  static fuzz::TempDir dir;
  return dir;
}

std::string describe(const Journal& j, std::size_t t) {
  return j.file_name(j.tx_where[t].file) + ":" + std::to_string(j.tx_where[t].line);
}

void check_columns(const Journal& j) {
  std::size_t n = j.posting_count(), t = j.transaction_count();
  require(j.post_transaction.size() == n && j.post_date.size() == n && j.post_commodity.size() == n &&
              j.post_quantity.size() == n && j.post_kind.size() == n && j.post_inferred.size() == n &&
              j.post_line.size() == n,
          "posting columns differ in length");
  require(j.tx_status.size() == t && j.tx_where.size() == t && j.tx_code.size() == t && j.tx_description.size() == t &&
              j.tx_first_posting.size() == t + 1,
          "transaction columns differ in length");
  require(j.tx_first_posting[0] == 0 && j.tx_first_posting[t] == n, "postings outside their transactions");
  for (std::size_t k = 0; k < t; ++k) {
    require(j.posting_begin(k) <= j.posting_end(k), "transaction postings out of order", describe(j, k));
    for (std::uint32_t p = j.posting_begin(k); p < j.posting_end(k); ++p)
      require(j.post_transaction[p] == k && j.post_date[p] == j.tx_date[k], "posting not of its transaction",
              describe(j, k));
  }
  for (std::size_t p = 0; p < n; ++p)
    require(j.post_account[p] < j.accounts.size() && j.post_commodity[p] < j.commodities.size(),
            "posting names an unknown account or commodity");
}

void check_transactions_balance(const Journal& j) {
  std::vector<char> has_cost(j.transaction_count(), 0);
  for (const PostingCost& c : j.costs) has_cost[j.post_transaction[c.posting]] = 1;
  for (std::size_t t = 0; t < j.transaction_count(); ++t) {
    if (has_cost[t]) continue;  // balanced to the display precision of the cost
    std::map<CommodityId, Int128> group[3];
    for (std::uint32_t p = j.posting_begin(t); p < j.posting_end(t); ++p) {
      Int128& sum = group[static_cast<int>(j.post_kind[p])][j.post_commodity[p]];
      require(!__builtin_add_overflow(sum, j.post_quantity[p], &sum), "a transaction total overflows", describe(j, t));
    }
    for (int g : {0, 2}) {
      std::vector<Int128> nonzero;
      for (auto& [c, v] : group[g])
        if (v != 0) nonzero.push_back(v);
      bool conversion = g == 0 && nonzero.size() == 2 && (nonzero[0] < 0) != (nonzero[1] < 0);
      require(nonzero.empty() || conversion, "a transaction of the journal does not balance", describe(j, t));
    }
  }
}

// The total of all postings per commodity, or false when it overflows.
bool all_postings(const Journal& j, std::map<CommodityId, Int128>* total) {
  for (std::size_t p = 0; p < j.posting_count(); ++p)
    if (__builtin_add_overflow((*total)[j.post_commodity[p]], j.post_quantity[p], &(*total)[j.post_commodity[p]]))
      return false;
  return true;
}

std::map<CommodityId, Decimal> as_map(const report::MixedAmount& m) {
  std::map<CommodityId, Decimal> out;
  for (auto& [c, v] : m) {
    require(!v.is_zero(), "a report amount holds a zero");
    out[c] = v;
  }
  return out;
}

void check_balance_report(const Journal& j) {
  std::map<CommodityId, Int128> expected;
  bool summed = all_postings(j, &expected);
  for (bool flat : {false, true}) {
    report::BalanceQuery q;
    q.flat = flat;
    report::ReportError error;
    auto r = report::balance_report(j, q, &error);
    if (!r) {
      require(!error.message.empty(), "a balance report failed without a message");
      continue;
    }
    auto total = as_map(r->total);
    if (summed) {
      std::map<CommodityId, Decimal> want;
      for (auto& [c, v] : expected)
        if (v != 0) want[c] = Decimal::from_parts(v, j.commodities[c].storage_scale);
      require(total == want, "the balance report's total is not the sum of the postings");
    }
    if (flat) {
      std::map<CommodityId, Int128> rows;
      for (const auto& row : r->rows)
        for (auto& [c, v] : row.amount) {
          auto mantissa = v.with_scale(j.commodities[c].storage_scale);
          require(mantissa.has_value(), "a row amount is not at its commodity's scale");
          require(!__builtin_add_overflow(rows[c], mantissa->mantissa(), &rows[c]), "the flat rows overflow");
        }
      std::map<CommodityId, Decimal> got;
      for (auto& [c, v] : rows)
        if (v != 0) got[c] = Decimal::from_parts(v, j.commodities[c].storage_scale);
      require(got == total, "the flat balance rows do not add up to the total");
    }
    std::ostringstream text, csv, json;
    write::write_balance_text(text, j, *r);
    write::write_balance_csv(csv, j, *r);
    write::write_balance_json(json, j, *r);
    require(nlohmann::json::accept(json.str()), "the balance JSON is not valid JSON", json.str());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  if (fuzz::may_leave_directory(input)) return -1;  // not added to the corpus
  std::string path = directory().path() + "/fuzz.journal";
  fuzz::write_file(path, input);
  read::ReadOptions options;
  options.threads = 1;
  options.large_stack = false;  // a single file: its includes can only fail or be refused as cycles
  read::ReadResult result = read::read_journal_file(path, options);
  if (!result.ok()) {
    fuzz::require_diagnostic(result.errors, "the journal reader");
    return 0;
  }
  require(result.errors.empty(), "a journal read with errors");
  check_columns(*result.journal);
  check_transactions_balance(*result.journal);
  check_balance_report(*result.journal);
  return 0;
}
