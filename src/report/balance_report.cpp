#include "report/balance_report.hpp"

#include <algorithm>
#include <unordered_map>

namespace kessan::report {
namespace {

// Exact per-(column, account, commodity) sums at commodity storage scale.
class Sums {
 public:
  Sums(std::size_t columns, std::size_t accounts, std::size_t commodities)
      : accounts_(accounts), commodities_(commodities) {
    // (accounts and commodities fit in 32 bits each: no product overflows 64)
    std::uint64_t cells = std::uint64_t{accounts} * commodities;
    dense_ = columns == 0 || cells <= (1u << 22) / columns;
    if (dense_)
      cells_.assign(columns * cells, 0);
    else
      sparse_.resize(columns);
  }
  bool add(std::size_t col, AccountId a, CommodityId c, Int128 v) {
    Int128& cell = dense_ ? cells_[index(col, a, c)] : sparse_[col][key(a, c)];
    return checked_add(cell, v, &cell);
  }
  Int128 get(std::size_t col, AccountId a, CommodityId c) const {
    if (dense_) return cells_[index(col, a, c)];
    auto it = sparse_[col].find(key(a, c));
    return it == sparse_[col].end() ? 0 : it->second;
  }

 private:
  std::size_t index(std::size_t col, AccountId a, CommodityId c) const {
    return (col * accounts_ + a) * commodities_ + c;
  }
  static std::uint64_t key(AccountId a, CommodityId c) { return static_cast<std::uint64_t>(a) << 32 | c; }
  std::size_t accounts_, commodities_;
  bool dense_;
  std::vector<Int128> cells_;
  std::vector<std::unordered_map<std::uint64_t, Int128>> sparse_;
};

using Columns = std::vector<MixedAmount>;

bool any_amount(const Columns& columns) {
  return std::any_of(columns.begin(), columns.end(), [](const MixedAmount& m) { return !m.empty(); });
}

// The dates of the journal's transactions: [first, day after the last).
std::optional<std::pair<Date, Date>> journal_span(const Journal& j) {
  if (j.transaction_count() == 0) return std::nullopt;
  auto [lo, hi] = std::minmax_element(j.tx_date.begin(), j.tx_date.end());
  return std::pair{*lo, Date::from_days(hi->days() + 1)};
}

class Builder {
 public:
  Builder(const Journal& j, const BalanceQuery& q) : j_(j), q_(q), limit_(q.depth ? *q.depth : -1) {}

  std::optional<BalanceReport> run(ReportError* error) {
    BalanceReport report;
    report.flat = q_.flat;
    report.periodic = q_.interval != Interval::None;
    if (report.periodic) report.periods = columns_of_report();
    periods_ = &report.periods;
    periodic_ = report.periodic;
    columns_ = report.periodic ? report.periods.size() : 1;
    own_.emplace(columns_, j_.accounts.size(), j_.commodities.size());
    all_.emplace(columns_, j_.accounts.size(), j_.commodities.size());
    if (q_.accounts && !q_.accounts->empty()) select_accounts();
    if (!sum_postings(error) || !roll_up(error)) return std::nullopt;
    order_commodities();
    if (limit_ == 0) {
      add_row(AccountTree::kRoot, "...", 0, amounts(*all_, AccountTree::kRoot), &report);
    } else if (q_.flat) {
      find_visible();
      flat_rows(AccountTree::kRoot, &report);
    } else {
      find_visible();
      for (AccountId child : j_.accounts.children(AccountTree::kRoot)) tree_rows(child, 0, 0, &report);
    }
    Columns total = amounts(*all_, AccountTree::kRoot);
    if (report.periodic)
      report.column_totals = std::move(total);
    else
      report.total = std::move(total[0]);
    return report;
  }

 private:
  // The whole periods covering the dates asked for, missing ends taken from
  // the journal.
  std::vector<CalendarPeriod> columns_of_report() const {
    auto span = journal_span(j_);
    if ((!q_.begin || !q_.end) && !span) return {};
    Date begin = q_.begin ? *q_.begin : span->first;
    Date end = q_.end ? *q_.end : span->second;
    return calendar_periods(begin, end, q_.interval);
  }

  // The column of a posting on `d`, or -1 when its date is not reported.
  long column_of(Date d) {
    if (!periodic_) return (q_.begin && d < *q_.begin) || (q_.end && d >= *q_.end) ? -1 : 0;
    const auto& p = *periods_;
    if (p.empty() || d < p.front().begin || d >= p.back().end) return -1;
    if (d >= p[last_column_].begin && d < p[last_column_].end) return static_cast<long>(last_column_);
    auto it = std::upper_bound(p.begin(), p.end(), d, [](Date x, const CalendarPeriod& c) { return x < c.begin; });
    last_column_ = static_cast<std::size_t>(it - p.begin()) - 1;
    return static_cast<long>(last_column_);
  }

  // The accounts the filter selects, and those with a selected account at
  // or below them (the ones -E may show).
  void select_accounts() {
    selected_ = q_.accounts->selection(j_.accounts);
    relevant_ = selected_;
    for (std::size_t a = j_.accounts.size(); a-- > 1;)
      if (relevant_[a]) relevant_[j_.accounts.parent(static_cast<AccountId>(a))] = 1;
  }
  bool may_show_empty(AccountId a) const { return q_.show_empty && (relevant_.empty() || relevant_[a]); }

  // The account a posting counts toward after depth clipping.
  AccountId clip(AccountId a) const { return limit_ >= 0 ? j_.accounts.ancestor_at_depth(a, limit_) : a; }

  bool sum_postings(ReportError* error) {
    if (columns_ == 0) return true;
    for (std::size_t p = 0; p < j_.posting_count(); ++p) {
      AccountId account = j_.post_account[p];
      if (!selected_.empty() && !selected_[account]) continue;
      long col = column_of(j_.post_date[p]);
      if (col < 0) continue;
      if (!own_->add(static_cast<std::size_t>(col), clip(account), j_.post_commodity[p], j_.post_quantity[p])) {
        error->message = "the balance of " + std::string(j_.accounts.full_name(account)) + " in " +
                         j_.commodities[j_.post_commodity[p]].symbol + " overflows";
        return false;
      }
    }
    return true;
  }

  // Inclusive totals: children have larger ids than their parents.
  bool roll_up(ReportError* error) {
    for (std::size_t a = j_.accounts.size(); a-- > 0;) {
      for (CommodityId c = 0; c < j_.commodities.size(); ++c) {
        for (std::size_t col = 0; col < columns_; ++col) {
          Int128 v = own_->get(col, static_cast<AccountId>(a), c);
          if (v == 0) continue;
          for (AccountId up = static_cast<AccountId>(a);; up = j_.accounts.parent(up)) {
            if (!all_->add(col, up, c, v)) {
              error->message = "the total of " + std::string(j_.accounts.full_name(up)) + " overflows";
              return false;
            }
            if (up == AccountTree::kRoot) break;
          }
        }
      }
    }
    return true;
  }

  void order_commodities() {
    for (CommodityId c = 0; c < j_.commodities.size(); ++c) commodity_order_.push_back(c);
    std::sort(commodity_order_.begin(), commodity_order_.end(),
              [&](CommodityId a, CommodityId b) { return j_.commodities[a].symbol < j_.commodities[b].symbol; });
  }

  Columns amounts(const Sums& s, AccountId a) const {
    Columns out(columns_);
    for (std::size_t col = 0; col < columns_; ++col)
      for (CommodityId c : commodity_order_) {
        Int128 v = s.get(col, a, c);
        if (v != 0) out[col].emplace_back(c, Decimal::from_parts(v, j_.commodities[c].storage_scale));
      }
    return out;
  }

  void add_row(AccountId a, std::string name, int indent, Columns amounts, BalanceReport* out) const {
    BalanceRow row{a, std::move(name), indent, {}, {}};
    if (out->periodic)
      row.columns = std::move(amounts);
    else
      row.amount = std::move(amounts[0]);
    out->rows.push_back(std::move(row));
  }

  void flat_rows(AccountId a, BalanceReport* out) {
    for (AccountId child : j_.accounts.children(a)) {
      if (limit_ > 0 && j_.accounts.depth(child) > limit_) continue;
      bool clipped = limit_ > 0 && j_.accounts.depth(child) == limit_;
      Columns m = clipped ? amounts(*all_, child) : amounts(*own_, child);
      if (any_amount(m) || (may_show_empty(child) && (clipped || j_.accounts.children(child).empty())))
        add_row(child, std::string(j_.accounts.full_name(child)), 0, std::move(m), out);
      if (!clipped) flat_rows(child, out);
    }
  }

  // Which subtrees show a row: those where some account has a balance.
  // Children have larger ids than their parents, so one reverse pass.
  void find_visible() {
    visible_.assign(j_.accounts.size(), 0);
    for (std::size_t a = j_.accounts.size(); a-- > 1;) {
      auto id = static_cast<AccountId>(a);
      if (limit_ > 0 && j_.accounts.depth(id) > limit_) continue;
      if (may_show_empty(id) || any_amount(amounts(*all_, id)) || any_amount(amounts(*own_, id))) visible_[a] = 1;
      if (visible_[a]) visible_[j_.accounts.parent(id)] = 1;
    }
  }
  bool visible(AccountId a) const { return visible_[a] != 0; }

  // The row of `a` and those below it. A row's label is the end of its full
  // name from `label_start` on ("Bank" or, folded, "Assets:Bank"), so no
  // level builds a name of its own.
  void tree_rows(AccountId a, int indent, std::size_t label_start, BalanceReport* out) {
    if (!visible(a)) return;
    bool at_depth_limit = limit_ > 0 && j_.accounts.depth(a) >= limit_;
    std::vector<AccountId> shown;
    if (!at_depth_limit)
      for (AccountId c : j_.accounts.children(a))
        if (visible(c)) shown.push_back(c);
    // Fold "Parent" into "Parent:Child" when it adds nothing of its own.
    if (shown.size() == 1 && !any_amount(amounts(*own_, a))) {
      tree_rows(shown[0], indent, label_start, out);
      return;
    }
    add_row(a, std::string(j_.accounts.full_name(a).substr(label_start)), indent, amounts(*all_, a), out);
    for (AccountId c : shown) tree_rows(c, indent + 1, leaf_start(c), out);
  }
  std::size_t leaf_start(AccountId a) const {
    return j_.accounts.full_name(a).size() - j_.accounts.leaf_name(a).size();
  }

  const Journal& j_;
  const BalanceQuery& q_;
  int limit_;  // the depth, or -1: unlimited
  const std::vector<CalendarPeriod>* periods_ = nullptr;
  bool periodic_ = false;
  std::size_t columns_ = 1;
  std::size_t last_column_ = 0;
  std::optional<Sums> own_, all_;
  std::vector<char> selected_, relevant_;  // empty: every account
  std::vector<CommodityId> commodity_order_;
  std::vector<char> visible_;
};

}  // namespace

std::optional<BalanceReport> balance_report(const Journal& journal, const BalanceQuery& query, ReportError* error) {
  return Builder(journal, query).run(error);
}

}  // namespace kessan::report
