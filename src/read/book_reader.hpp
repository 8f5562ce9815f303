#pragma once
// Reading a book: a directory holding book.toml (the company's settings),
// its journal files, its statement and table layouts, and optionally its
// operating statistics, measures and guidance. See docs/book-format.md and
// docs/release-format.md.
//
// Contract: any error (a malformed setting, an unknown key, a bad layout, an
// error in the journal) yields no Book, only diagnostics with file and line.

#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "core/book_settings.hpp"
#include "core/diagnostic.hpp"
#include "core/guidance.hpp"
#include "core/journal.hpp"
#include "core/measure.hpp"
#include "core/statement_layout.hpp"
#include "core/statistics.hpp"
#include "read/journal_reader.hpp"
#include "read/layout_reader.hpp"

namespace kessan::read {

struct Book {
  BookSettings settings;
  std::unique_ptr<Journal> journal;
  std::vector<StatementLayout> statements;
  std::vector<StatementLayout> tables;  // release tables (kind = "table")
  Statistics statistics;
  MeasureSet measures;
  ExpectationSet guidance;
};

struct BookResult {
  std::unique_ptr<Book> book;
  std::vector<Diagnostic> errors;
  bool ok() const { return book != nullptr; }
};

BookResult read_book(const std::string& directory, const ReadOptions& options = {});

// Part, for tests: settings from book.toml text.
bool parse_book_settings(const std::string& text, const std::string& path, BookSettings* out,
                         std::vector<Diagnostic>* errors,
                         std::size_t max_errors = std::numeric_limits<std::size_t>::max());

}  // namespace kessan::read
