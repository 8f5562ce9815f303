#include "read/book_reader.hpp"

#include "read/toml_checker.hpp"

namespace kessan::read {
namespace {

std::optional<PeriodRef> period_ref(const std::string& s) {
  if (s == "current") return PeriodRef::Current;
  if (s == "year-ago") return PeriodRef::YearAgo;
  if (s == "prior-quarter") return PeriodRef::PriorQuarter;
  if (s == "prior-year-end") return PeriodRef::PriorYearEnd;
  return std::nullopt;
}

void parse_columns(const toml::array& columns, TomlChecker& check, StatementLayout* out) {
  for (const toml::node& n : columns) {
    const toml::table* t = n.as_table();
    if (!t) {
      check.error(n, "a column must be a table", "{ value = \"amount\", period = \"current\" }");
      continue;
    }
    check.only_keys(*t, {"value", "period", "base", "group", "header"}, "a column");
    LayoutColumn c;
    c.where = check.ref(n);
    auto value = check.string(*t, "value", true, "a column").value_or("amount");
    if (value == "amount") c.value = ColumnValue::Amount;
    else if (value == "converted") c.value = ColumnValue::Converted;
    else if (value == "percent") c.value = ColumnValue::Percent;
    else if (value == "change") c.value = ColumnValue::Change;
    else check.error(*t->get("value"), "unknown column value '" + value + "'", "amount, converted, percent or change");
    auto period = check.string(*t, "period", false, "a column").value_or("current");
    if (auto p = period_ref(period)) c.period = *p;
    else check.error(*t->get("period"), "unknown period '" + period + "'", "current, year-ago, prior-quarter or prior-year-end");
    if (c.value == ColumnValue::Change) {
      auto base = check.string(*t, "base", true, "a change column");
      if (base) {
        if (auto p = period_ref(*base)) c.base = *p;
        else check.error(*t->get("base"), "unknown period '" + *base + "'", "current, year-ago, prior-quarter or prior-year-end");
      }
    }
    c.group = check.string(*t, "group", false, "a column").value_or("");
    c.header = check.string(*t, "header", false, "a column").value_or("");
    out->columns.push_back(std::move(c));
  }
}

void parse_line(const toml::table& t, const toml::node& n, TomlChecker& check, StatementLayout* out) {
  check.only_keys(t,
                  {"id", "label", "heading", "accounts", "sign", "sum", "per_share", "per_ads", "shares", "decimals",
                   "rounding", "total", "percent_sign", "hide_when_zero", "indent", "cash", "flow", "equals"},
                  "a line");
  LayoutLine l;
  l.where = check.ref(n);
  l.id = check.string(t, "id", false, "a line").value_or("");
  l.indent = static_cast<int>(check.integer(t, "indent", false, "a line").value_or(0));
  if (auto h = check.string(t, "heading", false, "a line")) {
    l.kind = LineKind::Heading;
    l.label = *h;
    out->lines.push_back(std::move(l));
    return;
  }
  l.label = check.string(t, "label", true, "a line").value_or("");
  l.total = check.boolean(t, "total").value_or(false);
  l.percent_sign = check.boolean(t, "percent_sign").value_or(false);
  l.hide_when_zero = check.boolean(t, "hide_when_zero").value_or(false);
  if (auto s = check.string(t, "sign", false, "a line")) {
    if (*s == "debit") l.sign = Sign::Debit;
    else if (*s == "credit") l.sign = Sign::Credit;
    else check.error(*t.get("sign"), "unknown sign '" + *s + "'", "debit (shown as the balance) or credit (negated)");
  }
  int kinds = 0;
  if (t.contains("accounts")) {
    ++kinds;
    l.kind = LineKind::Accounts;
    l.accounts = check.strings(t, "accounts", true, "a line");
  }
  auto terms = [&](const char* key) {
    std::vector<Term> list;
    for (const std::string& term : check.strings(t, key, true, "a line")) {
      if (!term.empty() && term[0] == '-')
        list.push_back({-1, term.substr(1)});
      else
        list.push_back({1, term});
    }
    return list;
  };
  if (t.contains("sum")) {
    ++kinds;
    l.kind = LineKind::Sum;
    l.terms = terms("sum");
  }
  if (t.contains("equals")) l.equals = terms("equals");
  for (const char* key : {"per_share", "per_ads"}) {
    if (!t.contains(key)) continue;
    ++kinds;
    l.kind = std::string_view(key) == "per_share" ? LineKind::PerShare : LineKind::PerAds;
    l.of = check.string(t, key, true, "a line").value_or("");
    l.decimals = static_cast<int>(check.integer(t, "decimals", false, "a line").value_or(0));
    auto r = check.string(t, "rounding", false, "a line").value_or("half-up");
    if (r == "half-up") l.rounding = RoundingMode::HalfUp;
    else if (r == "half-even") l.rounding = RoundingMode::HalfEven;
    else if (r == "down") l.rounding = RoundingMode::Down;
    else check.error(*t.get("rounding"), "unknown rounding '" + r + "'", "half-up, half-even or down");
  }
  if (t.contains("shares")) {
    ++kinds;
    auto s = check.string(t, "shares", true, "a line").value_or("");
    if (s == "weighted-average") l.kind = LineKind::Shares;
    else if (s == "ads") l.kind = LineKind::AdsCount;
    else check.error(*t.get("shares"), "unknown share count '" + s + "'", "weighted-average or ads");
  }
  if (t.contains("cash")) {
    ++kinds;
    auto s = check.string(t, "cash", true, "a line").value_or("");
    if (s == "beginning") l.kind = LineKind::CashBegin;
    else if (s == "end") l.kind = LineKind::CashEnd;
    else check.error(*t.get("cash"), "unknown cash balance '" + s + "'", "beginning or end");
  }
  if (t.contains("flow")) {
    ++kinds;
    l.kind = LineKind::CashFlow;
    check.boolean(t, "flow");
  }
  if (kinds != 1)
    check.error(n, kinds == 0 ? "line '" + l.label + "' says nothing about its figures"
                              : "line '" + l.label + "' has more than one kind of figure",
                "exactly one of: accounts, sum, per_share, per_ads, shares, cash, flow (or heading)");
  out->lines.push_back(std::move(l));
}

void parse_rules(const toml::table& root, TomlChecker& check, StatementLayout* out) {
  if (const toml::array* rules = root["rule"].as_array()) {
    for (const toml::node& n : *rules) {
      const toml::table* t = n.as_table();
      if (!t) continue;
      check.only_keys(*t, {"account", "counter", "tag", "line"}, "a cash-flow rule");
      CashFlowRule r;
      r.where = check.ref(n);
      r.account = check.string(*t, "account", true, "a cash-flow rule").value_or("");
      r.counter = check.string(*t, "counter", false, "a cash-flow rule").value_or("");
      r.tag = check.string(*t, "tag", false, "a cash-flow rule").value_or("");
      r.line = check.string(*t, "line", true, "a cash-flow rule").value_or("");
      out->rules.push_back(std::move(r));
    }
  }
  if (const toml::array* rules = root["cash_rule"].as_array()) {
    for (const toml::node& n : *rules) {
      const toml::table* t = n.as_table();
      if (!t) continue;
      check.only_keys(*t, {"counter", "tag", "line", "offset_line"}, "a cash rule");
      CashRule r;
      r.where = check.ref(n);
      r.counter = check.string(*t, "counter", false, "a cash rule").value_or("");
      r.tag = check.string(*t, "tag", false, "a cash rule").value_or("");
      r.line = check.string(*t, "line", true, "a cash rule").value_or("");
      r.offset_line = check.string(*t, "offset_line", true, "a cash rule").value_or("");
      out->cash_rules.push_back(std::move(r));
    }
  }
}

} // namespace

bool parse_layout(const std::string& text, const std::string& path, StatementLayout* out,
                  std::vector<Diagnostic>* errors) {
  TomlChecker check(path, errors);
  auto root = check.parse(text);
  if (!root) return false;
  check.only_keys(*root,
                  {"id", "title", "kind", "scope", "percent_of", "percent_header", "empty", "change_on_sign_flip", "footing",
                   "columns", "line", "cash", "net_income", "net_income_line", "rule", "cash_rule", "notes"},
                  "a layout");
  out->where = {path, 1, 1};
  out->id = check.string(*root, "id", true, "a layout").value_or("");
  out->title = check.string(*root, "title", true, "a layout").value_or("");
  auto kind = check.string(*root, "kind", true, "a layout").value_or("flow");
  if (kind == "flow") out->kind = StatementKind::Flow;
  else if (kind == "balance") out->kind = StatementKind::Balance;
  else if (kind == "cash-flow") out->kind = StatementKind::CashFlow;
  else check.error(*root->get("kind"), "unknown statement kind '" + kind + "'", "flow, balance or cash-flow");
  out->scope = check.strings(*root, "scope", false, "a layout");
  out->percent_of = check.string(*root, "percent_of", false, "a layout").value_or("");
  out->percent_header = check.string(*root, "percent_header", false, "a layout").value_or("%");
  auto empty = check.string(*root, "empty", false, "a layout").value_or("0");
  if (empty == "-") out->zero_as_dash = true;
  else if (empty != "0") check.error(*root->get("empty"), "unknown empty-cell style '" + empty + "'", "\"0\" or \"-\"");
  auto flip = check.string(*root, "change_on_sign_flip", false, "a layout").value_or("signed");
  if (flip == "n/m") out->change_sign_flip_nm = true;
  else if (flip != "signed")
    check.error(*root->get("change_on_sign_flip"), "unknown change style '" + flip + "'", "\"signed\" or \"n/m\"");
  auto footing = check.string(*root, "footing", false, "a layout").value_or("none");
  if (footing == "lines") out->footing = Footing::Lines;
  else if (footing == "totals") out->footing = Footing::Totals;
  else if (footing != "none")
    check.error(*root->get("footing"), "unknown footing '" + footing + "'", "\"none\", \"lines\" or \"totals\"");
  if (const toml::array* columns = (*root)["columns"].as_array())
    parse_columns(*columns, check, out);
  else
    check.error(*root, "missing key 'columns' in a layout", "an array of column tables");
  if (const toml::array* lines = (*root)["line"].as_array()) {
    for (const toml::node& n : *lines)
      if (const toml::table* t = n.as_table()) parse_line(*t, n, check, out);
  } else {
    check.error(*root, "a layout has no [[line]] tables", "[[line]] tables, one per line of the statement");
  }
  out->cash = check.strings(*root, "cash", out->kind == StatementKind::CashFlow, "a cash-flow layout");
  out->net_income = check.strings(*root, "net_income", out->kind == StatementKind::CashFlow, "a cash-flow layout");
  out->net_income_line = check.string(*root, "net_income_line", out->kind == StatementKind::CashFlow,
                                      "a cash-flow layout").value_or("");
  parse_rules(*root, check, out);
  out->notes = check.strings(*root, "notes", false, "a layout");
  return check.ok();
}

bool parse_book_settings(const std::string& text, const std::string& path, BookSettings* out,
                         std::vector<Diagnostic>* errors) {
  TomlChecker check(path, errors);
  auto root = check.parse(text);
  if (!root) return false;
  check.only_keys(*root, {"journals", "statements", "company", "calendar", "convenience", "shares"}, "book.toml");
  out->journals = check.strings(*root, "journals", true, "book.toml");
  out->statements = check.strings(*root, "statements", false, "book.toml");
  if (const toml::table* c = (*root)["company"].as_table()) {
    check.only_keys(*c, {"name", "currency", "currency_name", "unit", "unit_name"}, "[company]");
    out->name = check.string(*c, "name", true, "[company]").value_or("");
    out->currency = check.string(*c, "currency", true, "[company]").value_or("");
    out->currency_name = check.string(*c, "currency_name", false, "[company]").value_or(out->currency);
    out->unit = check.decimal(*c, "unit", false, "[company]").value_or(Decimal(1));
    if (out->unit.sign() <= 0) check.error(*c->get("unit"), "the unit must be positive", "e.g. 1000 for thousands");
    out->unit_name = check.string(*c, "unit_name", false, "[company]").value_or("");
  } else {
    check.error(*root, "missing table [company]", "[company] with name and currency");
  }
  unsigned year_end = 12;
  FiscalCalendar::YearName naming = FiscalCalendar::YearName::ByStart;
  std::string pattern = "{q}Q{yy}";
  if (const toml::table* c = (*root)["calendar"].as_table()) {
    check.only_keys(*c, {"fiscal_year_end_month", "fiscal_year_named_by", "period_format"}, "[calendar]");
    auto m = check.integer(*c, "fiscal_year_end_month", true, "[calendar]").value_or(12);
    if (m < 1 || m > 12)
      check.error(*c->get("fiscal_year_end_month"), "fiscal_year_end_month must be 1 to 12", "a month number, e.g. 3");
    else
      year_end = static_cast<unsigned>(m);
    auto by = check.string(*c, "fiscal_year_named_by", false, "[calendar]").value_or("start");
    if (by == "end") naming = FiscalCalendar::YearName::ByEnd;
    else if (by != "start")
      check.error(*c->get("fiscal_year_named_by"), "unknown naming '" + by + "'", "\"start\" or \"end\"");
    pattern = check.string(*c, "period_format", false, "[calendar]").value_or(pattern);
    if (pattern.find("{q}") == std::string::npos ||
        (pattern.find("{yy}") == std::string::npos && pattern.find("{yyyy}") == std::string::npos))
      check.error(*c, "period_format must contain {q} and {yy} or {yyyy}", "e.g. \"{q}Q{yy}\"");
  }
  out->calendar = FiscalCalendar(year_end, naming, pattern);
  if (const toml::table* c = (*root)["convenience"].as_table()) {
    check.only_keys(*c, {"currency", "name", "rate", "date"}, "[convenience]");
    ConvenienceTranslation t;
    t.currency = check.string(*c, "currency", true, "[convenience]").value_or("");
    t.name = check.string(*c, "name", false, "[convenience]").value_or(t.currency);
    t.rate = check.decimal(*c, "rate", true, "[convenience]").value_or(Decimal(1));
    if (t.rate.sign() <= 0) check.error(*c, "the convenience rate must be positive", "e.g. \"119.85\"");
    if (const toml::node* d = c->get("date")) {
      if (auto v = d->value<toml::date>())
        t.date = Date::from_ymd(v->year, v->month, v->day).value_or(Date());
      else
        check.error(*d, "'date' must be a date", "e.g. 2002-06-28 (unquoted)");
    } else {
      check.error(*c, "missing key 'date' in [convenience]", "the date of the rate, e.g. 2002-06-28");
    }
    out->convenience = t;
  }
  if (const toml::array* shares = (*root)["shares"].as_array()) {
    for (const toml::node& n : *shares) {
      const toml::table* t = n.as_table();
      if (!t) continue;
      check.only_keys(*t, {"period", "weighted_average", "ads_per_share"}, "[[shares]]");
      ShareData s;
      s.period = check.string(*t, "period", true, "[[shares]]").value_or("");
      if (!s.period.empty() && !out->calendar.parse(s.period))
        check.error(*t->get("period"), "'" + s.period + "' is not a period name", "e.g. 1Q02 (see period_format)");
      s.weighted_average = check.decimal(*t, "weighted_average", true, "[[shares]]").value_or(Decimal(0));
      if (s.weighted_average.sign() <= 0 && t->contains("weighted_average"))
        check.error(*t->get("weighted_average"), "the number of shares must be positive", "a positive number");
      s.ads_per_share = check.decimal(*t, "ads_per_share", false, "[[shares]]").value_or(Decimal(0));
      out->shares.push_back(std::move(s));
    }
  }
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
    d.file = settings_path;
    d.message = "cannot read the book's settings";
    d.expected = "a book directory holding book.toml";
    result.errors.push_back(std::move(d));
    return result;
  }
  book->settings.directory = dir;
  if (!parse_book_settings(text, settings_path, &book->settings, &result.errors)) return result;
  for (const std::string& layout : book->settings.statements) {
    std::string path = dir + "/" + layout;
    std::string layout_text;
    if (!read_text(path, &layout_text)) {
      Diagnostic d;
      d.file = path;
      d.message = "cannot read statement layout";
      d.expected = "a file listed in book.toml's statements";
      result.errors.push_back(std::move(d));
      continue;
    }
    StatementLayout l;
    if (parse_layout(layout_text, path, &l, &result.errors)) book->statements.push_back(std::move(l));
  }
  if (book->settings.journals.size() != 1) {
    Diagnostic d;
    d.file = settings_path;
    d.message = "a book has one main journal (it may include others)";
    d.expected = "journals = [\"journal/main.journal\"]";
    result.errors.push_back(std::move(d));
  }
  if (!result.errors.empty()) return result;
  ReadResult journal = read_journal_file(dir + "/" + book->settings.journals[0], options);
  if (!journal.ok()) {
    result.errors = std::move(journal.errors);
    return result;
  }
  book->journal = std::move(journal.journal);
  result.book = std::move(book);
  return result;
}

} // namespace kessan::read
