// Exact rationals (core/ratio.hpp) and units of measure (core/unit.hpp).

#include "core/ratio.hpp"

#include <gtest/gtest.h>

#include "core/unit.hpp"

namespace kessan {
namespace {

constexpr Int128 kMax = static_cast<Int128>((static_cast<unsigned __int128>(1) << 127) - 1);  // 2^127 - 1
constexpr Int128 kMin = -kMax - 1;                                                            // -2^127

Ratio R(Int128 num, Int128 den = 1) {
  auto r = Ratio::make(num, den);
  EXPECT_TRUE(r) << "make(" << int128_digits(num) << ", " << int128_digits(den) << ")";
  return r.value_or(Ratio());
}

// "num/den" with signs, so that failures print readably.
std::string parts(const Ratio& r) {
  return (r.numerator() < 0 ? "-" : "") + int128_digits(r.numerator()) + "/" + (r.denominator() < 0 ? "-" : "") +
         int128_digits(r.denominator());
}

std::string parts(const std::optional<Ratio>& r) {
  return r ? parts(*r) : "empty";
}

// ---------------------------------------------------------------- make

struct MakeCase {
  long long num, den;
  const char* expected;  // "num/den" in lowest terms, or "empty"
};

class RatioMake : public testing::TestWithParam<MakeCase> {};

TEST_P(RatioMake, ReducesToLowestTermsWithAPositiveDenominator) {
  const MakeCase& c = GetParam();
  EXPECT_EQ(parts(Ratio::make(c.num, c.den)), c.expected) << c.num << "/" << c.den;
}

INSTANTIATE_TEST_SUITE_P(Cases, RatioMake,
                         testing::Values(MakeCase{6, 4, "3/2"}, MakeCase{-6, 4, "-3/2"}, MakeCase{6, -4, "-3/2"},
                                         MakeCase{-6, -4, "3/2"}, MakeCase{0, 5, "0/1"}, MakeCase{0, -7, "0/1"},
                                         MakeCase{7, 1, "7/1"}, MakeCase{100, 10, "10/1"},
                                         MakeCase{1000000, 119850000, "20/2397"}, MakeCase{1, 0, "empty"},
                                         MakeCase{0, 0, "empty"}));

TEST(Ratio, MakeRefusesTheOneValueWithoutANegation) {
  EXPECT_FALSE(Ratio::make(kMin, 1));
  EXPECT_FALSE(Ratio::make(1, kMin));
  EXPECT_EQ(parts(Ratio::make(kMax, 1)), int128_digits(kMax) + "/1");
  EXPECT_EQ(parts(Ratio::make(-kMax, -1)), int128_digits(kMax) + "/1");
}

TEST(Ratio, DefaultAndIntegerConstruction) {
  EXPECT_EQ(parts(Ratio()), "0/1");
  EXPECT_TRUE(Ratio().is_zero());
  EXPECT_EQ(parts(Ratio(-42)), "-42/1");
  EXPECT_EQ(Ratio(-42).sign(), -1);
  EXPECT_EQ(Ratio(0).sign(), 0);
  EXPECT_EQ(Ratio(3).sign(), 1);
}

TEST(Ratio, FromDecimalIsExactAndReduced) {
  EXPECT_EQ(parts(Ratio::from_decimal(*Decimal::parse("0.5"))), "1/2");
  EXPECT_EQ(parts(Ratio::from_decimal(*Decimal::parse("-119.85"))), "-2397/20");
  EXPECT_EQ(parts(Ratio::from_decimal(*Decimal::parse("9849202000"))), "9849202000/1");
  EXPECT_EQ(parts(Ratio::from_decimal(*Decimal::parse("0.000"))), "0/1");
}

// ---------------------------------------------------------------- arithmetic

enum class Op { Add, Sub, Mul, Div };

struct ArithCase {
  Op op;
  long long an, ad, bn, bd;
  const char* expected;  // "num/den" or "empty"
};

std::optional<Ratio> apply(Op op, const Ratio& a, const Ratio& b) {
  switch (op) {
    case Op::Add:
      return Ratio::add(a, b);
    case Op::Sub:
      return Ratio::sub(a, b);
    case Op::Mul:
      return Ratio::mul(a, b);
    case Op::Div:
      return Ratio::div(a, b);
  }
  return std::nullopt;
}

class RatioArithmetic : public testing::TestWithParam<ArithCase> {};

TEST_P(RatioArithmetic, IsExactAndInLowestTerms) {
  const ArithCase& c = GetParam();
  EXPECT_EQ(parts(apply(c.op, R(c.an, c.ad), R(c.bn, c.bd))), c.expected)
      << c.an << "/" << c.ad << " op " << c.bn << "/" << c.bd;
}

INSTANTIATE_TEST_SUITE_P(Cases, RatioArithmetic,
                         testing::Values(ArithCase{Op::Add, 1, 2, 1, 3, "5/6"},     //
                                         ArithCase{Op::Add, 1, 6, 1, 3, "1/2"},     //
                                         ArithCase{Op::Add, 1, 2, -1, 2, "0/1"},    //
                                         ArithCase{Op::Add, -3, 4, -1, 4, "-1/1"},  //
                                         ArithCase{Op::Sub, 1, 3, 1, 2, "-1/6"},    //
                                         ArithCase{Op::Sub, 5, 1, 5, 1, "0/1"},     //
                                         ArithCase{Op::Mul, 2, 3, 9, 4, "3/2"},     //
                                         ArithCase{Op::Mul, -2, 3, 3, -2, "1/1"},   //
                                         ArithCase{Op::Mul, 0, 1, 7, 9, "0/1"},     //
                                         ArithCase{Op::Div, 1, 2, -1, 3, "-3/2"},   //
                                         ArithCase{Op::Div, -4, 5, -2, 15, "6/1"},  //
                                         ArithCase{Op::Div, 0, 1, 5, 1, "0/1"},     //
                                         ArithCase{Op::Div, 1, 2, 0, 1, "empty"},   //
                                         ArithCase{Op::Div, 0, 1, 0, 1, "empty"}));

TEST(Ratio, OverflowIsAnEmptyResultNeverAWrappedOne) {
  Ratio max = R(kMax);
  EXPECT_FALSE(Ratio::add(max, Ratio(1)));
  EXPECT_FALSE(Ratio::sub(max.negated(), Ratio(2)));  // -2^127 - 1
  EXPECT_FALSE(Ratio::sub(max.negated(), Ratio(1)));  // exactly -2^127: refused as well
  EXPECT_FALSE(Ratio::mul(max, Ratio(2)));
  EXPECT_FALSE(Ratio::div(max, R(1, 2)));
  // Denominators that cannot be combined.
  EXPECT_FALSE(Ratio::add(R(1, kMax), R(1, kMax - 1)));
  // Fits once the factors are cross-reduced.
  EXPECT_EQ(parts(Ratio::mul(max, R(1, kMax))), "1/1");
  EXPECT_EQ(parts(Ratio::mul(R(kMax, 3), R(3, kMax))), "1/1");
  EXPECT_EQ(parts(Ratio::add(R(1, kMax), R(1, kMax))), "2/" + int128_digits(kMax));
  EXPECT_EQ(parts(Ratio::sub(max, max)), "0/1");
}

TEST(Ratio, NegatedAndAbs) {
  EXPECT_EQ(parts(R(-3, 4).negated()), "3/4");
  EXPECT_EQ(parts(R(3, 4).negated()), "-3/4");
  EXPECT_EQ(parts(R(-3, 4).abs()), "3/4");
  EXPECT_EQ(parts(R(3, 4).abs()), "3/4");
  EXPECT_EQ(parts(Ratio().negated()), "0/1");
}

// ---------------------------------------------------------------- comparison

TEST(Ratio, ComparesExactly) {
  EXPECT_LT(R(1, 3), R(1, 2));
  EXPECT_GT(R(2, 3), R(3, 5));
  EXPECT_LT(R(-1, 2), R(-1, 3));
  EXPECT_LT(R(-1, 2), Ratio());
  EXPECT_LT(Ratio(), R(1, 1000000));
  EXPECT_EQ(R(2, 4), R(1, 2));
  EXPECT_NE(R(1, 2), R(-1, 2));
  EXPECT_EQ(R(7, 3) <=> R(7, 3), std::strong_ordering::equal);
  // Equal integer parts, one of them without a remainder.
  EXPECT_EQ(Ratio(3) <=> R(7, 2), std::strong_ordering::less);
  EXPECT_EQ(R(7, 2) <=> Ratio(3), std::strong_ordering::greater);
  EXPECT_EQ(R(-7, 2) <=> Ratio(-3), std::strong_ordering::less);
  EXPECT_EQ(Ratio(-3) <=> R(-7, 2), std::strong_ordering::greater);
}

TEST(Ratio, ComparesHugeValuesWhoseCrossProductsOverflow) {
  // (2^127 - 1) / (2^127 - 2) = 1 + 1/(2^127 - 2) is below 1 + 1/(2^127 - 3).
  Ratio a = R(kMax, kMax - 1), b = R(kMax - 1, kMax - 2);
  EXPECT_LT(a, b);
  EXPECT_GT(b, a);
  EXPECT_LT(b.negated(), a.negated());
  EXPECT_EQ(a <=> a, std::strong_ordering::equal);
  // Integer parts decide at once.
  EXPECT_LT(R(kMax - 1), R(kMax));
  EXPECT_LT(R(1, kMax), R(1, kMax - 1));
  EXPECT_GT(R(-1, kMax), R(-1, kMax - 1));
  // Equal integer parts, remainders close to the limit.
  EXPECT_LT(R(kMax - 2, kMax - 1), R(kMax - 1, kMax));
}

// ---------------------------------------------------------------- to_decimal

struct DecimalCase {
  long long num, den;
  int scale;
  const char* half_up;
  const char* half_even;
  const char* down;
};

class RatioToDecimal : public testing::TestWithParam<DecimalCase> {};

TEST_P(RatioToDecimal, RoundsOnceWithTheMode) {
  const DecimalCase& c = GetParam();
  Ratio r = R(c.num, c.den);
  EXPECT_EQ(r.to_decimal(c.scale, RoundingMode::HalfUp)->to_string(), c.half_up);
  EXPECT_EQ(r.to_decimal(c.scale, RoundingMode::HalfEven)->to_string(), c.half_even);
  EXPECT_EQ(r.to_decimal(c.scale, RoundingMode::Down)->to_string(), c.down);
}

INSTANTIATE_TEST_SUITE_P(Cases, RatioToDecimal,
                         testing::Values(DecimalCase{1, 2, 0, "1", "0", "0"},                    //
                                         DecimalCase{3, 2, 0, "2", "2", "1"},                    //
                                         DecimalCase{5, 2, 0, "3", "2", "2"},                    //
                                         DecimalCase{-1, 2, 0, "-1", "0", "0"},                  //
                                         DecimalCase{-3, 2, 0, "-2", "-2", "-1"},                //
                                         DecimalCase{-5, 2, 0, "-3", "-2", "-2"},                //
                                         DecimalCase{1, 3, 4, "0.3333", "0.3333", "0.3333"},     //
                                         DecimalCase{2, 3, 2, "0.67", "0.67", "0.66"},           //
                                         DecimalCase{-7, 3, 1, "-2.3", "-2.3", "-2.3"},          //
                                         DecimalCase{-2, 3, 1, "-0.7", "-0.7", "-0.6"},          //
                                         DecimalCase{1, 8, 2, "0.13", "0.12", "0.12"},           //
                                         DecimalCase{-1, 8, 2, "-0.13", "-0.12", "-0.12"},       //
                                         DecimalCase{3, 8, 2, "0.38", "0.38", "0.37"},           //
                                         DecimalCase{9849202, 1000, 0, "9849", "9849", "9849"},  //
                                         DecimalCase{7, 1, 2, "7.00", "7.00", "7.00"}));

TEST(Ratio, ToDecimalIsEmptyOnOverflowOrAnImpossibleScale) {
  EXPECT_FALSE(R(kMax).to_decimal(1, RoundingMode::HalfUp));
  EXPECT_EQ(R(kMax).to_decimal(0, RoundingMode::HalfUp)->to_string(), int128_digits(kMax));
  EXPECT_FALSE(R(1, 3).to_decimal(31, RoundingMode::HalfUp));
  EXPECT_EQ(R(1, 3).to_decimal(30, RoundingMode::Down)->to_string(), "0." + std::string(30, '3'));
}

// ---------------------------------------------------------------- to_string

struct TextCase {
  long long num, den;
  const char* text;
};

class RatioText : public testing::TestWithParam<TextCase> {};

TEST_P(RatioText, PrintsForMessages) {
  const TextCase& c = GetParam();
  EXPECT_EQ(R(c.num, c.den).to_string(), c.text);
}

INSTANTIATE_TEST_SUITE_P(Cases, RatioText,
                         testing::Values(TextCase{1, 3, "1/3"}, TextCase{-1, 3, "-1/3"},
                                         TextCase{-464155, 1, "-464155"}, TextCase{0, 9, "0"}, TextCase{1, 10, "0.1"},
                                         TextCase{-7, 100, "-0.07"},
                                         TextCase{5, 10, "0.5"},  // reduced first: the denominator 2 is no power of ten
                                         TextCase{123, 1000, "0.123"}, TextCase{2397, 20, "119.85"},
                                         TextCase{10, 3, "10/3"}));

TEST(Ratio, ToStringOfExtremes) {
  EXPECT_EQ(R(kMax).to_string(), "170141183460469231731687303715884105727");
  EXPECT_EQ(R(-kMax).to_string(), "-170141183460469231731687303715884105727");
  EXPECT_EQ(R(1, pow10_i128(38)).to_string(), "0." + std::string(37, '0') + "1");
  EXPECT_EQ(R(3, kMax).to_string(), "3/170141183460469231731687303715884105727");
}

// ---------------------------------------------------------------- Unit

TEST(Unit, PureNumbersAndBaseUnits) {
  EXPECT_TRUE(Unit().is_pure());
  EXPECT_TRUE(Unit::of("").is_pure());
  EXPECT_EQ(Unit().to_string(), "a pure number");
  Unit jpy = Unit::of("JPY");
  EXPECT_FALSE(jpy.is_pure());
  EXPECT_TRUE(jpy.is("JPY"));
  EXPECT_FALSE(jpy.is("USD"));
  EXPECT_EQ(jpy.to_string(), "JPY");
  EXPECT_EQ(jpy, Unit::of("JPY"));
  EXPECT_NE(jpy, Unit::of("USD"));
  EXPECT_NE(jpy, Unit());
}

TEST(Unit, QuotientsAndProductsCombineFactors) {
  Unit jpy = Unit::of("JPY"), contracts = Unit::of("contracts"), gbps = Unit::of("Gbps");
  auto times = [](const Unit& a, const Unit& b) { return *Unit::product(a, b); };
  auto per = [](const Unit& a, const Unit& b) { return *Unit::quotient(a, b); };
  Unit per_contract = per(jpy, contracts);
  EXPECT_EQ(per_contract.to_string(), "JPY/contracts");
  EXPECT_FALSE(per_contract.is("JPY"));
  EXPECT_TRUE(per(jpy, jpy).is_pure());
  EXPECT_EQ(per(jpy, jpy), Unit());
  EXPECT_EQ(times(per_contract, contracts), jpy);
  EXPECT_EQ(times(gbps, gbps).to_string(), "Gbps^2");
  EXPECT_FALSE(times(gbps, gbps).is("Gbps"));
  EXPECT_EQ(per(Unit(), contracts).to_string(), "1/contracts");
  EXPECT_EQ(per(Unit(), times(contracts, contracts)).to_string(), "1/contracts^2");
  // Factors are kept sorted by name, so the order of operands does not matter.
  EXPECT_EQ(times(contracts, jpy), times(jpy, contracts));
  EXPECT_EQ(times(contracts, jpy).to_string(), "JPY*contracts");
  EXPECT_EQ(per(times(jpy, gbps), contracts).to_string(), "Gbps*JPY/contracts");
  EXPECT_EQ(times(Unit(), jpy), jpy);
  EXPECT_EQ(per(jpy, Unit()), jpy);
}

// Powers stop at kMaxExponent: squaring a unit again and again ends in "no
// unit" (an error in formulas), never in an exponent that wraps around.
TEST(Unit, PowersAboveTheLimitAreRefused) {
  Unit u = Unit::of("EUR");
  int squarings = 0;
  for (std::optional<Unit> next = u; next; next = Unit::product(u, u)) {
    u = *next;
    ++squarings;
  }
  EXPECT_EQ(squarings, 7);  // EUR^64 is the last power of two within 99
  EXPECT_EQ(u.to_string(), "EUR^64");
  Unit eur99 = Unit::of("EUR");
  for (int i = 1; i < Unit::kMaxExponent; ++i) eur99 = *Unit::product(eur99, Unit::of("EUR"));
  EXPECT_EQ(eur99.to_string(), "EUR^99");
  EXPECT_FALSE(Unit::product(eur99, Unit::of("EUR")));
  EXPECT_FALSE(Unit::quotient(*Unit::quotient(Unit(), eur99), Unit::of("EUR")));
  EXPECT_TRUE(Unit::quotient(eur99, Unit::of("EUR")));
}

}  // namespace
}  // namespace kessan
