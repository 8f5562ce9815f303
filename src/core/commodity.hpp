#pragma once
// Commodities (currencies, shares, any unit an amount is counted in) and the
// way their amounts are displayed, learned from the journal.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/intern_table.hpp"

namespace kessan {

using CommodityId = std::uint32_t;

// How amounts of one commodity are written. Learned from the first amount of
// the commodity in the journal (or its `commodity` directive); the display
// precision is the largest number of decimals used in the journal, unless a
// `commodity` directive fixes it.
struct AmountStyle {
  bool symbol_on_left = false;
  bool space_between = true;  // "5 USD" vs "5USD", "$ 5" vs "$5"
  char thousands_mark = 0;    // 0 (none), ',' '.' or ' '
  char decimal_mark = '.';
  int precision = 0;
  bool precision_fixed = false;  // set by a `commodity` directive's format
};

struct Commodity {
  std::string symbol;  // without quotes
  AmountStyle style;
  bool style_known = false;  // a style was learned or declared
  int storage_scale = 0;     // scale of the stored posting quantities
};

// The commodities of a journal, interned by symbol. Ids are dense from 0.
class CommodityTable {
 public:
  CommodityId intern(std::string_view symbol);
  const Commodity& operator[](CommodityId id) const { return items_[id]; }
  Commodity& operator[](CommodityId id) { return items_[id]; }
  std::size_t size() const { return items_.size(); }
  // Index or -1.
  long find(std::string_view symbol) const;
  // Whether the symbol needs quotes when written (contains digits, spaces, …).
  static bool needs_quotes(std::string_view symbol);

 private:
  std::vector<Commodity> items_;
  InternTable index_;
};

}  // namespace kessan
