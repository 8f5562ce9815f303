#include "write/table_writer.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "write/number_format.hpp"

namespace kessan::write {
namespace {

using report::Cell;
using report::CellKind;
using report::Column;
using report::Row;
using report::RowKind;
using report::Table;

Cell number(long long numerator, long long denominator, int decimals = 0,
            RoundingMode rounding = RoundingMode::HalfUp) {
  Cell c;
  c.kind = CellKind::Number;
  c.numerator = Decimal(numerator);
  c.denominator = Decimal(denominator);
  c.decimals = decimals;
  c.rounding = rounding;
  return c;
}

Cell percent(long long numerator, long long denominator, bool sign, int decimals = 1) {
  Cell c = number(numerator, denominator, decimals);
  c.kind = CellKind::Percent;
  c.percent_sign = sign;
  return c;
}

Cell marker(CellKind kind, std::string text = "") {
  Cell c;
  c.kind = kind;
  c.text = std::move(text);
  return c;
}

// Two rows, three columns; the first two columns share a group header.
Table sample_table() {
  Table t;
  t.id = "operations";
  t.title = {"Example Corp & Subsidiaries", "Consolidated Statements of Operations"};
  t.columns = {{"amount:current", "Year ended Mar 31", "2002"},
               {"amount:prior", "Year ended Mar 31", "2001"},
               {"change", "", "Change %"}};
  Row revenues{"revenues", "Total revenues", RowKind::Line, 1, {}};
  revenues.cells = {number(9849202000, 1000), number(8000000000, 1000), percent(184920200, 8000000, true)};
  Row net{"net-loss", "Net income (loss)", RowKind::Total, 0, {}};
  net.cells = {number(-464155000, 1000), number(186096000, 1000), percent((-464155 - 186096) * 100LL, 186096, false)};
  t.rows = {revenues, net};
  t.notes = {"Amounts in thousands of yen."};
  return t;
}

std::string written(const std::vector<Table>& tables, TableFormat format) {
  std::ostringstream out;
  write_tables(out, tables, format);
  return out.str();
}

// ---------------------------------------------------------------------------
// format_cell

TEST(NumberFormat, AmountsInThousandsWithParenthesesForNegatives) {
  EXPECT_EQ(format_cell(number(-464155000, 1000)), "(464,155)");
  EXPECT_EQ(format_cell(number(9849202000, 1000)), "9,849,202");
  EXPECT_EQ(format_cell(number(999, 1)), "999");
  EXPECT_EQ(format_cell(number(1000, 1)), "1,000");
  EXPECT_EQ(format_cell(number(0, 1)), "0");
}

TEST(NumberFormat, RoundsOnceFromTheExactRatio) {
  // Per-ADS figure: -57.7183... half-up at two decimals.
  EXPECT_EQ(format_cell(number(-2595017000, 44960000, 2)), "(57.72)");
  // 1,500.5 thousand rounds half-up to 1,501 and half-even to 1,500.
  EXPECT_EQ(format_cell(number(1500500, 1000)), "1,501");
  EXPECT_EQ(format_cell(number(1500500, 1000, 0, RoundingMode::HalfEven)), "1,500");
  EXPECT_EQ(format_cell(number(-1500500, 1000)), "(1,501)");
  EXPECT_EQ(format_cell(number(1234567, 1000, 1, RoundingMode::Down)), "1,234.5");
  EXPECT_EQ(format_cell(number(5, 100, 3)), "0.050");
}

TEST(NumberFormat, ValueRoundingToZeroIsNeverNegative) {
  EXPECT_EQ(format_cell(number(-4, 100, 1)), "0.0");
  EXPECT_EQ(format_cell(number(-499, 1000)), "0");
  EXPECT_EQ(format_cell(percent(-4, 100, true)), "0.0%");
  EXPECT_EQ(format_cell(percent(-4, 100, false)), "0.0");
}

TEST(NumberFormat, ZeroText) {
  Presentation dash;
  dash.zero = "-";
  Cell zero = number(0, 1000);
  EXPECT_EQ(format_cell(zero, dash), "0");  // the cell does not ask for the zero text
  zero.zero_text = true;
  EXPECT_EQ(format_cell(zero), "0");  // the default zero text is the number itself
  EXPECT_EQ(format_cell(zero, dash), "-");
  Cell tiny = number(-400, 1000);
  tiny.zero_text = true;
  EXPECT_EQ(format_cell(tiny, dash), "-");
  Presentation em;
  em.zero = "\u2014";
  EXPECT_EQ(format_cell(tiny, em), "\u2014");
  Cell one = number(1000, 1000);
  one.zero_text = true;
  EXPECT_EQ(format_cell(one, dash), "1");
}

TEST(NumberFormat, NegativeStyles) {
  Presentation minus, unicode;
  minus.negative = NegativeStyle::Minus;
  unicode.negative = NegativeStyle::UnicodeMinus;
  EXPECT_EQ(format_cell(number(-1234000, 1000), minus), "-1,234");
  EXPECT_EQ(format_cell(number(-1234000, 1000), unicode), "\u22121,234");
  EXPECT_EQ(format_cell(number(-400, 1000), minus), "0");  // never a negative zero
  // Percentages follow the amounts unless told otherwise.
  EXPECT_EQ(format_cell(percent(-12, 10, true), minus), "-1.2%");
  EXPECT_EQ(format_cell(percent(-12, 10, false), unicode), "\u22121.2");
  Presentation outside;
  outside.negative_percent = PercentNegativeStyle::ParenthesesSignOutside;
  EXPECT_EQ(format_cell(percent(-12, 10, true), outside), "(1.2)%");
  EXPECT_EQ(format_cell(percent(-12, 10, false), outside), "(1.2)");
  EXPECT_EQ(format_cell(number(-1234000, 1000), outside), "(1,234)");
  minus.negative_percent = PercentNegativeStyle::Parentheses;
  EXPECT_EQ(format_cell(percent(-12, 10, true), minus), "(1.2%)");
  EXPECT_EQ(format_cell(number(-1234000, 1000), minus), "-1,234");
}

TEST(NumberFormat, NotMeaningfulText) {
  Presentation nm;
  nm.not_meaningful = "NM";
  EXPECT_EQ(format_cell(marker(CellKind::NotMeaningful), nm), "NM");
  EXPECT_EQ(format_cell(number(5, 0), nm), "NM");  // a division that cannot be made
  EXPECT_EQ(format_cell(marker(CellKind::NotAvailable), nm), "n/a");
}

TEST(NumberFormat, CurrencySignStandsBeforeTheFigure) {
  Cell c = number(-1234000, 1000);
  EXPECT_EQ(signed_text(c), "(1,234)");
  c.currency_sign = "$";
  EXPECT_EQ(signed_text(c), "$ (1,234)");
  EXPECT_EQ(format_cell(c), "(1,234)");
}

TEST(NumberFormat, Percentages) {
  EXPECT_EQ(format_cell(percent(3523334LL * 100, 9849202, true)), "35.8%");
  EXPECT_EQ(format_cell(percent(3523334LL * 100, 9849202, false)), "35.8");
  EXPECT_EQ(format_cell(percent((-464155 - 186096) * 100LL, 186096, false)), "(349.4)");
  EXPECT_EQ(format_cell(percent(-33, 10, true)), "(3.3%)");
  EXPECT_EQ(format_cell(percent(0, 5, true)), "0.0%");
  EXPECT_EQ(format_cell(percent(100, 1, false)), "100.0");
  EXPECT_EQ(format_cell(percent(12345, 10, false)), "1,234.5");
  EXPECT_EQ(format_cell(percent(-12345, 10, true)), "(1,234.5%)");
}

TEST(NumberFormat, MarkersAndText) {
  EXPECT_EQ(format_cell(marker(CellKind::NotAvailable)), "n/a");
  EXPECT_EQ(format_cell(marker(CellKind::NotMeaningful)), "n/m");
  EXPECT_EQ(format_cell(marker(CellKind::Text, "see note 3")), "see note 3");
  EXPECT_EQ(format_cell(marker(CellKind::Empty)), "");
  EXPECT_EQ(format_cell(Cell{}), "");
}

TEST(NumberFormat, FailedDivisionIsNotMeaningful) {
  EXPECT_EQ(format_cell(number(5, 0)), "n/m");
  EXPECT_EQ(format_cell(percent(5, 0, true)), "n/m");
  Cell huge = number(1, 1, 0);
  huge.numerator = Decimal::from_parts(pow10_i128(37), 0);
  huge.decimals = 5;  // 10^37 at five decimals does not fit in 128 bits
  EXPECT_EQ(format_cell(huge), "n/m");
  EXPECT_EQ(exact_text(huge), "10000000000000000000000000000000000000");  // exact, though it cannot be displayed
}

TEST(NumberFormat, PrintsThePresentedValueOfAFootedCell) {
  Cell footed = number(3400, 1000);
  EXPECT_EQ(format_cell(footed), "3");
  footed.presented = Decimal(4);
  EXPECT_EQ(format_cell(footed), "4");
  footed.presented = Decimal::from_parts(-40, 1);  // more digits than the cell shows
  EXPECT_EQ(format_cell(footed), "(4)");
  Cell pct = percent(1, 3, true);
  pct.presented = Decimal(34);
  EXPECT_EQ(format_cell(pct), "34.0%");
}

// The exact text is exact: a terminating decimal in full, else the fraction
// in lowest terms (35.7727864653...% is 3323900/92917, not a rounding of it).
TEST(NumberFormat, ExactTextIsExact) {
  EXPECT_EQ(exact_text(number(-464155, 1000)), "-464.155");
  EXPECT_EQ(exact_text(number(-464155000, 1000)), "-464155");
  EXPECT_EQ(exact_text(percent(3523334LL * 100, 9849202, true)), "3323900/92917");
  EXPECT_EQ(exact_text(number(1, 3)), "1/3");
  EXPECT_EQ(exact_text(number(-1, 3)), "-1/3");
  EXPECT_EQ(exact_text(number(1, -8)), "-0.125");
  EXPECT_EQ(exact_text(number(1, 1LL << 30)), "0.000000000931322574615478515625");  // 30 decimals, in full
  Cell tiny = number(1, 1);
  tiny.numerator = Decimal::from_parts(3, 30);  // 3 / (10^30 x (10^20 + 1)): lowest terms need more than 128 bits
  tiny.denominator = Decimal::from_parts(pow10_i128(20) + 1, 0);
  EXPECT_EQ(exact_text(tiny), "0.000000000000000000000000000003/100000000000000000001");
  EXPECT_EQ(exact_text(number(0, 7)), "0");
  EXPECT_EQ(exact_text(number(1, 0)), "");
  EXPECT_EQ(exact_text(marker(CellKind::NotAvailable)), "");
  EXPECT_EQ(exact_text(marker(CellKind::Text, "12")), "");
}

// ---------------------------------------------------------------------------
// Formats

TEST(TableWriter, ParsesFormatNames) {
  EXPECT_EQ(parse_table_format("txt"), TableFormat::Text);
  EXPECT_EQ(parse_table_format("tsv"), TableFormat::Tsv);
  EXPECT_EQ(parse_table_format("csv"), TableFormat::Csv);
  EXPECT_EQ(parse_table_format("json"), TableFormat::Json);
  EXPECT_EQ(parse_table_format("md"), TableFormat::Markdown);
  EXPECT_EQ(parse_table_format("html"), TableFormat::Html);
  EXPECT_FALSE(parse_table_format("xlsx"));
  EXPECT_FALSE(parse_table_format(""));
  for (auto f : {TableFormat::Text, TableFormat::Tsv, TableFormat::Csv, TableFormat::Json, TableFormat::Markdown,
                 TableFormat::Html})
    EXPECT_EQ(parse_table_format(table_format_name(f)), f);
}

TEST(TableWriter, Tsv) {
  EXPECT_EQ(written({sample_table()}, TableFormat::Tsv),
            "Example Corp & Subsidiaries\n"
            "Consolidated Statements of Operations\n"
            "\tYear ended Mar 31\tYear ended Mar 31\t\n"
            "\t2002\t2001\tChange %\n"
            "Total revenues\t9,849,202\t8,000,000\t23.1%\n"
            "Net income (loss)\t(464,155)\t186,096\t(349.4)\n"
            "Amounts in thousands of yen.\n");
}

TEST(TableWriter, TsvHeadingsShortRowsAndSeveralTables) {
  Table t;
  t.id = "bs";
  t.title = {"Balance\tSheet"};
  t.columns = {{"a", "", "JPY"}, {"b", "", "USD"}};
  Row heading{"assets", "ASSETS", RowKind::Heading, 0, {}};
  Row cash{"cash", "Cash", RowKind::Line, 1, {number(5000, 1000)}};
  Row empty{"other", "Other", RowKind::Line, 1, {}};
  t.rows = {heading, cash, empty};
  t.notes = {"note\twith tab"};
  EXPECT_EQ(written({t, t}, TableFormat::Tsv),
            "Balance Sheet\n\tJPY\tUSD\nASSETS\nCash\t5\t\nOther\t\t\nnote with tab\n"
            "\n"
            "Balance Sheet\n\tJPY\tUSD\nASSETS\nCash\t5\t\nOther\t\t\nnote with tab\n");
}

TEST(TableWriter, Text) {
  std::string pad17(17, ' ');
  EXPECT_EQ(written({sample_table()}, TableFormat::Text),
            "Example Corp & Subsidiaries\n"
            "Consolidated Statements of Operations\n"
            "\n" +
                pad17 + "    Year ended Mar 31\n" + pad17 +
                "       2002       2001  Change %\n"
                "  Total revenues   9,849,202  8,000,000     23.1%\n" +
                pad17 +
                "  ---------  ---------  --------\n"
                "Net income (loss)  (464,155)    186,096   (349.4)\n"
                "\n"
                "Amounts in thousands of yen.\n");
}

// Widths are terminal columns: wide (CJK) characters take two.
TEST(TableWriter, TextMeasuresUtf8CharactersAndLetsHeadingsOverhang) {
  Table t;
  t.columns = {{"a", "", "百万円"}};
  Row heading{"h", "流動資産の部（長い見出し）", RowKind::Heading, 0, {}};
  Row sales{"s", "売上高", RowKind::Line, 0, {number(1234, 1)}};
  Row cost{"c", "Cost", RowKind::Line, 0, {number(-5, 1)}};
  t.rows = {heading, sales, cost};
  EXPECT_EQ(written({t}, TableFormat::Text),
            "        百万円\n"
            "流動資産の部（長い見出し）\n"
            "売上高   1,234\n"
            "Cost       (5)\n");
}

TEST(TableWriter, Csv) {
  EXPECT_EQ(written({sample_table()}, TableFormat::Csv),
            "statement,line,column,exact,display\n"
            "operations,revenues,amount:current,9849202,\"9,849,202\"\n"
            "operations,revenues,amount:prior,8000000,\"8,000,000\"\n"
            "operations,revenues,change,23.115025,23.1%\n"
            "operations,net-loss,amount:current,-464155,\"(464,155)\"\n"
            "operations,net-loss,amount:prior,186096,\"186,096\"\n"
            "operations,net-loss,change,-16256275/46524,(349.4)\n");
}

TEST(TableWriter, CsvUsesLabelWithoutIdAndSkipsEmptyCells) {
  Table t;
  t.id = "eps";
  t.columns = {{"a", "", ""}, {"b", "", ""}, {"c", "", ""}};
  Row row{"", "Per share, basic", RowKind::Line, 0, {}};
  row.cells = {marker(CellKind::NotAvailable), Cell{}, marker(CellKind::Text, "say \"hi\"")};
  t.rows = {row};
  EXPECT_EQ(written({t}, TableFormat::Csv),
            "statement,line,column,exact,display\n"
            "eps,\"Per share, basic\",a,,n/a\n"
            "eps,\"Per share, basic\",c,,\"say \"\"hi\"\"\"\n");
}

TEST(TableWriter, Json) {
  Table heading_table;
  heading_table.id = "second";
  heading_table.columns = {{"x", "", "X"}};
  heading_table.rows = {Row{"h", "Heading", RowKind::Heading, 0, {}}};
  auto doc = nlohmann::json::parse(written({sample_table(), heading_table}, TableFormat::Json));
  ASSERT_EQ(doc["tables"].size(), 2u);
  const auto& t = doc["tables"][0];
  EXPECT_EQ(t["id"], "operations");
  EXPECT_EQ(t["title"], nlohmann::json({"Example Corp & Subsidiaries", "Consolidated Statements of Operations"}));
  ASSERT_EQ(t["columns"].size(), 3u);
  EXPECT_EQ(t["columns"][1],
            nlohmann::json({{"id", "amount:prior"}, {"group", "Year ended Mar 31"}, {"header", "2001"}}));
  ASSERT_EQ(t["rows"].size(), 2u);
  const auto& revenues = t["rows"][0];
  EXPECT_EQ(revenues["id"], "revenues");
  EXPECT_EQ(revenues["label"], "Total revenues");
  EXPECT_EQ(revenues["kind"], "line");
  EXPECT_EQ(revenues["indent"], 1);
  EXPECT_EQ(revenues["cells"][2], nlohmann::json({{"kind", "percent"}, {"exact", "23.115025"}, {"display", "23.1%"}}));
  const auto& net = t["rows"][1];
  EXPECT_EQ(net["kind"], "total");
  ASSERT_EQ(net["cells"].size(), 3u);
  EXPECT_EQ(net["cells"][0]["kind"], "number");
  EXPECT_TRUE(net["cells"][0]["exact"].is_string());
  EXPECT_EQ(net["cells"][0]["exact"], "-464155");
  EXPECT_EQ(net["cells"][0]["display"], "(464,155)");
  EXPECT_EQ(t["notes"], nlohmann::json({"Amounts in thousands of yen."}));
  const auto& heading = doc["tables"][1]["rows"][0];
  EXPECT_EQ(heading["kind"], "heading");
  EXPECT_TRUE(heading["cells"].empty());
}

TEST(TableWriter, Markdown) {
  EXPECT_EQ(written({sample_table()}, TableFormat::Markdown),
            "### Example Corp & Subsidiaries\n"
            "\n"
            "Consolidated Statements of Operations\n"
            "\n"
            "|  | Year ended Mar 31<br>2002 | Year ended Mar 31<br>2001 | Change % |\n"
            "| :--- | ---: | ---: | ---: |\n"
            "| &nbsp;&nbsp;Total revenues | 9,849,202 | 8,000,000 | 23.1% |\n"
            "| **Net income (loss)** | **(464,155)** | **186,096** | **(349.4)** |\n"
            "\n"
            "Amounts in thousands of yen.\n");
}

TEST(TableWriter, MarkdownEscapesPipesAndBoldsHeadings) {
  Table t;
  t.title = {"A | B", "line 2", "line 3"};
  t.columns = {{"c", "", "x|y"}};
  t.rows = {Row{"h", "Assets", RowKind::Heading, 0, {}}, Row{"l", "a|b", RowKind::Line, 0, {number(0, 1)}}};
  EXPECT_EQ(written({t}, TableFormat::Markdown),
            "### A \\| B\n"
            "\n"
            "line 2<br>\n"
            "line 3\n"
            "\n"
            "|  | x\\|y |\n"
            "| :--- | ---: |\n"
            "| **Assets** |  |\n"
            "| a\\|b | 0 |\n");
}

TEST(TableWriter, Html) {
  std::string html = written({sample_table(), sample_table()}, TableFormat::Html);
  auto has = [&](const std::string& s) { return html.find(s) != std::string::npos; };
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n", 0), 0u);
  EXPECT_TRUE(has("<meta charset=\"utf-8\">"));
  EXPECT_TRUE(has("<style>"));
  EXPECT_TRUE(has("@page"));
  EXPECT_TRUE(has("page-break-after: always"));
  EXPECT_TRUE(has("font-variant-numeric: tabular-nums"));
  EXPECT_TRUE(
      has("<section class=\"table\" id=\"operations\">\n<h1>Example Corp &amp; Subsidiaries</h1>\n"
          "<p class=\"title\">Consolidated Statements of Operations</p>\n<table>"));
  EXPECT_TRUE(has("<th colspan=\"2\" class=\"group\">Year ended Mar 31</th><th></th></tr>"));
  EXPECT_TRUE(has("<tr><th class=\"stub\"></th><th>2002</th><th>2001</th><th>Change %</th></tr>"));
  EXPECT_TRUE(has("<tr class=\"total\"><td class=\"label\">Net income (loss)</td><td class=\"num\">(464,155)</td>"));
  EXPECT_TRUE(has("<td class=\"num\">23.1%</td>"));
  EXPECT_TRUE(has("<p>Amounts in thousands of yen.</p>"));
  EXPECT_TRUE(has("</html>\n"));
  EXPECT_FALSE(has("<script"));
  EXPECT_FALSE(has("http"));
  std::size_t sections = 0;
  for (auto at = html.find("<section"); at != std::string::npos; at = html.find("<section", at + 1)) ++sections;
  EXPECT_EQ(sections, 2u);
}

TEST(TableWriter, HtmlEscapesText) {
  Table t;
  t.columns = {{"c", "", "\"Q\""}};
  t.rows = {Row{"x", "<b>R&D</b>", RowKind::Line, 2, {marker(CellKind::Text, "a < b")}}};
  std::string html = written({t}, TableFormat::Html);
  EXPECT_NE(html.find("<th>&quot;Q&quot;</th>"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;R&amp;D&lt;/b&gt;</td><td class=\"text\">a &lt; b</td>"), std::string::npos);
  EXPECT_EQ(html.find("<b>R"), std::string::npos);
  EXPECT_NE(html.find("<section class=\"table\">\n"), std::string::npos);  // no id="" for a table without an id
  EXPECT_NE(html.find("<td class=\"label\" style=\"padding-left: calc(0.6em + 2em)\">"), std::string::npos);
}

TEST(TableWriter, NoTablesWritesEmptyDocuments) {
  EXPECT_EQ(written({}, TableFormat::Tsv), "");
  EXPECT_EQ(written({}, TableFormat::Csv), "statement,line,column,exact,display\n");
  EXPECT_EQ(nlohmann::json::parse(written({}, TableFormat::Json))["tables"].size(), 0u);
}

}  // namespace
}  // namespace kessan::write
