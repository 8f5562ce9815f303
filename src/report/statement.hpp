#pragma once
// Financial statements from a book: a statement layout applied to the
// journal for a period and its comparison periods, as a Table.
//
// Contract: every figure is computed from postings (in the book's currency;
// real and balanced-virtual postings) by the layout's rules. Errors in the
// layout (unknown lines, unmapped or doubly mapped accounts), periods
// outside the data, missing share data and cash flows that do not
// articulate are returned as diagnostics, and no table is produced.

#include <optional>
#include <string>
#include <vector>

#include "core/book_settings.hpp"
#include "core/diagnostic.hpp"
#include "core/journal.hpp"
#include "core/statement_layout.hpp"
#include "report/posting_totals.hpp"
#include "report/table.hpp"

namespace kessan::report {

struct StatementInput {
  const Journal& journal;
  const BookSettings& settings;
  const StatementLayout& layout;
  Period current;
};

std::optional<Table> build_statement(const StatementInput& in, std::vector<Diagnostic>* errors);
// The same with the posting sums of a report that builds several
// statements (and figures) over one journal: each span is summed once.
std::optional<Table> build_statement(const StatementInput& in, PostingTotals* totals, std::vector<Diagnostic>* errors);

}  // namespace kessan::report
