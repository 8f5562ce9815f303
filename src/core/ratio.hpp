#pragma once
// Ratio: an exact rational number, numerator / denominator, both 128-bit
// integers. Figures derived from the books (a margin, an amount per share, a
// formula over lines) are computed as ratios, so nothing is rounded until a
// writer prints the figure once.
//
// Contract:
//  - The denominator is positive and the fraction is in lowest terms.
//  - Every operation that could overflow reports it (an empty optional);
//    nothing wraps and nothing rounds.
//  - Division by zero is an empty optional too; callers that must tell the
//    two apart check the divisor first.

#include <compare>
#include <optional>
#include <string>

#include "core/decimal.hpp"

namespace kessan {

class Ratio {
 public:
  constexpr Ratio() = default;
  constexpr explicit Ratio(long long integer) : num_(integer) {}
  // The exact value of a decimal.
  static Ratio from_decimal(const Decimal& d);
  // num / den in lowest terms; empty when den is zero.
  static std::optional<Ratio> make(Int128 num, Int128 den);

  Int128 numerator() const { return num_; }
  Int128 denominator() const { return den_; }
  bool is_zero() const { return num_ == 0; }
  int sign() const { return num_ < 0 ? -1 : (num_ > 0 ? 1 : 0); }

  static std::optional<Ratio> add(const Ratio& a, const Ratio& b);
  static std::optional<Ratio> sub(const Ratio& a, const Ratio& b);
  static std::optional<Ratio> mul(const Ratio& a, const Ratio& b);
  static std::optional<Ratio> div(const Ratio& a, const Ratio& b);
  Ratio negated() const;
  Ratio abs() const { return num_ < 0 ? negated() : *this; }

  // The value rounded to `scale` decimals with `mode`; empty on overflow.
  std::optional<Decimal> to_decimal(int scale, RoundingMode mode) const;
  // The numerator and denominator as decimals (for report::Cell).
  Decimal numerator_decimal() const { return Decimal::from_parts(num_, 0); }
  Decimal denominator_decimal() const { return Decimal::from_parts(den_, 0); }

  friend std::strong_ordering operator<=>(const Ratio& a, const Ratio& b);
  friend bool operator==(const Ratio& a, const Ratio& b) { return a.num_ == b.num_ && a.den_ == b.den_; }

  // "1/3", "-464155000", for messages.
  std::string to_string() const;

 private:
  Int128 num_ = 0;
  Int128 den_ = 1;
};

}  // namespace kessan
