#pragma once
// Checks shared by the targets that write tables: every table format
// writes, the JSON is valid, and the figures agree between writers.

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "report/table.hpp"
#include "write/table_writer.hpp"

namespace kessan::fuzz {

// The records of an RFC 4180 document.
inline std::vector<std::vector<std::string>> csv_records(const std::string& csv) {
  std::vector<std::vector<std::string>> records(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    char c = csv[i];
    if (quoted) {
      if (c != '"')
        records.back().back() += c;
      else if (i + 1 < csv.size() && csv[i + 1] == '"')
        records.back().back() += csv[++i];
      else
        quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      records.back().emplace_back();
    } else if (c == '\n') {
      records.emplace_back(1);
    } else if (c != '\r') {
      records.back().back() += c;
    }
  }
  require(!quoted, "the CSV ends inside a quoted field");
  if (records.back().size() == 1 && records.back()[0].empty()) records.pop_back();
  return records;
}

// The distinct pieces of `text` between any of the `separators`.
inline std::set<std::string> words(const std::string& text, const char* separators) {
  std::set<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of(separators, start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.insert(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// Writes `tables` in every format. The JSON must parse; every figure the
// CSV writer prints (its "display" column) must appear in the text and TSV
// renderings too.
inline void check_table_writers(const std::vector<report::Table>& tables) {
  using write::TableFormat;
  std::string text, tsv, csv;
  for (auto format : {TableFormat::Text, TableFormat::Tsv, TableFormat::Csv, TableFormat::Json, TableFormat::Markdown,
                      TableFormat::Html}) {
    std::ostringstream out;
    write::write_tables(out, tables, format);
    if (format == TableFormat::Json) require(nlohmann::json::accept(out.str()), "the table JSON is not valid JSON");
    if (format == TableFormat::Text) text = out.str();
    if (format == TableFormat::Tsv) tsv = out.str();
    if (format == TableFormat::Csv) csv = out.str();
  }
  // "statement,line,column,exact,display": the figure is the last field.
  std::set<std::string> tsv_fields = words(tsv, "\t\n"), text_words = words(text, " \n");
  std::vector<std::vector<std::string>> records = csv_records(csv);
  for (std::size_t r = 1; r < records.size(); ++r) {
    const std::string& display = records[r].back();
    if (display.empty()) continue;
    require(tsv_fields.count(display) || tsv.find(display) != std::string::npos, "a CSV figure is missing from the TSV",
            display);
    require(text_words.count(display) || text.find(display) != std::string::npos,
            "a CSV figure is missing from the text", display);
  }
}

}  // namespace kessan::fuzz
