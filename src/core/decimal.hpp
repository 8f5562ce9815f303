#pragma once
// Decimal: an exact decimal number, mantissa * 10^-scale, with a 128-bit
// signed mantissa. It is the only number type in kessan's money paths.
//
// Contract:
//  - Every operation that could leave the representable range reports
//    overflow (returns false / an empty optional) instead of wrapping.
//  - Nothing rounds implicitly: reducing the scale takes a RoundingMode.
//  - The scale is at most kMaxScale digits after the decimal point.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>

#include "core/rounding.hpp"

namespace kessan {

using Int128 = __int128;

class Decimal {
 public:
  static constexpr int kMaxScale = 30;

  constexpr Decimal() = default;
  // An integer value with scale 0.
  constexpr explicit Decimal(long long units) : mantissa_(units) {}
  // mantissa * 10^-scale. Precondition: 0 <= scale <= kMaxScale.
  static constexpr Decimal from_parts(Int128 mantissa, int scale) {
    Decimal d;
    d.mantissa_ = mantissa;
    d.scale_ = static_cast<std::uint8_t>(scale);
    return d;
  }
  // Parses a plain decimal such as "-1234.50" (no separators, no symbol).
  static std::optional<Decimal> parse(std::string_view text);

  Int128 mantissa() const { return mantissa_; }
  int scale() const { return scale_; }
  bool is_zero() const { return mantissa_ == 0; }
  bool is_negative() const { return mantissa_ < 0; }
  int sign() const { return mantissa_ < 0 ? -1 : (mantissa_ > 0 ? 1 : 0); }

  // The same value with `scale` digits (scale >= this->scale()).
  // Empty on overflow.
  std::optional<Decimal> with_scale(int scale) const;
  // The value rounded to `scale` digits. Never overflows.
  Decimal rounded(int scale, RoundingMode mode) const;
  // The same value with trailing fractional zeros removed.
  Decimal normalized() const;

  // Checked arithmetic; empty on overflow.
  static std::optional<Decimal> add(Decimal a, Decimal b);
  static std::optional<Decimal> sub(Decimal a, Decimal b);
  static std::optional<Decimal> mul(Decimal a, Decimal b);
  // a / b rounded to `scale` digits. Empty on overflow or when b is zero.
  static std::optional<Decimal> div(Decimal a, Decimal b, int scale, RoundingMode mode);
  Decimal negated() const { return from_parts(-mantissa_, scale_); }
  Decimal abs() const { return mantissa_ < 0 ? negated() : *this; }

  // Exact comparison across scales.
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);
  friend bool operator==(const Decimal& a, const Decimal& b) { return (a <=> b) == 0; }

  // Plain text: "-1234.50" (keeps the scale; no separators).
  std::string to_string() const;

 private:
  Int128 mantissa_ = 0;
  std::uint8_t scale_ = 0;
};

// Checked 128-bit integer arithmetic: false on overflow. The smallest
// Int128 counts as overflow too, so every result can be negated.
inline constexpr Int128 kInt128Max = static_cast<Int128>((static_cast<unsigned __int128>(1) << 127) - 1);
inline constexpr Int128 kInt128Min = -kInt128Max - 1;
inline bool checked_mul(Int128 a, Int128 b, Int128* out) {
  return !__builtin_mul_overflow(a, b, out) && *out != kInt128Min;
}
inline bool checked_add(Int128 a, Int128 b, Int128* out) {
  return !__builtin_add_overflow(a, b, out) && *out != kInt128Min;
}

// 10^n as a 128-bit integer, for 0 <= n <= 38.
Int128 pow10_i128(int n);
// Decimal digits of |v|.
std::string int128_digits(Int128 v);

}  // namespace kessan
