#include "read/measures_reader.hpp"

#include <map>

#include "read/layout_reader.hpp"
#include "read/toml_checker.hpp"

namespace kessan::read {
namespace {

void parse_measure(const toml::table& t, TomlChecker& check, std::vector<Diagnostic>* errors, Measure* m) {
  check.only_keys(t, {"id", "label", "formula", "reconcile_from", "reconcile_label", "adjustment", "notes"},
                  "a [[measure]]");
  m->where = check.ref(t);
  m->id = check.string(t, "id", true, "a [[measure]]").value_or("");
  if (t.contains("id") && !is_figure_id(m->id))
    check.error(*t.get("id"), "'" + m->id + "' is not a valid measure id",
                "a lower-case letter, then lower-case letters, digits and '-' (e.g. adjusted-ebitda)");
  m->label = check.string(t, "label", true, "a [[measure]]").value_or(m->id);
  m->notes = check.strings(t, "notes", false, "a [[measure]]");
  if (t.contains("formula")) m->formula = parse_formula(t, "formula", true, "a [[measure]]", check, errors);
  if (t.contains("reconcile_from"))
    m->reconcile_from = parse_formula(t, "reconcile_from", true, "a [[measure]]", check, errors);
  m->reconcile_label = check.string(t, "reconcile_label", false, "a [[measure]]").value_or("");
  for (const toml::table* a : check.tables(t, "adjustment")) {
    check.only_keys(*a, {"label", "formula"}, "an adjustment");
    Adjustment adj;
    adj.where = check.ref(*a);
    adj.label = check.string(*a, "label", true, "an adjustment").value_or("");
    if (auto f = parse_formula(*a, "formula", true, "an adjustment", check, errors)) adj.formula = std::move(*f);
    m->adjustments.push_back(std::move(adj));
  }
  bool derived = t.contains("formula"), adjusted = t.contains("reconcile_from");
  if (derived == adjusted)
    check.error(t, "measure '" + m->id + "' needs exactly one of 'formula' and 'reconcile_from'",
                "formula = \"…\" (a derived figure) or reconcile_from = \"LINE\" with [[measure.adjustment]] tables");
  else if (adjusted && m->adjustments.empty())
    check.error(t, "measure '" + m->id + "' is reconciled from a GAAP figure but has no adjustments",
                "[[measure.adjustment]] tables with label and formula");
  else if (derived && !m->adjustments.empty())
    check.error(*t.get("adjustment"), "adjustments belong to measures reconciled from a GAAP figure",
                "reconcile_from = \"LINE\" instead of formula");
}

}  // namespace

bool parse_measures(const std::string& text, const std::string& path, MeasureSet* out, std::vector<Diagnostic>* errors,
                    const FiscalCalendar& calendar) {
  TomlChecker check(path, errors);
  auto root = check.parse(text);
  if (!root) return false;
  out->file = path;
  check.only_keys(*root, {"reconciliation", "measure"}, "a measures file");
  if (const toml::node* r = root->get("reconciliation")) {
    if (const toml::table* t = r->as_table()) {
      check.only_keys(*t, {"columns", "unit", "subtitle"}, "[reconciliation]");
      if (const toml::node* c = t->get("columns")) {
        if (const toml::array* columns = c->as_array())
          parse_columns(*columns, check, &out->reconciliation.columns, calendar);
        else
          check.error(*c, "'columns' must be an array of column tables",
                      "[{ value = \"amount\", period = \"current\" }]");
      }
      out->reconciliation.unit = parse_unit(*t, "unit", "[reconciliation]", check);
      out->reconciliation.subtitle = check.strings(*t, "subtitle", false, "[reconciliation]");
    } else {
      check.error(*r, "'reconciliation' must be a table", "[reconciliation]");
    }
  }
  if (out->reconciliation.columns.empty()) {
    for (const PeriodRef& p : {PeriodRef::current(), PeriodRef::prior_quarter(), PeriodRef::year_ago()}) {
      LayoutColumn c;
      c.period = p;
      c.where = {path, 1, 1};
      out->reconciliation.columns.push_back(c);
    }
  }
  std::map<std::string, std::uint32_t> seen;
  for (const toml::table* t : check.tables(*root, "measure")) {
    Measure m;
    parse_measure(*t, check, errors, &m);
    if (!m.id.empty()) {
      auto [it, fresh] = seen.emplace(m.id, m.where.line);
      if (!fresh)
        check.error(*t, "measure '" + m.id + "' is defined twice (first at line " + std::to_string(it->second) + ")",
                    "a unique id per measure");
    }
    out->measures.push_back(std::move(m));
  }
  return check.ok();
}

}  // namespace kessan::read
