#include "app/book_check.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "app/book_session.hpp"
#include "report/figures.hpp"
#include "report/statement_lines.hpp"

namespace kessan::app {
namespace {

// The template pattern split around "{period}": its directory (relative to
// the book), and the parts of the file name before and after the period.
struct TemplatePattern {
  std::string directory, prefix, suffix;
  bool has_period = false;
};

TemplatePattern split_pattern(const std::string& pattern) {
  TemplatePattern t;
  auto slash = pattern.rfind('/');
  std::string name = pattern;
  if (slash != std::string::npos) {
    t.directory = pattern.substr(0, slash);
    name = pattern.substr(slash + 1);
  }
  auto at = name.find("{period}");
  t.has_period = at != std::string::npos;
  if (t.has_period) {
    t.prefix = name.substr(0, at);
    t.suffix = name.substr(at + 8);
  }
  return t;
}

// The file names in `directory` that fit the pattern, sorted.
std::vector<std::string> matching_files(const std::string& directory, const TemplatePattern& t) {
  std::vector<std::string> names;
  std::error_code ec;
  std::filesystem::directory_iterator it(directory, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::string name = it->path().filename().string();
    if (name.size() <= t.prefix.size() + t.suffix.size()) continue;
    if (name.compare(0, t.prefix.size(), t.prefix) != 0) continue;
    if (name.compare(name.size() - t.suffix.size(), t.suffix.size(), t.suffix) != 0) continue;
    names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

Diagnostic unnamed_period(const std::string& path, const std::string& why, const std::string& pattern) {
  Diagnostic d;
  d.kind = DiagnosticKind::Period;
  d.file = path;
  d.message = "this release template is named for no period of the book: " + why;
  d.expected = "a file named as the book's template pattern '" + pattern + "' with a period the calendar names";
  return d;
}

// Everything the release's figures use, for a period without a template:
// Figures checks its names, units and cycles when it is made; each table
// line and measure is then worked out for the period.
void check_figures(const read::Book& book, const Period& period, std::vector<Diagnostic>* errors) {
  report::BookView view = view_of(book);
  report::Figures figures(view, period, errors);
  if (!figures.ok()) return;
  report::Figure value;
  for (std::size_t l = book.statements.size(); l < figures.layout_count(); ++l)
    for (std::size_t i = 0; i < figures.layout(l).lines.size(); ++i)
      if (figures.layout(l).lines[i].kind != LineKind::Heading) figures.line(l, i, period, &value);
  for (std::size_t m = 0; m < book.measures.measures.size(); ++m) figures.measure(m, period, &value);
}

}  // namespace

std::vector<CheckedPeriod> template_periods(const read::Book& book, std::vector<Diagnostic>* errors) {
  const std::string& pattern = book.settings.release.template_pattern;
  TemplatePattern t = split_pattern(pattern);
  std::vector<CheckedPeriod> periods;
  if (!t.has_period) return periods;  // one template for any period: none is named
  std::string directory = book.settings.directory + (t.directory.empty() ? "" : "/" + t.directory);
  for (const std::string& name : matching_files(directory, t)) {
    std::string period_name = name.substr(t.prefix.size(), name.size() - t.prefix.size() - t.suffix.size());
    std::string why;
    auto p = presentable_period(book, period_name, &why);
    if (!p) {
      errors->push_back(unnamed_period(directory + "/" + name, why, pattern));
      continue;
    }
    periods.push_back({*p, directory + "/" + name});
  }
  return periods;
}

std::optional<Period> latest_covered_quarter(const read::Book& book) {
  const Journal& j = *book.journal;
  if (j.transaction_count() == 0) return std::nullopt;
  auto [first, last] = std::minmax_element(j.tx_date.begin(), j.tx_date.end());
  const FiscalCalendar& cal = book.settings.calendar;
  auto q = cal.quarter_containing(*last);
  // The last quarter may be under way: the one before is then the latest covered.
  for (int back = 0; q && back < 2; ++back, q = cal.prior_quarter(*q))
    if (report::period_covered(*q, {*first, *last}) && cal.comparisons(*q)) return q;
  return std::nullopt;
}

void check_book(const read::Book& book, const std::vector<CheckedPeriod>& periods, std::size_t max_errors,
                std::vector<Diagnostic>* errors) {
  for (const CheckedPeriod& c : periods) {
    if (errors->size() >= max_errors) return;
    build_statements(book, c.period, {}, errors);
    if (!c.template_file.empty())
      build_release(book, c.period, c.template_file, max_errors, errors);
    else
      check_figures(book, c.period, errors);
  }
}

}  // namespace kessan::app
