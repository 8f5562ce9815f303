// Fuzz target: a whole book through its statements and its release. The
// example book is copied to a private directory once; each input replaces
// one of its files (chosen by the first byte) with the rest of the input.
// The book is then read, its statements built and written in every table
// format, and its release built and written in every release format, as the
// command line does.
//
// Oracles:
//  - a book, statement or release that cannot be made carries a diagnostic;
//  - the statements are written in every table format: valid JSON, and
//    every figure of the CSV appears in the text and TSV renderings;
//  - the release is written in every release format.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <sstream>

#include "book_fixture.hpp"
#include "fuzz_support.hpp"
#include "read/template_reader.hpp"
#include "report/release.hpp"
#include "report/statement.hpp"
#include "table_checks.hpp"
#include "write/release_writer.hpp"

namespace {

using namespace kessan;
using fuzz::require;

// The files an input can replace, relative to the book's directory.
constexpr const char* kReplaceable[] = {
    "journal/main.journal",
    "journal/opening.journal",
    "layouts/income-statement.toml",
    "layouts/balance-sheet.toml",
    "layouts/cash-flows.toml",
    "tables/operating-statistics.toml",
    "tables/cost-of-sales.toml",
    "measures.toml",
    "releases/Q2 2025.md",
    "book.toml",
    "statistics/statistics.toml",
    "statistics/shipments.csv",
    "guidance.toml",
};
constexpr std::size_t kReplaceableCount = sizeof(kReplaceable) / sizeof(kReplaceable[0]);

struct Copy {
  fuzz::TempDir dir;
  std::vector<std::string> originals;  // the text of each replaceable file

  Copy() {
    std::filesystem::copy(fuzz::example_book_directory(), dir.path(), std::filesystem::copy_options::recursive);
    for (const char* file : kReplaceable) originals.push_back(fuzz::read_whole_file(dir.path() + "/" + file));
  }
};

Copy& copy() {
  static Copy c;
  return c;
}

std::string template_path(const read::Book& book, const Period& period) {
  std::string file = book.settings.release.template_pattern;
  auto at = file.find("{period}");
  if (at != std::string::npos) file.replace(at, 8, book.settings.calendar.name(period));
  return book.settings.directory + "/" + file;
}

void statements(const read::Book& book, const Period& period) {
  std::vector<Diagnostic> errors;
  std::vector<report::Table> tables;
  for (const StatementLayout& layout : book.statements) {
    std::size_t before = errors.size();
    auto table = report::build_statement({*book.journal, book.settings, layout, period}, &errors);
    if (table)
      tables.push_back(std::move(*table));
    else
      require(errors.size() > before, "a statement failed without a diagnostic", layout.id);
  }
  if (errors.empty()) fuzz::check_table_writers(tables);
}

void release(const read::Book& book, const Period& period) {
  std::string path = template_path(book, period);
  if (fuzz::may_leave_directory(path.substr(book.settings.directory.size() + 1))) return;
  std::vector<Diagnostic> errors;
  ReleaseTemplate text;
  if (!read::read_template(path, &text, &errors)) {
    fuzz::require_diagnostic(errors, "the template reader");
    return;
  }
  report::BookView view{*book.journal, book.settings, book.statements, book.tables, book.statistics, book.measures};
  auto doc = report::build_release({view, book.guidance, text, period}, &errors);
  if (!doc) {
    fuzz::require_diagnostic(errors, "the release builder");
    return;
  }
  for (auto format : {write::ReleaseFormat::Text, write::ReleaseFormat::Markdown, write::ReleaseFormat::Html,
                      write::ReleaseFormat::Tsv}) {
    std::ostringstream out;
    write::write_release(out, *doc, format);
    require(!out.str().empty(), "a release format wrote nothing");
  }
}

// Puts the book's file back as it was when `Replaced` goes out of scope.
struct Replaced {
  std::size_t which;
  ~Replaced() { fuzz::write_file(copy().dir.path() + "/" + kReplaceable[which], copy().originals[which]); }
};

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  copy();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return -1;
  std::string_view content(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (fuzz::may_leave_directory(content)) return -1;
  Replaced replaced{data[0] % kReplaceableCount};
  fuzz::write_file(copy().dir.path() + "/" + kReplaceable[replaced.which], content);
  read::ReadOptions options;
  options.threads = 1;
  read::BookResult result = read::read_book(copy().dir.path(), options);
  if (!result.ok()) {
    fuzz::require_diagnostic(result.errors, "the book reader");
    return 0;
  }
  const read::Book& book = *result.book;
  auto period = fuzz::report_period(book);
  if (!period) return 0;
  statements(book, *period);
  release(book, *period);
  return 0;
}
