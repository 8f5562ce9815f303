#include "core/ratio.hpp"

namespace kessan {
namespace {

Int128 magnitude(Int128 v) {
  return v < 0 ? -v : v;
}

Int128 gcd(Int128 a, Int128 b) {
  a = magnitude(a);
  b = magnitude(b);
  while (b != 0) {
    Int128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

}  // namespace

std::optional<Ratio> Ratio::make(Int128 num, Int128 den) {
  if (den == 0 || num == kInt128Min || den == kInt128Min) return std::nullopt;
  if (den < 0) {
    num = -num;
    den = -den;
  }
  Int128 g = gcd(num, den);
  Ratio r;
  r.num_ = g > 1 ? num / g : num;
  r.den_ = g > 1 ? den / g : den;
  if (r.num_ == 0) r.den_ = 1;
  return r;
}

Ratio Ratio::from_decimal(const Decimal& d) {
  return *make(d.mantissa(), pow10_i128(d.scale()));
}

std::optional<Ratio> Ratio::add(const Ratio& a, const Ratio& b) {
  // a/b + c/d = (a*(d/g) + c*(b/g)) / (b/g*d), g = gcd(b, d): keeps the terms small.
  Int128 g = gcd(a.den_, b.den_);
  Int128 left, right, num, den;
  if (!checked_mul(a.num_, b.den_ / g, &left) || !checked_mul(b.num_, a.den_ / g, &right) ||
      !checked_add(left, right, &num) || !checked_mul(a.den_ / g, b.den_, &den))
    return std::nullopt;
  return make(num, den);
}

std::optional<Ratio> Ratio::sub(const Ratio& a, const Ratio& b) {
  return add(a, b.negated());
}

std::optional<Ratio> Ratio::mul(const Ratio& a, const Ratio& b) {
  // Cross-reduce first so that exact products of large figures still fit.
  Int128 g1 = gcd(a.num_, b.den_), g2 = gcd(b.num_, a.den_);
  if (g1 == 0) g1 = 1;
  if (g2 == 0) g2 = 1;
  Int128 num, den;
  if (!checked_mul(a.num_ / g1, b.num_ / g2, &num) || !checked_mul(a.den_ / g2, b.den_ / g1, &den)) return std::nullopt;
  return make(num, den);
}

std::optional<Ratio> Ratio::div(const Ratio& a, const Ratio& b) {
  if (b.num_ == 0) return std::nullopt;
  Ratio inverse;
  inverse.num_ = b.den_;
  inverse.den_ = b.num_;
  if (inverse.den_ < 0) {
    inverse.num_ = -inverse.num_;
    inverse.den_ = -inverse.den_;
  }
  return mul(a, inverse);
}

Ratio Ratio::negated() const {
  Ratio r = *this;
  r.num_ = -num_;
  return r;
}

std::optional<Decimal> Ratio::to_decimal(int scale, RoundingMode mode) const {
  return Decimal::div(numerator_decimal(), denominator_decimal(), scale, mode);
}

std::strong_ordering operator<=>(const Ratio& a, const Ratio& b) {
  if (a.sign() != b.sign()) return a.sign() <=> b.sign();
  if (a.sign() == 0) return std::strong_ordering::equal;
  // Same sign: compare the magnitudes by their continued fractions, which
  // needs no products and so cannot overflow.
  bool flip = a.sign() < 0;
  Int128 n1 = magnitude(a.num_), d1 = a.den_, n2 = magnitude(b.num_), d2 = b.den_;
  while (true) {
    Int128 q1 = n1 / d1, q2 = n2 / d2;
    if (q1 != q2) return flip ? q2 <=> q1 : q1 <=> q2;
    Int128 r1 = n1 % d1, r2 = n2 % d2;
    if (r1 == 0 || r2 == 0) {
      if (r1 == r2) return std::strong_ordering::equal;
      bool first_smaller = r1 == 0;
      return (first_smaller != flip) ? std::strong_ordering::less : std::strong_ordering::greater;
    }
    // n/d = q + r/d: compare r1/d1 with r2/d2, i.e. d2/r2 with d1/r1.
    n1 = d1, d1 = r1;
    n2 = d2, d2 = r2;
    flip = !flip;
  }
}

std::string Ratio::to_string() const {
  std::string n = (num_ < 0 ? "-" : "") + int128_digits(num_);
  if (den_ == 1) return n;
  // A denominator of only 2s and 5s divides a power of ten: the ratio is an
  // exact decimal, printed as one ("4945612.02" rather than "247280601/50").
  Int128 p = 1;
  for (int s = 1; s <= 38; ++s) {
    p *= 10;
    if (p % den_ != 0) continue;
    Int128 m;
    if (__builtin_mul_overflow(num_, p / den_, &m)) break;
    return Decimal::from_parts(m, s).to_string();
  }
  return n + "/" + int128_digits(den_);
}

}  // namespace kessan
