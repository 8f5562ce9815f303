#include "core/period_ref.hpp"

#include <charconv>

namespace kessan {
namespace {

// "3-quarters-ago" -> 3 (with its suffix removed); 0 when it is not that form.
int counted(std::string_view word, std::string_view suffix) {
  if (word.size() <= suffix.size() || word.substr(word.size() - suffix.size()) != suffix) return 0;
  std::string_view digits = word.substr(0, word.size() - suffix.size());
  int n = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (ec != std::errc() || end != digits.data() + digits.size() || n < 1 || n > 400) return 0;
  return n;
}

bool shape_word(std::string_view w, PeriodRef::Shape* out) {
  using S = PeriodRef::Shape;
  static const std::pair<const char*, S> kShapes[] = {{"quarter", S::Quarter},
                                                      {"ytd", S::YearToDate},
                                                      {"year-to-date", S::YearToDate},
                                                      {"fiscal-year", S::FiscalYear},
                                                      {"ttm", S::Trailing},
                                                      {"trailing-four-quarters", S::Trailing},
                                                      {"half", S::Half},
                                                      {"six-months", S::Half},
                                                      {"nine-months", S::NineMonths},
                                                      {"end", S::End},
                                                      {"prior-year-end", S::PriorYearEnd}};
  for (const auto& [name, shape] : kShapes)
    if (w == name) return *out = shape, true;
  return false;
}

// A shift word's quarters (year-ago: -4); false when it is not one.
bool shift_word(std::string_view w, int* quarters) {
  if (w == "current") return *quarters = 0, true;
  if (w == "year-ago") return *quarters = -4, true;
  if (w == "prior-quarter") return *quarters = -1, true;
  if (w == "next-quarter") return *quarters = 1, true;
  if (int n = counted(w, "-years-ago")) return *quarters = -4 * n, true;
  if (int n = counted(w, "-quarters-ago")) return *quarters = -n, true;
  if (int n = counted(w, "-quarters-ahead")) return *quarters = n, true;
  return false;
}

}  // namespace

const char* period_words() {
  return "current, year-ago, N-years-ago, prior-quarter, N-quarters-ago, next-quarter, N-quarters-ahead, "
         "quarter, ytd, fiscal-year, prior-fiscal-year, ttm, half, nine-months, end, prior-year-end";
}

std::optional<PeriodRef> parse_period_ref(std::string_view text, const FiscalCalendar& calendar, PeriodRefError* error,
                                          const Period* example) {
  PeriodRef ref;
  ref.text = std::string(text);
  bool shaped = false;
  auto fail = [&](std::string message, std::string expected) -> std::optional<PeriodRef> {
    *error = {std::move(message), std::move(expected)};
    return std::nullopt;
  };
  if (text.empty()) return fail("a period is missing", std::string("a period word (") + period_words() + ")");
  std::size_t at = 0;
  bool first = true;
  while (at <= text.size()) {
    std::size_t dot = text.find('.', at);
    // "1Q02..2Q02" is one name.
    while (dot != std::string_view::npos && dot + 1 < text.size() && text[dot + 1] == '.')
      dot = text.find('.', dot + 2);
    std::string_view w = text.substr(at, dot == std::string_view::npos ? std::string_view::npos : dot - at);
    int q = 0;
    PeriodRef::Shape s;
    if (shift_word(w, &q)) {
      ref.quarters += q;
    } else if (w == "prior-fiscal-year") {
      ref.quarters -= 4;
      if (shaped) return fail("'" + std::string(text) + "' has two shapes", "at most one of quarter, ytd, …");
      ref.shape = PeriodRef::Shape::FiscalYear, shaped = true;
    } else if (shape_word(w, &s)) {
      if (shaped)
        return fail("'" + std::string(text) + "' has two shapes (" + std::string(w) + ")",
                    "at most one of quarter, ytd, fiscal-year, ttm, half, nine-months, end, prior-year-end");
      ref.shape = s, shaped = true;
    } else if (auto p = calendar.parse(w)) {
      if (!first)
        return fail("the period name '" + std::string(w) + "' must come first in '" + std::string(text) + "'",
                    "a name followed by period words, e.g. 1Q02.year-ago");
      ref.named = *p;
    } else {
      return fail("unknown period '" + std::string(w) + "'",
                  std::string("a period word (") + period_words() + ") or a period name such as " +
                      (example ? calendar.name(*example) : calendar.name(*calendar.period(2002, 1))));
    }
    first = false;
    if (dot == std::string_view::npos) break;
    at = dot + 1;
  }
  return ref;
}

std::optional<Period> resolve(const PeriodRef& ref, const Period& base, const FiscalCalendar& calendar) {
  Period start = ref.named ? *ref.named : base;
  auto moved = ref.quarters == 0 ? std::optional<Period>(start) : calendar.shifted(start, ref.quarters);
  if (!moved) return std::nullopt;
  using S = PeriodRef::Shape;
  const int fy = moved->fiscal_year, q = moved->quarter;
  switch (ref.shape) {
    case S::Same:
      return moved;
    case S::Quarter:
      return calendar.span(fy, q, 1);
    case S::YearToDate:
      return calendar.span(fy, q, q);
    case S::FiscalYear:
      return calendar.span(fy, 4, 4);
    case S::Trailing:
      return calendar.span(fy, q, 4);
    case S::Half:
      return calendar.span(fy, q, 2);
    case S::NineMonths:
      return calendar.span(fy, q, 3);
    case S::End:
      return calendar.span(fy, q, 0);
    case S::PriorYearEnd:
      return calendar.span(fy - 1, 4, 0);
  }
  return std::nullopt;
}

}  // namespace kessan
