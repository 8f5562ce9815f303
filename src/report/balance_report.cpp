#include "report/balance_report.hpp"

#include <algorithm>
#include <unordered_map>

namespace kessan::report {
namespace {

// Exact per-(account, commodity) sums at commodity storage scale.
class Sums {
 public:
  Sums(std::size_t accounts, std::size_t commodities) : accounts_(accounts), commodities_(commodities) {
    dense_ = accounts * commodities <= (1u << 22);
    if (dense_) cells_.assign(accounts * commodities, 0);
  }
  bool add(AccountId a, CommodityId c, Int128 v) {
    Int128& cell = dense_ ? cells_[static_cast<std::size_t>(a) * commodities_ + c] : sparse_[key(a, c)];
    return !__builtin_add_overflow(cell, v, &cell);
  }
  Int128 get(AccountId a, CommodityId c) const {
    if (dense_) return cells_[static_cast<std::size_t>(a) * commodities_ + c];
    auto it = sparse_.find(key(a, c));
    return it == sparse_.end() ? 0 : it->second;
  }

 private:
  static std::uint64_t key(AccountId a, CommodityId c) { return static_cast<std::uint64_t>(a) << 32 | c; }
  std::size_t accounts_, commodities_;
  bool dense_;
  std::vector<Int128> cells_;
  std::unordered_map<std::uint64_t, Int128> sparse_;
};

class Builder {
 public:
  Builder(const Journal& j, const BalanceQuery& q)
      : j_(j), q_(q), own_(j.accounts.size(), j.commodities.size()), all_(j.accounts.size(), j.commodities.size()) {}

  std::optional<BalanceReport> run(ReportError* error) {
    if (!sum_postings(error) || !roll_up(error)) return std::nullopt;
    order_commodities();
    find_visible();
    BalanceReport report;
    report.flat = q_.flat;
    if (q_.flat) {
      flat_rows(AccountTree::kRoot, &report);
    } else {
      for (AccountId child : j_.accounts.children(AccountTree::kRoot)) tree_rows(child, 0, 0, &report);
    }
    report.total = amount_of(all_, AccountTree::kRoot);
    return report;
  }

 private:
  // The account a posting counts toward after depth clipping.
  AccountId clip(AccountId a) const { return q_.depth > 0 ? j_.accounts.ancestor_at_depth(a, q_.depth) : a; }

  bool sum_postings(ReportError* error) {
    for (std::size_t p = 0; p < j_.posting_count(); ++p) {
      Date d = j_.post_date[p];
      if ((q_.begin && d < *q_.begin) || (q_.end && d >= *q_.end)) continue;
      if (!own_.add(clip(j_.post_account[p]), j_.post_commodity[p], j_.post_quantity[p])) {
        error->message = "the balance of " + std::string(j_.accounts.full_name(j_.post_account[p])) + " in " +
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
        Int128 v = own_.get(static_cast<AccountId>(a), c);
        if (v == 0) continue;
        for (AccountId up = static_cast<AccountId>(a);; up = j_.accounts.parent(up)) {
          if (!all_.add(up, c, v)) {
            error->message = "the total of " + std::string(j_.accounts.full_name(up)) + " overflows";
            return false;
          }
          if (up == AccountTree::kRoot) break;
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

  MixedAmount amount_of(const Sums& s, AccountId a) const {
    MixedAmount m;
    for (CommodityId c : commodity_order_) {
      Int128 v = s.get(a, c);
      if (v != 0) m.emplace_back(c, Decimal::from_parts(v, j_.commodities[c].storage_scale));
    }
    return m;
  }

  void flat_rows(AccountId a, BalanceReport* out) {
    for (AccountId child : j_.accounts.children(a)) {
      if (q_.depth > 0 && j_.accounts.depth(child) > q_.depth) continue;
      bool clipped = q_.depth > 0 && j_.accounts.depth(child) == q_.depth;
      MixedAmount m = clipped ? amount_of(all_, child) : amount_of(own_, child);
      if (!m.empty() || (q_.show_empty && (clipped || j_.accounts.children(child).empty())))
        out->rows.push_back(BalanceRow{child, std::string(j_.accounts.full_name(child)), 0, std::move(m)});
      if (!clipped) flat_rows(child, out);
    }
  }

  // Which subtrees show a row: those where some account has a balance.
  // Children have larger ids than their parents, so one reverse pass.
  void find_visible() {
    visible_.assign(j_.accounts.size(), 0);
    for (std::size_t a = j_.accounts.size(); a-- > 1;) {
      auto id = static_cast<AccountId>(a);
      if (q_.depth > 0 && j_.accounts.depth(id) > q_.depth) continue;
      if (q_.show_empty || !amount_of(all_, id).empty() || !amount_of(own_, id).empty()) visible_[a] = 1;
      if (visible_[a]) visible_[j_.accounts.parent(id)] = 1;
    }
  }
  bool visible(AccountId a) const { return visible_[a] != 0; }

  // The row of `a` and those below it. A row's label is the end of its full
  // name from `label_start` on ("Bank" or, folded, "Assets:Bank"), so no
  // level builds a name of its own.
  void tree_rows(AccountId a, int indent, std::size_t label_start, BalanceReport* out) {
    if (!visible(a)) return;
    bool at_depth_limit = q_.depth > 0 && j_.accounts.depth(a) >= q_.depth;
    std::vector<AccountId> shown;
    if (!at_depth_limit)
      for (AccountId c : j_.accounts.children(a))
        if (visible(c)) shown.push_back(c);
    // Fold "Parent" into "Parent:Child" when it adds nothing of its own.
    if (shown.size() == 1 && amount_of(own_, a).empty()) {
      tree_rows(shown[0], indent, label_start, out);
      return;
    }
    out->rows.push_back(
        BalanceRow{a, std::string(j_.accounts.full_name(a).substr(label_start)), indent, amount_of(all_, a)});
    for (AccountId c : shown) tree_rows(c, indent + 1, leaf_start(c), out);
  }
  std::size_t leaf_start(AccountId a) const {
    return j_.accounts.full_name(a).size() - j_.accounts.leaf_name(a).size();
  }

  const Journal& j_;
  const BalanceQuery& q_;
  Sums own_, all_;
  std::vector<CommodityId> commodity_order_;
  std::vector<char> visible_;
};

}  // namespace

std::optional<BalanceReport> balance_report(const Journal& journal, const BalanceQuery& query, ReportError* error) {
  return Builder(journal, query).run(error);
}

}  // namespace kessan::report
