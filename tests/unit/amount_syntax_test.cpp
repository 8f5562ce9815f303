#include "read/amount_syntax.hpp"

#include <gtest/gtest.h>

namespace kessan::read {
namespace {

struct Case {
  const char* text;
  const char* quantity;
  const char* symbol;
  bool left;
  bool space;
};

class AmountSyntax : public ::testing::TestWithParam<Case> {};

TEST_P(AmountSyntax, ScansEveryWrittenForm) {
  const Case& c = GetParam();
  ScannedAmount a;
  SyntaxError e;
  ASSERT_TRUE(scan_amount(c.text, 0, 0, &a, &e)) << c.text << ": " << (e.message ? e.message : "");
  EXPECT_EQ(a.quantity.to_string(), c.quantity) << c.text;
  EXPECT_EQ(std::string(a.symbol), c.symbol) << c.text;
  EXPECT_EQ(a.symbol_on_left, c.left) << c.text;
  EXPECT_EQ(a.space_between, c.space) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, AmountSyntax,
    ::testing::Values(Case{"5 USD", "5", "USD", false, true}, Case{"5USD", "5", "USD", false, false},
                      Case{"$5", "5", "$", true, false}, Case{"$ 5", "5", "$", true, true},
                      Case{"-$5", "-5", "$", true, false}, Case{"$-5", "-5", "$", true, false},
                      Case{"$ -5.25", "-5.25", "$", true, true}, Case{"-5 USD", "-5", "USD", false, true},
                      Case{"1,234,567.89 EUR", "1234567.89", "EUR", false, true},
                      Case{"\"ACME 1\" 10", "10", "ACME 1", true, true},
                      Case{"10 \"ACME 1\"", "10", "ACME 1", false, true}, Case{"¥1,000", "1000", "¥", true, false},
                      Case{"1.000.000,50 EUR", "1000000.50", "EUR", false, true},
                      Case{"1,5 EUR", "1.5", "EUR", false, true}, Case{"42", "42", "", false, false},
                      Case{"+3 JPY", "3", "JPY", false, true}, Case{"0.000001 BTC", "0.000001", "BTC", false, true}));

struct Bad {
  const char* text;
  const char* message;
};

class AmountSyntaxErrors : public ::testing::TestWithParam<Bad> {};

TEST_P(AmountSyntaxErrors, SayWhatIsWrong) {
  ScannedAmount a;
  SyntaxError e;
  ASSERT_FALSE(scan_amount(GetParam().text, 0, 0, &a, &e)) << GetParam().text;
  EXPECT_STREQ(e.message, GetParam().message);
  EXPECT_NE(e.expected, nullptr);
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, AmountSyntaxErrors,
    ::testing::Values(Bad{"1,23,456 USD", "malformed number: thousands groups must have three digits"},
                      Bad{"1.2.3.4,5,6 USD", "malformed number: more than one decimal mark"},
                      Bad{"1,234.5,6 USD", "malformed number: more than one decimal mark"},
                      Bad{"$", "expected a number"}, Bad{"-", "expected an amount"},
                      Bad{"\"ACME 10", "unterminated quoted commodity symbol"},
                      Bad{"\"\" 10", "empty quoted commodity symbol"}, Bad{"-$-5", "two signs in one amount"},
                      Bad{"(5 USD * 2)", "value expressions in amounts are not supported"},
                      Bad{"1234567890123456789012345678901234567 USD", "number too large"},
                      Bad{"0.1234567890123456789012345678901 USD", "too many decimal places"}));

TEST(AmountSyntax, HonoursAFixedDecimalMark) {
  ScannedAmount a;
  SyntaxError e;
  ASSERT_TRUE(scan_amount("1.234 EUR", 0, ',', &a, &e));
  EXPECT_EQ(a.quantity.to_string(), "1234");
  ASSERT_TRUE(scan_amount("1,234 EUR", 0, ',', &a, &e));
  EXPECT_EQ(a.quantity.to_string(), "1.234");
}

}  // namespace
}  // namespace kessan::read
