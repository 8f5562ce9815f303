#include "core/decimal.hpp"

#include <algorithm>
#include <limits>

namespace kessan {
namespace {

// Integer quotient num/den rounded by `mode`. den != 0.
Int128 divide_rounded(Int128 num, Int128 den, RoundingMode mode) {
  Int128 q = num / den;
  Int128 r = num % den;
  if (r == 0 || mode == RoundingMode::Down) return q;
  Int128 ar = r < 0 ? -r : r;
  Int128 ad = den < 0 ? -den : den;
  Int128 rest = ad - ar;  // distance to the next multiple
  bool negative = (num < 0) != (den < 0);
  bool away;
  if (ar > rest) {
    away = true;
  } else if (ar < rest) {
    away = false;
  } else {  // exactly half
    away = mode == RoundingMode::HalfUp || (q % 2 != 0);
  }
  if (away) q += negative ? -1 : 1;
  return q;
}

}  // namespace

Int128 pow10_i128(int n) {
  Int128 v = 1;
  for (int i = 0; i < n; ++i) v *= 10;
  return v;
}

std::string int128_digits(Int128 v) {
  unsigned __int128 u = v < 0 ? static_cast<unsigned __int128>(-(v + 1)) + 1 : static_cast<unsigned __int128>(v);
  char buf[48];
  int i = 48;
  do {
    buf[--i] = static_cast<char>('0' + static_cast<int>(u % 10));
    u /= 10;
  } while (u != 0);
  return std::string(buf + i, buf + 48);
}

std::optional<Decimal> Decimal::parse(std::string_view text) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    negative = text[i] == '-';
    ++i;
  }
  Int128 m = 0;
  int scale = 0;
  bool seen_point = false, seen_digit = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    seen_digit = true;
    if (!checked_mul(m, 10, &m) || !checked_add(m, c - '0', &m)) return std::nullopt;
    if (seen_point && ++scale > kMaxScale) return std::nullopt;
  }
  if (!seen_digit) return std::nullopt;
  return from_parts(negative ? -m : m, scale);
}

std::optional<Decimal> Decimal::with_scale(int scale) const {
  if (scale <= scale_) return *this;
  if (scale > kMaxScale) return std::nullopt;
  Int128 m;
  if (!checked_mul(mantissa_, pow10_i128(scale - scale_), &m)) return std::nullopt;
  return from_parts(m, scale);
}

Decimal Decimal::rounded(int scale, RoundingMode mode) const {
  if (scale >= scale_) return *this;
  return from_parts(divide_rounded(mantissa_, pow10_i128(scale_ - scale), mode), scale);
}

Decimal Decimal::normalized() const {
  Decimal d = *this;
  while (d.scale_ > 0 && d.mantissa_ % 10 == 0) {
    d.mantissa_ /= 10;
    --d.scale_;
  }
  return d;
}

std::optional<Decimal> Decimal::add(Decimal a, Decimal b) {
  int s = std::max(a.scale_, b.scale_);
  auto x = a.with_scale(s), y = b.with_scale(s);
  if (!x || !y) return std::nullopt;
  Int128 m;
  if (!checked_add(x->mantissa_, y->mantissa_, &m)) return std::nullopt;
  return from_parts(m, s);
}

std::optional<Decimal> Decimal::sub(Decimal a, Decimal b) {
  return add(a, b.negated());
}

std::optional<Decimal> Decimal::mul(Decimal a, Decimal b) {
  Int128 m;
  if (!checked_mul(a.mantissa_, b.mantissa_, &m)) return std::nullopt;
  int s = a.scale_ + b.scale_;
  if (s <= kMaxScale) return from_parts(m, s);
  // Too many digits: only exact trailing zeros may be dropped.
  Decimal d = from_parts(m, 0);
  while (s > kMaxScale) {
    if (d.mantissa_ % 10 != 0) return std::nullopt;
    d.mantissa_ /= 10;
    --s;
  }
  d.scale_ = static_cast<std::uint8_t>(s);
  return d;
}

std::optional<Decimal> Decimal::div(Decimal a, Decimal b, int scale, RoundingMode mode) {
  if (b.mantissa_ == 0 || scale < 0 || scale > kMaxScale) return std::nullopt;
  // a/b * 10^scale = a.m * 10^(b.s + scale - a.s) / b.m
  int e = b.scale_ + scale - a.scale_;
  Int128 num = a.mantissa_, den = b.mantissa_;
  if (e >= 0) {
    if (e > 38 || !checked_mul(num, pow10_i128(e), &num)) return std::nullopt;
  } else {
    if (-e > 38 || !checked_mul(den, pow10_i128(-e), &den)) return std::nullopt;
  }
  return from_parts(divide_rounded(num, den, mode), scale);
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  if (a.sign() != b.sign()) return a.sign() <=> b.sign();
  int s = std::max(a.scale_, b.scale_);
  auto x = a.with_scale(s), y = b.with_scale(s);
  if (x && y) {
    if (x->mantissa_ < y->mantissa_) return std::strong_ordering::less;
    if (x->mantissa_ > y->mantissa_) return std::strong_ordering::greater;
    return std::strong_ordering::equal;
  }
  // Rescaling overflowed: the one that overflowed has the larger magnitude.
  bool a_big = !x;
  int sign = a.sign();
  if (a_big == (sign > 0)) return std::strong_ordering::greater;
  return std::strong_ordering::less;
}

std::string Decimal::to_string() const {
  std::string digits = int128_digits(mantissa_);
  if (scale_ > 0) {
    if (digits.size() <= scale_) digits.insert(0, scale_ + 1 - digits.size(), '0');
    digits.insert(digits.size() - scale_, 1, '.');
  }
  if (mantissa_ < 0) digits.insert(0, 1, '-');
  return digits;
}

}  // namespace kessan
