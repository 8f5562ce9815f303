// Fuzz target: a statement or table layout (TOML), and, when it reads, the
// statement it lays out over the example book's journal, in every table
// format.
//
// Oracles:
//  - a layout that does not read carries a diagnostic;
//  - every formula of a layout that reads prints as a formula that reads
//    back to the same text;
//  - a statement that cannot be built carries a diagnostic; one that can is
//    written in every table format (valid JSON; the CSV figures appear in
//    the text and TSV renderings).

#include <cstddef>
#include <cstdint>

#include "book_fixture.hpp"
#include "fuzz_support.hpp"
#include "read/expression_parser.hpp"
#include "read/layout_reader.hpp"
#include "report/statement.hpp"
#include "table_checks.hpp"

namespace {

using namespace kessan;
using fuzz::require;

struct Fixture {
  std::unique_ptr<read::Book> book;
  Period period;
};

const Fixture& fixture() {
  static const Fixture f = [] {
    read::ReadOptions options;
    options.threads = 1;
    read::BookResult r = read::read_book(fuzz::example_book_directory(), options);
    if (!r.ok()) fuzz::oracle_failed("the example book does not read", fuzz::example_book_directory());
    auto period = fuzz::report_period(*r.book);
    if (!period) fuzz::oracle_failed("the example book has no period to report");
    return Fixture{std::move(r.book), *period};
  }();
  return f;
}

void check_formula(const Expr& e) {
  std::string printed = to_string(e);
  std::vector<Diagnostic> errors;
  auto again = read::parse_expression(printed, read::TextOrigin{SourceRef{"printed", 1, 1}, printed}, &errors);
  require(again.has_value(), "a layout formula prints as text that does not read", printed);
  require(to_string(*again) == printed, "a layout formula prints as another formula", printed);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fixture();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  StatementLayout layout;
  std::vector<Diagnostic> errors;
  if (!read::parse_layout(text, "fuzz.toml", &layout, &errors)) {
    fuzz::require_diagnostic(errors, "the layout reader");
    return 0;
  }
  for (const LayoutLine& line : layout.lines) {
    if (line.formula) check_formula(*line.formula);
    for (const Term& t : line.terms) require(t.sign == 1 || t.sign == -1, "a term with a sign other than +1 or -1");
  }
  if (layout.kind == StatementKind::Table) return 0;  // tables need the whole book (see the book target)
  const Fixture& f = fixture();
  std::vector<Diagnostic> statement_errors;
  auto table = report::build_statement({*f.book->journal, f.book->settings, layout, f.period}, &statement_errors);
  if (!table) {
    fuzz::require_diagnostic(statement_errors, "the statement builder");
    return 0;
  }
  fuzz::check_table_writers({*table});
  return 0;
}
