// Guidance and consensus sentences in a release (release_builder.hpp): the
// guidance, expected, consensus and versus-consensus placeholders, from the
// book's guidance records (one per figure and period).
//
// Contract: the record's figures are shown as written in the record (its
// scale and decimals, unless in= or decimals= say otherwise); the actual
// figure is compared exactly ("exceeded", "fell short of", "fell within",
// "matched").

#include <string>

#include "report/release_builder.hpp"

namespace kessan::report::release_parts {

const Expectation* ReleaseBuilder::find_expectation(Expectation::Kind kind, const NameTarget& target,
                                                    const Period& period) {
  for (const Expectation& e : in_.expectations.records) {
    if (e.kind != kind || e.period.first != period.first || e.period.last != period.last) continue;
    auto t = figures_.resolve(e.figure.text, e.figure.where);
    if (t && t->kind == target.kind && t->layout == target.layout && t->index == target.index) return &e;
  }
  return nullptr;
}

void ReleaseBuilder::expectation(const Placeholder& p, bool only_check, Prose* out) {
  const Expr* e = &*p.figure;
  Period period = in_.period;
  if (e->op == ExprOp::AtPeriod) {
    auto shifted = period_of(e->text, in_.period, e->where);
    if (!shifted) return;
    period = *shifted;
    e = &e->args[0];
  }
  if (e->op != ExprOp::Name) {
    if (only_check)
      error(p.where, "'" + p.directive + "' needs the name of a line or measure",
            "a name such as total-revenues, optionally with @period");
    return;
  }
  auto target = figures_.resolve(e->text, e->where);
  if (!target) return;
  bool consensus = p.directive == "consensus" || p.directive == "versus-consensus";
  auto kind = consensus ? Expectation::Kind::Consensus : Expectation::Kind::Guidance;
  const Expectation* record = find_expectation(kind, *target, period);
  std::string period_name = in_.book.settings.calendar.name(period);
  if (!record) {
    if (only_check && !unresolved_records_)  // else the record is the problem, reported already
      error(
          p.where,
          std::string("no ") + (consensus ? "consensus" : "guidance") + " record for " + e->text + " in " + period_name,
          std::string("a [[") + (consensus ? "consensus" : "guidance") + "]] record with figure = \"" + e->text +
              "\" and period = \"" + period_name + "\" in " +
              (in_.expectations.file.empty() ? "the book's guidance file (guidance = \"…\" in book.toml)"
                                             : in_.expectations.file));
    return;
  }
  auto known_unit = figures_.target_unit_of(*target);
  if (!known_unit) {  // a cycle or a term without a unit, reported where it is
    if (!only_check) failed_silently(p.where, "the unit of '" + e->text + "'");
    return;
  }
  const Unit& unit = *known_unit;
  if (only_check) {
    if (p.option("usd") && !(unit == figures_.money()))
      error(p.option("usd")->where, "usd applies to amounts of money, not to " + unit.to_string(),
            "a figure in " + in_.book.settings.currency);
    return;
  }
  if (p.directive == "expected") return expected_range(p, *record, unit, out);
  if (p.directive == "consensus") {
    out->add(expectation_figure(*record, record->low, p, unit));
    return add_expectation_usd(p, *record, record->low, out);
  }
  Figure actual;
  if (!value(*e, period, &actual)) return;
  if (!actual.has_value()) return out->add("could not be compared with expectations");
  // Expectations of pure numbers (margins) are written in percent.
  std::optional<Ratio> factor = Ratio::from_decimal(record->scale.factor);
  if (unit.is_pure()) factor = Ratio::div(*factor, Ratio(100));
  auto low = factor ? Ratio::mul(Ratio::from_decimal(record->low), *factor) : std::nullopt;
  auto high = factor ? Ratio::mul(Ratio::from_decimal(record->high), *factor) : std::nullopt;
  if (!low || !high)
    return error(record->where,
                 "the " + std::string(consensus ? "consensus" : "guidance") + " for " + e->text + " in " + period_name +
                     " is too large to compute exactly",
                 "figures within 128-bit exact arithmetic", DiagnosticKind::Overflow);
  std::string verb = actual.value > *high  ? "exceeded"
                     : actual.value < *low ? "fell short of"
                     : record->is_range()  ? "fell within"
                                           : "matched";
  if (consensus) {
    out->add(verb + " the consensus of ");
    out->add(expectation_figure(*record, record->low, p, unit));
    return;
  }
  out->add(verb + (record->is_range() ? " the expected range of " : " the expected "));
  out->add(expectation_figure(*record, record->low, p, unit));
  if (!record->is_range()) return;
  out->add(" to ");
  out->add(expectation_figure(*record, record->high, p, unit));
}

ProseFigure ReleaseBuilder::expectation_figure(const Expectation& e, const Decimal& amount, const Placeholder& p,
                                               const Unit& unit) {
  ProseFigure f;
  f.negative = style_.negative;
  Scale scale = e.scale;
  Ratio v = Ratio::from_decimal(amount);
  int decimals = e.decimals;
  if (const PlaceholderOption* o = p.option("in")) {
    Scale wanted = *scale_named(o->value);
    auto rescaled = Ratio::mul(v, Ratio::from_decimal(scale.factor));
    if (rescaled) rescaled = Ratio::div(*rescaled, Ratio::from_decimal(wanted.factor));
    if (!rescaled) {
      f.cell.kind = CellKind::NotMeaningful;
      return f;
    }
    v = *rescaled;
    scale = wanted;
    decimals = 0;
  }
  f.cell = ratio_cell(v, Decimal(1), decimals_option(p, "decimals", decimals));
  f.suffix = scale.word.empty() ? "" : " " + scale.word;
  if (unit == figures_.money())
    f.prefix = style_.currency_prefix;
  else if (unit.is_pure())
    f.suffix += "%";
  else
    f.suffix += " " + unit.to_string();
  f.source = std::string(e.kind == Expectation::Kind::Guidance ? "guidance" : "consensus") + " for " + e.figure.text +
             " in " + e.period_name + " (" + e.where.file + ":" + std::to_string(e.where.line) + ")";
  return f;
}

void ReleaseBuilder::add_expectation_usd(const Placeholder& p, const Expectation& e, const Decimal& amount,
                                         Prose* out) {
  const PlaceholderOption* usd = p.option("usd");
  if (!usd) return;
  auto v = Ratio::mul(Ratio::from_decimal(amount), Ratio::from_decimal(e.scale.factor));
  if (!v)
    return error(e.where, "the guidance for " + e.figure.text + " in " + e.period_name + " is too large to translate",
                 "figures within 128-bit exact arithmetic", DiagnosticKind::Overflow);
  auto t = translated(*v, style_.scale, *small_integer(usd->value, 12),
                      "guidance for " + e.figure.text + " in " + e.period_name);
  if (!t) return;
  out->add(" (");
  out->add(std::move(*t));
  out->add(")");
}

void ReleaseBuilder::expected_range(const Placeholder& p, const Expectation& e, const Unit& unit, Prose* out) {
  if (e.is_range()) out->add("between ");
  out->add(expectation_figure(e, e.low, p, unit));
  add_expectation_usd(p, e, e.low, out);
  if (!e.is_range()) return;
  out->add(" and ");
  out->add(expectation_figure(e, e.high, p, unit));
  add_expectation_usd(p, e, e.high, out);
}

}  // namespace kessan::report::release_parts
