#pragma once
// Cell: one exact figure of a table or of prose, with how it is to be
// printed. A numeric cell holds an exact ratio numerator / denominator (an
// amount in the unit of presentation is yen / 1000; a percentage is
// part * 100 / base; a translated amount is yen / (1000 * rate)). It is
// rounded once, when written, to `decimals` digits with `rounding`, unless
// footing (report/footing.hpp) set `presented`.

#include <optional>
#include <string>

#include "core/decimal.hpp"

namespace kessan::report {

enum class CellKind {
  Empty,          // nothing printed
  Number,         // an amount, per-share figure or count
  Percent,        // a percentage (of a base line, or a change)
  NotAvailable,   // "n/a": the value does not exist
  NotMeaningful,  // "n/m" (or the table's not-meaningful text): e.g. a change whose sign flips
  Text,           // free text
};

// The money a Number cell is in: none (a count, a per-share figure, a
// percentage), the book's currency, or the convenience translation's.
enum class CellMoney { None, Reporting, Convenience };

struct Cell {
  CellKind kind = CellKind::Empty;
  Decimal numerator;
  Decimal denominator = Decimal(1);
  int decimals = 0;
  RoundingMode rounding = RoundingMode::HalfUp;
  bool percent_sign = false;  // print "35.8%" rather than "35.8"
  bool zero_text = false;     // a zero value prints the table's zero text ("-", "—")
  CellMoney money = CellMoney::None;
  std::string currency_sign;  // printed before the figure ("$"), presentation only
  std::string text;           // Text cells
  // The value as presented, when footing moved it off its own rounding
  // (see report/footing.hpp); the exact value stays numerator/denominator.
  std::optional<Decimal> presented;

  // The value to print: the presented value, else the exact value
  // (numerator / denominator) rounded once to `decimals` digits.
  std::optional<Decimal> rounded() const {
    if (presented) return presented;
    return Decimal::div(numerator, denominator, decimals, rounding);
  }
  // The exact value to `scale` digits (for machine-readable output).
  std::optional<Decimal> exact(int scale = 12) const {
    return Decimal::div(numerator, denominator, scale, RoundingMode::HalfEven);
  }
};

}  // namespace kessan::report
