#pragma once
// The example book the layout and book targets work on (examples/nordlicht,
// or $KESSAN_FUZZ_BOOK), and the period they report.

#include <cstdlib>
#include <optional>
#include <string>

#include "fuzz_support.hpp"
#include "read/book_reader.hpp"

#ifndef KESSAN_FUZZ_BOOK_DIR
#define KESSAN_FUZZ_BOOK_DIR "examples/nordlicht"
#endif

namespace kessan::fuzz {

inline std::string example_book_directory() {
  const char* env = std::getenv("KESSAN_FUZZ_BOOK");
  return env && *env ? env : KESSAN_FUZZ_BOOK_DIR;
}

// The period a target reports: "Q2 2025" when the book's calendar knows it,
// else the quarter of the latest transaction.
inline std::optional<Period> report_period(const read::Book& book) {
  if (auto p = book.settings.calendar.parse("Q2 2025")) return p;
  const Journal& j = *book.journal;
  if (j.transaction_count() == 0) return std::nullopt;
  Date last = j.tx_date[0];
  for (Date d : j.tx_date) last = d > last ? d : last;
  return book.settings.calendar.quarter_containing(last);
}

}  // namespace kessan::fuzz
