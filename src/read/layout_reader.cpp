#include "read/layout_reader.hpp"

#include <algorithm>

#include "read/expression_parser.hpp"
#include "read/presentation_reader.hpp"

namespace kessan::read {
namespace {

// A period reference held by string `key` of a column (the period words of core/period_ref.hpp).
std::optional<PeriodRef> column_period(const toml::table& t, std::string_view key, bool required,
                                       const FiscalCalendar& calendar, TomlChecker& check) {
  auto text = check.string(t, key, required, "a column");
  if (!text) return std::nullopt;
  PeriodRefError why;
  auto ref = parse_period_ref(*text, calendar, &why);
  if (!ref) check.error(*t.get(key), why.message, why.expected);
  return ref;
}

}  // namespace

void parse_columns(const toml::array& columns, TomlChecker& check, std::vector<LayoutColumn>* out,
                   const FiscalCalendar& calendar) {
  for (const toml::node& n : columns) {
    const toml::table* t = n.as_table();
    if (!t) {
      check.error(n, "a column must be a table", "{ value = \"amount\", period = \"current\" }");
      continue;
    }
    check.only_keys(*t, {"value", "period", "base", "group", "header", "decimals"}, "a column");
    LayoutColumn c;
    c.where = check.ref(n);
    auto value = check.string(*t, "value", true, "a column").value_or("amount");
    if (auto kind = column_value_named(value))
      c.value = *kind;
    else
      check.error(*t->get("value"), "unknown column value '" + value + "'", column_value_names());
    if (auto p = column_period(*t, "period", false, calendar, check)) c.period = *p;
    if (compares(c.value)) {
      if (auto p = column_period(*t, "base", true, calendar, check)) c.base = *p;
    } else if (t->get("base")) {
      check.error(*t->get("base"), "a '" + value + "' column has no base",
                  "base only on change, difference, points and basis-points columns");
    }
    c.decimals = parse_int_in(*t, "decimals", 0, kMaxDecimals, "a column", check);
    c.group = check.string(*t, "group", false, "a column").value_or("");
    c.header = check.string(*t, "header", false, "a column").value_or("");
    out->push_back(std::move(c));
  }
}

std::optional<Expr> parse_formula(const toml::table& t, std::string_view key, bool required, const char* where,
                                  TomlChecker& check, std::vector<Diagnostic>* errors) {
  auto text = check.string(t, key, required, where);
  if (!text) return std::nullopt;
  const toml::node* n = t.get(key);
  TextOrigin origin{check.string_start(*n), check.line_text(check.ref(*n).line)};
  auto e = parse_expression(*text, origin, errors);
  if (!e) check.fail();
  return e;
}

std::optional<int> parse_int_in(const toml::table& t, std::string_view key, int low, int high, const char* where,
                                TomlChecker& check) {
  auto v = check.integer(t, key, false, where);
  if (!v) return std::nullopt;
  if (*v >= low && *v <= high) return static_cast<int>(*v);
  check.error(*t.get(key), std::string(key) + " must be " + std::to_string(low) + " to " + std::to_string(high),
              "an integer from " + std::to_string(low) + " to " + std::to_string(high));
  return std::nullopt;
}

std::optional<Decimal> parse_unit(const toml::table& t, std::string_view key, const char* where, TomlChecker& check) {
  auto unit = check.decimal(t, key, false, where);
  if (unit && unit->sign() <= 0) {
    check.error(*t.get(key), "the unit must be positive", "e.g. 1000000 for millions");
    return std::nullopt;
  }
  return unit;
}

namespace {

// Layout kinds as layouts write them.
constexpr std::pair<const char*, StatementKind> kLayoutKinds[] = {{"flow", StatementKind::Flow},
                                                                  {"balance", StatementKind::Balance},
                                                                  {"cash-flow", StatementKind::CashFlow},
                                                                  {"table", StatementKind::Table}};

std::optional<StatementKind> kind_named(std::string_view name) {
  for (const auto& [n, k] : kLayoutKinds)
    if (name == n) return k;
  return std::nullopt;
}

const char* kind_name(StatementKind kind) {
  for (const auto& [n, k] : kLayoutKinds)
    if (k == kind) return n;
  return "flow";
}

RoundingMode parse_rounding(const toml::table& t, TomlChecker& check) {
  auto r = check.string(t, "rounding", false, "a line").value_or("half-up");
  if (r == "half-up") return RoundingMode::HalfUp;
  if (r == "half-even") return RoundingMode::HalfEven;
  if (r == "down") return RoundingMode::Down;
  check.error(*t.get("rounding"), "unknown rounding '" + r + "'", "half-up, half-even or down");
  return RoundingMode::HalfUp;
}

void parse_line(const toml::table& t, const toml::node& n, TomlChecker& check, StatementLayout* out,
                std::vector<Diagnostic>* errors) {
  check.only_keys(t,
                  {"id",
                   "label",
                   "heading",
                   "accounts",
                   "sign",
                   "sum",
                   "per_share",
                   "per_ads",
                   "per_diluted_share",
                   "per_diluted_ads",
                   "shares",
                   "unit",
                   "decimals",
                   "rounding",
                   "total",
                   "percent_sign",
                   "indent",
                   "hide_when_zero",
                   "cash",
                   "flow",
                   "equals",
                   "statistic",
                   "formula",
                   "format",
                   "missing",
                   "change"},
                  "a line");
  LayoutLine l;
  l.where = check.ref(n);
  l.id = check.string(t, "id", false, "a line").value_or("");
  l.indent = parse_int_in(t, "indent", 0, kMaxIndent, "a line", check).value_or(0);
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
    if (*s == "debit")
      l.sign = Sign::Debit;
    else if (*s == "credit")
      l.sign = Sign::Credit;
    else
      check.error(*t.get("sign"), "unknown sign '" + *s + "'", "debit (shown as the balance) or credit (negated)");
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
  for (std::string_view key : {"per_share", "per_ads", "per_diluted_share", "per_diluted_ads"}) {
    if (!t.contains(key)) continue;
    ++kinds;
    l.kind = key.ends_with("_share") ? LineKind::PerShare : LineKind::PerAds;
    l.diluted = key.starts_with("per_diluted");
    l.of = check.string(t, key, true, "a line").value_or("");
  }
  if (t.contains("shares")) {
    ++kinds;
    auto s = check.string(t, "shares", true, "a line").value_or("");
    l.diluted = s == "diluted" || s == "diluted-ads";
    if (s == "weighted-average" || s == "basic" || s == "diluted")
      l.kind = LineKind::Shares;
    else if (s == "ads" || s == "diluted-ads")
      l.kind = LineKind::AdsCount;
    else
      check.error(*t.get("shares"), "unknown share count '" + s + "'",
                  "weighted-average (or basic), diluted, ads or diluted-ads");
  }
  if (t.contains("cash")) {
    ++kinds;
    auto s = check.string(t, "cash", true, "a line").value_or("");
    if (s == "beginning")
      l.kind = LineKind::CashBegin;
    else if (s == "end")
      l.kind = LineKind::CashEnd;
    else
      check.error(*t.get("cash"), "unknown cash balance '" + s + "'", "beginning or end");
  }
  if (t.contains("flow")) {
    ++kinds;
    l.kind = LineKind::CashFlow;
    check.boolean(t, "flow");
  }
  if (t.contains("statistic")) {
    ++kinds;
    l.kind = LineKind::Statistic;
    l.statistic = check.string(t, "statistic", true, "a line").value_or("");
  }
  if (t.contains("formula")) {
    ++kinds;
    l.kind = LineKind::Formula;
    l.formula = parse_formula(t, "formula", true, "a line", check, errors);
  }
  if (kinds != 1)
    check.error(n,
                kinds == 0 ? "line '" + l.label + "' says nothing about its figures"
                           : "line '" + l.label + "' has more than one kind of figure",
                "exactly one of: accounts, sum, per_share, per_ads, per_diluted_share, per_diluted_ads, shares, cash, "
                "flow, statistic, formula (or heading)");
  bool share_count = l.kind == LineKind::Shares || l.kind == LineKind::AdsCount;
  if (t.contains("unit")) {
    l.unit = parse_unit(t, "unit", "a line", check);
    if (!share_count && out->kind != StatementKind::Table)
      check.error(*t.get("unit"), "'unit' on a statement line applies to share counts only",
                  "shares = \"...\" lines (e.g. unit = 1000 to show counts in thousands); money uses the book's "
                  "unit (in a table, a line may have a unit of its own)");
  }
  if (auto d = parse_int_in(t, "decimals", 0, kMaxDecimals, "a line", check)) {
    l.decimals = *d;
    l.decimals_set = true;
  }
  l.rounding = parse_rounding(t, check);
  if (auto f = check.string(t, "format", false, "a line")) {
    if (*f == "percent")
      l.format = LineFormat::Percent;
    else if (*f != "number")
      check.error(*t.get("format"), "unknown format '" + *f + "'", "\"number\" or \"percent\"");
    if (out->kind != StatementKind::Table)
      check.error(*t.get("format"), "'format' applies to table lines only", "kind = \"table\" for the layout");
    else if (l.format == LineFormat::Percent && l.kind == LineKind::Accounts)
      check.error(*t.get("format"),
                  "format = \"percent\" shows a pure number as a percentage, but line '" + l.label +
                      "' is an amount of money (the postings of accounts)",
                  "format = \"percent\" on a ratio (a formula such as gross-profit / revenue), or no format");
  }
  if (auto c = check.string(t, "change", false, "a line")) {
    if (*c == "points")
      l.ratio_change = RatioChange::Points;
    else if (*c == "basis-points")
      l.ratio_change = RatioChange::BasisPoints;
    else if (*c == "percent")
      l.ratio_change = RatioChange::Percent;
    else
      check.error(*t.get("change"), "unknown change '" + *c + "'", "\"points\", \"basis-points\" or \"percent\"");
  }
  if (auto m = check.string(t, "missing", false, "a line")) {
    if (*m == "skip")
      l.skip_missing = true;
    else if (*m != "n/a")
      check.error(*t.get("missing"), "unknown missing-data rule '" + *m + "'",
                  "\"n/a\" (a sum with a term without data has none) or \"skip\" (such terms are left out)");
    if (l.kind != LineKind::Sum) check.error(*t.get("missing"), "'missing' applies to sum lines only", "a sum line");
  }
  if (out->kind != StatementKind::Table) {  // in statements, only per-share figures have a precision of their own
    bool per_share = l.kind == LineKind::PerShare || l.kind == LineKind::PerAds || share_count;
    // (A value that is wrong in itself was reported already.)
    auto rounding = t["rounding"].value<std::string>();
    bool rounding_known = rounding && (*rounding == "half-up" || *rounding == "half-even" || *rounding == "down");
    for (auto [key, written] : {std::pair{"decimals", l.decimals_set}, std::pair{"rounding", rounding_known}})
      if (written && !per_share)
        check.error(*t.get(key), std::string("'") + key + "' applies to per-share and share-count lines of a statement",
                    "per-share lines and share counts (amounts print in the book's unit without decimals)");
    if (t.contains("missing"))
      check.error(*t.get("missing"), "'missing' applies to sums of tables only", "kind = \"table\" for the layout");
  }
  bool table_only = l.kind == LineKind::Statistic || l.kind == LineKind::Formula;
  if (table_only && out->kind != StatementKind::Table)
    check.error(n, "statistic and formula lines belong in tables", "kind = \"table\" for the layout");
  // An indirect cash flow statement is built from its rules alone, so that
  // its lines add up to the change in cash: an accounts line would bypass them.
  if (l.kind == LineKind::Accounts && out->kind == StatementKind::CashFlow && kinds == 1 && t.contains("accounts"))
    check.error(*t.get("accounts"),
                "line '" + l.label +
                    "' takes its figures from accounts, but a cash flow statement's lines are fed by its rules",
                "flow = true and a [[rule]] for the accounts (account = \"" +
                    (l.accounts.empty() ? std::string("ACCOUNT") : l.accounts[0]) + "\", line = \"" +
                    (l.id.empty() ? std::string("ID") : l.id) + "\")");
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

// A cash flow statement shows cash at the beginning and at the end of the
// period, once each: beginning cash + flows = ending cash is its check.
void check_cash_lines(const toml::table& root, TomlChecker& check, const StatementLayout& layout) {
  for (const auto& cash : {std::pair{LineKind::CashBegin, "beginning"}, std::pair{LineKind::CashEnd, "end"}}) {
    const LineKind kind = cash.first;
    const char* word = cash.second;
    auto count =
        std::count_if(layout.lines.begin(), layout.lines.end(), [kind](const LayoutLine& l) { return l.kind == kind; });
    if (count == 1) continue;
    check.error(root,
                count == 0
                    ? std::string("the cash flow statement has no line for cash at the ") + word + " of the period"
                    : std::string("the cash flow statement has ") + std::to_string(count) + " lines for cash at the " +
                          word + " of the period",
                std::string("one [[line]] with cash = \"") + word +
                    "\" (beginning cash + the flow lines = ending cash is how the statement is checked)");
  }
}

void parse_shown_for(const toml::table& root, TomlChecker& check, StatementLayout* out) {
  auto shown = check.string(root, "shown_for", false, "a layout");
  if (!shown || *shown == "every-period") return;
  if (*shown == "year-end")
    out->shown_for = ShownFor::YearEnd;
  else if (*shown == "quarters")
    out->shown_for = ShownFor::Quarters;
  else
    check.error(*root.get("shown_for"), "unknown shown_for '" + *shown + "'",
                "\"every-period\" (default), \"year-end\" (periods ending with a fiscal year's fourth quarter) or "
                "\"quarters\" (a single quarter)");
}

}  // namespace

bool parse_layout(const std::string& text, const std::string& path, StatementLayout* out,
                  std::vector<Diagnostic>* errors, const FiscalCalendar& calendar) {
  TomlChecker check(path, errors);
  auto root = check.parse(text);
  if (!root) return false;
  check.only_keys(*root,
                  {"id",
                   "title",
                   "kind",
                   "scope",
                   "percent_of",
                   "percent_header",
                   "empty",
                   "zero",
                   "negative",
                   "negative_percent",
                   "not_meaningful",
                   "currency_sign",
                   "change_on_sign_flip",
                   "footing",
                   "columns",
                   "line",
                   "cash",
                   "net_income",
                   "net_income_line",
                   "rule",
                   "cash_rule",
                   "notes",
                   "subtitle",
                   "stub_header",
                   "unit",
                   "decimals",
                   "lines_from",
                   "shown_for"},
                  "a layout");
  out->where = {path, 1, 1};
  out->id = check.string(*root, "id", true, "a layout").value_or("");
  out->title = check.string(*root, "title", true, "a layout").value_or("");
  auto kind = check.string(*root, "kind", true, "a layout").value_or("flow");
  if (auto k = kind_named(kind))
    out->kind = *k;
  else
    check.error(*root->get("kind"), "unknown layout kind '" + kind + "'", "flow, balance, cash-flow or table");
  out->subtitle = check.strings(*root, "subtitle", false, "a layout");
  out->stub_header = check.string(*root, "stub_header", false, "a layout").value_or("");
  out->unit = parse_unit(*root, "unit", "a layout", check);
  if (auto d = parse_int_in(*root, "decimals", 0, kMaxDecimals, "a layout", check)) out->decimals = *d;
  bool table = out->kind == StatementKind::Table;
  for (const char* key : {"subtitle", "stub_header", "unit", "decimals"})
    if (!table && root->contains(key))
      check.error(*root->get(key), std::string("'") + key + "' applies to tables only", "kind = \"table\"");
  out->scope = check.strings(*root, "scope", false, "a layout");
  out->percent_of = check.string(*root, "percent_of", false, "a layout").value_or("");
  out->percent_header = check.string(*root, "percent_header", false, "a layout").value_or("%");
  parse_layout_presentation(*root, check, &out->presentation);
  auto footing = check.string(*root, "footing", false, "a layout").value_or("none");
  if (footing == "lines")
    out->footing = Footing::Lines;
  else if (footing == "totals")
    out->footing = Footing::Totals;
  else if (footing != "none")
    check.error(*root->get("footing"), "unknown footing '" + footing + "'", "\"none\", \"lines\" or \"totals\"");
  if (const toml::array* columns = (*root)["columns"].as_array())
    parse_columns(*columns, check, &out->columns, calendar);
  else
    check.error(*root, "missing key 'columns' in a layout", "an array of column tables");
  parse_shown_for(*root, check, out);
  if (auto from = check.string(*root, "lines_from", false, "a layout")) {
    out->lines_from = *from;
    out->lines_from_where = check.ref(*root->get("lines_from"));
    if (from->empty()) check.error(*root->get("lines_from"), "lines_from is empty", "the id of another layout");
    // What the other layout holds is not written twice.
    for (const char* key : {"line", "scope", "cash", "net_income", "net_income_line", "rule", "cash_rule"})
      if (root->contains(key))
        check.error(*root->get(key),
                    std::string("'") + key + "' comes from the layout named by lines_from ('" + *from + "')",
                    "no [[line]], scope or cash-flow rules beside lines_from; the layout's own keys are its id, "
                    "title, columns, notes and presentation");
    out->notes = check.strings(*root, "notes", false, "a layout");
    return check.ok();
  }
  if (const toml::array* lines = (*root)["line"].as_array()) {
    for (const toml::node& n : *lines)
      if (const toml::table* t = n.as_table()) parse_line(*t, n, check, out, errors);
  } else {
    check.error(*root, "a layout has no [[line]] tables",
                "[[line]] tables, one per line of the statement (or lines_from = \"ID\" of another layout)");
  }
  if (out->kind == StatementKind::CashFlow && (*root)["line"].as_array()) check_cash_lines(*root, check, *out);
  out->cash = check.strings(*root, "cash", out->kind == StatementKind::CashFlow, "a cash-flow layout");
  out->net_income = check.strings(*root, "net_income", out->kind == StatementKind::CashFlow, "a cash-flow layout");
  out->net_income_line =
      check.string(*root, "net_income_line", out->kind == StatementKind::CashFlow, "a cash-flow layout").value_or("");
  parse_rules(*root, check, out);
  out->notes = check.strings(*root, "notes", false, "a layout");
  return check.ok();
}

void copy_lines_from(const std::vector<StatementLayout*>& layouts, std::vector<Diagnostic>* errors) {
  std::string ids;  // for messages: the layouts that have lines of their own
  for (const StatementLayout* l : layouts)
    if (l->lines_from.empty()) ids += (ids.empty() ? "" : ", ") + l->id;
  for (StatementLayout* l : layouts) {
    if (l->lines_from.empty()) continue;
    const StatementLayout* from = nullptr;
    for (const StatementLayout* other : layouts)
      if (other != l && other->id == l->lines_from) from = other;
    auto fail = [&](std::string message, std::string expected) {
      errors->push_back(diagnostic_at(l->lines_from_where, std::move(message), std::move(expected)));
    };
    if (!from) {
      fail("lines_from names an unknown layout '" + l->lines_from + "'",
           "the id of another statement or table of the book: " + (ids.empty() ? std::string("(none)") : ids));
      continue;
    }
    if (!from->lines_from.empty()) {
      fail("layout '" + from->id + "' takes its own lines from '" + from->lines_from + "'",
           "a layout with [[line]] tables of its own: " + ids);
      continue;
    }
    if (from->kind != l->kind) {
      fail("layout '" + from->id + "' is a " + kind_name(from->kind) + " layout, but '" + l->id + "' is a " +
               kind_name(l->kind) + " layout",
           std::string("a ") + kind_name(l->kind) + " layout, or kind = \"" + kind_name(from->kind) + "\"");
      continue;
    }
    l->lines = from->lines;
    l->scope = from->scope;
    l->cash = from->cash;
    l->net_income = from->net_income;
    l->net_income_line = from->net_income_line;
    l->rules = from->rules;
    l->cash_rules = from->cash_rules;
  }
}

}  // namespace kessan::read
