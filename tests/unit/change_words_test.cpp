// Comparison words (report/change_words.hpp): up, down, flat and slight,
// decided from exact values, except that figures printed alike are flat.

#include "report/change_words.hpp"

#include <gtest/gtest.h>

namespace kessan::report {
namespace {

Ratio R(const char* decimal) {
  return Ratio::from_decimal(*Decimal::parse(decimal));
}

struct ChangeCase {
  const char* name;
  const char* current;
  const char* base;
  bool pure;
  const char* printed_current;
  const char* printed_base;
  // Expected:
  Direction direction;
  bool slight;
  bool measurable;
  const char* rate;        // Ratio::to_string of the rate ("" when not measurable)
  const char* difference;  // Ratio::to_string of current - base
  const char* noun;
  const char* verb;
};

class DescribeChange : public testing::TestWithParam<ChangeCase> {};

TEST_P(DescribeChange, FromExactValues) {
  const ChangeCase& c = GetParam();
  auto described = describe_change(R(c.current), R(c.base), c.pure, R(c.printed_current), R(c.printed_base), R("1"));
  ASSERT_TRUE(described);
  const ChangeDescription& d = *described;
  EXPECT_EQ(d.direction, c.direction);
  EXPECT_EQ(d.slight, c.slight);
  EXPECT_EQ(d.measurable, c.measurable);
  EXPECT_EQ(d.measurable ? d.rate.to_string() : "", c.rate);
  EXPECT_EQ(d.difference.to_string(), c.difference);
  EXPECT_EQ(change_noun(d), c.noun);
  EXPECT_EQ(change_verb(d), c.verb);
}

std::string case_name(const testing::TestParamInfo<ChangeCase>& info) {
  return info.param.name;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DescribeChange,
    testing::Values(ChangeCase{"Increase", "120", "100", false, "120", "100", Direction::Up, false, true, "20", "20",
                               "an increase", "increased"},
                    ChangeCase{"Decrease", "80", "100", false, "80", "100", Direction::Down, false, true, "-20", "-20",
                               "a decrease", "decreased"},
                    // 18.2%: 9,849,202 against 8,331,000.
                    ChangeCase{"InexactRate", "9849202", "8331000", false, "9849", "8331", Direction::Up, false, true,
                               "759101/41655", "1518202", "an increase", "increased"},
                    ChangeCase{"PrintedAlikeIsFlat", "100.4", "100", false, "100", "100", Direction::Flat, false, false,
                               "", "0.4", "no change", "was flat"},
                    ChangeCase{"PrintedAlikeDownIsFlat", "99.6", "100", false, "100", "100", Direction::Flat, false,
                               false, "", "-0.4", "no change", "was flat"},
                    ChangeCase{"EqualIsFlat", "100", "100", false, "100", "100", Direction::Flat, false, false, "", "0",
                               "no change", "was flat"},
                    ChangeCase{"SlightIncrease", "100.5", "100", false, "101", "100", Direction::Up, true, true, "0.5",
                               "0.5", "a slight increase", "increased slightly"},
                    ChangeCase{"SlightDecrease", "99.1", "100", false, "99", "100", Direction::Down, true, true, "-0.9",
                               "-0.9", "a slight decrease", "decreased slightly"},
                    ChangeCase{"ThresholdIsNotSlight", "99", "100", false, "99", "100", Direction::Down, false, true,
                               "-1", "-1", "a decrease", "decreased"},
                    // Pure numbers change by points: 12.5% to 9.1% is -3.4 points.
                    ChangeCase{"PointsDown", "0.091", "0.125", true, "9.1", "12.5", Direction::Down, false, true,
                               "-3.4", "-0.034", "a decrease", "decreased"},
                    ChangeCase{"SlightPoints", "0.125", "0.12", true, "12.5", "12.0", Direction::Up, true, true, "0.5",
                               "0.005", "a slight increase", "increased slightly"},
                    ChangeCase{"PointsFromZero", "0.05", "0", true, "5.0", "0.0", Direction::Up, false, true, "5",
                               "0.05", "an increase", "increased"},
                    ChangeCase{"PointsAcrossZero", "-0.02", "0.03", true, "-2.0", "3.0", Direction::Down, false, true,
                               "-5", "-0.05", "a decrease", "decreased"},
                    // Amounts from a zero base or across zero are not a percentage.
                    ChangeCase{"FromZero", "650", "0", false, "650", "0", Direction::Up, false, false, "", "650",
                               "an increase", "increased"},
                    ChangeCase{"LossFromIncome", "-300", "200", false, "-300", "200", Direction::Down, false, false, "",
                               "-500", "a decrease", "decreased"},
                    ChangeCase{"IncomeFromLoss", "464", "-300", false, "464", "-300", Direction::Up, false, false, "",
                               "764", "an increase", "increased"},
                    // Between losses, the rate is of the base's magnitude.
                    ChangeCase{"WiderLoss", "-464", "-300", false, "-464", "-300", Direction::Down, false, true,
                               "-164/3", "-164", "a decrease", "decreased"},
                    ChangeCase{"NarrowerLoss", "-100", "-200", false, "-100", "-200", Direction::Up, false, true, "50",
                               "100", "an increase", "increased"},
                    // To zero and up from a negative figure to zero are measurable.
                    ChangeCase{"ToZero", "0", "100", false, "0", "100", Direction::Down, false, true, "-100", "-100",
                               "a decrease", "decreased"},
                    ChangeCase{"LossToZero", "0", "-100", false, "0", "-100", Direction::Up, false, true, "100", "100",
                               "an increase", "increased"}),
    case_name);

TEST(DescribeChange, ExactlyEqualIsFlatWhateverIsPrinted) {
  ChangeDescription d = describe_change(R("5"), R("5"), false, R("5.0"), R("5.1"), R("1")).value();
  EXPECT_EQ(d.direction, Direction::Flat);
  EXPECT_FALSE(d.measurable);
}

TEST(DescribeChange, TheThresholdComesFromTheStyle) {
  // A 0.5% increase is slight below 1, and not below 0 or 0.5.
  EXPECT_TRUE(describe_change(R("100.5"), R("100"), false, R("101"), R("100"), R("1"))->slight);
  EXPECT_FALSE(describe_change(R("100.5"), R("100"), false, R("101"), R("100"), R("0.5"))->slight);
  EXPECT_FALSE(describe_change(R("100.5"), R("100"), false, R("101"), R("100"), R("0"))->slight);
  EXPECT_TRUE(describe_change(R("100.5"), R("100"), false, R("101"), R("100"), R("0.51"))->slight);
  // Not measurable changes are never slight.
  EXPECT_FALSE(describe_change(R("0.001"), R("0"), false, R("1"), R("0"), R("100"))->slight);
}

// Two margins of about 50% with large denominators: their exact difference
// does not fit 128 bits. No words are chosen from a figure that is not exact.
TEST(DescribeChange, AnOverflowingDifferenceIsNoDescription) {
  Ratio big = *Ratio::make(Int128(1) << 100, (Int128(1) << 101) + 1);
  Ratio other = *Ratio::make(Int128(1) << 100, (Int128(1) << 101) - 1);
  EXPECT_FALSE(Ratio::sub(big, other));
  EXPECT_FALSE(describe_change(big, other, true, R("50.0"), R("50.1"), R("1")));
  EXPECT_FALSE(describe_change(big, other, false, R("50.0"), R("50.1"), R("1")));
}

// The difference fits, but its percentage of the base does not.
TEST(DescribeChange, AnOverflowingRateIsNoDescription) {
  Ratio base = *Ratio::make(1, Int128(1) << 120);
  Ratio current = *Ratio::make((Int128(1) << 125) + 1, Int128(1) << 120);
  ASSERT_TRUE(Ratio::sub(current, base));
  EXPECT_FALSE(describe_change(current, base, false, R("32"), R("0"), R("1")));
}

TEST(ChangeVerb, CustomVerbs) {
  ChangeDescription up = describe_change(R("120"), R("100"), false, R("120"), R("100"), R("1")).value();
  ChangeDescription slight_down = describe_change(R("99.5"), R("100"), false, R("99.5"), R("100"), R("1")).value();
  ChangeDescription flat = describe_change(R("100"), R("100"), false, R("100"), R("100"), R("1")).value();
  EXPECT_EQ(change_verb(up, "improved", "declined"), "improved");
  EXPECT_EQ(change_verb(slight_down, "improved", "declined"), "declined slightly");
  EXPECT_EQ(change_verb(flat, "improved", "declined"), "was flat");
  EXPECT_EQ(change_verb(slight_down), "decreased slightly");
  EXPECT_EQ(change_noun(slight_down), "a slight decrease");
}

struct ConnectiveCase {
  Direction a, b;
  const char* word;
};

class Connective : public testing::TestWithParam<ConnectiveCase> {};

TEST_P(Connective, ButOnlyWhenTheChangesDisagree) {
  ChangeDescription a, b;
  a.direction = GetParam().a;
  b.direction = GetParam().b;
  EXPECT_EQ(connective(a, b), GetParam().word);
}

INSTANTIATE_TEST_SUITE_P(Cases, Connective,
                         testing::Values(ConnectiveCase{Direction::Up, Direction::Down, "but"},
                                         ConnectiveCase{Direction::Down, Direction::Up, "but"},
                                         ConnectiveCase{Direction::Up, Direction::Up, "and"},
                                         ConnectiveCase{Direction::Down, Direction::Down, "and"},
                                         ConnectiveCase{Direction::Flat, Direction::Down, "and"},
                                         ConnectiveCase{Direction::Up, Direction::Flat, "and"},
                                         ConnectiveCase{Direction::Flat, Direction::Flat, "and"}));

}  // namespace
}  // namespace kessan::report
