// Comparison words in a release (release_builder.hpp): change, moved,
// compare, trend and sign placeholders, worded by report/change_words.hpp
// from the figures as printed ("flat" when they print the same).
//
// Contract: a change too large for exact arithmetic is a diagnostic at the
// placeholder; a comparison with a missing figure says so in words ("no
// comparable figure").

#include <string>

#include "report/release_builder.hpp"

namespace kessan::report::release_parts {

std::optional<ReleaseBuilder::Compared> ReleaseBuilder::change_against(const Placeholder& p, const Subject& s,
                                                                       const Period& base, Figure* current_out) {
  Figure now, then;
  if (!value(*s.expr, s.period, &now) || !value(*s.expr, base, &then)) return std::nullopt;
  if (current_out) *current_out = now;
  if (!now.has_value() || !then.has_value()) return Compared{};
  const FiscalCalendar& cal = in_.book.settings.calendar;
  Compared out;
  out.available = true;
  out.source = to_string(*s.expr) + ": " + cal.name(s.period) + " " + now.value.to_string() + " against " +
               cal.name(base) + " " + then.value.to_string() + " " + now.unit.to_string();
  bool pure = now.unit.is_pure();
  auto printed = [&](const Figure& f) {
    ProseFigure shown_figure = shown(f, p, "");
    auto d = shown_figure.cell.rounded();
    return d ? Ratio::from_decimal(*d) : f.value;
  };
  // Figures too small to show in the sentence's scale both print as zero:
  // only exact equality is flat then.
  Ratio shown_now = printed(now), shown_then = printed(then);
  if (shown_now.is_zero() && shown_then.is_zero()) shown_now = now.value, shown_then = then.value;
  auto described =
      describe_change(now.value, then.value, pure, shown_now, shown_then, Ratio::from_decimal(style_.slight_below));
  if (!described) {
    error(p.where,
          "the change of '" + shortened(to_string(*s.expr)) + "' in " + cal.name(s.period) + " against " +
              cal.name(base) + " is too large to compute exactly",
          "figures whose difference and rate fit 128-bit exact arithmetic");
    return std::nullopt;
  }
  static_cast<ChangeDescription&>(out) = *described;
  return out;
}

std::optional<Period> ReleaseBuilder::vs(const Placeholder& p, const char* fallback, const Subject& s) {
  const PlaceholderOption* o = p.option("vs");
  return period_of(o ? o->value : fallback, s.period, o ? o->where : p.where);
}

void ReleaseBuilder::change_phrase(const Placeholder& p, const Compared& c, const Figure& now, Prose* out) {
  if (!c.available) return out->add("no comparable figure");
  out->add(change_noun(c));
  if (c.direction == Direction::Flat) return;
  Prose rate;
  add_rate(p, c, now, &rate);
  if (rate.spans.empty()) return;
  out->add(" of");
  out->add(rate);
}

void ReleaseBuilder::add_rate(const Placeholder& p, const Compared& c, const Figure& now, Prose* out) {
  bool pure = now.unit.is_pure();
  if (c.measurable) {
    int decimals = decimals_option(p, "decimals", style_.percent_decimals);
    ProseFigure rate;
    rate.cell = ratio_cell(c.rate.abs(), Decimal(1), decimals);
    rate.cell.kind = CellKind::Percent;
    rate.suffix = pure ? " points" : "%";
    rate.source = std::string(pure ? "change in points, " : "change in percent, ") + c.source;
    auto printed = rate.cell.rounded();
    if (c.slight && printed && printed->is_zero()) return;  // "a slight decrease", not "of 0.0%"
    out->add(" ");
    out->add(std::move(rate));
    return;
  }
  out->add(" ");
  Figure difference = Figure::of(c.difference.abs(), now.unit);
  out->add(shown(difference, p, "difference, " + c.source));
}

void ReleaseBuilder::single_change(const Placeholder& p, const Subject& s, Prose* out) {
  Figure now;
  auto base = vs(p, "year-ago", s);
  if (!base) return;
  auto c = change_against(p, s, *base, &now);
  if (!c) return;
  if (!c->available) return out->add(p.directive == "moved" ? "could not be compared" : "no comparable figure");
  if (p.directive == "moved") {
    const PlaceholderOption* up = p.option("up");
    const PlaceholderOption* down = p.option("down");
    out->add(change_verb(*c, up ? up->value : "increased", down ? down->value : "decreased"));
    if (p.option("rate") && p.option("rate")->value == "yes" && c->direction != Direction::Flat)
      add_rate(p, *c, now, out);
    return;
  }
  change_phrase(p, *c, now, out);
}

std::optional<std::pair<Period, Period>> ReleaseBuilder::two_periods(const Placeholder& p, const Subject& s) {
  auto first = vs(p, "year-ago", s);
  if (!first) return std::nullopt;
  const PlaceholderOption* o = p.option("and");
  auto second = period_of(o ? o->value : "prior-quarter", s.period, o ? o->where : p.where);
  if (!second) return std::nullopt;
  if (*second == *first) {
    const FiscalCalendar& cal = in_.book.settings.calendar;
    error(o ? o->where : p.where,
          "'" + p.directive + "' would compare " + cal.name(s.period) + " with " + cal.name(*first) + " twice",
          "vs= and and= naming two different periods (default: vs=year-ago and=prior-quarter)", DiagnosticKind::Period);
    return std::nullopt;
  }
  return std::make_pair(*first, *second);
}

void ReleaseBuilder::compare(const Placeholder& p, const Subject& s, Prose* out) {
  const FiscalCalendar& cal = in_.book.settings.calendar;
  auto periods = two_periods(p, s);
  if (!periods) return;
  const auto& [first, second] = *periods;
  Figure now;
  auto a = change_against(p, s, first, &now);
  auto b = change_against(p, s, second);
  if (!a || !b) return;
  if (!now.has_value()) return out->add("no comparable figures");
  change_phrase(p, *a, now, out);
  // "and" unless two measured changes go different ways.
  std::string joint = a->available && b->available ? connective(*a, *b) : "and";
  out->add(" compared to " + cal.name(first) + " " + joint + " ");
  change_phrase(p, *b, now, out);
  out->add(" compared to " + cal.name(second));
}

void ReleaseBuilder::trend(const Placeholder& p, const Subject& s, Prose* out) {
  const FiscalCalendar& cal = in_.book.settings.calendar;
  auto periods = two_periods(p, s);
  if (!periods) return;
  const auto& [base, other] = *periods;
  Figure now, first, second;
  auto c = change_against(p, s, base, &now);
  if (!c || !value(*s.expr, base, &first) || !value(*s.expr, other, &second)) return;
  const PlaceholderOption* up = p.option("up");
  const PlaceholderOption* down = p.option("down");
  std::string verb = change_verb(*c, up ? up->value : "increased", down ? down->value : "decreased");
  if (!c->available) verb = "stood";
  out->add(c->direction == Direction::Flat ? verb + " at " : verb + " to ");
  out->add(shown(now, p, source(*s.expr, s.period, now)));
  out->add(" in " + cal.name(s.period) + " compared to ");
  out->add(shown(first, p, source(*s.expr, base, first)));
  out->add(" in " + cal.name(base) + " and ");
  out->add(shown(second, p, source(*s.expr, other, second)));
  out->add(" in " + cal.name(other));
}

void ReleaseBuilder::sign_trend(const Placeholder& p, const Subject& s, Prose* out) {
  Figure now, then;
  auto base = vs(p, "prior-quarter", s);
  if (!base || !value(*s.expr, s.period, &now) || !value(*s.expr, *base, &then)) return;
  if (!now.has_value() || !then.has_value()) return out->add("could not be compared");
  const PlaceholderOption* pos = p.option("positive");
  const PlaceholderOption* neg = p.option("negative");
  std::string positive = pos ? pos->value : "positive", negative = neg ? neg->value : "negative";
  if (now.value.is_zero()) return out->add("was zero");
  bool up = now.value.sign() > 0;
  bool same = then.value.sign() == now.value.sign();
  out->add((same ? "remained " : "turned ") + (up ? positive : negative));
}

}  // namespace kessan::report::release_parts
