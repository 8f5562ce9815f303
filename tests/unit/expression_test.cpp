// Formulas: reading them (read/expression_parser.hpp) and writing them back
// (core/expression.hpp).

#include <gtest/gtest.h>

#include <functional>

#include "read/expression_parser.hpp"

namespace kessan::read {
namespace {

// The formula sits on line 3 of measures.toml, from column 10.
const TextOrigin kOrigin{{"measures.toml", 3, 10}, "formula=\"...\""};

Expr parsed(std::string_view text) {
  std::vector<Diagnostic> errors;
  auto e = parse_expression(text, kOrigin, &errors);
  for (const auto& d : errors) ADD_FAILURE() << text << ": " << render(d);
  EXPECT_TRUE(e) << text;
  return e.value_or(Expr{});
}

// The tree with every node's column: "Subtract@10(Name:a@10, Name:b@14)".
std::string tree(const Expr& e) {
  static const char* kOps[] = {"Number",   "Name",     "Account", "Negate", "Add",
                               "Subtract", "Multiply", "Divide",  "Abs",    "At"};
  static const char* kMeasures[] = {"", "debits", "credits", "balance"};
  std::string out = kOps[static_cast<int>(e.op)];
  if (e.op == ExprOp::Number) out += ":" + e.number.to_string();
  if (e.op == ExprOp::Name || e.op == ExprOp::AtPeriod) out += ":" + e.text;
  if (e.op == ExprOp::Account) out += std::string(":") + kMeasures[static_cast<int>(e.account)] + "[" + e.text + "]";
  out += "@" + std::to_string(e.where.column);
  if (!e.args.empty()) {
    out += "(";
    for (std::size_t i = 0; i < e.args.size(); ++i) out += (i ? ", " : "") + tree(e.args[i]);
    out += ")";
  }
  return out;
}

// ---------------------------------------------------------------- round trips

struct RoundTrip {
  const char* text;
  const char* written;  // to_string of the parsed formula
  const char* tree;     // its structure, with columns (the text starts at column 10)
};

class ExpressionRoundTrip : public testing::TestWithParam<RoundTrip> {};

TEST_P(ExpressionRoundTrip, ParsesAndWritesBack) {
  const RoundTrip& c = GetParam();
  Expr e = parsed(c.text);
  EXPECT_EQ(to_string(e), c.written) << c.text;
  EXPECT_EQ(tree(e), c.tree) << c.text;
  // What is written back reads as the same formula.
  EXPECT_EQ(to_string(parsed(to_string(e))), c.written) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Precedence, ExpressionRoundTrip,
    testing::Values(RoundTrip{"a + b * c", "a + b * c", "Add@10(Name:a@10, Multiply@14(Name:b@14, Name:c@18))"},
                    RoundTrip{"(a + b) * c", "(a + b) * c", "Multiply@10(Add@10(Name:a@11, Name:b@15), Name:c@20)"},
                    RoundTrip{"-a - b", "-a - b", "Subtract@10(Negate@10(Name:a@11), Name:b@15)"},
                    RoundTrip{"a - (b - c)", "a - (b - c)",
                              "Subtract@10(Name:a@10, Subtract@14(Name:b@15, Name:c@19))"},
                    RoundTrip{"a - b - c", "a - b - c", "Subtract@10(Subtract@10(Name:a@10, Name:b@14), Name:c@18)"},
                    RoundTrip{"a/b/c", "a / b / c", "Divide@10(Divide@10(Name:a@10, Name:b@12), Name:c@14)"},
                    RoundTrip{"a / (b * c)", "a / (b * c)", "Divide@10(Name:a@10, Multiply@14(Name:b@15, Name:c@19))"},
                    RoundTrip{"-(a + b)", "-(a + b)", "Negate@10(Add@11(Name:a@12, Name:b@16))"},
                    RoundTrip{"--a", "--a", "Negate@10(Negate@11(Name:a@12))"},
                    RoundTrip{"a * -b", "a * -b", "Multiply@10(Name:a@10, Negate@14(Name:b@15))"},
                    RoundTrip{"((a))", "a", "Name:a@10"}));

INSTANTIATE_TEST_SUITE_P(Names, ExpressionRoundTrip,
                         testing::Values(RoundTrip{"total-revenues - total-costs", "total-revenues - total-costs",
                                                   "Subtract@10(Name:total-revenues@10, Name:total-costs@27)"},
                                         RoundTrip{"total-revenues-total-costs", "total-revenues-total-costs",
                                                   "Name:total-revenues-total-costs@10"},
                                         RoundTrip{"a -b", "a - b", "Subtract@10(Name:a@10, Name:b@13)"},
                                         RoundTrip{"a- b", "a - b", "Subtract@10(Name:a@10, Name:b@13)"},
                                         RoundTrip{"a-1", "a-1", "Name:a-1@10"},
                                         RoundTrip{"a - 1", "a - 1", "Subtract@10(Name:a@10, Number:1@14)"},
                                         RoundTrip{"operations.operating-income", "operations.operating-income",
                                                   "Name:operations.operating-income@10"},
                                         RoundTrip{"_private", "_private", "Name:_private@10"},
                                         RoundTrip{"debits", "debits", "Name:debits@10"},
                                         RoundTrip{"abs", "abs", "Name:abs@10"}));

INSTANTIATE_TEST_SUITE_P(
    Accounts, ExpressionRoundTrip,
    testing::Values(
        RoundTrip{"[Costs:Connectivity:Depreciation]", "[Costs:Connectivity:Depreciation]",
                  "Account:[Costs:Connectivity:Depreciation]@10"},
        RoundTrip{"debits[Assets:Property and equipment]", "debits[Assets:Property and equipment]",
                  "Account:debits[Assets:Property and equipment]@10"},
        RoundTrip{"credits[ Revenues ]", "credits[Revenues]", "Account:credits[Revenues]@10"},
        RoundTrip{"balance[Assets:Cash]", "balance[Assets:Cash]", "Account:balance[Assets:Cash]@10"},
        RoundTrip{"debits[Assets:PPE] - debits[Assets:PPE:Accumulated depreciation]",
                  "debits[Assets:PPE] - debits[Assets:PPE:Accumulated depreciation]",
                  "Subtract@10(Account:debits[Assets:PPE]@10, Account:debits[Assets:PPE:Accumulated depreciation]@31)"},
        RoundTrip{"operations.operating-income + [Costs:Connectivity:Depreciation]",
                  "operations.operating-income + [Costs:Connectivity:Depreciation]",
                  "Add@10(Name:operations.operating-income@10, Account:[Costs:Connectivity:Depreciation]@40)"}));

INSTANTIATE_TEST_SUITE_P(
    FunctionsPeriodsNumbers, ExpressionRoundTrip,
    testing::Values(RoundTrip{"abs(x)", "abs(x)", "Abs@10(Name:x@14)"},
                    RoundTrip{"abs(a - b) / 2", "abs(a - b) / 2",
                              "Divide@10(Abs@10(Subtract@14(Name:a@14, Name:b@18)), Number:2@23)"},
                    RoundTrip{"x@year-ago", "x@year-ago", "At:year-ago@11(Name:x@10)"},
                    RoundTrip{"(a - b)@1Q01", "(a - b)@1Q01", "At:1Q01@17(Subtract@10(Name:a@11, Name:b@15))"},
                    RoundTrip{"[A]@prior-quarter", "[A]@prior-quarter", "At:prior-quarter@13(Account:[A]@10)"},
                    RoundTrip{"-x@year-ago", "-x@year-ago", "Negate@10(At:year-ago@12(Name:x@11))"},
                    RoundTrip{"x@\"Q1 2024\" / 2", "x@\"Q1 2024\" / 2",
                              "Divide@11(At:Q1 2024@11(Name:x@10), Number:2@24)"},
                    RoundTrip{"a@FY2002 / b", "a@FY2002 / b", "Divide@11(At:FY2002@11(Name:a@10), Name:b@21)"},
                    RoundTrip{"0.5", "0.5", "Number:0.5@10"}, RoundTrip{"0.50", "0.50", "Number:0.50@10"},
                    RoundTrip{".5", "0.5", "Number:0.5@10"}, RoundTrip{"5.", "5", "Number:5@10"},
                    RoundTrip{"100 * x", "100 * x", "Multiply@10(Number:100@10, Name:x@16)"},
                    RoundTrip{"  a\t+ b  ", "a + b", "Add@12(Name:a@12, Name:b@16)"}));

// ---------------------------------------------------------------- errors

struct ParseError {
  const char* text;
  std::uint32_t line;
  std::uint32_t column;
  const char* message;
  const char* expected;
};

class ExpressionErrors : public testing::TestWithParam<ParseError> {};

TEST_P(ExpressionErrors, NameThePlaceAndWhatWasExpected) {
  const ParseError& c = GetParam();
  std::vector<Diagnostic> errors;
  EXPECT_FALSE(parse_expression(c.text, kOrigin, &errors)) << c.text;
  ASSERT_EQ(errors.size(), 1u) << c.text;  // one error per formula
  const Diagnostic& d = errors[0];
  EXPECT_EQ(d.file, "measures.toml");
  EXPECT_EQ(d.line, c.line) << c.text;
  EXPECT_EQ(d.column, c.column) << c.text;
  EXPECT_EQ(d.message, c.message) << c.text;
  EXPECT_EQ(d.expected, c.expected) << c.text;
  EXPECT_EQ(d.line_text, c.line == 3 ? kOrigin.line_text : "") << c.text;
}

const char* kOperand = "a line or measure name, an account in [brackets], a number or '('";
const char* kAfter = "an operator (+ - * /) or the end of the formula";
const char* kPeriod = "a period word (current, year-ago, prior-quarter, …) or name (1Q02, or quoted: \"Q1 2024\")";

INSTANTIATE_TEST_SUITE_P(
    Cases, ExpressionErrors,
    testing::Values(
        ParseError{"a +", 3, 13, "the formula ends too early", kOperand},
        ParseError{"", 3, 10, "the formula ends too early", kOperand},
        ParseError{"(a", 3, 12, "a '(' is not closed", "')'"}, ParseError{"abs(a", 3, 15, "a '(' is not closed", "')'"},
        ParseError{"(a b)", 3, 13, "unexpected name 'b'", "')'"},
        ParseError{"[A", 3, 10, "an account name in '[' is not closed", "']' after the account name"},
        ParseError{"x + debits[A", 3, 20, "an account name in '[' is not closed", "']' after the account name"},
        ParseError{"a b", 3, 12, "unexpected name 'b' after the formula", kAfter},
        ParseError{"a [B]", 3, 12, "unexpected account [B] after the formula", kAfter},
        ParseError{"a 2", 3, 12, "unexpected number '2' after the formula", kAfter},
        ParseError{"a )", 3, 12, "unexpected ')' after the formula", kAfter},
        ParseError{"a $ b", 3, 12, "unexpected '$' after the formula", kAfter},
        ParseError{"a vs=year-ago", 3, 12, "unexpected option 'vs=' after the formula", kAfter},
        ParseError{"x@year-ago@prior-quarter", 3, 20, "unexpected '@' after the formula", kAfter},
        ParseError{"1e5", 3, 11, "unexpected name 'e5' after the formula", kAfter},
        ParseError{"a + * b", 3, 14, "unexpected '*'", kOperand}, ParseError{"* b", 3, 10, "unexpected '*'", kOperand},
        ParseError{"x@", 3, 12, "a period is missing after '@'", kPeriod},
        ParseError{"x@ year-ago", 3, 12, "a period is missing after '@'", kPeriod},
        ParseError{"x@\"Q1 2024", 3, 12, "a quoted period name is not closed", "a closing '\"'"},
        ParseError{"x@\"\"", 3, 12, "a period is missing after '@'", kPeriod},
        ParseError{"[ ]", 3, 10, "an empty account name", "an account such as [Costs:Connectivity:Depreciation]"},
        ParseError{"a - balance[]", 3, 21, "an empty account name",
                   "an account such as [Costs:Connectivity:Depreciation]"},
        ParseError{"100000000000000000000000000000000000000000", 3, 10,
                   "number '100000000000000000000000000000000000000000' is out of range",
                   "a decimal number with at most 30 decimals, e.g. 0.5"},
        ParseError{"a +\tb\tc", 3, 16, "unexpected name 'c' after the formula", kAfter}));

TEST(ExpressionErrors, AMalformedNumberIsReportedWhereItStarts) {
  std::vector<Diagnostic> errors;
  EXPECT_FALSE(parse_expression("x * 1.2.3", kOrigin, &errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].column, 14u);
  EXPECT_EQ(errors[0].expected, "a decimal number with at most 30 decimals, e.g. 0.5");
  EXPECT_EQ(errors[0].message.rfind("number '1.2.3'", 0), 0u) << errors[0].message;
}

TEST(ExpressionErrors, AMalformedNumberIsNotCalledOutOfRange) {
  std::vector<Diagnostic> errors;
  EXPECT_FALSE(parse_expression("1.2.3", kOrigin, &errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message.find("out of range"), std::string::npos) << errors[0].message;
}

TEST(ExpressionErrors, AFormulaMaySpanLines) {
  // A formula in a TOML multi-line string (""" … """) may span lines.
  EXPECT_EQ(to_string(parsed("a +\n  b")), "a + b");
  std::vector<Diagnostic> errors;
  EXPECT_FALSE(parse_expression("a +\n  b c", kOrigin, &errors));
  ASSERT_EQ(errors.size(), 1u);
  // The place is on the formula's second line, which the origin does not hold.
  EXPECT_EQ(errors[0].line, 4u);
  EXPECT_EQ(errors[0].column, 5u);
  EXPECT_EQ(errors[0].message, "unexpected name 'c' after the formula");
  EXPECT_EQ(errors[0].line_text, "");
}

// ---------------------------------------------------------------- prefixes

struct Prefix {
  const char* text;
  const char* formula;
  std::size_t consumed;
};

class ExpressionPrefix : public testing::TestWithParam<Prefix> {};

TEST_P(ExpressionPrefix, StopsBeforeTheFirstOption) {
  const Prefix& c = GetParam();
  std::vector<Diagnostic> errors;
  std::size_t consumed = 999;
  auto e = parse_expression_prefix(c.text, kOrigin, &consumed, &errors);
  ASSERT_TRUE(e) << c.text << ": " << (errors.empty() ? "" : render(errors[0]));
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(to_string(*e), c.formula) << c.text;
  EXPECT_EQ(consumed, c.consumed) << c.text;
}

INSTANTIATE_TEST_SUITE_P(Cases, ExpressionPrefix,
                         testing::Values(Prefix{"total-revenues vs=year-ago", "total-revenues", 15},
                                         Prefix{"a + b usd=1", "a + b", 6}, Prefix{"a + b", "a + b", 5},
                                         Prefix{"a + b   ", "a + b", 8},
                                         Prefix{"x@year-ago decimals=1 in=thousand", "x@year-ago", 11},
                                         Prefix{"[Costs:Other] unit=no", "[Costs:Other]", 14},
                                         Prefix{"abs(a)positive=x", "abs(a)", 6}));

TEST(ExpressionPrefix, ErrorsNameThePlaceholderEnd) {
  std::vector<Diagnostic> errors;
  std::size_t consumed = 999;
  EXPECT_FALSE(parse_expression_prefix("a b usd=1", kOrigin, &consumed, &errors));
  EXPECT_EQ(consumed, 999u);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].column, 12u);
  EXPECT_EQ(errors[0].message, "unexpected name 'b' after the formula");
  EXPECT_EQ(errors[0].expected, "an operator (+ - * /), an option (name=value) or the end of the placeholder");

  errors.clear();
  EXPECT_FALSE(parse_expression_prefix("a + usd=1", kOrigin, &consumed, &errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].column, 14u);
  EXPECT_EQ(errors[0].message, "unexpected option 'usd='");

  errors.clear();
  EXPECT_FALSE(parse_expression_prefix("usd=1", kOrigin, &consumed, &errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].column, 10u);
  EXPECT_EQ(errors[0].message, "unexpected option 'usd='");
}

TEST(ExpressionPrefix, TheWholeFormulaRefusesOptions) {
  std::vector<Diagnostic> errors;
  EXPECT_FALSE(parse_expression("total-revenues vs=year-ago", kOrigin, &errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].column, 25u);
  EXPECT_EQ(errors[0].message, "unexpected option 'vs=' after the formula");
}

// ---------------------------------------------------------------- to_string of built trees

TEST(ExpressionToString, ParenthesizesByPrecedenceAndAssociativity) {
  auto name = [](const char* n) {
    Expr e;
    e.op = ExprOp::Name;
    e.text = n;
    return e;
  };
  auto node = [](ExprOp op, Expr a, Expr b) {
    Expr e;
    e.op = op;
    e.args = {std::move(a), std::move(b)};
    return e;
  };
  Expr sum = node(ExprOp::Add, name("a"), name("b"));
  EXPECT_EQ(to_string(node(ExprOp::Divide, sum, name("c"))), "(a + b) / c");
  EXPECT_EQ(to_string(node(ExprOp::Divide, name("c"), sum)), "c / (a + b)");
  EXPECT_EQ(to_string(node(ExprOp::Add, name("c"), sum)), "c + (a + b)");
  EXPECT_EQ(to_string(node(ExprOp::Add, sum, name("c"))), "a + b + c");
  Expr at;
  at.op = ExprOp::AtPeriod;
  at.text = "year-ago";
  at.args = {sum};
  EXPECT_EQ(to_string(at), "(a + b)@year-ago");
  Expr abs;
  abs.op = ExprOp::Abs;
  abs.args = {sum};
  EXPECT_EQ(to_string(abs), "abs(a + b)");
  Expr number;
  number.number = Decimal::from_parts(-15, 1);
  EXPECT_EQ(to_string(number), "-1.5");
}

// ------------------------------------------------- printed formulas read back

// The tree without positions: what "the same formula" means.
std::string shape(const Expr& e) {
  std::string out = std::to_string(static_cast<int>(e.op)) + ":" + e.number.to_string() + ":" + e.text + ":" +
                    std::to_string(static_cast<int>(e.account));
  if (!e.args.empty()) {
    out += "(";
    for (std::size_t i = 0; i < e.args.size(); ++i) out += (i ? "," : "") + shape(e.args[i]);
    out += ")";
  }
  return out;
}

void expect_reads_back(std::string_view text) {
  Expr e = parsed(text);
  std::string written = to_string(e);
  std::vector<Diagnostic> errors;
  auto again = parse_expression(written, kOrigin, &errors);
  ASSERT_TRUE(again) << text << " written as " << written;
  EXPECT_EQ(shape(*again), shape(e)) << text << " written as " << written;
  EXPECT_EQ(to_string(*again), written) << text;
}

TEST(ExpressionWriting, WrittenFormulasReadBackAsTheSameTree) {
  for (const char* text : {"(a@year-ago)@prior-quarter",
                           "((a + b)@year-ago)@\"Q1 2024\"",
                           "x@\"a+b\"",
                           "x@\"Q1 2024\" - y",
                           "x@\"1Q02.b\"",
                           "-(a@x)",
                           "(-a)@x",
                           "abs(-a)@x",
                           "-abs(a)",
                           "- - 1",
                           "a - -b",
                           "a * -(b + c)",
                           "a / (b / c)",
                           "a / b / c",
                           "(a * b) / (c * d)",
                           "a - (b + c) - (d - e)",
                           "(a + b) * (c - d) / -e",
                           "0.50 * .5 + 5.",
                           "100 * debits[Assets:Cash] / credits[Revenues]@year-ago",
                           "balance[A B:C]@current",
                           "abs(abs(a) - abs(b))",
                           "t.x + t.y-z",
                           "_a * abs",
                           "((((a))))",
                           "a@x-y",
                           "a@x- - b",
                           "x@ytd.year-ago",
                           "x@1Q02..2Q02 + y",
                           "(a + b)@year-ago.end / c"})
    expect_reads_back(text);
}

TEST(ExpressionPeriods, WordsJoinedByDotsAreOnePeriod) {
  Expr e = parsed("eps@ytd.year-ago");
  ASSERT_EQ(e.op, ExprOp::AtPeriod);
  EXPECT_EQ(e.text, "ytd.year-ago");
  EXPECT_EQ(parsed("x@1Q02..3Q02").text, "1Q02..3Q02");
  EXPECT_EQ(to_string(parsed("x@\"ytd.year-ago\"")), "x@ytd.year-ago");
  // A dot that joins nothing is not part of the period.
  std::vector<Diagnostic> errors;
  EXPECT_FALSE(parse_expression("x@ytd.", kOrigin, &errors));
  EXPECT_FALSE(errors.empty());
  errors.clear();
  EXPECT_FALSE(parse_expression("x@ytd...year-ago", kOrigin, &errors));
  EXPECT_FALSE(errors.empty());
}

// Formulas of every operator, nested and chained, from a fixed seed.
TEST(ExpressionWriting, GeneratedFormulasReadBackAsTheSameTree) {
  std::uint32_t seed = 12345;
  auto next = [&seed](std::uint32_t n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % n;
  };
  std::function<std::string(int)> formula = [&](int depth) -> std::string {
    std::uint32_t pick = depth <= 0 ? next(4) : next(12);
    switch (pick) {
      case 0:
        return "x" + std::to_string(next(5));
      case 1:
        return std::to_string(next(100)) + (next(2) ? ".25" : "");
      case 2:
        return std::string(next(2) ? "debits" : "") + "[Acc:" + std::to_string(next(3)) + "]";
      case 3:
        return "layout.line-" + std::to_string(next(3));
      case 4:
        return "-" + formula(depth - 1);
      case 5:
        return "abs(" + formula(depth - 1) + ")";
      case 6:
        return "(" + formula(depth - 1) + ")@" + (next(2) ? "year-ago" : "\"Q1 2024\"");
      case 7:
        return "(" + formula(depth - 1) + ")";
      default: {
        static const char* kOps[] = {" + ", " - ", " * ", " / "};
        return formula(depth - 1) + kOps[next(4)] + formula(depth - 1);
      }
    }
  };
  for (int i = 0; i < 500; ++i) expect_reads_back(formula(6));
}

// ------------------------------------------------------------------ limits

TEST(ExpressionLimits, NestingIsLimited) {
  auto nested = [](const std::string& open, const std::string& close, int levels) {
    std::string text;
    for (int i = 0; i < levels; ++i) text += open;
    text += "a";
    for (int i = 0; i < levels; ++i) text += close;
    return text;
  };
  for (auto [open, close] : {std::pair<std::string, std::string>{"(", ")"}, {"abs(", ")"}, {"-", ""}}) {
    parsed(nested(open, close, kMaxFormulaNesting));
    std::vector<Diagnostic> errors;
    std::string text = nested(open, close, 3000);
    EXPECT_FALSE(parse_expression(text, kOrigin, &errors)) << open;
    ASSERT_EQ(errors.size(), 1u) << open;
    EXPECT_EQ(errors[0].message, "the formula nests more than 100 levels deep");
    // The column of the opening that goes one level too deep.
    EXPECT_EQ(errors[0].column, 10 + kMaxFormulaNesting * open.size()) << open;
    EXPECT_EQ(errors[0].expected, "at most 100 parentheses, abs( and unary minus inside one another");
  }
}

TEST(ExpressionLimits, LongChainsAreNotNesting) {
  for (const char* ops : {"+-", "*/"}) {
    std::string text = "a";
    for (int i = 0; i < 20000; ++i) text += std::string(" ") + ops[i % 2] + (i % 2 ? " (b + c)" : " b");
    Expr e = parsed(text);
    EXPECT_TRUE(to_string(e) == text) << ops;  // not printed: 200 kB
    Expr copy = e;                             // copied and destroyed without recursion
    EXPECT_EQ(shape(copy.args[1]), shape(e.args[1]));
    copy = Expr{};
    std::size_t nodes = 0;
    for_each_node(e, [&nodes](const Expr&) { ++nodes; });
    EXPECT_EQ(nodes, 1u + 20000u * 2u + 10000u * 2u);
    EXPECT_EQ(left_chain(e).size(), 20000u);
  }
}

}  // namespace
}  // namespace kessan::read
