// A book's release files: measures (read/measures_reader.hpp), guidance and
// consensus (read/guidance_reader.hpp) and the table keys of layouts
// (read/layout_reader.hpp).

#include <gtest/gtest.h>

#include "read/guidance_reader.hpp"
#include "read/layout_reader.hpp"
#include "read/measures_reader.hpp"

namespace kessan::read {
namespace {

using Strings = std::vector<std::string>;

// "line:column message" for every diagnostic.
Strings where_and_what(const std::vector<Diagnostic>& errors) {
  Strings out;
  for (const Diagnostic& d : errors)
    out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.message);
  return out;
}

// ---------------------------------------------------------------- measures

const char* kMeasures = R"toml([reconciliation]
subtitle = ["(JPY in millions)"]
unit = 1000000

[[measure]]
id = "gross-margin"
label = "Gross margin"
formula = "(total-revenues - total-costs) / total-revenues"

[[measure]]
id = "adjusted-ebitda"
label = "Adjusted EBITDA"
reconcile_from = "operations.operating-income"
reconcile_label = "Operating loss"
notes = ["Adjusted EBITDA represents operating income before depreciation."]
[[measure.adjustment]]
label = "Depreciation"
formula = "[Costs:Connectivity:Depreciation]"
[[measure.adjustment]]
label = "Amortization and other"
formula = "[Costs:Amortization] + abs([Costs:Other])"
)toml";

TEST(Measures, DerivedAndAdjustedMeasures) {
  MeasureSet set;
  std::vector<Diagnostic> errors;
  ASSERT_TRUE(parse_measures(kMeasures, "book/measures.toml", &set, &errors)) << render(errors.at(0));
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(set.file, "book/measures.toml");
  ASSERT_EQ(set.measures.size(), 2u);

  const Measure& gm = set.measures[0];
  EXPECT_EQ(gm.id, "gross-margin");
  EXPECT_EQ(gm.label, "Gross margin");
  ASSERT_TRUE(gm.formula);
  EXPECT_FALSE(gm.reconcile_from);
  EXPECT_EQ(to_string(*gm.formula), "(total-revenues - total-costs) / total-revenues");
  // The formula's terms carry their places in the file.
  EXPECT_EQ(gm.formula->where.file, "book/measures.toml");
  EXPECT_EQ(gm.formula->where.line, 8u);
  EXPECT_EQ(gm.formula->where.column, 12u);
  EXPECT_EQ(gm.formula->args[1].where.column, 45u);
  EXPECT_EQ(gm.where.line, 5u);
  EXPECT_TRUE(gm.adjustments.empty());

  const Measure& ebitda = set.measures[1];
  EXPECT_EQ(ebitda.id, "adjusted-ebitda");
  EXPECT_FALSE(ebitda.formula);
  ASSERT_TRUE(ebitda.reconcile_from);
  EXPECT_EQ(ebitda.reconcile_from->op, ExprOp::Name);
  EXPECT_EQ(ebitda.reconcile_from->text, "operations.operating-income");
  EXPECT_EQ(ebitda.reconcile_label, "Operating loss");
  EXPECT_EQ(ebitda.notes, (Strings{"Adjusted EBITDA represents operating income before depreciation."}));
  ASSERT_EQ(ebitda.adjustments.size(), 2u);
  EXPECT_EQ(ebitda.adjustments[0].label, "Depreciation");
  EXPECT_EQ(to_string(ebitda.adjustments[0].formula), "[Costs:Connectivity:Depreciation]");
  EXPECT_EQ(ebitda.adjustments[0].where.line, 16u);
  EXPECT_EQ(ebitda.adjustments[1].label, "Amortization and other");
  EXPECT_EQ(to_string(ebitda.adjustments[1].formula), "[Costs:Amortization] + abs([Costs:Other])");
  EXPECT_EQ(ebitda.adjustments[1].where.line, 19u);

  EXPECT_EQ(set.reconciliation.subtitle, (Strings{"(JPY in millions)"}));
  ASSERT_TRUE(set.reconciliation.unit);
  EXPECT_EQ(*set.reconciliation.unit, Decimal(1000000));
}

TEST(Measures, ReconciliationColumnsDefaultToCurrentPriorQuarterAndYearAgo) {
  MeasureSet set;
  std::vector<Diagnostic> errors;
  ASSERT_TRUE(parse_measures(kMeasures, "m.toml", &set, &errors));
  ASSERT_EQ(set.reconciliation.columns.size(), 3u);
  const char* expected[] = {"current", "prior-quarter", "year-ago"};
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(set.reconciliation.columns[i].period.text, expected[i]) << i;
    EXPECT_EQ(set.reconciliation.columns[i].value, ColumnValue::Amount) << i;
  }
}

TEST(Measures, ReconciliationColumnsAsWritten) {
  MeasureSet set;
  std::vector<Diagnostic> errors;
  ASSERT_TRUE(parse_measures(R"toml([reconciliation]
columns = [{ value = "amount", period = "current" }, { value = "converted", period = "current" }]
)toml",
                             "m.toml", &set, &errors));
  ASSERT_EQ(set.reconciliation.columns.size(), 2u);
  EXPECT_EQ(set.reconciliation.columns[1].value, ColumnValue::Converted);
  EXPECT_EQ(set.reconciliation.columns[1].where.column, 54u);
  EXPECT_FALSE(set.reconciliation.unit);
  EXPECT_TRUE(set.measures.empty());
}

struct FileError {
  const char* name;
  const char* text;
  Strings errors;  // "line:column message"
};

std::string case_name(const testing::TestParamInfo<FileError>& info) {
  return info.param.name;
}

class MeasureErrors : public testing::TestWithParam<FileError> {};

TEST_P(MeasureErrors, AreReportedWithTheirPlaces) {
  MeasureSet set;
  std::vector<Diagnostic> errors;
  EXPECT_FALSE(parse_measures(GetParam().text, "m.toml", &set, &errors));
  EXPECT_EQ(where_and_what(errors), GetParam().errors);
  for (const Diagnostic& d : errors) EXPECT_EQ(d.file, "m.toml");
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MeasureErrors,
    testing::Values(
        FileError{"FormulaAndReconcileFrom",
                  "[[measure]]\nid = \"x\"\nlabel = \"X\"\nformula = \"a\"\nreconcile_from = \"b\"\n",
                  {"1:1 measure 'x' needs exactly one of 'formula' and 'reconcile_from'"}},
        FileError{"Neither",
                  "[[measure]]\nid = \"x\"\nlabel = \"X\"\n",
                  {"1:1 measure 'x' needs exactly one of 'formula' and 'reconcile_from'"}},
        FileError{"AdjustedWithoutAdjustments",
                  "[[measure]]\nid = \"x\"\nlabel = \"X\"\nreconcile_from = \"b\"\n",
                  {"1:1 measure 'x' is reconciled from a GAAP figure but has no adjustments"}},
        FileError{"AdjustmentsOnADerivedMeasure",
                  "[[measure]]\nid = \"x\"\nlabel = \"X\"\nformula = \"a\"\n[[measure.adjustment]]\nlabel = "
                  "\"A\"\nformula = \"b\"\n",
                  {"5:1 adjustments belong to measures reconciled from a GAAP figure"}},
        FileError{"DuplicateId",
                  "[[measure]]\nid = \"x\"\nlabel = \"X\"\nformula = \"a\"\n\n[[measure]]\nid = \"x\"\nlabel = "
                  "\"Again\"\nformula = \"b\"\n",
                  {"6:1 measure 'x' is defined twice (first at line 1)"}},
        FileError{"BadId",
                  "[[measure]]\nid = \"Gross_Margin\"\nlabel = \"X\"\nformula = \"a\"\n",
                  {"2:6 'Gross_Margin' is not a valid measure id"}},
        FileError{"IdEndingInADash",
                  "[[measure]]\nid = \"margin-\"\nlabel = \"X\"\nformula = \"a\"\n",
                  {"2:6 'margin-' is not a valid measure id"}},
        FileError{"UnknownKey",
                  "[[measure]]\nid = \"x\"\nlabel = \"X\"\nformulas = \"a\"\n",
                  {"4:1 unknown key 'formulas' in a [[measure]]",
                   "1:1 measure 'x' needs exactly one of 'formula' and 'reconcile_from'"}},
        FileError{"UnknownAdjustmentKey",
                  "[[measure]]\nid = \"x\"\nlabel = \"X\"\nreconcile_from = \"b\"\n[[measure.adjustment]]\nlabel = "
                  "\"A\"\nformula = \"c\"\nsign = \"credit\"\n",
                  {"8:1 unknown key 'sign' in an adjustment"}},
        FileError{"UnknownTopLevelKey",
                  "[reconciliations]\nunit = 1000\n",
                  {"1:2 unknown key 'reconciliations' in a measures file"}},
        FileError{
            "MissingId", "[[measure]]\nlabel = \"X\"\nformula = \"a\"\n", {"1:1 missing key 'id' in a [[measure]]"}},
        FileError{"MalformedFormula",
                  "[[measure]]\nid = \"x\"\nlabel = \"X\"\nformula = \"a +* b\"\n",
                  {"4:15 unexpected '*'"}},
        FileError{"ZeroUnit", "[reconciliation]\nunit = 0\n", {"2:8 the unit must be positive"}},
        FileError{"FloatUnit",
                  "[reconciliation]\nunit = 1e6\n",
                  {"2:8 'unit' is a floating-point number, which is not exact"}}),
    case_name);

TEST(MeasureErrors, SayWhatWasExpected) {
  MeasureSet set;
  std::vector<Diagnostic> errors;
  EXPECT_FALSE(parse_measures("[[measure]]\nid = \"x\"\nlabel = \"X\"\nformulas = \"a\"\n", "m.toml", &set, &errors));
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].expected, "one of: id, label, formula, reconcile_from, reconcile_label, adjustment, notes");
  EXPECT_EQ(errors[0].line_text, "formulas = \"a\"");
  EXPECT_EQ(errors[1].expected,
            "formula = \"…\" (a derived figure) or reconcile_from = \"LINE\" with [[measure.adjustment]] tables");
}

// ---------------------------------------------------------------- guidance

// A March year end, years named by the calendar year they start in: 1Q02
// is April to June 2002.
const FiscalCalendar kMarch(3, FiscalCalendar::YearName::ByStart);

const char* kGuidance = R"toml([[guidance]]
period = "1Q02"
figure = "total-revenues"
low = "9.0"
high = "9.5"
scale = "billion"
given = 2002-05-20
source = "4Q01 earnings release"

[[guidance]]
period = "2Q02"
figure = "operations.operating-income"
value = "-0.25"
scale = "million"

[[guidance]]
period = "FY2002"
figure = "total-revenues"
low = 40
high = 42

[[consensus]]
period = "FY2002"
figure = "operating-income"
value = "980"
scale = "million"
source = "average of five analysts' forecasts"

[[consensus]]
period = "1Q02"
figure = "total-revenues"
value = "9.4"
)toml";

TEST(Guidance, RangesPointsAndConsensus) {
  ExpectationSet set;
  std::vector<Diagnostic> errors;
  ASSERT_TRUE(parse_guidance(kGuidance, "book/guidance.toml", kMarch, &set, &errors)) << render(errors.at(0));
  EXPECT_EQ(set.file, "book/guidance.toml");
  ASSERT_EQ(set.records.size(), 5u);

  const Expectation& range = set.records[0];
  EXPECT_EQ(range.kind, Expectation::Kind::Guidance);
  EXPECT_EQ(range.period_name, "1Q02");
  EXPECT_EQ(range.period.first.to_string(), "2002-04-01");
  EXPECT_EQ(range.period.last.to_string(), "2002-06-30");
  EXPECT_EQ(range.figure.op, ExprOp::Name);
  EXPECT_EQ(range.figure.text, "total-revenues");
  EXPECT_EQ(range.low.to_string(), "9.0");
  EXPECT_EQ(range.high.to_string(), "9.5");
  EXPECT_EQ(range.decimals, 1);  // as written: "9.0"
  EXPECT_TRUE(range.is_range());
  EXPECT_EQ(range.scale.word, "billion");
  EXPECT_EQ(range.scale.factor, Decimal(1000000000));
  EXPECT_TRUE(range.has_given);
  EXPECT_EQ(range.given.to_string(), "2002-05-20");
  EXPECT_EQ(range.source, "4Q01 earnings release");
  EXPECT_EQ(range.where.line, 1u);

  const Expectation& point = set.records[1];
  EXPECT_EQ(point.figure.text, "operations.operating-income");
  EXPECT_EQ(point.low.to_string(), "-0.25");
  EXPECT_EQ(point.high.to_string(), "-0.25");
  EXPECT_FALSE(point.is_range());
  EXPECT_EQ(point.decimals, 2);
  EXPECT_EQ(point.scale.word, "million");
  EXPECT_FALSE(point.has_given);
  EXPECT_EQ(point.period.first.to_string(), "2002-07-01");

  const Expectation& year = set.records[2];
  EXPECT_EQ(year.period.first.to_string(), "2002-04-01");
  EXPECT_EQ(year.period.last.to_string(), "2003-03-31");
  EXPECT_TRUE(year.period.is_year());
  EXPECT_EQ(year.low, Decimal(40));
  EXPECT_EQ(year.high, Decimal(42));
  EXPECT_EQ(year.decimals, 0);  // integers have none
  EXPECT_EQ(year.scale.word, "");
  EXPECT_EQ(year.scale.factor, Decimal(1));

  const Expectation& consensus = set.records[3];
  EXPECT_EQ(consensus.kind, Expectation::Kind::Consensus);
  EXPECT_EQ(consensus.period_name, "FY2002");
  EXPECT_EQ(consensus.figure.text, "operating-income");
  EXPECT_EQ(consensus.low, Decimal(980));
  EXPECT_FALSE(consensus.is_range());
  EXPECT_EQ(consensus.scale.factor, Decimal(1000000));
  EXPECT_EQ(consensus.source, "average of five analysts' forecasts");
  EXPECT_EQ(consensus.where.line, 22u);

  // Guidance and consensus for the same figure and period are different records.
  EXPECT_EQ(set.records[4].kind, Expectation::Kind::Consensus);
  EXPECT_EQ(set.records[4].figure.text, "total-revenues");
  EXPECT_EQ(set.records[4].period_name, "1Q02");
}

class GuidanceErrors : public testing::TestWithParam<FileError> {};

TEST_P(GuidanceErrors, AreReportedWithTheirPlaces) {
  ExpectationSet set;
  std::vector<Diagnostic> errors;
  EXPECT_FALSE(parse_guidance(GetParam().text, "g.toml", kMarch, &set, &errors));
  EXPECT_EQ(where_and_what(errors), GetParam().errors);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, GuidanceErrors,
    testing::Values(
        FileError{"LowAboveHigh",
                  "[[guidance]]\nperiod = \"1Q02\"\nfigure = \"total-revenues\"\nlow = \"9.5\"\nhigh = \"9.0\"\n",
                  {"5:8 the range's high end 9.0 is below its low end 9.5"}},
        FileError{"NotAPeriodName",
                  "[[guidance]]\nperiod = \"Q1 2002\"\nfigure = \"x\"\nvalue = \"1\"\n",
                  {"2:10 'Q1 2002' is not a period name"}},
        FileError{"QuarterFive",
                  "[[consensus]]\nperiod = \"5Q02\"\nfigure = \"x\"\nvalue = \"1\"\n",
                  {"2:10 '5Q02' is not a period name"}},
        FileError{"FigureIsAFormula",
                  "[[guidance]]\nperiod = \"1Q02\"\nfigure = \"a + b\"\nvalue = \"1\"\n",
                  {"3:10 'figure' must name a line or measure, not a formula"}},
        FileError{"FigureIsAnAccount",
                  "[[guidance]]\nperiod = \"1Q02\"\nfigure = \"[Revenues]\"\nvalue = \"1\"\n",
                  {"3:10 'figure' must name a line or measure, not a formula"}},
        FileError{"MalformedFigure",
                  "[[guidance]]\nperiod = \"1Q02\"\nfigure = \"a +\"\nvalue = \"1\"\n",
                  {"3:14 the formula ends too early"}},
        FileError{"UnknownScale",
                  "[[guidance]]\nperiod = \"1Q02\"\nfigure = \"x\"\nvalue = \"1\"\nscale = \"millions\"\n",
                  {"5:9 unknown scale 'millions'"}},
        FileError{"ValueAndRange",
                  "[[guidance]]\nperiod = \"1Q02\"\nfigure = \"x\"\nlow = \"1\"\nhigh = \"2\"\nvalue = \"1.5\"\n",
                  {"6:9 a record has either a value or a range (low and high), not both"}},
        FileError{"MissingValue",
                  "[[guidance]]\nperiod = \"1Q02\"\nfigure = \"x\"\n",
                  {"1:1 missing the expected figure in a [[guidance]] record"}},
        FileError{"MissingConsensusValue",
                  "[[consensus]]\nperiod = \"1Q02\"\nfigure = \"x\"\n",
                  {"1:1 missing the expected figure in a [[consensus]] record"}},
        FileError{"HalfARange",
                  "[[guidance]]\nperiod = \"1Q02\"\nfigure = \"x\"\nlow = \"1\"\n",
                  {"1:1 missing key 'high' in a [[guidance]] record"}},
        FileError{"SecondRecord",
                  "[[guidance]]\nperiod = \"1Q02\"\nfigure = \"x\"\nvalue = \"1\"\n\n[[guidance]]\nperiod = "
                  "\"1Q02\"\nfigure = \"x\"\nvalue = \"2\"\n",
                  {"6:1 a second record for x in 1Q02 (the first is at line 1)"}},
        FileError{"FloatRefused",
                  "[[guidance]]\nperiod = \"1Q02\"\nfigure = \"x\"\nlow = 9.5\nhigh = \"10\"\n",
                  {"4:7 'low' is a floating-point number, which is not exact"}},
        FileError{"FloatValueRefused",
                  "[[consensus]]\nperiod = \"1Q02\"\nfigure = \"x\"\nvalue = 9.5\n",
                  {"4:9 'value' is a floating-point number, which is not exact"}},
        FileError{"NotADecimal",
                  "[[consensus]]\nperiod = \"1Q02\"\nfigure = \"x\"\nvalue = \"9,5\"\n",
                  {"4:9 'value' is not a decimal number"}},
        FileError{
            "ConsensusHasNoRange",
            "[[consensus]]\nperiod = \"1Q02\"\nfigure = \"x\"\nlow = \"1\"\nhigh = \"2\"\n",
            {"5:1 unknown key 'high' in a [[consensus]] record", "4:1 unknown key 'low' in a [[consensus]] record"}},
        FileError{"GivenNotADate",
                  "[[guidance]]\nperiod = \"1Q02\"\nfigure = \"x\"\nvalue = \"1\"\ngiven = \"2002-05-20\"\n",
                  {"5:9 'given' must be a date"}},
        FileError{"MissingPeriodAndFigure",
                  "[[guidance]]\nvalue = \"1\"\n",
                  {"1:1 missing key 'period' in a [[guidance]] record",
                   "1:1 missing key 'figure' in a [[guidance]] record"}}),
    case_name);

// ---------------------------------------------------------------- table layouts

const char* kTable = R"toml(id = "backbone-costs"
title = "Table 4. Backbone Costs"
subtitle = ["(JPY in millions)", "unaudited"]
kind = "table"
unit = 1000000
decimals = 0
stub_header = "Cost"
columns = [
  { value = "amount", period = "current" },
  { value = "amount", period = "prior-quarter" },
  { value = "change", period = "current", base = "year-ago" },
]

[[line]]
heading = "Costs"

[[line]]
id = "international"
label = "International Backbone Costs"
accounts = ["Costs:Connectivity:Backbone:International"]
indent = 1

[[line]]
id = "contracts"
label = "Contracts"
statistic = "contracts-ip-64k"

[[line]]
id = "per-contract"
label = "Cost per contract"
formula = "international / contracts"
decimals = 1
rounding = "half-even"

[[line]]
id = "margin"
label = "Margin"
formula = "(a - b) / a"
format = "percent"

[[line]]
id = "total"
label = "Total"
sum = ["international", "-domestic"]
missing = "skip"
total = true
hide_when_zero = true

[[line]]
id = "strict"
label = "Strict total"
sum = ["international"]
missing = "n/a"
format = "number"
)toml";

TEST(TableLayout, ReadsTheTableKeys) {
  StatementLayout l;
  std::vector<Diagnostic> errors;
  ASSERT_TRUE(parse_layout(kTable, "tables/backbone.toml", &l, &errors)) << render(errors.at(0));
  EXPECT_EQ(l.id, "backbone-costs");
  EXPECT_EQ(l.kind, StatementKind::Table);
  EXPECT_EQ(l.subtitle, (Strings{"(JPY in millions)", "unaudited"}));
  EXPECT_EQ(l.stub_header, "Cost");
  ASSERT_TRUE(l.unit);
  EXPECT_EQ(*l.unit, Decimal(1000000));
  EXPECT_EQ(l.decimals, 0);
  ASSERT_EQ(l.columns.size(), 3u);
  EXPECT_EQ(l.columns[1].period.quarters, -1);
  EXPECT_EQ(l.columns[2].value, ColumnValue::Change);
  EXPECT_EQ(l.columns[2].base.quarters, -4);
  EXPECT_EQ(l.columns[2].where.line, 11u);
  EXPECT_EQ(l.columns[2].where.column, 3u);
  ASSERT_EQ(l.lines.size(), 7u);

  EXPECT_EQ(l.lines[0].kind, LineKind::Heading);
  EXPECT_EQ(l.lines[0].label, "Costs");

  EXPECT_EQ(l.lines[1].kind, LineKind::Accounts);
  EXPECT_EQ(l.lines[1].accounts, (Strings{"Costs:Connectivity:Backbone:International"}));
  EXPECT_EQ(l.lines[1].indent, 1);
  EXPECT_EQ(l.lines[1].where.line, 17u);

  EXPECT_EQ(l.lines[2].kind, LineKind::Statistic);
  EXPECT_EQ(l.lines[2].statistic, "contracts-ip-64k");
  EXPECT_FALSE(l.lines[2].decimals_set);

  const LayoutLine& per = l.lines[3];
  EXPECT_EQ(per.kind, LineKind::Formula);
  ASSERT_TRUE(per.formula);
  EXPECT_EQ(to_string(*per.formula), "international / contracts");
  EXPECT_EQ(per.formula->where.line, 31u);
  EXPECT_EQ(per.formula->where.column, 12u);
  EXPECT_EQ(per.decimals, 1);
  EXPECT_TRUE(per.decimals_set);
  EXPECT_EQ(per.rounding, RoundingMode::HalfEven);
  EXPECT_EQ(per.format, LineFormat::Number);

  EXPECT_EQ(l.lines[4].format, LineFormat::Percent);
  EXPECT_EQ(to_string(*l.lines[4].formula), "(a - b) / a");

  const LayoutLine& total = l.lines[5];
  EXPECT_EQ(total.kind, LineKind::Sum);
  ASSERT_EQ(total.terms.size(), 2u);
  EXPECT_EQ(total.terms[0].sign, 1);
  EXPECT_EQ(total.terms[0].line, "international");
  EXPECT_EQ(total.terms[1].sign, -1);
  EXPECT_EQ(total.terms[1].line, "domestic");
  EXPECT_TRUE(total.skip_missing);
  EXPECT_TRUE(total.total);
  EXPECT_TRUE(total.hide_when_zero);

  EXPECT_FALSE(l.lines[6].skip_missing);
  EXPECT_EQ(l.lines[6].format, LineFormat::Number);
}

TEST(TableLayout, TableKeysHaveDefaults) {
  StatementLayout l;
  std::vector<Diagnostic> errors;
  ASSERT_TRUE(
      parse_layout("id = \"t\"\ntitle = \"T\"\nkind = \"table\"\ncolumns = [{ value = \"amount\" }]\n"
                   "[[line]]\nlabel = \"A\"\nstatistic = \"s\"\n",
                   "t.toml", &l, &errors));
  EXPECT_TRUE(l.subtitle.empty());
  EXPECT_EQ(l.stub_header, "");
  EXPECT_FALSE(l.unit);
  EXPECT_EQ(l.decimals, 0);
  EXPECT_TRUE(l.columns[0].period.is_current());
  EXPECT_EQ(l.lines[0].rounding, RoundingMode::HalfUp);
}

// A statement layout with one [[line]] from line 5 on, to which each case adds keys.
std::string flow_layout(const std::string& top, const std::string& line) {
  return "id = \"ops\"\ntitle = \"OPS\"\nkind = \"flow\"\ncolumns = [{ value = \"amount\" }]\n" + top +
         "[[line]]\nid = \"x\"\nlabel = \"X\"\n" + line;
}

std::string table_layout(const std::string& line) {
  return "id = \"t\"\ntitle = \"T\"\nkind = \"table\"\ncolumns = [{ value = \"amount\" }]\n[[line]]\nid = \"x\"\n"
         "label = \"X\"\n" +
         line;
}

struct LayoutError {
  const char* name;
  std::string text;
  Strings errors;
};

std::string layoutError_name(const testing::TestParamInfo<LayoutError>& info) {
  return info.param.name;
}

class LayoutErrors : public testing::TestWithParam<LayoutError> {};

TEST_P(LayoutErrors, AreReportedWithTheirPlaces) {
  StatementLayout l;
  std::vector<Diagnostic> errors;
  EXPECT_FALSE(parse_layout(GetParam().text, "l.toml", &l, &errors));
  EXPECT_EQ(where_and_what(errors), GetParam().errors);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LayoutErrors,
    testing::Values(
        LayoutError{"FormulaInAStatement",
                    flow_layout("", "formula = \"a + b\"\n"),
                    {"5:1 statistic and formula lines belong in tables"}},
        LayoutError{"StatisticInAStatement",
                    flow_layout("", "statistic = \"contracts\"\n"),
                    {"5:1 statistic and formula lines belong in tables"}},
        LayoutError{"MissingOnAFormulaLine",
                    table_layout("formula = \"a\"\nmissing = \"skip\"\n"),
                    {"9:11 'missing' applies to sum lines only"}},
        LayoutError{"MissingOnAnAccountsLine",
                    table_layout("accounts = [\"A\"]\nmissing = \"n/a\"\n"),
                    {"9:11 'missing' applies to sum lines only"}},
        LayoutError{"UnknownMissingRule",
                    table_layout("sum = [\"a\"]\nmissing = \"zero\"\n"),
                    {"9:11 unknown missing-data rule 'zero'"}},
        LayoutError{"UnknownFormat",
                    table_layout("formula = \"a\"\nformat = \"percentage\"\n"),
                    {"9:10 unknown format 'percentage'"}},
        LayoutError{"UnitInAStatement",
                    flow_layout("unit = 1000\n", "accounts = [\"A\"]\n"),
                    {"5:8 'unit' applies to tables only"}},
        LayoutError{"TableKeysInAStatement",
                    flow_layout("subtitle = [\"s\"]\nstub_header = \"\"\ndecimals = 1\n", "accounts = [\"A\"]\n"),
                    {"5:12 'subtitle' applies to tables only", "6:15 'stub_header' applies to tables only",
                     "7:12 'decimals' applies to tables only"}},
        LayoutError{"MalformedFormula", table_layout("formula = \"(a - b\"\n"), {"8:18 a '(' is not closed"}},
        LayoutError{"MalformedFormulaAfterSpaces",
                    table_layout("formula   =   \"a b\"\n"),
                    {"8:18 unexpected name 'b' after the formula"}},
        LayoutError{"FormulaAndStatistic",
                    table_layout("formula = \"a\"\nstatistic = \"s\"\n"),
                    {"5:1 line 'X' has more than one kind of figure"}},
        LayoutError{"NegativeUnit",
                    "id = \"t\"\ntitle = \"T\"\nkind = \"table\"\nunit = -5\ncolumns = [{ value = \"amount\" }]\n"
                    "[[line]]\nlabel = \"A\"\nstatistic = \"s\"\n",
                    {"4:8 the unit must be positive"}},
        LayoutError{"TableDecimalsOutOfRange",
                    "id = \"t\"\ntitle = \"T\"\nkind = \"table\"\ndecimals = 13\ncolumns = [{ value = \"amount\" "
                    "}]\n[[line]]\nlabel = \"A\"\nstatistic = \"s\"\n",
                    {"4:12 decimals must be 0 to 12"}}),
    layoutError_name);

TEST(LayoutErrors, AFormulaErrorIsReportedOnceWithItsLine) {
  StatementLayout l;
  std::vector<Diagnostic> errors;
  EXPECT_FALSE(parse_layout(table_layout("formula = \"(a - b\"\n"), "l.toml", &l, &errors));
  ASSERT_EQ(errors.size(), 1u);  // the syntax error alone, and the layout is refused
  EXPECT_EQ(errors[0].file, "l.toml");
  EXPECT_EQ(errors[0].line_text, "formula = \"(a - b\"");
  EXPECT_EQ(errors[0].expected, "')'");
}

}  // namespace
}  // namespace kessan::read
