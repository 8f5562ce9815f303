#pragma once
// Writing amounts the way the journal writes them: symbol side and spacing,
// thousands marks and the commodity's display precision.

#include <string>

#include "core/commodity.hpp"
#include "core/decimal.hpp"

namespace kessan::write {

struct AmountFormat {
  bool thousands = true;  // use the commodity's thousands mark
  bool symbol = true;     // include the commodity symbol
};

// Rounds `quantity` to the display precision (half-even, as ledger and
// hledger display) and writes it in the commodity's style, e.g. "$-1,234.50"
// or "-1,234.50 EUR".
std::string format_amount(const Commodity& commodity, const Decimal& quantity, AmountFormat format = {});

// The plain number at display precision: "-1234.50".
std::string format_plain(const Commodity& commodity, const Decimal& quantity);

// Digits of |value| with a thousands mark inserted every three digits.
std::string group_thousands(const std::string& digits, char mark);

}  // namespace kessan::write
