#pragma once
// Checking a whole book at once (`kessan check BOOK`): everything
// `statements` and `release` would use, for every period the book's release
// templates are written for, without rendering anything.
//
// Contract:
//  - The periods checked are those given (`periods`), or else those whose
//    release templates exist: each file matching the book's [release]
//    template pattern ("releases/{period}.md") names one. A template file
//    whose name is not a period the calendar can name is a diagnostic of
//    kind Period at that file. A book without templates is checked for the
//    latest quarter its journal covers.
//  - For each period: every statement is built, then the release (its
//    template read, every placeholder, table, measure, guidance record and
//    share figure checked and worked out), or, without a template, every
//    table line and measure of the book is checked for that period.
//  - Problems are appended to `errors` (the same problem found for several
//    periods appears once per period; the caller de-duplicates). Nothing is
//    printed. Checking stops once about `max_errors` problems are found.

#include <cstddef>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/fiscal_calendar.hpp"
#include "read/book_reader.hpp"

namespace kessan::app {

// A period to check, and the release template written for it ("" when none).
struct CheckedPeriod {
  Period period;
  std::string template_file;
};

// The periods the book's release templates are written for, in name order;
// template files the calendar cannot name are diagnostics.
std::vector<CheckedPeriod> template_periods(const read::Book& book, std::vector<Diagnostic>* errors);

// The latest quarter the book's journal covers (see report/statement_lines.hpp,
// period_covered), or empty when it covers none.
std::optional<Period> latest_covered_quarter(const read::Book& book);

void check_book(const read::Book& book, const std::vector<CheckedPeriod>& periods, std::size_t max_errors,
                std::vector<Diagnostic>* errors);

}  // namespace kessan::app
