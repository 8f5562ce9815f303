#pragma once
// A small RFC 4180 CSV reader that keeps the position of every field, so that
// readers of CSV imports (statistics readings, ...) can name the file, line
// and column of a bad value.
//
// Syntax accepted:
//  - UTF-8 text; a UTF-8 byte order mark at the very start is skipped (it does
//    not count in columns).
//  - Records end at LF or CRLF; the last record may lack a line end.
//  - Fields are separated by ','. A field may be quoted with '"'; inside quotes
//    '""' stands for one '"', and ',' and line ends are data (a CRLF inside a
//    quoted field is kept as "\n"). Spaces and tabs around a quoted field are
//    ignored; its content is kept as written.
//  - Unquoted fields have surrounding spaces and tabs removed.
//  - Blank lines (nothing but spaces and tabs) and comment lines (first
//    non-space character '#') are skipped where a record would start.
//
// Errors, each a Diagnostic with file, line, column, line_text, message and
// expected: an unterminated quoted field (at its opening quote), text after a
// closing quote (at that text), a NUL byte (at the byte), a record with more
// than max_fields fields (at the first field too many; the fields past the
// limit are not kept). Every error of the text is reported, in order of
// position, up to max_errors (then reading stops).

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"

namespace kessan::read {

struct CsvField {
  std::string text;
  // 1-based. The column is the byte column where the field starts: its
  // opening quote, its first non-space byte, or (for an empty field) the byte
  // after the preceding ','.
  std::uint32_t line = 0, column = 0;
};

struct CsvRow {
  std::vector<CsvField> fields;
  std::uint32_t line = 0;      // the line where the record starts, 1-based
  std::string_view line_text;  // that line, without its line end (a view of the parsed text)
};

// Parses `text`, appending its records to `rows` (also when there are errors)
// and its errors to `errors`. `path` names the file in diagnostics. Returns
// false on any error. The rows refer to `text`, which must outlive them.
bool parse_csv(std::string_view text, const std::string& path, std::vector<CsvRow>* rows,
               std::vector<Diagnostic>* errors, std::size_t max_fields = std::numeric_limits<std::size_t>::max(),
               std::size_t max_errors = std::numeric_limits<std::size_t>::max());

// The same, handing each record to `each` as it is read (reading stops when
// `each` returns false), so that a large file need not be held as rows.
using CsvRowSink = std::function<bool(CsvRow&&)>;
bool parse_csv(std::string_view text, const std::string& path, const CsvRowSink& each, std::vector<Diagnostic>* errors,
               std::size_t max_fields = std::numeric_limits<std::size_t>::max(),
               std::size_t max_errors = std::numeric_limits<std::size_t>::max());

}  // namespace kessan::read
