// Figures in running text (write/prose_writer.hpp): rounded once, grouped,
// between a prefix and a suffix, with the style's mark for negatives.

#include "write/prose_writer.hpp"

#include <gtest/gtest.h>

namespace kessan::write {
namespace {

Decimal D(const char* s) {
  return *Decimal::parse(s);
}

report::ProseFigure figure(report::CellKind kind, const char* numerator, const char* denominator, int decimals,
                           std::string prefix, std::string suffix, std::string negative = "-") {
  report::ProseFigure f;
  f.cell.kind = kind;
  f.cell.numerator = D(numerator);
  f.cell.denominator = D(denominator);
  f.cell.decimals = decimals;
  f.prefix = std::move(prefix);
  f.suffix = std::move(suffix);
  f.negative = std::move(negative);
  return f;
}

report::ProseFigure money(const char* numerator, const char* denominator, int decimals, std::string prefix = "JPY",
                          std::string suffix = " million", std::string negative = "-") {
  return figure(report::CellKind::Number, numerator, denominator, decimals, std::move(prefix), std::move(suffix),
                std::move(negative));
}

struct FigureCase {
  const char* name;
  report::ProseFigure figure;
  const char* printed;
};

std::string figureCase_name(const testing::TestParamInfo<FigureCase>& info) {
  return info.param.name;
}

class FormatFigure : public testing::TestWithParam<FigureCase> {};

TEST_P(FormatFigure, PrintsTheRoundedValue) {
  EXPECT_EQ(format_figure(GetParam().figure), GetParam().printed);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, FormatFigure,
    testing::Values(
        // Total revenues of 9,849,202,000 yen, in millions.
        FigureCase{"Millions", money("9849202000", "1000000", 0), "JPY9,849 million"},
        FigureCase{"MillionsOneDecimal", money("9849202000", "1000000", 1), "JPY9,849.2 million"},
        // Translated at 119.85 yen to the dollar: 82.18 million.
        FigureCase{"Dollars", money("9849202000", "119850000.00", 0, "$"), "$82 million"},
        FigureCase{"DollarsOneDecimal", money("9849202000", "119850000.00", 1, "$"), "$82.2 million"},
        FigureCase{"Billions", money("9849202000", "1000000000", 1, "JPY", " billion"), "JPY9.8 billion"},
        FigureCase{"Thousands", money("1234567890", "1000", 0, "", ""), "1,234,568"},
        FigureCase{"NegativeMark", money("-5772", "100", 2, "JPY", "", "(-)"), "JPY(-)57.72"},
        FigureCase{"NegativeDollars", money("-464155000", "119850000.00", 1, "$", " million", "(-)"),
                   "$(-)3.9 million"},
        FigureCase{"DefaultNegativeMark", money("-464155000", "1000000", 0), "JPY-464 million"},
        FigureCase{"NegativeRoundingToZero", money("-400000", "1000000", 0, "JPY", " million", "(-)"), "JPY0 million"},
        FigureCase{"NegativeRoundingToZeroWithDecimals", money("-40000", "1000000", 1, "JPY", " million", "(-)"),
                   "JPY0.0 million"},
        FigureCase{"HalfUpAwayFromZero", money("-2500000", "1000000", 0, "JPY", " million", "(-)"), "JPY(-)3 million"},
        FigureCase{"Zero", money("0", "1000000", 1), "JPY0.0 million"},
        FigureCase{"Percent", figure(report::CellKind::Percent, "91", "10", 1, "", "%"), "9.1%"},
        FigureCase{"NegativePercent", figure(report::CellKind::Percent, "-47", "10", 1, "", "%", "(-)"), "(-)4.7%"},
        FigureCase{"PercentFromAnExactRatio", figure(report::CellKind::Percent, "18220200", "1000000", 1, "", "%"),
                   "18.2%"},
        FigureCase{"NotAvailable", figure(report::CellKind::NotAvailable, "1", "1", 0, "JPY", " million"), "n/a"},
        FigureCase{"NotMeaningful", figure(report::CellKind::NotMeaningful, "1", "1", 0, "JPY", " million"), "n/m"},
        FigureCase{"ZeroDenominator", money("1", "0", 0), "n/m"},
        FigureCase{"Empty", figure(report::CellKind::Empty, "1", "1", 0, "JPY", " million"), ""}),
    figureCase_name);

TEST(FormatFigure, UsesTheRoundingModeAndThePresentedValue) {
  report::ProseFigure f = money("25", "10", 0, "", "");
  EXPECT_EQ(format_figure(f), "3");
  f.cell.rounding = RoundingMode::HalfEven;
  EXPECT_EQ(format_figure(f), "2");
  f.cell.rounding = RoundingMode::Down;
  f.cell.numerator = D("-29");
  EXPECT_EQ(format_figure(f), "-2");
  // Footing's presented value wins over the exact one, padded to the decimals.
  f.cell.presented = D("-3");
  f.cell.decimals = 1;
  EXPECT_EQ(format_figure(f), "-3.0");
}

TEST(FormatFigure, TextCellsPrintTheirText) {
  report::ProseFigure f;
  f.cell.kind = report::CellKind::Text;
  f.cell.text = "nine";
  f.prefix = "JPY";
  EXPECT_EQ(format_figure(f), "nine");
}

TEST(FormatFigure, ThePercentSignIsTheSuffixsBusiness) {
  report::ProseFigure f = figure(report::CellKind::Percent, "-47", "10", 1, "", "%", "(-)");
  f.cell.percent_sign = true;  // a table's sign, not printed twice in prose
  EXPECT_EQ(format_figure(f), "(-)4.7%");
  f.cell.zero_text = true;  // a table's dash, not used in prose
  f.cell.numerator = D("0");
  EXPECT_EQ(format_figure(f), "0.0%");
}

// ---------------------------------------------------------------- prose

report::Prose sentence() {
  report::Prose p;
  p.add("Total revenues were ");
  report::ProseFigure revenues = money("9849202000", "1000000", 0);
  revenues.source = "total-revenues for 1Q02 = 9849202000 JPY";
  p.add(revenues);
  p.add(" (");
  p.add(money("9849202000", "119850000.00", 0, "$"));
  p.add(") & margins < ");
  p.add(figure(report::CellKind::Percent, "91", "10", 1, "", "%"));
  p.add(".");
  return p;
}

TEST(Prose, AdjacentTextIsMerged) {
  report::Prose p("a");
  p.add("b");
  p.add(std::string());
  p.add(money("1", "1", 0, "", ""));
  p.add("c");
  p.add("d");
  ASSERT_EQ(p.spans.size(), 3u);
  EXPECT_EQ(p.spans[0].text, "ab");
  EXPECT_TRUE(p.spans[1].figure);
  EXPECT_EQ(p.spans[2].text, "cd");
  report::Prose q;
  q.add(p);
  q.add(p);
  ASSERT_EQ(q.spans.size(), 5u);
  EXPECT_EQ(q.spans[2].text, "cdab");
}

TEST(Prose, PlainText) {
  EXPECT_EQ(prose_text(sentence()), "Total revenues were JPY9,849 million ($82 million) & margins < 9.1%.");
  EXPECT_EQ(prose_text(report::Prose()), "");
}

TEST(Prose, MarkupEscapesTextAndWrapsFigures) {
  auto escape = [](std::string_view s) {
    std::string out;
    for (char c : s) {
      if (c == '<')
        out += "&lt;";
      else if (c == '&')
        out += "&amp;";
      else
        out += c;
    }
    return out;
  };
  auto wrap = [](const std::string& printed, const report::ProseFigure& f) {
    return "<span title=\"" + f.source + "\">" + printed + "</span>";
  };
  EXPECT_EQ(prose_markup(sentence(), escape, wrap),
            "Total revenues were <span title=\"total-revenues for 1Q02 = 9849202000 JPY\">JPY9,849 million</span> "
            "(<span title=\"\">$82 million</span>) &amp; margins &lt; <span title=\"\">9.1%</span>.");
}

}  // namespace
}  // namespace kessan::write
