#pragma once
// ReleaseStyle: how a book's earnings release writes figures in prose —
// "JPY9,849 million ($82 million)", "(-)4.7%" — and when a change counts as
// slight. Read from book.toml's [release] table (docs/release-format.md).

#include <string>

#include "core/decimal.hpp"
#include "core/scale.hpp"

namespace kessan {

struct ReleaseStyle {
  std::string template_pattern = "releases/{period}.md";  // relative to the book
  std::string currency_prefix;                            // before amounts: "JPY" (default: the currency code)
  std::string convenience_prefix;            // before translated amounts: "$" (default: that currency's code)
  Scale scale{Decimal(1000000), "million"};  // amounts in prose
  std::string negative = "-";                // marks a negative figure: "-", "(-)"
  Decimal slight_below = Decimal(1);         // a change below this (percent, or points for ratios) is slight
  int percent_decimals = 1;
};

}  // namespace kessan
