#include "read/book_reader.hpp"

#include "read/guidance_reader.hpp"
#include "read/layout_reader.hpp"
#include "read/measures_reader.hpp"
#include "read/presentation_reader.hpp"
#include "read/statistics_reader.hpp"
#include "read/toml_checker.hpp"

namespace kessan::read {
namespace {

// The ranges of book.toml's numbers (docs/book-format.md, "Limits").
constexpr long long kMaxUnit = 1'000'000'000'000;        // a unit of presentation of a trillion
constexpr long long kMaxShares = 1'000'000'000'000'000;  // weighted average number of shares
constexpr long long kMaxAdsPerShare = 1'000'000'000;     // ADS equivalents per share
constexpr long long kMaxRate = 1'000'000'000;            // convenience rate, reporting currency per unit
constexpr long long kMaxSlightBelow = 100;               // percent (or points)
constexpr int kMaxPercentDecimals = 6;

// A number of book.toml within [low, high] (and whole when `whole`); outside
// it is an error at the value naming the key and the range.
std::optional<Decimal> number_in_range(TomlChecker& check, const toml::table& t, std::string_view key, bool required,
                                       const char* where, const Decimal& low, const Decimal& high, bool whole,
                                       const std::string& range, const char* example) {
  auto d = check.decimal(t, key, required, where);
  if (!d) return std::nullopt;
  bool whole_number = d->rounded(0, RoundingMode::Down) == *d;
  if (*d < low || *d > high || (whole && !whole_number)) {
    check.error(*t.get(key), "'" + std::string(key) + "' must be " + range, example);
    return std::nullopt;
  }
  return d;
}

// A key of [calendar] holding one of `names` (its index in them), or empty
// (an error at the value naming what is accepted when it holds another).
std::optional<std::size_t> one_of(TomlChecker& check, const toml::table& c, std::string_view key,
                                  std::initializer_list<std::string_view> names, const std::string& accepted) {
  auto value = check.string(c, key, false, "[calendar]");
  if (!value) return std::nullopt;
  std::size_t i = 0;
  for (std::string_view name : names) {
    if (*value == name) return i;
    ++i;
  }
  check.error(*c.get(key), "unknown " + std::string(key) + " '" + *value + "'", accepted);
  return std::nullopt;
}

// [calendar]: month-end years (the default) or 52/53-week years
// (docs/book-format.md, "Fiscal calendars").
FiscalCalendar parse_calendar(const toml::table& root, TomlChecker& check) {
  const toml::table* c = root["calendar"].as_table();
  if (!c) return FiscalCalendar(12, FiscalYearName::ByStart);
  check.only_keys(*c,
                  {"fiscal_year_end_month", "fiscal_year_named_by", "period_format", "year_end", "weekday",
                   "month_weeks", "extra_week", "period_length"},
                  "[calendar]");
  unsigned end_month = 12;
  auto m = check.integer(*c, "fiscal_year_end_month", true, "[calendar]").value_or(12);
  if (m < 1 || m > 12)
    check.error(*c->get("fiscal_year_end_month"), "fiscal_year_end_month must be 1 to 12", "a month number, e.g. 3");
  else
    end_month = static_cast<unsigned>(m);
  auto by = one_of(check, *c, "fiscal_year_named_by", {"start", "end"}, "\"start\" or \"end\"");
  FiscalYearName naming = by == std::size_t{1} ? FiscalYearName::ByEnd : FiscalYearName::ByStart;
  std::string pattern = check.string(*c, "period_format", false, "[calendar]").value_or("{q}Q{yy}");
  if (pattern.find("{q}") == std::string::npos ||
      (pattern.find("{yy}") == std::string::npos && pattern.find("{yyyy}") == std::string::npos))
    check.error(*c, "period_format must contain {q} and {yy} or {yyyy}", "e.g. \"{q}Q{yy}\"");
  using Rule = FiscalYearRule;
  auto kind_index = one_of(check, *c, "year_end", {"month-end", "last-weekday", "nearest-weekday"},
                           "\"month-end\", \"last-weekday\" or \"nearest-weekday\"");
  // An unknown year_end is reported once, not again through its other keys.
  if (c->contains("year_end") && !kind_index) return FiscalCalendar(Rule::month_end(end_month, naming), pattern);
  auto kind = static_cast<Rule::YearEnd>(kind_index.value_or(0));
  auto day =
      one_of(check, *c, "weekday", {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"},
             "a day of the week in lower case, e.g. \"saturday\"");
  auto months = one_of(check, *c, "month_weeks", {"4-4-5", "4-5-4", "5-4-4"}, "\"4-4-5\", \"4-5-4\" or \"5-4-4\"");
  auto extra = one_of(check, *c, "extra_week", {"fourth-quarter", "first-quarter"},
                      "\"fourth-quarter\" (the default) or \"first-quarter\"");
  if (kind == Rule::YearEnd::MonthEnd) {
    for (std::string_view key : {"weekday", "month_weeks", "extra_week", "period_length"})
      if (c->contains(key))
        check.error(*c->get(key), "'" + std::string(key) + "' applies only to 52/53-week years",
                    "year_end = \"last-weekday\" or \"nearest-weekday\" with it, or no '" + std::string(key) + "'");
    return FiscalCalendar(Rule::month_end(end_month, naming), pattern);
  }
  if (!c->contains("weekday"))
    check.error(*c->get("year_end"), "52/53-week years need the 'weekday' they end on",
                "weekday = \"saturday\" (or another day) in [calendar]");
  auto month_weeks = months ? static_cast<Rule::MonthWeeks>(*months + 1) : Rule::MonthWeeks::None;
  auto extra_week = extra == std::size_t{1} ? Rule::ExtraWeek::FirstQuarter : Rule::ExtraWeek::FourthQuarter;
  FiscalCalendar calendar(
      Rule::week_years(kind, static_cast<Weekday>(day.value_or(5)), end_month, naming, month_weeks, extra_week),
      pattern);
  // Headings say "Three Months Ended" (the default) or "13 Weeks Ended".
  if (one_of(check, *c, "period_length", {"months", "weeks"}, "\"months\" or \"weeks\"") == std::size_t{1})
    calendar.set_length_words(FiscalCalendar::LengthWords::Weeks);
  return calendar;
}

void parse_reclassifications(const toml::table& root, const FiscalCalendar& calendar, TomlChecker& check,
                             std::vector<Reclassification>* out) {
  for (const toml::table* t : check.tables(root, "reclassification")) {
    const char* where = "a [[reclassification]]";
    check.only_keys(*t, {"id", "layout", "account", "from_line", "to_line", "effective", "note"}, where);
    Reclassification r;
    r.where = check.ref(*t);
    r.id = check.string(*t, "id", true, where).value_or("");
    r.layout = check.string(*t, "layout", true, where).value_or("");
    r.account = check.string(*t, "account", true, where).value_or("");
    r.from_line = check.string(*t, "from_line", true, where).value_or("");
    r.to_line = check.string(*t, "to_line", true, where).value_or("");
    r.effective_name = check.string(*t, "effective", true, where).value_or("");
    if (t->contains("effective")) {
      if (auto p = calendar.parse(r.effective_name))
        r.effective = *p;
      else
        check.error(*t->get("effective"), "'" + r.effective_name + "' is not a period name",
                    "the first period presented the new way, e.g. 1Q02");
    }
    r.note = check.string(*t, "note", false, where).value_or("");
    for (const Reclassification& other : *out)
      if (other.id == r.id && !r.id.empty())
        check.error(
            *t,
            "reclassification '" + r.id + "' is defined twice (first at line " + std::to_string(other.where.line) + ")",
            "a unique id per reclassification");
    out->push_back(std::move(r));
  }
}

void parse_release_style(const toml::table& root, const BookSettings& settings, TomlChecker& check, ReleaseStyle* out) {
  out->currency_prefix = settings.currency;
  if (settings.convenience) out->convenience_prefix = settings.convenience->currency;
  const toml::node* n = root.get("release");
  if (!n) return;
  const toml::table* t = n->as_table();
  if (!t) return check.error(*n, "'release' must be a table", "[release]");
  const char* where = "[release]";
  check.only_keys(
      *t,
      {"template", "currency_prefix", "convenience_prefix", "scale", "negative", "slight_below", "percent_decimals"},
      where);
  out->template_pattern = check.string(*t, "template", false, where).value_or(out->template_pattern);
  out->currency_prefix = check.string(*t, "currency_prefix", false, where).value_or(out->currency_prefix);
  out->convenience_prefix = check.string(*t, "convenience_prefix", false, where).value_or(out->convenience_prefix);
  if (auto s = check.string(*t, "scale", false, where)) {
    if (auto scale = scale_named(*s))
      out->scale = *scale;
    else
      check.error(*t->get("scale"), "unknown scale '" + *s + "'", "unit, thousand, million, billion or trillion");
  }
  out->negative = check.string(*t, "negative", false, where).value_or(out->negative);
  if (auto d = number_in_range(check, *t, "slight_below", false, where, Decimal(0), Decimal(kMaxSlightBelow), false,
                               "from 0 to 100 (percent)", "a percentage such as \"1\""))
    out->slight_below = *d;
  if (auto d = check.integer(*t, "percent_decimals", false, where)) {
    if (*d < 0 || *d > kMaxPercentDecimals)
      check.error(*t->get("percent_decimals"), "percent_decimals must be 0 to 6", "e.g. 1 for 18.2%");
    else
      out->percent_decimals = static_cast<int>(*d);
  }
}

// [[shares]]: the share counts of one period each, keyed by the period the
// calendar names (two tables for one period are refused).
void parse_shares(const toml::array& shares, TomlChecker& check, BookSettings* out) {
  for (const toml::node& n : shares) {
    const toml::table* t = n.as_table();
    if (!t) continue;
    check.only_keys(*t, {"period", "weighted_average", "diluted_weighted_average", "ads_per_share"}, "[[shares]]");
    ShareData s;
    s.where = check.ref(n);
    s.period_name = check.string(*t, "period", true, "[[shares]]").value_or("");
    std::optional<Period> period = s.period_name.empty() ? std::nullopt : out->calendar.parse(s.period_name);
    if (!s.period_name.empty() && !period)
      check.error(*t->get("period"), "'" + s.period_name + "' is not a period name", "e.g. 1Q02 (see period_format)");
    auto count = [&](std::string_view key, bool required) {
      return number_in_range(check, *t, key, required, "[[shares]]", Decimal::from_parts(1, 6), Decimal(kMaxShares),
                             false, "from 0.000001 to 1000000000000000", "a positive number of shares");
    };
    if (t->contains("weighted_average"))
      s.weighted_average = count("weighted_average", true).value_or(Decimal(0));
    else
      check.error(*t, "missing key 'weighted_average' in [[shares]]", "a number");
    s.diluted_average = count("diluted_weighted_average", false);
    if (s.diluted_average && *s.diluted_average < s.weighted_average)
      check.error(*t->get("diluted_weighted_average"),
                  "the diluted weighted average is less than the basic one (" + s.weighted_average.to_string() + ")",
                  "at least the basic count: anti-dilutive securities are left out, so diluted equals basic");
    s.ads_per_share = number_in_range(check, *t, "ads_per_share", false, "[[shares]]", Decimal::from_parts(1, 9),
                                      Decimal(kMaxAdsPerShare), false, "from 0.000000001 to 1000000000",
                                      "ADS equivalents per share, e.g. 2000")
                          .value_or(Decimal(0));
    if (period && period->is_instant()) {
      check.error(*t->get("period"), "'" + s.period_name + "' is a date; share counts are weighted over a period",
                  "a quarter, a span of quarters or a fiscal year, e.g. Q2 2025 or FY2025");
      continue;
    }
    if (!period) continue;
    s.period = *period;
    if (const ShareData* before = out->shares_for(s.period)) {
      check.error(*t->get("period"),
                  "a second [[shares]] table for " + out->calendar.name(s.period) +
                      (before->period_name != s.period_name ? " (written '" + before->period_name + "' before)" : ""),
                  "one [[shares]] table per period");
      continue;
    }
    out->shares.push_back(std::move(s));
  }
}

// Reads `file` (relative to the book) into `text`, or reports that it cannot.
bool read_book_file(const std::string& dir, const std::string& file, const char* listed_as, std::string* path,
                    std::string* text, std::vector<Diagnostic>* errors) {
  *path = dir + "/" + file;
  if (read_text(*path, text)) return true;
  Diagnostic d;
  d.kind = DiagnosticKind::File;
  d.file = *path;
  d.message = std::string("cannot read the ") + listed_as;
  d.expected = "a readable file (listed in " + dir + "/book.toml)";
  errors->push_back(std::move(d));
  return false;
}

}  // namespace

bool parse_book_settings(const std::string& text, const std::string& path, BookSettings* out,
                         std::vector<Diagnostic>* errors, std::size_t max_errors) {
  TomlChecker check(path, errors, max_errors);
  auto root = check.parse(text);
  if (!root) return false;
  check.only_keys(*root,
                  {"journals", "statements", "tables", "statistics", "measures", "guidance", "company", "calendar",
                   "convenience", "shares", "reclassification", "release", "presentation"},
                  "book.toml");
  out->journals = check.strings(*root, "journals", true, "book.toml");
  out->statements = check.strings(*root, "statements", false, "book.toml");
  out->tables = check.strings(*root, "tables", false, "book.toml");
  out->statistics = check.string(*root, "statistics", false, "book.toml").value_or("");
  out->measures = check.string(*root, "measures", false, "book.toml").value_or("");
  out->guidance = check.string(*root, "guidance", false, "book.toml").value_or("");
  if (const toml::table* c = (*root)["company"].as_table()) {
    check.only_keys(*c, {"name", "currency", "currency_name", "unit", "unit_name"}, "[company]");
    out->name = check.string(*c, "name", true, "[company]").value_or("");
    out->currency = check.string(*c, "currency", true, "[company]").value_or("");
    out->currency_name = check.string(*c, "currency_name", false, "[company]").value_or(out->currency);
    out->unit = number_in_range(check, *c, "unit", false, "[company]", Decimal(1), Decimal(kMaxUnit), true,
                                "a whole number from 1 to 1000000000000", "e.g. 1000 for thousands")
                    .value_or(Decimal(1));
    out->unit_name = check.string(*c, "unit_name", false, "[company]").value_or("");
  } else {
    check.error(*root, "missing table [company]", "[company] with name and currency");
  }
  out->calendar = parse_calendar(*root, check);
  if (const toml::table* c = (*root)["convenience"].as_table()) {
    check.only_keys(*c, {"currency", "name", "rate", "date"}, "[convenience]");
    ConvenienceTranslation t;
    t.currency = check.string(*c, "currency", true, "[convenience]").value_or("");
    t.name = check.string(*c, "name", false, "[convenience]").value_or(t.currency);
    if (c->contains("rate")) {
      t.rate = number_in_range(check, *c, "rate", true, "[convenience]", Decimal::from_parts(1, 9), Decimal(kMaxRate),
                               false, "from 0.000000001 to 1000000000", "e.g. \"119.85\"")
                   .value_or(Decimal(1));
    } else {
      check.error(*c, "missing key 'rate' in [convenience]", "a number");
    }
    if (c->contains("date")) {
      if (auto d = check.date(*c, "date", true, "[convenience]")) t.date = *d;
    } else {
      check.error(*c, "missing key 'date' in [convenience]", "the date of the rate, e.g. 2002-06-28");
    }
    out->convenience = t;
  }
  if (const toml::array* shares = (*root)["shares"].as_array()) parse_shares(*shares, check, out);
  parse_reclassifications(*root, out->calendar, check, &out->reclassifications);
  parse_release_style(*root, *out, check, &out->release);
  parse_book_presentation(*root, out->currency, out->convenience ? out->convenience->currency : "", check,
                          &out->presentation);
  return check.ok();
}

BookResult read_book(const std::string& directory, const ReadOptions& options) {
  BookResult result;
  auto book = std::make_unique<Book>();
  std::string dir = directory;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  std::string settings_path = dir + "/book.toml";
  std::string text;
  if (!read_text(settings_path, &text)) {
    Diagnostic d;
    d.kind = DiagnosticKind::File;
    d.file = settings_path;
    d.message = "cannot read the book's settings";
    d.expected = "a book directory holding book.toml";
    result.errors.push_back(std::move(d));
    return result;
  }
  book->settings.directory = dir;
  if (!parse_book_settings(text, settings_path, &book->settings, &result.errors, options.max_errors)) {
    classify(&result.errors, 0, DiagnosticKind::Setting);
    return result;
  }
  const BookSettings& settings = book->settings;
  std::string path, file_text;
  std::size_t from = result.errors.size();
  for (const auto* list : {&settings.statements, &settings.tables}) {
    for (const std::string& layout : *list) {
      if (!read_book_file(dir, layout, list == &settings.statements ? "statement layout" : "table layout", &path,
                          &file_text, &result.errors))
        continue;
      StatementLayout l;
      if (!parse_layout(file_text, path, &l, &result.errors, settings.calendar)) continue;
      if (list == &settings.tables && l.kind != StatementKind::Table) {
        Diagnostic d;
        d.file = path;
        d.line = d.column = 1;
        d.message = "a layout listed under 'tables' is not a table";
        d.expected = "kind = \"table\", or list it under 'statements'";
        result.errors.push_back(std::move(d));
      }
      (list == &settings.statements ? book->statements : book->tables).push_back(std::move(l));
    }
  }
  std::vector<const StatementLayout*> all;
  for (const auto* list : {&book->statements, &book->tables})
    for (const StatementLayout& l : *list) all.push_back(&l);
  for (std::size_t i = 0; i < all.size(); ++i)
    for (std::size_t k = 0; k < i; ++k)
      if (all[i]->id == all[k]->id && !all[i]->id.empty())
        result.errors.push_back(diagnostic_at(all[i]->where,
                                              "layout id '" + all[i]->id + "' is also the id of " + all[k]->where.file,
                                              "a unique id per statement and table"));
  if (result.errors.size() == from) {  // a layout that could not be read is not also reported as unknown
    std::vector<StatementLayout*> layouts;
    for (auto* list : {&book->statements, &book->tables})
      for (StatementLayout& l : *list) layouts.push_back(&l);
    copy_lines_from(layouts, &result.errors);
  }
  classify(&result.errors, from, DiagnosticKind::Layout);
  for (const Reclassification& r : settings.reclassifications) {
    bool known = false;
    std::string ids;
    for (const StatementLayout& l : book->statements) {
      known |= l.id == r.layout;
      ids += (ids.empty() ? "" : ", ") + l.id;
    }
    if (known || r.layout.empty()) continue;
    result.errors.push_back(diagnostic_at(r.where, "a reclassification names an unknown statement '" + r.layout + "'",
                                          "the id of a statement layout: " + ids, DiagnosticKind::Setting));
  }
  from = result.errors.size();
  if (!settings.statistics.empty())
    read_statistics(dir + "/" + settings.statistics, &book->statistics, &result.errors, options.max_errors);
  classify(&result.errors, from, DiagnosticKind::Statistics);
  from = result.errors.size();
  if (!settings.measures.empty() &&
      read_book_file(dir, settings.measures, "measures file", &path, &file_text, &result.errors))
    parse_measures(file_text, path, &book->measures, &result.errors, settings.calendar);
  classify(&result.errors, from, DiagnosticKind::Measure);
  from = result.errors.size();
  if (!settings.guidance.empty() &&
      read_book_file(dir, settings.guidance, "guidance file", &path, &file_text, &result.errors))
    parse_guidance(file_text, path, settings.calendar, &book->guidance, &result.errors, options.max_errors);
  classify(&result.errors, from, DiagnosticKind::Guidance);
  if (book->settings.journals.size() != 1) {
    Diagnostic d;
    d.kind = DiagnosticKind::Setting;
    d.file = settings_path;
    d.message = "a book has one main journal (it may include others)";
    d.expected = "journals = [\"journal/main.journal\"]";
    result.errors.push_back(std::move(d));
    return result;
  }
  // The journal is read even when the book's other files have errors, so
  // that all of a book's problems are reported at once.
  if (result.errors.size() >= options.max_errors) return result;
  ReadResult journal = read_journal_file(dir + "/" + book->settings.journals[0], options);
  if (!journal.ok()) {
    for (Diagnostic& d : journal.errors) result.errors.push_back(std::move(d));
    return result;
  }
  if (!result.errors.empty()) return result;
  book->journal = std::move(journal.journal);
  result.book = std::move(book);
  return result;
}

}  // namespace kessan::read
