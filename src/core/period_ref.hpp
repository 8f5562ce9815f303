#pragma once
// PeriodRef: a period named relative to the period being reported, as
// layout columns, formulas (`x@year-ago`), template options (`vs=`) and
// guidance write it. One grammar, one resolver (docs/periods.md):
//
//   ref   := word ("." word)*
//   word  := shift | shape | NAME
//   shift := current | year-ago | N-years-ago | prior-quarter | next-quarter
//          | N-quarters-ago | N-quarters-ahead | prior-fiscal-year
//   shape := quarter | ytd | year-to-date | fiscal-year | ttm | half | nine-months
//          | end | prior-year-end
//   NAME  := a period the calendar names ("1Q02", "FY2002", "1Q02..2Q02", "2002-03-31")
//
// Resolving a reference against a period P: start from P (or from the named
// period, which makes the reference absolute), move its end by the shifts
// (a year is four quarters), then give it the shape: the quarter it ends
// with, the year to date at its end, its whole fiscal year, the four, two or
// three quarters ending with it, its last day (`end`), or the last day of the
// fiscal year before (`prior-year-end`). Without a shape it keeps its length:
// the prior quarter of six months is the six months a quarter earlier.
//
// Contract: parse() is the only parser of period words; a reference is
// parsed once (when the layout, formula or template is bound) and resolved
// per reported period. resolve() is empty when the period would reach
// outside the years 0001 to 9999.

#include <optional>
#include <string>
#include <string_view>

#include "core/fiscal_calendar.hpp"

namespace kessan {

struct PeriodRef {
  enum class Shape { Same, Quarter, YearToDate, FiscalYear, Trailing, Half, NineMonths, End, PriorYearEnd };
  std::optional<Period> named;  // an absolute starting point
  int quarters = 0;             // shift of the end, in quarters (negative: earlier)
  Shape shape = Shape::Same;
  std::string text;  // as written

  static PeriodRef current() { return word(0, Shape::Same, "current"); }
  static PeriodRef year_ago() { return word(-4, Shape::Same, "year-ago"); }
  static PeriodRef prior_quarter() { return word(-1, Shape::Same, "prior-quarter"); }
  static PeriodRef word(int quarters, Shape shape, std::string text) {
    PeriodRef r;
    r.quarters = quarters;
    r.shape = shape;
    r.text = std::move(text);
    return r;
  }

  bool is_current() const { return !named && quarters == 0 && shape == Shape::Same; }
  // Whether it always names a balance date.
  bool is_instant() const { return shape == Shape::End || shape == Shape::PriorYearEnd; }
};

struct PeriodRefError {
  std::string message;   // "unknown period word 'yesteryear'"
  std::string expected;  // what is accepted
};

// Parses `text`; on failure returns empty and fills *error (naming
// `example`, when given, as a period name that would do).
std::optional<PeriodRef> parse_period_ref(std::string_view text, const FiscalCalendar& calendar, PeriodRefError* error,
                                          const Period* example = nullptr);

// The period `ref` names when `base` is reported; empty outside the years
// 0001 to 9999.
std::optional<Period> resolve(const PeriodRef& ref, const Period& base, const FiscalCalendar& calendar);

// The period words, for messages: "current, year-ago, prior-quarter, …".
const char* period_words();

}  // namespace kessan
