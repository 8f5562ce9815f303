#include "core/decimal.hpp"

#include <gtest/gtest.h>

namespace kessan {
namespace {

Decimal D(const char* s) {
  return *Decimal::parse(s);
}

TEST(Decimal, ParsesAndPrintsPlainText) {
  EXPECT_EQ(D("-1234.50").to_string(), "-1234.50");
  EXPECT_EQ(D("0.05").to_string(), "0.05");
  EXPECT_EQ(D("-0.5").to_string(), "-0.5");
  EXPECT_EQ(D("42").to_string(), "42");
  EXPECT_FALSE(Decimal::parse("1.2.3"));
  EXPECT_FALSE(Decimal::parse(""));
  EXPECT_FALSE(Decimal::parse("12a"));
}

TEST(Decimal, ComparesAcrossScales) {
  EXPECT_EQ(D("1.50"), D("1.5"));
  EXPECT_LT(D("-2"), D("-1.99"));
  EXPECT_GT(D("0.001"), D("0"));
}

TEST(Decimal, AddsExactly) {
  EXPECT_EQ(Decimal::add(D("0.1"), D("0.2"))->to_string(), "0.3");
  EXPECT_EQ(Decimal::add(D("1.005"), D("-1"))->to_string(), "0.005");
}

TEST(Decimal, SumsBeyondSixtyFourBitsExactly) {
  // 40 x 900,000,000,000,000,000 = 36,000,000,000,000,000,000 (> 2^64).
  Decimal sum;
  for (int i = 0; i < 40; ++i) sum = *Decimal::add(sum, D("900000000000000000"));
  EXPECT_EQ(sum.to_string(), "36000000000000000000");
}

TEST(Decimal, ReportsOverflowInsteadOfWrapping) {
  Decimal big = Decimal::from_parts(pow10_i128(38), 0);
  EXPECT_FALSE(Decimal::add(big, big));
  EXPECT_FALSE(Decimal::mul(big, D("10")));
  EXPECT_FALSE(big.with_scale(2));
  EXPECT_FALSE(Decimal::sub(big.negated(), big));
}

TEST(Decimal, MultipliesAndDivides) {
  EXPECT_EQ(Decimal::mul(D("1.5"), D("-2.25"))->to_string(), "-3.375");
  EXPECT_EQ(Decimal::div(D("1"), D("3"), 4, RoundingMode::HalfUp)->to_string(), "0.3333");
  EXPECT_EQ(Decimal::div(D("2"), D("3"), 2, RoundingMode::HalfUp)->to_string(), "0.67");
  EXPECT_FALSE(Decimal::div(D("1"), D("0"), 2, RoundingMode::HalfUp));
  // (464,155 - 186,096) / 186,096 style: signed base.
  EXPECT_EQ(Decimal::div(D("-650251"), D("186096"), 3, RoundingMode::HalfUp)->to_string(), "-3.494");
}

struct RoundCase {
  const char* value;
  int scale;
  const char* half_up;
  const char* half_even;
};

class DecimalRounding : public ::testing::TestWithParam<RoundCase> {};

TEST_P(DecimalRounding, RoundsTiesAsNamed) {
  const RoundCase& c = GetParam();
  EXPECT_EQ(D(c.value).rounded(c.scale, RoundingMode::HalfUp).to_string(), c.half_up) << c.value;
  EXPECT_EQ(D(c.value).rounded(c.scale, RoundingMode::HalfEven).to_string(), c.half_even) << c.value;
}

INSTANTIATE_TEST_SUITE_P(Boundaries, DecimalRounding,
                         ::testing::Values(RoundCase{"2.5", 0, "3", "2"}, RoundCase{"3.5", 0, "4", "4"},
                                           RoundCase{"-2.5", 0, "-3", "-2"}, RoundCase{"-3.5", 0, "-4", "-4"},
                                           RoundCase{"0.5", 0, "1", "0"}, RoundCase{"-0.5", 0, "-1", "0"},
                                           RoundCase{"1.25", 1, "1.3", "1.2"}, RoundCase{"-1.25", 1, "-1.3", "-1.2"},
                                           RoundCase{"1.251", 1, "1.3", "1.3"}, RoundCase{"-1.249", 1, "-1.2", "-1.2"},
                                           RoundCase{"2.4999", 0, "2", "2"}, RoundCase{"-2.5001", 0, "-3", "-3"},
                                           RoundCase{"1500", 0, "1500", "1500"},
                                           RoundCase{"464155.5", 0, "464156", "464156"},
                                           RoundCase{"1.5", 3, "1.5", "1.5"}));

TEST(Decimal, RoundsDownTowardZero) {
  EXPECT_EQ(D("-1.99").rounded(0, RoundingMode::Down).to_string(), "-1");
  EXPECT_EQ(D("1.99").rounded(0, RoundingMode::Down).to_string(), "1");
}

TEST(Decimal, DivisionRoundsTiesByMode) {
  EXPECT_EQ(Decimal::div(D("1"), D("8"), 2, RoundingMode::HalfUp)->to_string(), "0.13");
  EXPECT_EQ(Decimal::div(D("1"), D("8"), 2, RoundingMode::HalfEven)->to_string(), "0.12");
  EXPECT_EQ(Decimal::div(D("-1"), D("8"), 2, RoundingMode::HalfUp)->to_string(), "-0.13");
  EXPECT_EQ(Decimal::div(D("-1"), D("8"), 2, RoundingMode::HalfEven)->to_string(), "-0.12");
}

}  // namespace
}  // namespace kessan
