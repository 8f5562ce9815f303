#pragma once
// The earnings release of a book for a period: its template's prose with
// every placeholder filled from the book, and its statements, tables and
// reconciliations, as plain data for the writers (write/release_writer.hpp).
//
// Contract:
//  - Every figure and every comparison word comes from the book: values
//    from report/figures.hpp, words from report/change_words.hpp, guidance
//    sentences from the book's guidance records. Nothing is typed.
//  - Every placeholder is checked before any is filled: an unknown name,
//    period, table or option value, or a missing guidance record, is a
//    diagnostic at the placeholder (file:line:column), and there is no
//    release.
//  - Tables appear where the template places them; statements, tables and
//    reconciliations the template does not place follow its text, in the
//    book's order.

#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/guidance.hpp"
#include "core/release_template.hpp"
#include "report/figures.hpp"
#include "report/prose.hpp"
#include "report/table.hpp"

namespace kessan::report {

// A piece of the release: Markdown prose, or a table.
struct ReleaseBlock {
  Prose text;
  std::optional<Table> table;
};

struct ReleaseDocument {
  std::string title;                 // "Internet Initiative Japan Inc. 1Q02"
  std::vector<ReleaseBlock> blocks;  // in order
};

struct ReleaseInput {
  const BookView& book;
  const ExpectationSet& expectations;
  const ReleaseTemplate& text;
  Period period;
  // Checking placeholders stops once this many errors are found.
  std::size_t max_errors = std::numeric_limits<std::size_t>::max();
};

std::optional<ReleaseDocument> build_release(const ReleaseInput& in, std::vector<Diagnostic>* errors);

}  // namespace kessan::report
