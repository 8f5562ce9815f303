#pragma once
// Internal to the release (report/release.hpp): the builder that checks a
// template's placeholders and fills them. Not for other reports.
//
// Contract:
//  - build() checks every placeholder before it fills any; a placeholder
//    with a problem is a diagnostic at the placeholder and there is no
//    release. Figures come from report/figures.hpp, comparison words from
//    report/change_words.hpp, guidance from the book's records.
//  - A figure that cannot be had is reported where it fails; one that fails
//    without a diagnostic is remembered (failed_silently) and still fails
//    the release.
//  - The builder's members are defined by concept in
//      release.cpp           build(), diagnostics and the placement of
//                            statements, tables and reconciliations,
//      release_checks.cpp    checking placeholders and their options,
//      release_figures.cpp   evaluating and showing figures, filling plain,
//                            usd and worded placeholders,
//      release_changes.cpp   comparisons: change, moved, compare, trend, sign,
//      release_guidance.cpp  guidance, expected, consensus, versus-consensus.

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/scale.hpp"
#include "report/change_words.hpp"
#include "report/release.hpp"

namespace kessan::report::release_parts {

// A whole number of at most two digits, no larger than max.
std::optional<int> small_integer(const std::string& s, int max);

// A formula as quoted in a message: long ones end in "...".
std::string shortened(std::string text);

class ReleaseBuilder {
 public:
  ReleaseBuilder(const ReleaseInput& in, std::vector<Diagnostic>* errors)
      : in_(in), style_(in.book.settings.release), errors_(errors), figures_(in.book, in.period, errors) {}

  std::optional<ReleaseDocument> build();

 private:
  // ---- diagnostics (release.cpp) ----------------------------------------------

  static constexpr const char* kYearsExpected = "periods within the years 0001 to 9999 that dates can have";

  // What has no finer kind is about the template's placeholders.
  void error(const SourceRef& where, std::string message, std::string expected,
             DiagnosticKind kind = DiagnosticKind::Template);

  // A period word or name relative to `base`; Figures reports unknown words
  // and periods outside the calendar's years.
  std::optional<Period> period_of(std::string_view word, const Period& base, const SourceRef& where);

  // Remembers the first figure that could not be had without a diagnostic.
  void failed_silently(const SourceRef& where, std::string what);

  // ---- checks (release_checks.cpp) ------------------------------------------

  void check(const Placeholder& p);

  // Every guidance and consensus record names a figure, once per period
  // (also when spelled differently: total-revenues, operations.total-revenues).
  void check_expectations();

  // in= scales money and unit= is a statistic's unit: on other figures they
  // would change nothing.
  void check_unit_options(const Placeholder& p);

  static bool option_is(const Placeholder& p, std::string_view name);

  void check_option(const PlaceholderOption& o);

  static bool is_expectation(const std::string& d);

  // The shift of a figure that ends in @period, also through a sign or abs(); null if none.
  static const Expr* shift_of(const Expr& e);

  // Whether a period shift stands anywhere below the top of `e` (however
  // long its chains: the walk does not recurse).
  static bool shifted_inside(const Expr& e);

  // ---- figures (release_figures.cpp) ----------------------------------------

  // The figure a placeholder names and the period it is for: a trailing
  // @period shifts it, also through a sign or abs() (-x@year-ago).
  struct Subject {
    const Expr* expr = nullptr;
    Period period;
    std::shared_ptr<Expr> owned;  // the figure without its shift, when rebuilt
  };

  static Expr without_shift(const Expr& e);

  std::optional<Subject> subject(const Placeholder& p);

  // Evaluates a placeholder's figure; an error found deeper (in a measure or
  // table) names the placeholder that needed it.
  bool value(const Expr& e, const Period& period, Figure* out);

  std::string source(const Expr& e, const Period& period, const Figure& f) const;

  Scale scale_option(const Placeholder& p, const Scale& fallback) const;

  static int decimals_option(const Placeholder& p, std::string_view name, int fallback);

  // v / divisor as a cell; "n/m" when the divisor is missing (an overflow
  // before) or zero, or the denominator overflows: never a wrong figure.
  static Cell ratio_cell(const Ratio& v, const std::optional<Decimal>& divisor, int decimals);

  // A figure as prose shows it: money in a scale with the currency prefix,
  // pure numbers as percentages, statistics with their unit.
  ProseFigure shown(const Figure& f, const Placeholder& p, std::string src, bool magnitude = false);

  // "$82 million": a money figure translated at the convenience rate.
  std::optional<ProseFigure> translated(const Ratio& v, const Scale& scale, int decimals, std::string src);

  bool require_money(const Placeholder& p, const Figure& f);

  // Fills one inline placeholder (checked before) into `out`.
  void fill(const Placeholder& p, Prose* out);

  void add_usd(const Placeholder& p, const Subject& s, const Figure& f, Prose* out, bool magnitude);

  void plain(const Placeholder& p, const Subject& s, Prose* out);

  void worded(const Placeholder& p, const Subject& s, Prose* out);

  // ---- comparisons (release_changes.cpp) ------------------------------------

  // A change and where its figures come from, for tracing.
  struct Compared : ChangeDescription {
    bool available = false;  // both figures exist
    std::string source;
  };

  // The change of the subject against `base`, with the printed figures the
  // "flat" rule compares.
  std::optional<Compared> change_against(const Placeholder& p, const Subject& s, const Period& base,
                                         Figure* current_out = nullptr);

  // The comparison period, relative to the subject's period.
  std::optional<Period> vs(const Placeholder& p, const char* fallback, const Subject& s);

  // "an increase of 18.2%", "a slight decrease", "no change", "an increase of JPY650 million".
  void change_phrase(const Placeholder& p, const Compared& c, const Figure& now, Prose* out);

  // " 18.2%", " 3.4 points", " JPY650 million" (the difference, when no
  // percentage applies); nothing for a slight change that rounds to zero.
  void add_rate(const Placeholder& p, const Compared& c, const Figure& now, Prose* out);

  void single_change(const Placeholder& p, const Subject& s, Prose* out);

  // The year-ago period and prior quarter of a placeholder's (shifted) period.
  // The two comparison periods of compare and trend (`vs=`, default
  // year-ago; `and=`, default prior-quarter); an error when they are one.
  std::optional<std::pair<Period, Period>> two_periods(const Placeholder& p, const Subject& s);

  // "an increase of 18.2% compared to 1Q01 but a decrease of 18.7% compared to 4Q01"
  void compare(const Placeholder& p, const Subject& s, Prose* out);

  // "declined to 9.1% in 1Q02 compared to 12.5% in 1Q01 and 11.6% in 4Q01"
  void trend(const Placeholder& p, const Subject& s, Prose* out);

  // "remained positive", "turned negative": the sign against the comparison period.
  void sign_trend(const Placeholder& p, const Subject& s, Prose* out);

  // ---- guidance and consensus (release_guidance.cpp) ------------------------

  const Expectation* find_expectation(Expectation::Kind kind, const NameTarget& target, const Period& period);

  // Checks (only_check) or fills a guidance, expected, consensus or versus-consensus placeholder.
  void expectation(const Placeholder& p, bool only_check, Prose* out = nullptr);

  // An expected figure as written in its record: "JPY9.5 billion", "34%", "1,200 contracts".
  ProseFigure expectation_figure(const Expectation& e, const Decimal& amount, const Placeholder& p, const Unit& unit);

  void add_expectation_usd(const Placeholder& p, const Expectation& e, const Decimal& amount, Prose* out);

  // "between JPY10.5 billion ($87.6 million) and JPY11.0 billion ($91.8 million)"
  void expected_range(const Placeholder& p, const Expectation& e, const Unit& unit, Prose* out);

  // ---- tables (release.cpp) -------------------------------------------------

  std::optional<Table> table(const std::string& directive, const std::string& id);

  std::optional<Table> layout_table(std::size_t l);

  std::optional<Table> reconciliation(std::size_t m);

  void append_unplaced(ReleaseDocument* doc);

  static void flush(ReleaseDocument* doc, Prose* text);

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

}  // namespace kessan::report::release_parts
