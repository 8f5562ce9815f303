#include "report/release.hpp"

#include <algorithm>
#include <memory>
#include <set>

#include "core/scale.hpp"
#include "report/change_words.hpp"
#include "report/release_tables.hpp"
#include "report/statement.hpp"

namespace kessan::report {
namespace {

std::optional<int> small_integer(const std::string& s, int max) {
  if (s.empty() || s.size() > 2 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  int v = std::stoi(s);
  if (v > max) return std::nullopt;
  return v;
}

// A formula as quoted in a message: long ones end in "...".
std::string shortened(std::string text) {
  constexpr std::size_t kShown = 60;
  if (text.size() <= kShown) return text;
  std::size_t cut = kShown;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return text.substr(0, cut) + "...";
}

class ReleaseBuilder {
 public:
  ReleaseBuilder(const ReleaseInput& in, std::vector<Diagnostic>* errors)
      : in_(in), style_(in.book.settings.release), errors_(errors), figures_(in.book, in.period, errors) {}

  std::optional<ReleaseDocument> build() {
    std::size_t before = errors_->size();
    if (!figures_.ok()) return std::nullopt;
    const FiscalCalendar& cal = in_.book.settings.calendar;
    if (!cal.comparisons(in_.period)) {
      error({in_.book.settings.directory + "/book.toml", 0, 0},
            "period " + cal.name(in_.period) + " cannot be presented: " + cal.missing_comparison(in_.period),
            kYearsExpected, DiagnosticKind::Period);
      return std::nullopt;
    }
    check_expectations();
    for (const TemplatePiece& piece : in_.text.pieces)
      if (piece.placeholder && errors_->size() - before < in_.max_errors) check(*piece.placeholder);
    if (errors_->size() != before) return std::nullopt;
    ReleaseDocument doc;
    doc.title = in_.book.settings.name + " " + in_.book.settings.calendar.name(in_.period);
    Prose text;
    for (const TemplatePiece& piece : in_.text.pieces) {
      if (!piece.placeholder) {
        text.add(piece.text);
        continue;
      }
      const Placeholder& p = *piece.placeholder;
      if (p.block) {
        flush(&doc, &text);
        if (auto t = table(p.directive, p.argument)) doc.blocks.push_back({Prose(), std::move(*t)});
        continue;
      }
      fill(p, &text);
    }
    flush(&doc, &text);
    append_unplaced(&doc);
    // Every failure is reported where it happens; should one ever not be,
    // the release still fails, naming the figure, rather than print a gap.
    if (errors_->size() == before && unexplained_)
      error(unexplained_->where, unexplained_->what + " could not be worked out", "a figure kessan can work out");
    if (errors_->size() != before) return std::nullopt;
    return doc;
  }

 private:
  // ---- checks ---------------------------------------------------------------

  static constexpr const char* kYearsExpected = "periods within the years 0001 to 9999 that dates can have";

  // What has no finer kind is about the template's placeholders.
  void error(const SourceRef& where, std::string message, std::string expected,
             DiagnosticKind kind = DiagnosticKind::Template) {
    errors_->push_back(diagnostic_at(where, std::move(message), std::move(expected), kind));
  }

  // A period word or name relative to `base`; Figures reports unknown words
  // and periods outside the calendar's years.
  std::optional<Period> period_of(std::string_view word, const Period& base, const SourceRef& where) {
    return figures_.period(word, base, where);
  }

  // Remembers the first figure that could not be had without a diagnostic.
  void failed_silently(const SourceRef& where, std::string what) {
    if (!unexplained_) unexplained_ = Unexplained{where, std::move(what)};
  }

  void check(const Placeholder& p) {
    if (p.figure && figures_.check(*p.figure) && !is_expectation(p.directive)) check_unit_options(p);
    if (p.directive == "period" || p.directive == "date") period_of(p.argument, in_.period, p.argument_where);
    if (p.directive == "table" && figures_.find_layout(p.argument) < 0) {
      std::string ids;
      for (std::size_t i = 0; i < figures_.layout_count(); ++i)
        ids += (ids.empty() ? "" : ", ") + figures_.layout(i).id;
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

  // Every guidance and consensus record names a figure, once per period
  // (also when spelled differently: total-revenues, operations.total-revenues).
  void check_expectations() {
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
                "a second record for " + e.figure.text + " in " + e.period_name + " (the first is " +
                    other->where.file + ":" + std::to_string(other->where.line) + ")",
                "one record per figure and period", DiagnosticKind::Guidance);
      seen.push_back({&e, *t});
    }
  }

  // in= scales money and unit= is a statistic's unit: on other figures they
  // would change nothing.
  void check_unit_options(const Placeholder& p) {
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

  static bool option_is(const Placeholder& p, std::string_view name) { return p.option(name) != nullptr; }

  void check_option(const PlaceholderOption& o) {
    if (o.name == "in" && !scale_named(o.value))
      error(o.where, "unknown scale '" + o.value + "'", "unit, thousand, million, billion or trillion");
    if ((o.name == "decimals" || o.name == "usd") && !small_integer(o.value, 12))
      error(o.where, "'" + o.name + "' must be a number of decimals", "0 to 12");
    if (o.name == "vs") period_of(o.value, in_.period, o.where);
    if (o.name == "style" && o.value != "long" && o.value != "short")
      error(o.where, "unknown date style '" + o.value + "'", "long (June 30, 2002) or short (Jun 30, 2002)");
    if (o.name == "unit" && o.value != "yes" && o.value != "no")
      error(o.where, "'unit' must be yes or no", "unit=no to leave out a statistic's unit");
  }

  static bool is_expectation(const std::string& d) {
    return d == "guidance" || d == "expected" || d == "consensus" || d == "versus-consensus";
  }

  // ---- values -----------------------------------------------------------------

  // The figure a placeholder names and the period it is for: a trailing
  // @period shifts it, also through a sign or abs() (-x@year-ago).
  struct Subject {
    const Expr* expr = nullptr;
    Period period;
    std::shared_ptr<Expr> owned;  // the figure without its shift, when rebuilt
  };

  static const Expr* shift_of(const Expr& e) {
    const Expr* x = &e;
    while (x->op == ExprOp::Negate || x->op == ExprOp::Abs) x = &x->args[0];
    return x->op == ExprOp::AtPeriod ? x : nullptr;
  }

  // Whether a period shift stands anywhere below the top of `e` (however
  // long its chains: the walk does not recurse).
  static bool shifted_inside(const Expr& e) {
    bool found = false;
    for_each_node(e, [&](const Expr& x) { found = found || (&x != &e && x.op == ExprOp::AtPeriod); });
    return found;
  }

  static Expr without_shift(const Expr& e) {
    if (e.op == ExprOp::AtPeriod) return e.args[0];
    Expr copy = e;
    copy.args[0] = without_shift(e.args[0]);
    return copy;
  }

  std::optional<Subject> subject(const Placeholder& p) {
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

  // Evaluates a placeholder's figure; an error found deeper (in a measure or
  // table) names the placeholder that needed it.
  bool value(const Expr& e, const Period& period, Figure* out) {
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

  std::string source(const Expr& e, const Period& period, const Figure& f) const {
    std::string v = f.state == Figure::State::Value          ? f.value.to_string() + " " + f.unit.to_string()
                    : f.state == Figure::State::NotAvailable ? "n/a"
                                                             : "n/m";
    return to_string(e) + " for " + in_.book.settings.calendar.name(period) + " = " + v;
  }

  Scale scale_option(const Placeholder& p, const Scale& fallback) const {
    if (const PlaceholderOption* o = p.option("in")) return *scale_named(o->value);
    return fallback;
  }

  static int decimals_option(const Placeholder& p, std::string_view name, int fallback) {
    if (const PlaceholderOption* o = p.option(name)) return *small_integer(o->value, 12);
    return fallback;
  }

  // v / divisor as a cell; "n/m" when the divisor is missing (an overflow
  // before) or zero, or the denominator overflows: never a wrong figure.
  static Cell ratio_cell(const Ratio& v, const std::optional<Decimal>& divisor, int decimals) {
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

  // A figure as prose shows it: money in a scale with the currency prefix,
  // pure numbers as percentages, statistics with their unit.
  ProseFigure shown(const Figure& f, const Placeholder& p, std::string src, bool magnitude = false) {
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

  // "$82 million": a money figure translated at the convenience rate.
  std::optional<ProseFigure> translated(const Ratio& v, const Scale& scale, int decimals, std::string src) {
    const auto& c = in_.book.settings.convenience;
    if (!c) return std::nullopt;
    ProseFigure out;
    out.negative = style_.negative;
    out.cell = ratio_cell(v, Decimal::mul(scale.factor, c->rate), decimals);
    out.prefix = style_.convenience_prefix;
    out.suffix = scale.word.empty() ? "" : " " + scale.word;
    out.source =
        std::move(src) + " at " + c->rate.to_string() + " " + in_.book.settings.currency + " per " + c->currency;
    return out;
  }

  bool require_money(const Placeholder& p, const Figure& f) {
    if (!f.has_value() || f.unit == figures_.money()) return true;
    error(p.where,
          "'" + (p.directive.empty() ? std::string("usd") : p.directive) + "' applies to amounts of money, not to " +
              f.unit.to_string(),
          "a figure in " + in_.book.settings.currency);
    return false;
  }

  // ---- filling ------------------------------------------------------------------

  void fill(const Placeholder& p, Prose* out) {
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

  void add_usd(const Placeholder& p, const Subject& s, const Figure& f, Prose* out, bool magnitude) {
    const PlaceholderOption* usd = p.option("usd");
    if (!usd || !require_money(p, f) || !f.has_value()) return;
    Ratio v = magnitude ? f.value.abs() : f.value;
    auto t = translated(v, scale_option(p, style_.scale), *small_integer(usd->value, 12), source(*s.expr, s.period, f));
    if (!t) return;
    out->add(" (");
    out->add(std::move(*t));
    out->add(")");
  }

  void plain(const Placeholder& p, const Subject& s, Prose* out) {
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

  void worded(const Placeholder& p, const Subject& s, Prose* out) {
    Figure f;
    if (!value(*s.expr, s.period, &f)) return;
    const PlaceholderOption* word = f.has_value() && f.value.sign() < 0                      ? p.option("negative")
                                    : f.has_value() && f.value.is_zero() && p.option("zero") ? p.option("zero")
                                                                                             : p.option("positive");
    out->add(word->value + " of ");
    out->add(shown(f, p, source(*s.expr, s.period, f), true));
    add_usd(p, s, f, out, true);
  }

  // A change and where its figures come from, for tracing.
  struct Compared : ChangeDescription {
    bool available = false;  // both figures exist
    std::string source;
  };

  // The change of the subject against `base`, with the printed figures the
  // "flat" rule compares.
  std::optional<Compared> change_against(const Placeholder& p, const Subject& s, const Period& base,
                                         Figure* current_out = nullptr) {
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

  // The comparison period, relative to the subject's period.
  std::optional<Period> vs(const Placeholder& p, const char* fallback, const Subject& s) {
    const PlaceholderOption* o = p.option("vs");
    return period_of(o ? o->value : fallback, s.period, o ? o->where : p.where);
  }

  // "an increase of 18.2%", "a slight decrease", "no change", "an increase of JPY650 million".
  void change_phrase(const Placeholder& p, const Compared& c, const Figure& now, Prose* out) {
    if (!c.available) return out->add("no comparable figure");
    out->add(change_noun(c));
    if (c.direction == Direction::Flat) return;
    Prose rate;
    add_rate(p, c, now, &rate);
    if (rate.spans.empty()) return;
    out->add(" of");
    out->add(rate);
  }

  // " 18.2%", " 3.4 points", " JPY650 million" (the difference, when no
  // percentage applies); nothing for a slight change that rounds to zero.
  void add_rate(const Placeholder& p, const Compared& c, const Figure& now, Prose* out) {
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

  void single_change(const Placeholder& p, const Subject& s, Prose* out) {
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

  // The year-ago period and prior quarter of a placeholder's (shifted) period.
  std::optional<Comparisons> comparisons_of(const Placeholder& p, const Period& period) {
    const FiscalCalendar& cal = in_.book.settings.calendar;
    auto compared = cal.comparisons(period);
    if (!compared)
      error(p.where, "'" + p.directive + "' compares " + cal.name(period) + ", but " + cal.missing_comparison(period),
            kYearsExpected, DiagnosticKind::Period);
    return compared;
  }

  // "an increase of 18.2% compared to 1Q01 but a decrease of 18.7% compared to 4Q01"
  void compare(const Placeholder& p, const Subject& s, Prose* out) {
    const FiscalCalendar& cal = in_.book.settings.calendar;
    auto compared = comparisons_of(p, s.period);
    if (!compared) return;
    const Period &year_ago = compared->year_ago, &prior = compared->prior_quarter;
    Figure now;
    auto a = change_against(p, s, year_ago, &now);
    auto b = change_against(p, s, prior);
    if (!a || !b) return;
    if (!now.has_value()) return out->add("no comparable figures");
    change_phrase(p, *a, now, out);
    // "and" unless two measured changes go different ways.
    std::string joint = a->available && b->available ? connective(*a, *b) : "and";
    out->add(" compared to " + cal.name(year_ago) + " " + joint + " ");
    change_phrase(p, *b, now, out);
    out->add(" compared to " + cal.name(prior));
  }

  // "declined to 9.1% in 1Q02 compared to 12.5% in 1Q01 and 11.6% in 4Q01"
  void trend(const Placeholder& p, const Subject& s, Prose* out) {
    const FiscalCalendar& cal = in_.book.settings.calendar;
    auto compared = comparisons_of(p, s.period);
    if (!compared) return;
    auto base = vs(p, "year-ago", s);
    if (!base) return;
    const Period &year_ago = compared->year_ago, &prior = compared->prior_quarter;
    Figure now, first, second;
    auto c = change_against(p, s, *base, &now);
    if (!c || !value(*s.expr, year_ago, &first) || !value(*s.expr, prior, &second)) return;
    const PlaceholderOption* up = p.option("up");
    const PlaceholderOption* down = p.option("down");
    std::string verb = change_verb(*c, up ? up->value : "increased", down ? down->value : "decreased");
    if (!c->available) verb = "stood";
    out->add(c->direction == Direction::Flat ? verb + " at " : verb + " to ");
    out->add(shown(now, p, source(*s.expr, s.period, now)));
    out->add(" in " + cal.name(s.period) + " compared to ");
    out->add(shown(first, p, source(*s.expr, year_ago, first)));
    out->add(" in " + cal.name(year_ago) + " and ");
    out->add(shown(second, p, source(*s.expr, prior, second)));
    out->add(" in " + cal.name(prior));
  }

  // "remained positive", "turned negative": the sign against the comparison period.
  void sign_trend(const Placeholder& p, const Subject& s, Prose* out) {
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

  // ---- guidance and consensus ---------------------------------------------------

  const Expectation* find_expectation(Expectation::Kind kind, const NameTarget& target, const Period& period) {
    for (const Expectation& e : in_.expectations.records) {
      if (e.kind != kind || e.period.first != period.first || e.period.last != period.last) continue;
      auto t = figures_.resolve(e.figure.text, e.figure.where);
      if (t && t->kind == target.kind && t->layout == target.layout && t->index == target.index) return &e;
    }
    return nullptr;
  }

  // Checks (only_check) or fills a guidance, expected, consensus or versus-consensus placeholder.
  void expectation(const Placeholder& p, bool only_check, Prose* out = nullptr) {
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
        error(p.where,
              std::string("no ") + (consensus ? "consensus" : "guidance") + " record for " + e->text + " in " +
                  period_name,
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
                   "the " + std::string(consensus ? "consensus" : "guidance") + " for " + e->text + " in " +
                       period_name + " is too large to compute exactly",
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

  // An expected figure as written in its record: "JPY9.5 billion", "34%", "1,200 contracts".
  ProseFigure expectation_figure(const Expectation& e, const Decimal& amount, const Placeholder& p, const Unit& unit) {
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

  void add_expectation_usd(const Placeholder& p, const Expectation& e, const Decimal& amount, Prose* out) {
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

  // "between JPY10.5 billion ($87.6 million) and JPY11.0 billion ($91.8 million)"
  void expected_range(const Placeholder& p, const Expectation& e, const Unit& unit, Prose* out) {
    if (e.is_range()) out->add("between ");
    out->add(expectation_figure(e, e.low, p, unit));
    add_expectation_usd(p, e, e.low, out);
    if (!e.is_range()) return;
    out->add(" and ");
    out->add(expectation_figure(e, e.high, p, unit));
    add_expectation_usd(p, e, e.high, out);
  }

  // ---- tables -------------------------------------------------------------------

  std::optional<Table> table(const std::string& directive, const std::string& id) {
    if (directive == "reconciliation") {
      long m = figures_.find_measure(id);
      placed_measures_.insert(static_cast<std::size_t>(m));
      return reconciliation(static_cast<std::size_t>(m));
    }
    long l = figures_.find_layout(id);
    placed_layouts_.insert(static_cast<std::size_t>(l));
    return layout_table(static_cast<std::size_t>(l));
  }

  std::optional<Table> layout_table(std::size_t l) {
    const StatementLayout& layout = figures_.layout(l);
    if (layout.kind != StatementKind::Table)
      return build_statement({in_.book.journal, in_.book.settings, layout, in_.period}, errors_);
    std::size_t before = errors_->size();
    auto t = build_table(figures_, l);
    if (!t && errors_->size() == before) failed_silently(layout.where, "table '" + layout.id + "'");
    return t;
  }

  std::optional<Table> reconciliation(std::size_t m) {
    std::size_t before = errors_->size();
    auto t = build_reconciliation(figures_, m);
    if (!t && errors_->size() == before)
      failed_silently(figures_.measures().measures[m].where,
                      "the reconciliation of '" + figures_.measures().measures[m].id + "'");
    return t;
  }

  void append_unplaced(ReleaseDocument* doc) {
    for (std::size_t l = 0; l < figures_.layout_count(); ++l) {
      if (placed_layouts_.count(l) || !shown_for(figures_.layout(l), in_.period)) continue;
      if (auto t = layout_table(l)) doc->blocks.push_back({Prose(), std::move(*t)});
    }
    for (std::size_t m = 0; m < figures_.measures().measures.size(); ++m) {
      if (placed_measures_.count(m) || !figures_.measures().measures[m].reconcile_from) continue;
      if (auto t = reconciliation(m)) doc->blocks.push_back({Prose(), std::move(*t)});
    }
  }

  static void flush(ReleaseDocument* doc, Prose* text) {
    bool blank = std::all_of(text->spans.begin(), text->spans.end(), [](const Span& s) {
      return !s.figure && s.text.find_first_not_of(" \t\r\n") == std::string::npos;
    });
    if (blank) {
      *text = Prose();
      return;
    }
    doc->blocks.push_back({std::move(*text), std::nullopt});
    *text = Prose();
  }

  struct Unexplained {
    SourceRef where;
    std::string what;
  };

  const ReleaseInput& in_;
  const ReleaseStyle& style_;
  std::vector<Diagnostic>* errors_;
  Figures figures_;
  std::set<std::size_t> placed_layouts_, placed_measures_;
  bool unresolved_records_ = false;
  std::optional<Unexplained> unexplained_;
};

}  // namespace

std::optional<ReleaseDocument> build_release(const ReleaseInput& in, std::vector<Diagnostic>* errors) {
  return ReleaseBuilder(in, errors).build();
}

}  // namespace kessan::report
