// Checking a release template's placeholders (release_builder.hpp): names,
// periods, tables, measures and option values, before anything is filled;
// and that guidance and consensus records name each figure once per period.
//
// Contract: every problem is a diagnostic at the placeholder or record (or
// the option's own place); checking changes nothing else but remembers
// whether some record could not be resolved.

#include <algorithm>
#include <string>

#include "report/release_builder.hpp"

namespace kessan::report::release_parts {

std::optional<int> small_integer(const std::string& s, int max) {
  if (s.empty() || s.size() > 2 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  int v = std::stoi(s);
  if (v > max) return std::nullopt;
  return v;
}

std::string shortened(std::string text) {
  constexpr std::size_t kShown = 60;
  if (text.size() <= kShown) return text;
  std::size_t cut = kShown;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return text.substr(0, cut) + "...";
}

void ReleaseBuilder::check(const Placeholder& p) {
  if (p.figure && figures_.check(*p.figure) && !is_expectation(p.directive)) check_unit_options(p);
  if (p.directive == "period" || p.directive == "date") period_of(p.argument, in_.period, p.argument_where);
  if (p.directive == "table" && figures_.find_layout(p.argument) < 0) {
    std::string ids;
    for (std::size_t i = 0; i < figures_.layout_count(); ++i) ids += (ids.empty() ? "" : ", ") + figures_.layout(i).id;
    error(p.argument_where, "unknown statement or table '" + p.argument + "'", "one of: " + ids);
  }
  if (p.directive == "reconciliation") {
    long m = figures_.find_measure(p.argument);
    if (m < 0 || !figures_.measures().measures[static_cast<std::size_t>(m)].reconcile_from)
      error(p.argument_where, "no adjusted measure '" + p.argument + "'",
            "the id of a measure with reconcile_from in the book's measures file");
  }
  if (p.directive == "rate" || p.directive == "rate-date" || p.directive == "usd" || option_is(p, "usd"))
    if (!in_.book.settings.convenience)
      error(p.where, "the book has no convenience translation", "a [convenience] table in book.toml");
  for (const PlaceholderOption& o : p.options) check_option(o);
  bool compares = p.directive == "change" || p.directive == "compare" || p.directive == "moved" ||
                  p.directive == "trend" || p.directive == "sign";
  if (compares && p.figure) {
    const Expr* shift = shift_of(*p.figure);
    if (shifted_inside(shift ? shift->args[0] : *p.figure))
      error(p.where, "a comparison shifts its whole figure: write the period last, as (…)@period",
            "one @period at the end of the figure, e.g. (a - b)@year-ago");
  }
  if (p.directive == "worded" && (!p.option("positive") || !p.option("negative")))
    error(p.where, "'worded' needs the words for both signs", "positive=\"…\" and negative=\"…\"");
  if (is_expectation(p.directive)) expectation(p, true);
}

void ReleaseBuilder::check_expectations() {
  std::vector<std::pair<const Expectation*, NameTarget>> seen;
  for (const Expectation& e : in_.expectations.records) {
    auto t = figures_.resolve(e.figure.text, e.figure.where);
    if (!t) {
      unresolved_records_ = true;
      continue;
    }
    for (const auto& [other, target] : seen)
      if (other->kind == e.kind && other->period.first == e.period.first && other->period.last == e.period.last &&
          target.kind == t->kind && target.layout == t->layout && target.index == t->index)
        error(e.where,
              "a second record for " + e.figure.text + " in " + e.period_name + " (the first is " + other->where.file +
                  ":" + std::to_string(other->where.line) + ")",
              "one record per figure and period", DiagnosticKind::Guidance);
    seen.push_back({&e, *t});
  }
}

void ReleaseBuilder::check_unit_options(const Placeholder& p) {
  const PlaceholderOption* in = p.option("in");
  const PlaceholderOption* unit_word = p.option("unit");
  if (!in && !unit_word) return;
  auto unit = figures_.unit_of_checked(*p.figure);
  if (!unit) return;
  std::string what =
      "'" + shortened(to_string(*p.figure)) + "' is " +
      (unit->is_pure() ? std::string("a pure number (shown as a percentage)") : "in " + unit->to_string());
  if (in && !(*unit == figures_.money()))
    error(in->where, "'in' sets the scale of amounts of money, but " + what,
          "in= on a figure in " + in_.book.settings.currency + " (decimals= sets the precision of any figure)");
  if (unit_word && (*unit == figures_.money() || unit->is_pure()))
    error(unit_word->where, "'unit' applies to a figure with a unit of its own (a statistic), but " + what,
          "unit=no on a figure such as a statistic in contracts");
}

bool ReleaseBuilder::option_is(const Placeholder& p, std::string_view name) {
  return p.option(name) != nullptr;
}

void ReleaseBuilder::check_option(const PlaceholderOption& o) {
  if (o.name == "in" && !scale_named(o.value))
    error(o.where, "unknown scale '" + o.value + "'", "unit, thousand, million, billion or trillion");
  if ((o.name == "decimals" || o.name == "usd") && !small_integer(o.value, 12))
    error(o.where, "'" + o.name + "' must be a number of decimals", "0 to 12");
  if (o.name == "vs" || o.name == "and") period_of(o.value, in_.period, o.where);
  if (o.name == "style" && o.value != "long" && o.value != "short")
    error(o.where, "unknown date style '" + o.value + "'", "long (June 30, 2002) or short (Jun 30, 2002)");
  if (o.name == "unit" && o.value != "yes" && o.value != "no")
    error(o.where, "'unit' must be yes or no", "unit=no to leave out a statistic's unit");
}

bool ReleaseBuilder::is_expectation(const std::string& d) {
  return d == "guidance" || d == "expected" || d == "consensus" || d == "versus-consensus";
}

const Expr* ReleaseBuilder::shift_of(const Expr& e) {
  const Expr* x = &e;
  while (x->op == ExprOp::Negate || x->op == ExprOp::Abs) x = &x->args[0];
  return x->op == ExprOp::AtPeriod ? x : nullptr;
}

bool ReleaseBuilder::shifted_inside(const Expr& e) {
  bool found = false;
  for_each_node(e, [&](const Expr& x) { found = found || (&x != &e && x.op == ExprOp::AtPeriod); });
  return found;
}

}  // namespace kessan::report::release_parts
