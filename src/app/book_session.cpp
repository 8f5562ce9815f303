#include "app/book_session.hpp"

#include <algorithm>

#include "read/template_reader.hpp"
#include "report/statement.hpp"

namespace kessan::app {

report::BookView view_of(const read::Book& book) {
  return {*book.journal, book.settings, book.statements, book.tables, book.statistics, book.measures};
}

namespace {

// A period name that works in this book, for messages: the quarter of the
// journal's last transaction, and its fiscal year.
std::string example_names(const read::Book& book) {
  const FiscalCalendar& cal = book.settings.calendar;
  const Journal& j = *book.journal;
  Date last = j.transaction_count() ? *std::max_element(j.tx_date.begin(), j.tx_date.end()) : Date();
  auto example = cal.quarter_containing(last);
  if (!example) example = cal.quarter_containing(Date());  // 1970-01-01
  Period year;                                             // its fiscal year, for the name only
  year.fiscal_year = example ? example->fiscal_year : 2002;
  year.quarter = 4;
  year.quarters = 4;
  return (example ? cal.name(*example) + " or " : "") + cal.name(year);
}

}  // namespace

std::optional<Period> presentable_period(const read::Book& book, const std::string& name, std::string* why) {
  const FiscalCalendar& cal = book.settings.calendar;
  auto period = cal.parse(name);
  if (period) {
    std::string missing = cal.missing_comparison(*period);
    if (missing.empty()) return period;
    *why = "period " + visible(name) + " cannot be presented: " + missing;
    return std::nullopt;
  }
  if (cal.parse_name(name)) {
    *why = "period " + visible(name) + " falls outside the years 0001 to 9999 that dates can have";
    return std::nullopt;
  }
  *why = "'" + visible(name) + "' is not a period of this book: expected a name like " + example_names(book);
  return std::nullopt;
}

std::string template_path(const read::Book& book, const Period& period) {
  std::string file = book.settings.release.template_pattern;
  auto at = file.find("{period}");
  if (at != std::string::npos) file.replace(at, 8, book.settings.calendar.name(period));
  return book.settings.directory + "/" + file;
}

std::vector<report::Table> build_statements(const read::Book& book, const Period& period,
                                            const std::vector<std::string>& only, std::vector<Diagnostic>* errors) {
  std::vector<report::Table> tables;
  report::PostingTotals totals(*book.journal, book.settings.currency);  // one sum per span for all statements
  for (const StatementLayout& layout : book.statements) {
    if (only.empty() ? !shown_for(layout, period) : std::find(only.begin(), only.end(), layout.id) == only.end())
      continue;
    auto table = report::build_statement({*book.journal, book.settings, layout, period}, &totals, errors);
    if (table) tables.push_back(std::move(*table));
  }
  return tables;
}

std::optional<report::ReleaseDocument> build_release(const read::Book& book, const Period& period,
                                                     const std::string& template_file, std::size_t max_errors,
                                                     std::vector<Diagnostic>* errors) {
  ReleaseTemplate text;
  if (!read::read_template(template_file, &text, errors, max_errors)) return std::nullopt;
  report::BookView view = view_of(book);
  return report::build_release({view, book.guidance, text, period, max_errors}, errors);
}

}  // namespace kessan::app
