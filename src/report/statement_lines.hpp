#pragma once
// StatementLines: the exact value of every line of a statement layout (flow,
// balance or cash-flow) for any period, as the book presents a given period.
//
// Contract:
//  - Construction checks the layout against the journal: line references,
//    the book's currency, that every account in scope is on exactly one
//    line, and the reclassifications that name this layout (their lines
//    must exist and the account must be on `from_line`). Problems are
//    diagnostics; ok() is false after any.
//  - Reclassifications effective for the presented period move their
//    accounts in every period asked for: comparison periods are restated.
//  - values(p) sums postings (in the book's currency; real and
//    balanced-virtual postings) over the period — balances up to p.last for
//    a balance statement — then derives sums and, for cash flows,
//    classifies every non-cash posting. A period outside the journal's data,
//    a cash flow that does not articulate or an 'equals' relation that does
//    not hold is a diagnostic and gives no values. Results are cached.
//  - Only money lines have values (in the currency, not in the unit of
//    presentation); headings and share lines are empty.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/book_settings.hpp"
#include "core/diagnostic.hpp"
#include "core/journal.hpp"
#include "core/statement_layout.hpp"
#include "report/posting_totals.hpp"

namespace kessan::report {

// The one rule for whether a journal whose transactions run from
// data.first to data.second covers period `p` (a balance date: a period of
// one day): the data must reach back to the period's first day
// (`days_before` more for a cash flow, which starts from the day before) and
// forward into its last kClosingDays days, so a quarter ending on a Saturday
// whose books were closed on the Friday is covered.
inline constexpr int kClosingDays = 7;
bool period_covered(const Period& p, const std::pair<Date, Date>& data, int days_before = 0);

class StatementLines {
 public:
  // `totals`: the book's posting sums (shared by every layout of a report).
  StatementLines(const Journal& journal, const BookSettings& settings, const StatementLayout& layout,
                 const Period& presented, PostingTotals* totals, std::vector<Diagnostic>* errors);

  bool ok() const { return ok_; }
  const StatementLayout& layout() const { return l_; }
  // The index of the line with this id, or -1.
  long find(const std::string& id) const;

  using Values = std::vector<std::optional<Decimal>>;
  // The values of every line for `p`; null on error (reported once).
  const Values* values(const Period& p);

  // Whether the journal's data covers `p` by period_covered() (nothing is
  // reported); a balance statement's periods count as their last days.
  bool covers(const Period& p) const;

  // The reclassifications applied (effective for the presented period).
  const std::vector<const Reclassification*>& applied() const { return applied_; }
  // The amount reclassification `applied()[r]` moved in period `p`, as
  // presented on its new line (a credit line shows credits as positive).
  // Empty when the period's values could not be computed.
  std::optional<Decimal> reclassified(std::size_t r, const Period& p);

 private:
  struct PeriodValues {
    bool ok = false;
    Values lines;
    std::vector<Decimal> moved;  // per applied reclassification
  };

  void index_lines();
  void check_references();
  void find_currency();
  void map_accounts();
  void apply_reclassifications();
  bool check_coverage(const Period& p);
  std::optional<std::pair<Date, Date>> data_span() const;
  mutable std::optional<std::pair<Date, Date>> data_span_;
  bool in_period(Date d, const Period& p) const;
  bool counts(std::size_t posting) const;
  // Whether the posting is in the book's currency; if not, the period's
  // values fail and the first such posting is reported.
  bool check_commodity(std::size_t posting);
  bool classify_cash_flows(const Period& p, std::vector<Decimal>* flows);
  Decimal cash_balance(Date through);
  bool sum_lines(Values& v);
  bool add_up(Values& v, std::size_t i);
  bool check_relations(const Values& v, const Period& p);
  bool check_articulation(const Values& v, const Period& p);
  PeriodValues compute(const Period& p);
  PeriodValues compute_unchecked(const Period& p);
  // a + b; an overflow is remembered and reported by compute().
  Decimal plus(Decimal a, Decimal b) const;
  const LayoutLine* find_line(const std::string& id) const;
  void require_line(const std::string& id, const SourceRef& where, const char* what);

  const Journal& j_;
  const BookSettings& s_;
  const StatementLayout& l_;
  Period presented_;
  std::vector<Diagnostic>* errors_;
  bool ok_ = true;
  std::map<std::string, std::size_t> line_index_;
  CommodityId currency_ = 0;
  PostingTotals* totals_;
  std::vector<AccountId> cash_accounts_;  // accounts matching the layout's cash patterns
  bool foreign_reported_ = false;
  bool foreign_ = false;  // the period being computed has a posting in another commodity
  mutable bool overflowed_ = false;
  std::vector<int> account_line_;     // per account id: its line, or -1
  std::vector<int> account_reclass_;  // per account id: the applied reclassification moving it, or -1
  std::vector<const Reclassification*> applied_;
  std::map<std::pair<std::int32_t, std::int32_t>, PeriodValues> cache_;
};

// Whether a layout line holds money (accounts, sums, cash-flow and cash lines).
bool is_money_line(const LayoutLine& line);

// The error for posting `posting`, which is not in the book's `currency`:
// "a posting in USD to Assets:Cash, but the book reports in EUR", or for an
// amount written without a commodity "a posting of 5 without a commodity
// to Assets:Cash, …", at the posting's file and line.
Diagnostic posting_not_in_currency(const Journal& journal, std::size_t posting, const std::string& currency);

}  // namespace kessan::report
