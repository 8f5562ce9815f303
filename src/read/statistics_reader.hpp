#pragma once
// Reading a book's operating statistics: a statistics file (TOML) that
// declares the statistics and lists the CSV files holding their readings.
//
//   readings = ["readings.csv"]   # relative to the statistics file's directory
//
//   [[statistic]]
//   id = "contracts-ip-64k"       # [a-z0-9][a-z0-9-]*, unique
//   label = "IP service, 64kbps - 128kbps"   # optional
//   unit = "contracts"            # required, non-empty
//   kind = "stock"                # "stock" (default) or "flow"
//
// A readings file starts with a header naming its columns, in any order:
// date, statistic and value are required, unit and note are optional.
//
//   date,statistic,value,unit,note
//   2002-03-31,contracts-ip-64k,"3269",contracts,end of quarter
//
// date is YYYY-MM-DD; statistic a declared id; value an exact decimal
// (digits, an optional leading '-' and '.' before decimals; no thousands
// separators); unit, when given, must equal the declared unit; note is kept
// as free text. A statistic has at most one reading per date (across all
// files).
//
// Contract: every error is a Diagnostic naming the file, line and column of
// the offending key or field, with the line's text and what was expected;
// all the errors of a file are reported, up to max_errors (then reading
// stops). On any error a reader returns false and leaves its output untouched.
// A line of a readings file has at most as many fields as there are columns
// (five); a longer one is an error at its first field too many.

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/statistics.hpp"

namespace kessan::read {

// Reads a statistics file and the reading files it lists. On success `out`
// holds the declared statistics and all readings, sorted by (statistic, date).
bool read_statistics(const std::string& path, Statistics* out, std::vector<Diagnostic>* errors,
                     std::size_t max_errors = std::numeric_limits<std::size_t>::max());

// Parts, for tests.
// The statistics file's text. On success `*out` holds the declared statistics
// and no readings, and `reading_files` the listed files as written (not yet
// resolved against the statistics file's directory).
bool parse_statistics_toml(const std::string& text, const std::string& path, Statistics* out,
                           std::vector<std::string>* reading_files, std::vector<Diagnostic>* errors);
// A readings file's text, checked against stats->declared (and, for
// duplicates, stats->readings). On success appends its readings to
// stats->readings and keeps them sorted by (statistic, date).
bool parse_readings_csv(std::string_view text, const std::string& path, Statistics* stats,
                        std::vector<Diagnostic>* errors,
                        std::size_t max_errors = std::numeric_limits<std::size_t>::max());

}  // namespace kessan::read
