// Release templates (read/template_reader.hpp): text and {{ … }}
// placeholders, and the diagnostics for malformed ones.

#include <gtest/gtest.h>

#include "read/template_reader.hpp"

namespace kessan::read {
namespace {

using Strings = std::vector<std::string>;

// Every piece as a string: "text:…" for text, and for a placeholder
// "{directive|figure|argument|name=value@column,…}@line:column", with
// "+block" for a block placeholder.
Strings pieces(const ReleaseTemplate& t) {
  Strings out;
  for (const TemplatePiece& p : t.pieces) {
    if (!p.placeholder) {
      out.push_back("text:" + p.text);
      continue;
    }
    const Placeholder& ph = *p.placeholder;
    std::string s = "{" + ph.directive + "|" + (ph.figure ? to_string(*ph.figure) : "") + "|" + ph.argument + "|";
    for (std::size_t i = 0; i < ph.options.size(); ++i)
      s += (i ? "," : "") + ph.options[i].name + "=" + ph.options[i].value + "@" +
           std::to_string(ph.options[i].where.column);
    s += "}@" + std::to_string(ph.where.line) + ":" + std::to_string(ph.where.column);
    if (ph.block) s += "+block";
    out.push_back(s);
  }
  return out;
}

struct TemplateCase {
  const char* name;
  const char* text;
  Strings pieces;
};

class TemplatePieces : public testing::TestWithParam<TemplateCase> {};

TEST_P(TemplatePieces, SplitIntoTextAndPlaceholders) {
  const TemplateCase& c = GetParam();
  ReleaseTemplate t;
  std::vector<Diagnostic> errors;
  EXPECT_TRUE(parse_template(c.text, "releases/1Q02.md", &t, &errors));
  for (const auto& e : errors) ADD_FAILURE() << render(e);
  EXPECT_EQ(t.file, "releases/1Q02.md");
  EXPECT_EQ(pieces(t), c.pieces);
}

std::string case_name(const testing::TestParamInfo<TemplateCase>& info) {
  return info.param.name;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TemplatePieces,
    testing::Values(
        TemplateCase{"PlainText", "No placeholders at all.\n", {"text:No placeholders at all.\n"}},
        TemplateCase{"Empty", "", {}},
        TemplateCase{"FigureWithOption",
                     "Total revenues were {{ total-revenues usd=0 }}, {{ compare total-revenues }}.\n",
                     {"text:Total revenues were ", "{|total-revenues||usd=0@39}@1:21", "text:, ",
                      "{compare|total-revenues||}@1:49", "text:.\n"}},
        TemplateCase{"NoSpaces", "{{x}}", {"{|x||}@1:1"}},
        TemplateCase{"Formula", "{{ (a - b) / c decimals=1 }}", {"{|(a - b) / c||decimals=1@16}@1:1"}},
        TemplateCase{
            "Directive", "{{ usd operating-income decimals=1 }}", {"{usd|operating-income||decimals=1@25}@1:1"}},
        TemplateCase{"QuotedValues",
                     "{{ worded operating-income positive=\"operating income\" negative=\"an operating loss\" usd=1 }}",
                     {"{worded|operating-income||positive=operating income@28,negative=an operating "
                      "loss@56,usd=1@85}@1:1"}},
        TemplateCase{"ShiftedFigure",
                     "{{ worded operating-income@year-ago positive=income negative=\"a loss\" }}",
                     {"{worded|operating-income@year-ago||positive=income@37,negative=a loss@53}@1:1"}},
        TemplateCase{
            "CustomVerbs", "{{ trend gross-margin down=declined }}", {"{trend|gross-margin||down=declined@23}@1:1"}},
        TemplateCase{"PeriodArgument",
                     "{{ period year-ago }} and {{ date }}, {{ date style=short }}",
                     {"{period||year-ago|}@1:1", "text: and ", "{date||current|}@1:27", "text:, ",
                      "{date||current|style=short@47}@1:39"}},
        TemplateCase{
            "NoArguments", "{{ rate }} on {{ rate-date }}", {"{rate|||}@1:1", "text: on ", "{rate-date|||}@1:15"}},
        TemplateCase{"NotADirective",
                     "{{ ratex }} {{ change@year-ago }}",
                     {"{|ratex||}@1:1", "text: ", "{|change@year-ago||}@1:13"}},
        TemplateCase{
            "EscapedBraces", "Literal \\{{ braces }} and {{ x }}", {"text:Literal {{ braces }} and ", "{|x||}@1:27"}},
        TemplateCase{
            "SecondLine", "First line\n  then {{ x }}\n", {"text:First line\n  then ", "{|x||}@2:8", "text:\n"}},
        TemplateCase{"Block",
                     "Intro\n{{ table contracts }}\nAfter\n",
                     {"text:Intro\n", "{table||contracts|}@2:1+block", "text:After\n"}},
        TemplateCase{"IndentedBlock",
                     "Intro\n  {{ table contracts }}  \nAfter",
                     {"text:Intro\n", "{table||contracts|}@2:3+block", "text:After"}},
        TemplateCase{"BlockAtTheEnd",
                     "Intro\n\n{{ reconciliation adjusted-ebitda }}",
                     {"text:Intro\n\n", "{reconciliation||adjusted-ebitda|}@3:1+block"}},
        TemplateCase{"BlockCrlf", "A\r\n{{ table t }}\r\nB", {"text:A\r\n", "{table||t|}@2:1+block", "text:B"}},
        TemplateCase{"TwoBlocks",
                     "{{ table a }}\n{{ table b }}\n\nText",
                     {"{table||a|}@1:1+block", "{table||b|}@2:1+block", "text:\nText"}},
        TemplateCase{"BlockWithoutSpaces", "{{table t}}\nx", {"{table||t|}@1:1+block", "text:x"}}),
    case_name);

TEST(Template, OptionsKeepTheirPlaces) {
  ReleaseTemplate t;
  std::vector<Diagnostic> errors;
  ASSERT_TRUE(parse_template("x\n{{ moved dedicated-access up=rose rate=yes }}", "r.md", &t, &errors));
  ASSERT_EQ(t.pieces.size(), 2u);
  const Placeholder& p = *t.pieces[1].placeholder;
  EXPECT_EQ(p.directive, "moved");
  ASSERT_TRUE(p.figure);
  EXPECT_EQ(p.figure->where.file, "r.md");
  EXPECT_EQ(p.figure->where.line, 2u);
  EXPECT_EQ(p.figure->where.column, 10u);
  ASSERT_NE(p.option("rate"), nullptr);
  EXPECT_EQ(p.option("rate")->value, "yes");
  EXPECT_EQ(p.option("rate")->where.line, 2u);
  EXPECT_EQ(p.option("rate")->where.column, 35u);
  EXPECT_EQ(p.option("up")->value, "rose");
  EXPECT_EQ(p.option("down"), nullptr);
  EXPECT_FALSE(p.block);
}

TEST(Template, IdArgumentPlace) {
  ReleaseTemplate t;
  std::vector<Diagnostic> errors;
  ASSERT_TRUE(parse_template("{{ table   backbone-costs }}", "r.md", &t, &errors));
  const Placeholder& p = *t.pieces[0].placeholder;
  EXPECT_EQ(p.argument, "backbone-costs");
  EXPECT_EQ(p.argument_where.line, 1u);
  EXPECT_EQ(p.argument_where.column, 12u);
  EXPECT_FALSE(p.figure);
}

// ---------------------------------------------------------------- errors

struct TemplateError {
  const char* name;
  const char* text;
  std::uint32_t line, column;
  const char* message;
  const char* expected;
  const char* line_text;
};

std::string templateError_name(const testing::TestParamInfo<TemplateError>& info) {
  return info.param.name;
}

class TemplateErrors : public testing::TestWithParam<TemplateError> {};

TEST_P(TemplateErrors, NameTheLineAndColumn) {
  const TemplateError& c = GetParam();
  ReleaseTemplate t;
  t.file = "untouched";
  std::vector<Diagnostic> errors;
  EXPECT_FALSE(parse_template(c.text, "r.md", &t, &errors));
  EXPECT_EQ(t.file, "untouched");  // nothing is returned
  EXPECT_TRUE(t.pieces.empty());
  ASSERT_EQ(errors.size(), 1u) << (errors.size() > 1 ? render(errors[1]) : "");
  const Diagnostic& d = errors[0];
  EXPECT_EQ(d.file, "r.md");
  EXPECT_EQ(d.line, c.line);
  EXPECT_EQ(d.column, c.column);
  EXPECT_EQ(d.message, c.message);
  EXPECT_EQ(d.expected, c.expected);
  EXPECT_EQ(d.line_text, c.line_text);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TemplateErrors,
    testing::Values(
        TemplateError{"Unterminated", "Hello {{ total-revenues\nmore }}", 1, 7,
                      "a placeholder opened with '{{' is not closed on its line", "'}}' after the placeholder",
                      "Hello {{ total-revenues"},
        TemplateError{"UnterminatedAtTheEnd", "a\nb {{ x", 2, 3,
                      "a placeholder opened with '{{' is not closed on its line", "'}}' after the placeholder",
                      "b {{ x"},
        TemplateError{"UnknownOptionForADirective", "{{ change x foo=1 }}", 1, 13, "unknown option 'foo' for 'change'",
                      "one of: vs, in, decimals", "{{ change x foo=1 }}"},
        TemplateError{"UnknownOptionForAFigure", "Up {{ x vs=year-ago }}", 1, 9, "unknown option 'vs' for a figure",
                      "one of: in, decimals, usd, unit", "Up {{ x vs=year-ago }}"},
        TemplateError{"DirectiveWithoutOptions", "{{ guidance x usd=1 }}", 1, 15, "unknown option 'usd' for 'guidance'",
                      "no options", "{{ guidance x usd=1 }}"},
        TemplateError{"OptionTwice", "{{ x decimals=1 decimals=2 }}", 1, 17, "option 'decimals' is given twice",
                      "each option once", "{{ x decimals=1 decimals=2 }}"},
        TemplateError{"TableNotAlone", "See {{ table contracts }}", 1, 5,
                      "'table' places a table and must stand alone on its line", "the placeholder on a line of its own",
                      "See {{ table contracts }}"},
        TemplateError{"TableFollowedByText", "x\n{{ reconciliation m }} here\n", 2, 1,
                      "'reconciliation' places a table and must stand alone on its line",
                      "the placeholder on a line of its own", "{{ reconciliation m }} here"},
        TemplateError{"EmptyPlaceholder", "a {{ }} b", 1, 6, "an empty placeholder",
                      "a line, measure, account or formula", "a {{ }} b"},
        TemplateError{"EmptyWithoutSpaces", "{{}}", 1, 3, "an empty placeholder", "a line, measure, account or formula",
                      "{{}}"},
        TemplateError{"TableWithoutId", "{{ table }}", 1, 10, "'table' needs an id",
                      "the id of a statement, table or measure", "{{ table }}"},
        TemplateError{"ChangeWithoutFigure", "{{ change }}", 1, 11, "'change' needs a figure",
                      "a line, measure, account or formula", "{{ change }}"},
        TemplateError{"FormulaEndsEarly", "{{ a + }}", 1, 8, "the formula ends too early",
                      "a line or measure name, an account in [brackets], a number or '('", "{{ a + }}"},
        TemplateError{"SecondName", "x\n  {{ change a b vs=year-ago }}", 2, 15, "unexpected name 'b' after the formula",
                      "an operator (+ - * /), an option (name=value) or the end of the placeholder",
                      "  {{ change a b vs=year-ago }}"},
        TemplateError{"UnclosedAccount", "{{ [Costs:Other }}", 1, 4, "an account name in '[' is not closed",
                      "']' after the account name", "{{ [Costs:Other }}"},
        TemplateError{"UnquotedEmptyValue", "{{ x decimals= }}", 1, 15, "option 'decimals' has no value", "name=value",
                      "{{ x decimals= }}"},
        TemplateError{"QuotedEmptyValue", "{{ x decimals=\"\" }}", 1, 15, "option 'decimals' has no value",
                      "name=value", "{{ x decimals=\"\" }}"},
        TemplateError{"UnclosedQuote", "{{ worded x positive=\"an income }}", 1, 22,
                      "a quoted option value is not closed", "a closing '\"'", "{{ worded x positive=\"an income }}"},
        TemplateError{"TextAfterAnArgumentlessDirective", "{{ rate x}}", 1, 9, "unexpected text 'x' in a placeholder",
                      "'}}'", "{{ rate x}}"},
        TemplateError{"TextAfterAnId", "{{ table t x}}", 1, 12, "unexpected text 'x' in a placeholder", "'}}'",
                      "{{ table t x}}"},
        TemplateError{"LineTextWithoutCr", "ok\r\n{{ x y=1 }}\r\n", 2, 6, "unknown option 'y' for a figure",
                      "one of: in, decimals, usd, unit", "{{ x y=1 }}"}),
    templateError_name);

TEST(TemplateErrors, EveryPlaceholderIsCheckedAndReported) {
  ReleaseTemplate t;
  std::vector<Diagnostic> errors;
  EXPECT_FALSE(parse_template("{{ a + }} and {{ }}\n{{ b\nfine {{ c }} {{ table t }}\n", "r.md", &t, &errors));
  Strings got;
  for (const auto& d : errors) got.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.message);
  EXPECT_EQ(got, (Strings{"1:8 the formula ends too early", "1:18 an empty placeholder",
                          "2:1 a placeholder opened with '{{' is not closed on its line",
                          "3:14 'table' places a table and must stand alone on its line"}));
}

TEST(TemplateErrors, StopAtMaxErrors) {
  ReleaseTemplate t;
  std::vector<Diagnostic> errors;
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "{{ a b }} ";
  EXPECT_FALSE(parse_template(text, "r.md", &t, &errors, 3));
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[2].column, 26u);
}

TEST(TemplateErrors, KeepOnlyAWindowOfALongLine) {
  ReleaseTemplate t;
  std::vector<Diagnostic> errors;
  std::string text = std::string(100000, 'x') + " {{ a b }} " + std::string(100000, 'y');
  EXPECT_FALSE(parse_template(text, "r.md", &t, &errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].column, 100007u);
  EXPECT_LE(errors[0].line_text.size(), kShownLineBytes);
  EXPECT_EQ(errors[0].line_text_start, 100006u - kShownLineBytes / 2);
  std::string shown = render(errors[0]);
  EXPECT_NE(shown.find(" 1 | ...xxxx"), std::string::npos) << shown;
  EXPECT_NE(shown.find(std::string(3 + kShownLineBytes / 2, ' ') + "^"), std::string::npos) << shown;
}

}  // namespace
}  // namespace kessan::read
