// Operating statistics: the CSV reader, the statistics file, readings files
// and reading a statistic over a period.

#include "core/statistics.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "read/csv_reader.hpp"
#include "read/statistics_reader.hpp"

namespace kessan::read {
namespace {

// ---------------------------------------------------------------- CSV

std::vector<CsvRow> csv_ok(std::string_view text) {
  std::vector<CsvRow> rows;
  std::vector<Diagnostic> errors;
  EXPECT_TRUE(parse_csv(text, "t.csv", &rows, &errors));
  for (const auto& e : errors) ADD_FAILURE() << render(e);
  return rows;
}

// "text@line:column" for every field of every row.
std::vector<std::string> fields(const std::vector<CsvRow>& rows) {
  std::vector<std::string> out;
  for (const CsvRow& r : rows)
    for (const CsvField& f : r.fields)
      out.push_back(f.text + "@" + std::to_string(f.line) + ":" + std::to_string(f.column));
  return out;
}

using Strings = std::vector<std::string>;

TEST(Csv, QuotedFieldsKeepCommasAndDoubledQuotes) {
  auto rows = csv_ok("a,\"b,c\",\"d\"\"e\",\"\"\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(fields(rows), (Strings{"a@1:1", "b,c@1:3", "d\"e@1:9", "@1:16"}));
  EXPECT_EQ(rows[0].line, 1u);
  EXPECT_EQ(rows[0].line_text, "a,\"b,c\",\"d\"\"e\",\"\"");
}

TEST(Csv, CrlfLineEndsAndBom) {
  auto rows = csv_ok("\xEF\xBB\xBFx,y\r\nz,\"w\"\r\nlast,row");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(fields(rows), (Strings{"x@1:1", "y@1:3", "z@2:1", "w@2:3", "last@3:1", "row@3:6"}));
  EXPECT_EQ(rows[0].line_text, "x,y");
  EXPECT_EQ(rows[1].line_text, "z,\"w\"");
  EXPECT_EQ(rows[2].line, 3u);
}

TEST(Csv, QuotedFieldMaySpanLines) {
  auto rows = csv_ok("a,\"one\r\ntwo\nthree\",b\nc,d\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(fields(rows), (Strings{"a@1:1", "one\ntwo\nthree@1:3", "b@3:8", "c@4:1", "d@4:3"}));
  EXPECT_EQ(rows[0].line, 1u);
  EXPECT_EQ(rows[0].line_text, "a,\"one");
  EXPECT_EQ(rows[1].line, 4u);
}

TEST(Csv, SkipsCommentAndBlankLines) {
  auto rows = csv_ok("# a comment\n\n   \nx,y\n  # indented comment\n\t \r\nz\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].line, 4u);
  EXPECT_EQ(rows[1].line, 7u);
  EXPECT_EQ(fields(rows), (Strings{"x@4:1", "y@4:3", "z@7:1"}));
}

TEST(Csv, HashInsideARecordIsData) {
  auto rows = csv_ok("a,# not a comment\n\"x\n# inside quotes\"\n");
  EXPECT_EQ(fields(rows), (Strings{"a@1:1", "# not a comment@1:3", "x\n# inside quotes@2:1"}));
}

TEST(Csv, TrimsUnquotedFieldsOnly) {
  auto rows = csv_ok("  a  , \" b \" ,c\t,  \n");
  EXPECT_EQ(fields(rows), (Strings{"a@1:3", " b @1:8", "c@1:15", "@1:18"}));
}

TEST(Csv, EmptyFields) {
  auto rows = csv_ok("a,,\n,b\n");
  EXPECT_EQ(fields(rows), (Strings{"a@1:1", "@1:3", "@1:4", "@2:1", "b@2:2"}));
}

TEST(Csv, Errors) {
  struct Case {
    std::string text;
    std::uint32_t line, column;
    std::string message;
    std::string line_text;
  };
  const std::vector<Case> cases = {
      {"a,\"unterminated\nmore\n", 1, 3, "unterminated quoted field", "a,\"unterminated"},
      {"x\n\"ab\"c,d\n", 2, 5, "text after a closing quote", "\"ab\"c,d"},
      {"x\r\n\"ab\"  x\r\n", 2, 7, "text after a closing quote", "\"ab\"  x"},
      {"\xEF\xBB\xBF\"a\"b\n", 1, 4, "text after a closing quote", "\"a\"b"},
      {std::string("a,b\0c\n", 6), 1, 4, "NUL byte in CSV text", std::string("a,b\0c", 5)},
      {std::string("a\n\"x\ny\0\"\n", 9), 3, 2, "NUL byte in CSV text", std::string("y\0\"", 3)},
      {std::string("# comment \0\n", 12), 1, 11, "NUL byte in CSV text", std::string("# comment \0", 11)},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    std::vector<CsvRow> rows;
    std::vector<Diagnostic> errors;
    EXPECT_FALSE(parse_csv(c.text, "in.csv", &rows, &errors));
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].file, "in.csv");
    EXPECT_EQ(errors[0].line, c.line);
    EXPECT_EQ(errors[0].column, c.column);
    EXPECT_EQ(errors[0].message, c.message);
    EXPECT_EQ(errors[0].line_text, c.line_text);
    EXPECT_FALSE(errors[0].expected.empty());
  }
}

TEST(Csv, KeepsAtMostMaxFieldsAndStopsAtMaxErrors) {
  std::vector<CsvRow> rows;
  std::vector<Diagnostic> errors;
  EXPECT_FALSE(parse_csv("a,b,c\nd,e,f,g,h\ni,j\n", "in.csv", &rows, &errors, 3));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].line, 2u);
  EXPECT_EQ(errors[0].column, 7u);
  EXPECT_EQ(errors[0].message, "more than 3 fields");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].fields.size(), 3u);
  rows.clear();
  errors.clear();
  EXPECT_FALSE(parse_csv("\"a\"x\n\"b\"y\n\"c\"z\n", "in.csv", &rows, &errors, 5, 2));
  EXPECT_EQ(errors.size(), 2u);
}

TEST(Csv, ReportsEveryErrorInOrder) {
  std::vector<CsvRow> rows;
  std::vector<Diagnostic> errors;
  const char text[] = "\"a\"x,ok\nfine\n\"b\"y\0\n\"open\n";
  EXPECT_FALSE(parse_csv(std::string_view(text, sizeof text - 1), "in.csv", &rows, &errors));
  ASSERT_EQ(errors.size(), 4u);
  std::vector<std::string> got;
  for (const auto& e : errors) got.push_back(std::to_string(e.line) + ":" + std::to_string(e.column) + " " + e.message);
  EXPECT_EQ(got, (Strings{"1:4 text after a closing quote", "3:4 text after a closing quote",
                          "3:5 NUL byte in CSV text", "4:1 unterminated quoted field"}));
  // The rows around the errors are still read.
  ASSERT_GE(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields[1].text, "ok");
  EXPECT_EQ(rows[1].fields[0].text, "fine");
}

// ---------------------------------------------------------------- Statistics::value

Date day(const char* text) {
  return *Date::parse(text);
}

StatisticReading reading(std::uint32_t statistic, const char* date, const char* value) {
  StatisticReading r;
  r.statistic = statistic;
  r.date = day(date);
  r.value = *Decimal::parse(value);
  return r;
}

Statistics two_statistics() {
  Statistics s;
  s.declared = {{"contracts", "", "contracts", StatisticKind::Stock, {}},
                {"new-contracts", "", "contracts", StatisticKind::Flow, {}}};
  s.readings = {reading(0, "2002-03-31", "10"), reading(0, "2002-06-30", "12.5"), reading(0, "2002-09-30", "15"),
                reading(1, "2002-01-15", "3"),  reading(1, "2002-02-20", "4.25"), reading(1, "2002-03-31", "-1"),
                reading(1, "2002-04-01", "100")};
  return s;
}

std::string show(const StatisticValue& v) {
  switch (v.state) {
    case StatisticValue::State::Value:
      return v.value.to_string();
    case StatisticValue::State::NotAvailable:
      return "n/a";
    case StatisticValue::State::Overflow:
      return "overflow";
  }
  return "?";
}

TEST(StatisticsValue, Find) {
  Statistics s = two_statistics();
  EXPECT_EQ(s.find("contracts"), 0);
  EXPECT_EQ(s.find("new-contracts"), 1);
  EXPECT_EQ(s.find("contract"), -1);
  EXPECT_EQ(s.find(""), -1);
}

TEST(StatisticsValue, StockIsTheLatestReadingInThePeriod) {
  Statistics s = two_statistics();
  struct Case {
    const char* first;
    const char* last;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"2002-04-01", "2002-06-30", "12.5"},  // reading on the last day
      {"2002-04-01", "2002-09-29", "12.5"},  // the 09-30 reading is after the period
      {"2002-01-01", "2002-12-31", "15"},    // the latest of three
      {"2002-06-30", "2002-06-30", "12.5"},  // a one-day period
      {"2002-03-31", "2002-06-29", "10"},    // reading on the first day
      {"2002-01-01", "2002-03-30", "n/a"},   // before any reading
      {"2002-10-01", "2002-12-31", "n/a"},   // after every reading
      {"2002-07-01", "2002-09-29", "n/a"},   // between readings
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.first) + ".." + c.last);
    EXPECT_EQ(show(s.value(0, day(c.first), day(c.last))), c.expected);
  }
}

TEST(StatisticsValue, FlowIsTheSumOfTheReadingsInThePeriod) {
  Statistics s = two_statistics();
  struct Case {
    const char* first;
    const char* last;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"2002-01-01", "2002-03-31", "6.25"},  // 3 + 4.25 - 1
      {"2002-01-16", "2002-03-30", "4.25"},  // readings on either side are outside
      {"2002-01-01", "2002-12-31", "106.25"}, {"2002-04-01", "2002-06-30", "100"},
      {"2002-02-21", "2002-03-30", "n/a"},    {"2001-01-01", "2001-12-31", "n/a"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.first) + ".." + c.last);
    EXPECT_EQ(show(s.value(1, day(c.first), day(c.last))), c.expected);
  }
}

TEST(StatisticsValue, FlowOverflow) {
  Statistics s;
  s.declared = {{"f", "", "x", StatisticKind::Flow, {}}};
  const char* big = "100000000000000000000000000000000000000";  // 10^38; two of them leave 128 bits
  s.readings = {reading(0, "2002-01-01", big), reading(0, "2002-02-01", big), reading(0, "2002-03-01", "1")};
  EXPECT_EQ(show(s.value(0, day("2002-01-01"), day("2002-03-31"))), "overflow");
  EXPECT_EQ(show(s.value(0, day("2002-02-01"), day("2002-03-31"))), std::string(big).substr(0, 38) + "1");
}

TEST(StatisticsValue, NotAvailableForAnEmptyPeriodOrAnUnknownIndex) {
  Statistics s = two_statistics();
  EXPECT_EQ(show(s.value(0, day("2002-12-31"), day("2002-01-01"))), "n/a");
  EXPECT_EQ(show(s.value(2, day("2002-01-01"), day("2002-12-31"))), "n/a");
  Statistics none;
  none.declared = {{"a", "", "x", StatisticKind::Flow, {}}};
  EXPECT_EQ(show(none.value(0, day("2002-01-01"), day("2002-12-31"))), "n/a");
}

// ---------------------------------------------------------------- statistics.toml

const char* kStatsPath = "book/statistics/statistics.toml";

TEST(StatisticsToml, ParsesStatisticsAndReadingFiles) {
  const std::string text = R"(readings = ["readings.csv", "more/2003.csv"]

[[statistic]]
id = "contracts-ip-64k"
label = "IP service, 64kbps - 128kbps"
unit = "contracts"

[[statistic]]
id = "bandwidth"
unit = "Gbps"
kind = "flow"

[[statistic]]
id = "lives9"
unit = "cats"
kind = "stock"
)";
  Statistics s;
  std::vector<std::string> files;
  std::vector<Diagnostic> errors;
  ASSERT_TRUE(parse_statistics_toml(text, kStatsPath, &s, &files, &errors));
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(files, (Strings{"readings.csv", "more/2003.csv"}));
  ASSERT_EQ(s.declared.size(), 3u);
  EXPECT_EQ(s.declared[0].id, "contracts-ip-64k");
  EXPECT_EQ(s.declared[0].label, "IP service, 64kbps - 128kbps");
  EXPECT_EQ(s.declared[0].unit, "contracts");
  EXPECT_EQ(s.declared[0].kind, StatisticKind::Stock);
  EXPECT_EQ(s.declared[0].where.file, kStatsPath);
  EXPECT_EQ(s.declared[0].where.line, 3u);
  EXPECT_EQ(s.declared[1].id, "bandwidth");
  EXPECT_EQ(s.declared[1].label, "");
  EXPECT_EQ(s.declared[1].unit, "Gbps");
  EXPECT_EQ(s.declared[1].kind, StatisticKind::Flow);
  EXPECT_EQ(s.declared[1].where.line, 8u);
  EXPECT_EQ(s.declared[2].kind, StatisticKind::Stock);
  EXPECT_TRUE(s.readings.empty());
}

TEST(StatisticsToml, ASingleReadingsFileMayBeAString) {
  Statistics s;
  std::vector<std::string> files;
  std::vector<Diagnostic> errors;
  ASSERT_TRUE(parse_statistics_toml("readings = \"r.csv\"\n[[statistic]]\nid = \"a\"\nunit = \"u\"\n", kStatsPath, &s,
                                    &files, &errors));
  EXPECT_EQ(files, (Strings{"r.csv"}));
  EXPECT_EQ(s.declared.size(), 1u);
}

TEST(StatisticsToml, Errors) {
  struct Case {
    std::string text;
    std::uint32_t line, column;
    std::string message;
  };
  const std::string head = "readings = [\"r.csv\"]\n[[statistic]]\n";
  const std::vector<Case> cases = {
      {head + "id = \"Contracts\"\nunit = \"u\"\n", 3, 6, "bad statistic id 'Contracts'"},
      {head + "id = \"-a\"\nunit = \"u\"\n", 3, 6, "bad statistic id '-a'"},
      {head + "id = \"9lives\"\nunit = \"u\"\n", 3, 6, "bad statistic id '9lives'"},
      {head + "id = \"ends-\"\nunit = \"u\"\n", 3, 6, "bad statistic id 'ends-'"},
      {head + "id = \"ip 64k\"\nunit = \"u\"\n", 3, 6, "bad statistic id 'ip 64k'"},
      {head + "id = \"\"\nunit = \"u\"\n", 3, 6, "bad statistic id ''"},
      {head + "id = \"a\"\nunit = \"u\"\n[[statistic]]\nid = \"a\"\nunit = \"v\"\n", 6, 6,
       "duplicate statistic id 'a' (first declared on line 3)"},
      {head + "id = \"a\"\n", 2, 1, "missing key 'unit' in a [[statistic]]"},
      {head + "id = \"a\"\nunit = \"\"\n", 4, 8, "empty unit for statistic 'a'"},
      {head + "unit = \"u\"\n", 2, 1, "missing key 'id' in a [[statistic]]"},
      {head + "id = \"a\"\nunit = \"u\"\nkind = \"level\"\n", 5, 8, "unknown statistic kind 'level'"},
      {head + "id = \"a\"\nunit = \"u\"\nunits = \"u\"\n", 5, 1, "unknown key 'units' in a [[statistic]]"},
      {"readings = []\n[[statistic]]\nid = \"a\"\nunit = \"u\"\n", 1, 12, "no readings files"},
      {"[[statistic]]\nid = \"a\"\nunit = \"u\"\n", 1, 1, "missing key 'readings' in a statistics file"},
      {"readings = [\"r.csv\", 3]\n", 1, 22, "'readings' must hold file names only"},
      {"readings = [\"\"]\n", 1, 13, "empty readings file name"},
      {"readings = [\"r.csv\"]\nreading = 1\n", 2, 1, "unknown key 'reading' in a statistics file"},
      {"readings = [\"r.csv\"]\nstatistic = 1\n", 2, 13, "'statistic' must be an array of tables"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    Statistics s;
    s.declared = {{"untouched", "", "x", StatisticKind::Stock, {}}};
    std::vector<std::string> files = {"untouched.csv"};
    std::vector<Diagnostic> errors;
    EXPECT_FALSE(parse_statistics_toml(c.text, kStatsPath, &s, &files, &errors));
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].file, kStatsPath);
    EXPECT_EQ(errors[0].line, c.line);
    EXPECT_EQ(errors[0].column, c.column);
    EXPECT_EQ(errors[0].message, c.message);
    EXPECT_FALSE(errors[0].expected.empty());
    ASSERT_EQ(s.declared.size(), 1u);
    EXPECT_EQ(s.declared[0].id, "untouched");
    EXPECT_EQ(files, (Strings{"untouched.csv"}));
  }
}

TEST(StatisticsToml, MalformedToml) {
  Statistics s;
  std::vector<std::string> files;
  std::vector<Diagnostic> errors;
  EXPECT_FALSE(parse_statistics_toml("readings = [\"r.csv\"\n[[statistic]\n", kStatsPath, &s, &files, &errors));
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].message.rfind("malformed TOML", 0), 0u) << errors[0].message;
}

TEST(StatisticsToml, ReportsEveryError) {
  Statistics s;
  std::vector<std::string> files;
  std::vector<Diagnostic> errors;
  EXPECT_FALSE(parse_statistics_toml(
      "readings = []\n[[statistic]]\nid = \"A\"\nunit = \"u\"\n[[statistic]]\nid = \"b\"\nkind = \"x\"\n", kStatsPath,
      &s, &files, &errors));
  std::vector<std::string> got;
  for (const auto& e : errors) got.push_back(std::to_string(e.line) + " " + e.message);
  EXPECT_EQ(got, (Strings{"1 no readings files", "3 bad statistic id 'A'", "5 missing key 'unit' in a [[statistic]]",
                          "7 unknown statistic kind 'x'"}));
}

// ---------------------------------------------------------------- readings CSV

// Two statistics declared in kStatsPath: "contracts-ip-64k" (contracts, stock) and "bandwidth" (Gbps, flow).
Statistics declared() {
  Statistics s;
  s.declared = {{"contracts-ip-64k", "", "contracts", StatisticKind::Stock, {kStatsPath, 3, 1}},
                {"bandwidth", "", "Gbps", StatisticKind::Flow, {kStatsPath, 7, 1}}};
  return s;
}

TEST(StatisticsReadings, ReadsColumnsInAnyOrderAndSorts) {
  Statistics s = declared();
  std::vector<Diagnostic> errors;
  ASSERT_TRUE(
      parse_readings_csv("\xEF\xBB\xBF"
                         "value,date,note,statistic,unit\r\n"
                         "# a comment\r\n"
                         "3269,2002-06-30,\"Q1, after the \"\"move\"\"\",contracts-ip-64k,contracts\r\n"
                         "1.5,2002-03-31,,bandwidth,\r\n"
                         "  -12.25 , 2002-03-31 ,,contracts-ip-64k,\r\n",
                         "r.csv", &s, &errors));
  for (const auto& e : errors) ADD_FAILURE() << render(e);
  ASSERT_EQ(s.readings.size(), 3u);
  EXPECT_EQ(s.readings[0].statistic, 0u);
  EXPECT_EQ(s.readings[0].date.to_string(), "2002-03-31");
  EXPECT_EQ(s.readings[0].value.to_string(), "-12.25");
  EXPECT_EQ(s.readings[0].where.file, "r.csv");
  EXPECT_EQ(s.readings[0].where.line, 5u);
  EXPECT_EQ(s.readings[0].where.column, 3u);
  EXPECT_EQ(s.readings[1].statistic, 0u);
  EXPECT_EQ(s.readings[1].date.to_string(), "2002-06-30");
  EXPECT_EQ(s.readings[1].value.to_string(), "3269");
  EXPECT_EQ(s.readings[1].note, "Q1, after the \"move\"");
  EXPECT_EQ(s.readings[1].where.line, 3u);
  EXPECT_EQ(s.readings[2].statistic, 1u);
  EXPECT_EQ(s.readings[2].value.to_string(), "1.5");
  EXPECT_EQ(s.readings[2].note, "");
  EXPECT_EQ(show(s.value(0, day("2002-01-01"), day("2002-12-31"))), "3269");
}

TEST(StatisticsReadings, AHeaderWithoutRowsHasNoReadings) {
  Statistics s = declared();
  std::vector<Diagnostic> errors;
  EXPECT_TRUE(parse_readings_csv("statistic,date,value\n", "r.csv", &s, &errors));
  EXPECT_TRUE(errors.empty());
  EXPECT_TRUE(s.readings.empty());
}

TEST(StatisticsReadings, Errors) {
  struct Case {
    std::string text;
    std::uint32_t line, column;
    std::string message;
    std::string expected;  // a part of it
  };
  const std::string head = "date,statistic,value\n";
  const std::vector<Case> cases = {
      {head + "2002-03-31,contracts-ip-64,5\n", 2, 12, "unknown statistic 'contracts-ip-64'",
       "a statistic declared in book/statistics/statistics.toml"},
      {head + "2002-03-31,,5\n", 2, 12, "missing statistic", "a statistic declared in"},
      {head + "2002-02-30,bandwidth,5\n", 2, 1, "'2002-02-30' is not a date", "YYYY-MM-DD"},
      {head + "2002/03/31,bandwidth,5\n", 2, 1, "'2002/03/31' is not a date", "YYYY-MM-DD"},
      {head + "31.03.2002,bandwidth,5\n", 2, 1, "'31.03.2002' is not a date", "YYYY-MM-DD"},
      {head + ",bandwidth,5\n", 2, 1, "missing date", "YYYY-MM-DD"},
      {head + "2002-03-31,bandwidth,five\n", 2, 22, "value 'five' is not an exact decimal number", "e.g. 3269"},
      {head + "2002-03-31,bandwidth,\"3,269\"\n", 2, 22, "value '3,269' is not an exact decimal number",
       "thousands separators are not accepted"},
      {head + "2002-03-31,bandwidth,+5\n", 2, 22, "value '+5' is not an exact decimal number", "leading '-'"},
      {head + "2002-03-31,bandwidth,1e3\n", 2, 22, "value '1e3' is not an exact decimal number", "e.g. 3269"},
      {head + "2002-03-31,bandwidth,1000000000000000000000000000000000000000\n", 2, 22,
       "value '1000000000000000000000000000000000000000' is out of range", "at most 30"},
      {head + "2002-03-31,bandwidth,\n", 2, 22, "missing value", "e.g. 3269"},
      {"date,statistic,value,unit\n2002-03-31,bandwidth,5,Mbps\n", 2, 24,
       "unit 'Mbps' differs from the unit 'Gbps' declared for 'bandwidth'",
       "'Gbps' (as declared in book/statistics/statistics.toml) or an empty field"},
      {head + "2002-03-31,bandwidth,5\n2002-06-30,bandwidth,6\n2002-03-31,bandwidth,7\n", 4, 1,
       "second reading of 'bandwidth' on 2002-03-31 (first on line 2)", "one reading per statistic and date"},
      {head + "2002-03-31,bandwidth,5,extra\n", 2, 24, "row has 4 fields, the header has 3",
       "3 fields, as in the header: date,statistic,value"},
      {head + "2002-03-31,bandwidth\n", 2, 21, "row has 2 fields, the header has 3", "3 fields"},
      {"date,statistic,value,colour\n", 1, 22, "unknown column 'colour'", "one of: date, statistic, value, unit, note"},
      {"date,statistic,value,Date\n", 1, 22, "unknown column 'Date'", "one of:"},
      {"date,statistic,value, date\n", 1, 23, "duplicate column 'date' (first at column 1)", "each column named once"},
      {"date,statistic,note\n2002-03-31,bandwidth,x\n", 1, 1, "missing column 'value'", "date, statistic and value"},
      {"", 0, 0, "empty readings file", "a header line"},
      {"# only a comment\n", 0, 0, "empty readings file", "a header line"},
      {head + "2002-03-31,\"unterminated,5\n", 2, 12, "unterminated quoted field", "a closing '\"'"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    Statistics s = declared();
    s.readings = {reading(1, "2001-01-01", "1")};
    std::vector<Diagnostic> errors;
    EXPECT_FALSE(parse_readings_csv(c.text, "book/statistics/readings.csv", &s, &errors));
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].file, "book/statistics/readings.csv");
    EXPECT_EQ(errors[0].line, c.line);
    EXPECT_EQ(errors[0].column, c.column);
    EXPECT_EQ(errors[0].message, c.message);
    EXPECT_NE(errors[0].expected.find(c.expected), std::string::npos) << errors[0].expected;
    if (c.line > 0) {
      std::string line_text = c.text;
      for (std::uint32_t l = 1; l < c.line; ++l) line_text = line_text.substr(line_text.find('\n') + 1);
      EXPECT_EQ(errors[0].line_text, line_text.substr(0, line_text.find('\n')));
    }
    EXPECT_EQ(s.readings.size(), 1u);  // nothing appended
  }
}

TEST(StatisticsReadings, ReportsEveryErrorOfAFile) {
  Statistics s = declared();
  std::vector<Diagnostic> errors;
  EXPECT_FALSE(
      parse_readings_csv("statistic,date,value,unit\n"
                         "bandwidth,2002-03-31,1,Gbps\n"
                         "nope,2002-03-31,1,Gbps\n"
                         "bandwidth,2002-13-01,x,\n"
                         "bandwidth,2002-06-30,1,\n"
                         "contracts-ip-64k,2002-06-30,1,Gbps\n",
                         "r.csv", &s, &errors));
  std::vector<std::string> got;
  for (const auto& e : errors) got.push_back(std::to_string(e.line) + ":" + std::to_string(e.column) + " " + e.message);
  EXPECT_EQ(got, (Strings{"3:1 unknown statistic 'nope'", "4:11 '2002-13-01' is not a date",
                          "4:22 value 'x' is not an exact decimal number",
                          "6:31 unit 'Gbps' differs from the unit 'contracts' declared for 'contracts-ip-64k'"}));
  EXPECT_TRUE(s.readings.empty());
}

TEST(StatisticsReadings, ErrorOnALaterLineOfAMultiLineRowShowsThatLine) {
  Statistics s = declared();
  std::vector<Diagnostic> errors;
  EXPECT_FALSE(
      parse_readings_csv("date,note,statistic,value\n2002-03-31,\"two\nlines\",nope,5\n", "r.csv", &s, &errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "unknown statistic 'nope'");
  EXPECT_EQ(errors[0].line, 3u);
  EXPECT_EQ(errors[0].column, 8u);
  EXPECT_EQ(errors[0].line_text, "lines\",nope,5");
}

TEST(StatisticsReadings, DuplicateAcrossFilesNamesTheEarlierFile) {
  Statistics s = declared();
  std::vector<Diagnostic> errors;
  ASSERT_TRUE(parse_readings_csv("date,statistic,value\n2002-03-31,bandwidth,5\n", "a.csv", &s, &errors));
  EXPECT_FALSE(parse_readings_csv("date,statistic,value\n\n2002-03-31,bandwidth,5\n", "b.csv", &s, &errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].file, "b.csv");
  EXPECT_EQ(errors[0].line, 3u);
  EXPECT_EQ(errors[0].message, "second reading of 'bandwidth' on 2002-03-31 (first on a.csv:2)");
  EXPECT_EQ(s.readings.size(), 1u);
}

TEST(StatisticsReadings, UnitMayMatchOrBeEmpty) {
  Statistics s = declared();
  std::vector<Diagnostic> errors;
  EXPECT_TRUE(parse_readings_csv("date,statistic,value,unit\n2002-03-31,bandwidth,5,Gbps\n2002-06-30,bandwidth,6,\n",
                                 "r.csv", &s, &errors));
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(s.readings.size(), 2u);
}

// ---------------------------------------------------------------- files

class StatisticsFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "kessan-statistics-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    std::filesystem::create_directories(root_ + "/book/statistics/more");
  }
  void TearDown() override { std::filesystem::remove_all(root_); }
  void write(const std::string& relative, const std::string& text) {
    std::ofstream out(root_ + "/" + relative, std::ios::binary);
    out << text;
  }
  std::string root_;
};

const char* kDeclarations = R"(
[[statistic]]
id = "contracts-ip-64k"
unit = "contracts"

[[statistic]]
id = "bandwidth"
unit = "Gbps"
kind = "flow"
)";

TEST_F(StatisticsFiles, ReadsTheListedFilesRelativeToTheStatisticsFile) {
  write("book/statistics/statistics.toml",
        std::string("readings = [\"readings.csv\", \"more/q2.csv\"]\n") + kDeclarations);
  write("book/statistics/readings.csv",
        "date,statistic,value\n2002-03-31,bandwidth,2.5\n2002-03-31,contracts-ip-64k,7\n");
  write("book/statistics/more/q2.csv",
        "statistic,value,date\nbandwidth,1.25,2002-01-31\ncontracts-ip-64k,9,2002-06-30\n");
  Statistics s;
  std::vector<Diagnostic> errors;
  ASSERT_TRUE(read_statistics(root_ + "/book/statistics/statistics.toml", &s, &errors));
  for (const auto& e : errors) ADD_FAILURE() << render(e);
  ASSERT_EQ(s.declared.size(), 2u);
  ASSERT_EQ(s.readings.size(), 4u);
  std::vector<std::string> got;
  for (const auto& r : s.readings)
    got.push_back(std::to_string(r.statistic) + " " + r.date.to_string() + " " + r.value.to_string());
  EXPECT_EQ(got, (Strings{"0 2002-03-31 7", "0 2002-06-30 9", "1 2002-01-31 1.25", "1 2002-03-31 2.5"}));
  EXPECT_EQ(s.readings[0].where.file, root_ + "/book/statistics/readings.csv");
  EXPECT_EQ(s.readings[0].where.line, 3u);
  EXPECT_EQ(s.readings[1].where.file, root_ + "/book/statistics/more/q2.csv");
  EXPECT_EQ(show(s.value(1, day("2002-01-01"), day("2002-03-31"))), "3.75");
  EXPECT_EQ(show(s.value(0, day("2002-01-01"), day("2002-06-30"))), "9");
}

TEST_F(StatisticsFiles, AMissingReadingsFileIsAnErrorNamingIt) {
  write("book/statistics/statistics.toml",
        std::string("readings = [\"readings.csv\", \"missing.csv\"]\n") + kDeclarations);
  write("book/statistics/readings.csv", "date,statistic,value\n2002-03-31,bandwidth,2.5\n");
  Statistics s;
  s.declared = {{"untouched", "", "x", StatisticKind::Stock, {}}};
  std::vector<Diagnostic> errors;
  EXPECT_FALSE(read_statistics(root_ + "/book/statistics/statistics.toml", &s, &errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].file, root_ + "/book/statistics/statistics.toml");
  EXPECT_EQ(errors[0].line, 1u);
  EXPECT_EQ(errors[0].column, 29u);
  EXPECT_EQ(errors[0].message, "cannot read readings file '" + root_ + "/book/statistics/missing.csv'");
  EXPECT_EQ(errors[0].line_text, "readings = [\"readings.csv\", \"missing.csv\"]");
  ASSERT_EQ(s.declared.size(), 1u);
  EXPECT_EQ(s.declared[0].id, "untouched");
  EXPECT_TRUE(s.readings.empty());
}

TEST_F(StatisticsFiles, ErrorsOfEveryReadingsFileAreReported) {
  write("book/statistics/statistics.toml", std::string("readings = [\"a.csv\", \"b.csv\"]\n") + kDeclarations);
  write("book/statistics/a.csv", "date,statistic,value\n2002-03-31,bandwith,2.5\n");
  write("book/statistics/b.csv", "date,statistic,value\n2002-03-31,bandwidth,\"1,000\"\n");
  Statistics s;
  std::vector<Diagnostic> errors;
  EXPECT_FALSE(read_statistics(root_ + "/book/statistics/statistics.toml", &s, &errors));
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].file, root_ + "/book/statistics/a.csv");
  EXPECT_EQ(errors[0].message, "unknown statistic 'bandwith'");
  EXPECT_EQ(errors[0].expected, "a statistic declared in " + root_ + "/book/statistics/statistics.toml");
  EXPECT_EQ(errors[1].file, root_ + "/book/statistics/b.csv");
  EXPECT_EQ(errors[1].line, 2u);
  EXPECT_EQ(errors[1].column, 22u);
  EXPECT_TRUE(s.declared.empty());
}

TEST_F(StatisticsFiles, AMissingStatisticsFile) {
  Statistics s;
  std::vector<Diagnostic> errors;
  EXPECT_FALSE(read_statistics(root_ + "/nope.toml", &s, &errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].file, root_ + "/nope.toml");
  EXPECT_EQ(errors[0].message, "cannot read the statistics file");
}

TEST_F(StatisticsFiles, ATomlErrorStopsBeforeTheReadings) {
  write("book/statistics/statistics.toml", "readings = [\"missing.csv\"]\n[[statistic]]\nid = \"a\"\n");
  Statistics s;
  std::vector<Diagnostic> errors;
  EXPECT_FALSE(read_statistics(root_ + "/book/statistics/statistics.toml", &s, &errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "missing key 'unit' in a [[statistic]]");
}

}  // namespace
}  // namespace kessan::read
