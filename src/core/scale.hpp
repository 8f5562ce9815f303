#pragma once
// Scale: the word an amount is written in, "9.5 billion" or "JPY9,849
// million": a power of ten and its name.

#include <optional>
#include <string>
#include <string_view>

#include "core/decimal.hpp"

namespace kessan {

struct Scale {
  Decimal factor = Decimal(1);  // 1000000000
  std::string word;             // "billion"; empty for units
};

// "unit" (1), "thousand", "million", "billion", "trillion"; empty for anything else.
std::optional<Scale> scale_named(std::string_view word);

}  // namespace kessan
