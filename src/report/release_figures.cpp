// Figures in a release's prose (release_builder.hpp): a placeholder's figure
// and period (a trailing @period shifts it), its value from report/figures,
// and how it is shown: money in the release's scale with the currency
// prefix, pure numbers as percentages, statistics with their unit, and the
// convenience translation. Fills plain, usd and worded placeholders and
// dispatches the others.
//
// Contract: a figure that is not available or not meaningful shows as n/a or
// n/m, never as a wrong number; an evaluation error names the placeholder
// that needed the figure.

#include <memory>
#include <string>

#include "report/release_builder.hpp"

namespace kessan::report::release_parts {

Expr ReleaseBuilder::without_shift(const Expr& e) {
  if (e.op == ExprOp::AtPeriod) return e.args[0];
  Expr copy = e;
  copy.args[0] = without_shift(e.args[0]);
  return copy;
}

std::optional<ReleaseBuilder::Subject> ReleaseBuilder::subject(const Placeholder& p) {
  Subject s{&*p.figure, in_.period, nullptr};
  const Expr* shift = shift_of(*p.figure);
  if (!shift) return s;
  auto shifted = period_of(shift->text, in_.period, shift->where);
  if (!shifted) return std::nullopt;
  s.period = *shifted;
  s.owned = std::make_shared<Expr>(without_shift(*p.figure));
  s.expr = s.owned.get();
  return s;
}

bool ReleaseBuilder::value(const Expr& e, const Period& period, Figure* out) {
  std::size_t before = errors_->size();
  if (figures_.evaluate(e, period, out)) return true;
  if (errors_->size() == before)
    failed_silently(e.where, "'" + shortened(to_string(e)) + "' for " + in_.book.settings.calendar.name(period));
  for (std::size_t i = before; i < errors_->size(); ++i) {
    Diagnostic& d = (*errors_)[i];
    if (d.file != e.where.file || d.line != e.where.line)
      d.notes.push_back("needed by " + e.where.file + ":" + std::to_string(e.where.line) + ":" +
                        std::to_string(e.where.column) + " (" + to_string(e) + " for " +
                        in_.book.settings.calendar.name(period) + ")");
  }
  return false;
}

std::string ReleaseBuilder::source(const Expr& e, const Period& period, const Figure& f) const {
  std::string v = f.state == Figure::State::Value          ? f.value.to_string() + " " + f.unit.to_string()
                  : f.state == Figure::State::NotAvailable ? "n/a"
                                                           : "n/m";
  return to_string(e) + " for " + in_.book.settings.calendar.name(period) + " = " + v;
}

Scale ReleaseBuilder::scale_option(const Placeholder& p, const Scale& fallback) const {
  if (const PlaceholderOption* o = p.option("in")) return *scale_named(o->value);
  return fallback;
}

int ReleaseBuilder::decimals_option(const Placeholder& p, std::string_view name, int fallback) {
  if (const PlaceholderOption* o = p.option(name)) return *small_integer(o->value, 12);
  return fallback;
}

Cell ReleaseBuilder::ratio_cell(const Ratio& v, const std::optional<Decimal>& divisor, int decimals) {
  Cell c;
  c.decimals = decimals;
  auto denominator = divisor ? Decimal::mul(v.denominator_decimal(), *divisor) : std::nullopt;
  if (!denominator || denominator->is_zero()) {
    c.kind = CellKind::NotMeaningful;
    return c;
  }
  c.kind = CellKind::Number;
  c.numerator = v.numerator_decimal();
  c.denominator = *denominator;
  return c;
}

ProseFigure ReleaseBuilder::shown(const Figure& f, const Placeholder& p, std::string src, bool magnitude) {
  ProseFigure out;
  out.negative = style_.negative;
  out.source = std::move(src);
  Ratio v = magnitude ? f.value.abs() : f.value;
  if (f.state != Figure::State::Value) {
    out.cell.kind = f.state == Figure::State::NotAvailable ? CellKind::NotAvailable : CellKind::NotMeaningful;
    return out;
  }
  if (f.unit == figures_.money()) {
    Scale scale = scale_option(p, style_.scale);
    out.cell = ratio_cell(v, scale.factor, decimals_option(p, "decimals", 0));
    out.prefix = style_.currency_prefix;
    out.suffix = scale.word.empty() ? "" : " " + scale.word;
  } else if (f.unit.is_pure()) {
    auto hundredfold = Ratio::mul(v, Ratio(100));
    if (!hundredfold) {
      out.cell.kind = CellKind::NotMeaningful;
      return out;
    }
    out.cell = ratio_cell(*hundredfold, Decimal(1), decimals_option(p, "decimals", style_.percent_decimals));
    out.cell.kind = out.cell.kind == CellKind::Number ? CellKind::Percent : out.cell.kind;
    out.suffix = "%";
  } else {
    out.cell = ratio_cell(v, Decimal(1), decimals_option(p, "decimals", 0));
    const PlaceholderOption* unit = p.option("unit");
    if (!unit || unit->value == "yes") out.suffix = " " + f.unit.to_string();
  }
  return out;
}

std::optional<ProseFigure> ReleaseBuilder::translated(const Ratio& v, const Scale& scale, int decimals,
                                                      std::string src) {
  const auto& c = in_.book.settings.convenience;
  if (!c) return std::nullopt;
  ProseFigure out;
  out.negative = style_.negative;
  out.cell = ratio_cell(v, Decimal::mul(scale.factor, c->rate), decimals);
  out.prefix = style_.convenience_prefix;
  out.suffix = scale.word.empty() ? "" : " " + scale.word;
  out.source = std::move(src) + " at " + c->rate.to_string() + " " + in_.book.settings.currency + " per " + c->currency;
  return out;
}

bool ReleaseBuilder::require_money(const Placeholder& p, const Figure& f) {
  if (!f.has_value() || f.unit == figures_.money()) return true;
  error(p.where,
        "'" + (p.directive.empty() ? std::string("usd") : p.directive) + "' applies to amounts of money, not to " +
            f.unit.to_string(),
        "a figure in " + in_.book.settings.currency);
  return false;
}

void ReleaseBuilder::fill(const Placeholder& p, Prose* out) {
  const std::string& d = p.directive;
  if (d == "period" || d == "date") {
    auto named = period_of(p.argument, in_.period, p.where);
    if (!named) return;
    if (d == "period") return out->add(in_.book.settings.calendar.name(*named));
    const PlaceholderOption* s = p.option("style");
    return out->add(s && s->value == "short" ? long_date(named->last) : full_date(named->last));
  }
  if (d == "rate") {
    const Decimal& rate = in_.book.settings.convenience->rate;
    ProseFigure f;
    f.cell.kind = CellKind::Number;
    f.cell.numerator = rate;
    f.cell.decimals = rate.scale();
    f.source = "the convenience rate, " + in_.book.settings.currency + " per " +
               in_.book.settings.convenience->currency + " (" + in_.book.settings.directory + "/book.toml)";
    return out->add(std::move(f));
  }
  if (d == "rate-date") return out->add(full_date(in_.book.settings.convenience->date));
  if (is_expectation(d)) return expectation(p, false, out);
  auto s = subject(p);
  if (!s) return;
  if (d.empty() || d == "usd") return plain(p, *s, out);
  if (d == "worded") return worded(p, *s, out);
  if (d == "change" || d == "moved") return single_change(p, *s, out);
  if (d == "compare") return compare(p, *s, out);
  if (d == "trend") return trend(p, *s, out);
  if (d == "sign") return sign_trend(p, *s, out);
}

void ReleaseBuilder::add_usd(const Placeholder& p, const Subject& s, const Figure& f, Prose* out, bool magnitude) {
  const PlaceholderOption* usd = p.option("usd");
  if (!usd || !require_money(p, f) || !f.has_value()) return;
  Ratio v = magnitude ? f.value.abs() : f.value;
  auto t = translated(v, scale_option(p, style_.scale), *small_integer(usd->value, 12), source(*s.expr, s.period, f));
  if (!t) return;
  out->add(" (");
  out->add(std::move(*t));
  out->add(")");
}

void ReleaseBuilder::plain(const Placeholder& p, const Subject& s, Prose* out) {
  Figure f;
  if (!value(*s.expr, s.period, &f)) return;
  if (p.directive == "usd") {
    if (!require_money(p, f)) return;
    if (!f.has_value()) return out->add(shown(f, p, source(*s.expr, s.period, f)));
    auto t = translated(f.value, scale_option(p, style_.scale), decimals_option(p, "decimals", 0),
                        source(*s.expr, s.period, f));
    if (t) out->add(std::move(*t));
    return;
  }
  out->add(shown(f, p, source(*s.expr, s.period, f)));
  add_usd(p, s, f, out, false);
}

void ReleaseBuilder::worded(const Placeholder& p, const Subject& s, Prose* out) {
  Figure f;
  if (!value(*s.expr, s.period, &f)) return;
  const PlaceholderOption* word = f.has_value() && f.value.sign() < 0                      ? p.option("negative")
                                  : f.has_value() && f.value.is_zero() && p.option("zero") ? p.option("zero")
                                                                                           : p.option("positive");
  out->add(word->value + " of ");
  out->add(shown(f, p, source(*s.expr, s.period, f), true));
  add_usd(p, s, f, out, true);
}

}  // namespace kessan::report::release_parts
