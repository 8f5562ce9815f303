#include "read/guidance_reader.hpp"

#include <map>
#include <tuple>

#include "read/layout_reader.hpp"
#include "read/toml_checker.hpp"

namespace kessan::read {
namespace {

// The number of decimals written in a TOML value ("9.0" has one).
int written_decimals(const toml::table& t, std::string_view key) {
  const toml::node* n = t.get(key);
  if (!n) return 0;
  auto s = n->value_exact<std::string>();
  if (!s) return 0;
  auto dot = s->find('.');
  return dot == std::string::npos ? 0 : static_cast<int>(s->size() - dot - 1);
}

void parse_record(const toml::table& t, Expectation::Kind kind, const FiscalCalendar& calendar, TomlChecker& check,
                  std::vector<Diagnostic>* errors, Expectation* e) {
  bool guidance = kind == Expectation::Kind::Guidance;
  const char* where = guidance ? "a [[guidance]] record" : "a [[consensus]] record";
  if (guidance)
    check.only_keys(t, {"period", "figure", "low", "high", "value", "scale", "given", "source"}, where);
  else
    check.only_keys(t, {"period", "figure", "value", "scale", "source"}, where);
  e->kind = kind;
  e->where = check.ref(t);
  e->period_name = check.string(t, "period", true, where).value_or("");
  if (t.contains("period")) {
    if (auto p = calendar.parse(e->period_name))
      e->period = *p;
    else
      check.error(*t.get("period"), "'" + e->period_name + "' is not a period name",
                  "a quarter (e.g. 1Q02, see period_format in book.toml) or a fiscal year (FY2002)");
  }
  if (auto f = parse_formula(t, "figure", true, where, check, errors)) {
    if (f->op != ExprOp::Name)
      check.error(*t.get("figure"), "'figure' must name a line or measure, not a formula",
                  "a name such as total-revenues or operations.operating-income");
    e->figure = std::move(*f);
  }
  if (auto s = check.string(t, "scale", false, where)) {
    if (auto scale = scale_named(*s))
      e->scale = *scale;
    else
      check.error(*t.get("scale"), "unknown scale '" + *s + "'", "unit, thousand, million, billion or trillion");
  }
  bool range = t.contains("low") || t.contains("high");
  if (range && t.contains("value")) {
    check.error(*t.get("value"), "a record has either a value or a range (low and high), not both",
                "value = \"980\" or low = \"9.0\" and high = \"9.5\"");
  } else if (range) {
    auto low = check.decimal(t, "low", true, where), high = check.decimal(t, "high", true, where);
    if (low && high) {
      e->low = *low;
      e->high = *high;
      e->decimals = std::max(written_decimals(t, "low"), written_decimals(t, "high"));
      if (*high < *low)
        check.error(*t.get("high"),
                    "the range's high end " + high->to_string() + " is below its low end " + low->to_string(),
                    "low <= high");
    }
  } else if (auto v = check.decimal(t, "value", false, where)) {
    e->low = e->high = *v;
    e->decimals = written_decimals(t, "value");
  } else if (!t.contains("value")) {
    check.error(t, std::string("missing the expected figure in ") + where,
                guidance ? "low and high (a range) or value" : "value");
  }
  if (guidance && t.contains("given")) {
    if (auto d = check.date(t, "given", false, where)) {
      e->given = *d;
      e->has_given = true;
    }
  }
  e->source = check.string(t, "source", false, where).value_or("");
}

}  // namespace

bool parse_guidance(const std::string& text, const std::string& path, const FiscalCalendar& calendar,
                    ExpectationSet* out, std::vector<Diagnostic>* errors, std::size_t max_errors) {
  TomlChecker check(path, errors, max_errors);
  auto root = check.parse(text);
  if (!root) return false;
  out->file = path;
  check.only_keys(*root, {"guidance", "consensus"}, "a guidance file");
  std::map<std::tuple<int, std::string, std::string>, std::uint32_t> seen;
  for (auto kind : {Expectation::Kind::Guidance, Expectation::Kind::Consensus}) {
    for (const toml::table* t : check.tables(*root, kind == Expectation::Kind::Guidance ? "guidance" : "consensus")) {
      Expectation e;
      parse_record(*t, kind, calendar, check, errors, &e);
      auto key = std::make_tuple(static_cast<int>(kind), e.figure.text, e.period_name);
      auto [it, fresh] = seen.emplace(key, e.where.line);
      if (!fresh && !e.figure.text.empty())
        check.error(*t,
                    "a second record for " + e.figure.text + " in " + e.period_name + " (the first is at line " +
                        std::to_string(it->second) + ")",
                    "one record per figure and period");
      out->records.push_back(std::move(e));
    }
  }
  return check.ok();
}

}  // namespace kessan::read
