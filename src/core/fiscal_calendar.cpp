#include "core/fiscal_calendar.hpp"

namespace kessan {
namespace {

bool digits(std::string_view s, std::size_t at, std::size_t n, int* out) {
  if (at + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

// `n` with at least `width` digits.
std::string padded(int n, std::size_t width) {
  std::string s = std::to_string(n);
  return s.size() < width ? std::string(width - s.size(), '0') + s : s;
}

}  // namespace

std::optional<std::pair<Date, Date>> FiscalCalendar::quarter_bounds(int fiscal_year, int quarter) const {
  if (quarter < 1 || quarter > 4) return std::nullopt;
  auto span = rule_.span(fiscal_year, quarter);
  if (!span) return std::nullopt;
  return std::make_pair(span->first, span->last);
}

std::optional<Period> FiscalCalendar::month(int fiscal_year, int month) const {
  auto span = rule_.month_span(fiscal_year, month);
  if (!span) return std::nullopt;
  Period p;
  p.fiscal_year = fiscal_year;
  p.quarter = (month - 1) / 3 + 1;
  p.first = span->first;
  p.last = span->last;
  return p;
}

int FiscalCalendar::weeks(const Period& p) const {
  if (!rule_.weekly()) return 0;
  return (p.last.days() - p.first.days() + 1) / 7;
}

std::optional<Period> FiscalCalendar::span(int fiscal_year, int quarter, int quarters) const {
  if (quarter < 1 || quarter > 4 || quarters < 0 || quarters > 4) return std::nullopt;
  auto end = quarter_bounds(fiscal_year, quarter);
  if (!end) return std::nullopt;
  Period p;
  p.fiscal_year = fiscal_year;
  p.quarter = quarter;
  p.quarters = quarters;
  p.last = end->second;
  if (quarters == 0) {
    p.first = p.last;
    return p;
  }
  // The first of the quarters it spans.
  long index = 4L * fiscal_year + (quarter - 1) - (quarters - 1);
  auto begin = quarter_bounds(static_cast<int>(index >= 0 ? index / 4 : (index - 3) / 4),
                              static_cast<int>(((index % 4) + 4) % 4) + 1);
  if (!begin) return std::nullopt;
  p.first = begin->first;
  return p;
}

std::optional<Period> FiscalCalendar::period(int fiscal_year, int quarter) const {
  if (quarter == 0) return span(fiscal_year, 4, 4);
  return span(fiscal_year, quarter, 1);
}

std::optional<Period> FiscalCalendar::shifted(const Period& p, int n) const {
  long index = 4L * p.fiscal_year + (p.quarter - 1) + n;
  if (index < 4L * (kFirstYear - 1) || index > 4L * (kLastYear + 2)) return std::nullopt;
  return span(static_cast<int>(index / 4), static_cast<int>(index % 4) + 1, p.quarters);
}

std::optional<Date> FiscalCalendar::prior_year_end(const Period& p) const {
  auto year = period(p.fiscal_year - 1, 0);
  if (!year) return std::nullopt;
  return year->last;
}

std::optional<Comparisons> FiscalCalendar::comparisons(const Period& p) const {
  auto year_ago_period = year_ago(p);
  auto prior = prior_quarter(p);
  auto year_end = prior_year_end(p);
  if (!year_ago_period || !prior || !year_end) return std::nullopt;
  return Comparisons{*year_ago_period, *prior, *year_end};
}

std::string FiscalCalendar::missing_comparison(const Period& p) const {
  const std::string outside = " falls outside the years " + padded(kFirstYear, 4) + " to " + padded(kLastYear, 4);
  if (!year_ago(p)) return "its year-ago period (fiscal year " + std::to_string(p.fiscal_year - 1) + ")" + outside;
  if (!prior_quarter(p)) return "its prior quarter" + outside;
  if (!prior_year_end(p))
    return "the end of its prior fiscal year (fiscal year " + std::to_string(p.fiscal_year - 1) + ")" + outside;
  return "";
}

std::optional<Period> FiscalCalendar::quarter_containing(Date d) const {
  auto fiscal_year = rule_.fiscal_year_of(d);
  if (!fiscal_year) return std::nullopt;
  for (int q = 1; q <= 4; ++q) {
    auto p = period(*fiscal_year, q);
    if (p && p->first <= d && d <= p->last) return p;
  }
  return std::nullopt;
}

std::optional<Period> FiscalCalendar::parse(std::string_view name) const {
  if (auto dots = name.find(".."); dots != std::string_view::npos) {
    auto from = parse_name(name.substr(0, dots)), to = parse_name(name.substr(dots + 2));
    if (!from || !to || from->quarter == 0 || to->quarter == 0) return std::nullopt;
    long quarters = (4L * to->fiscal_year + to->quarter) - (4L * from->fiscal_year + from->quarter) + 1;
    if (quarters < 1 || quarters > 4) return std::nullopt;
    return span(to->fiscal_year, to->quarter, static_cast<int>(quarters));
  }
  if (auto d = Date::parse(name)) {  // an instant: the last day of a quarter
    auto q = quarter_containing(*d);
    if (!q || q->last != *d) return std::nullopt;
    return span(q->fiscal_year, q->quarter, 0);
  }
  auto n = parse_name(name);
  if (!n) return std::nullopt;
  return period(n->fiscal_year, n->quarter);
}

std::optional<PeriodName> FiscalCalendar::parse_name(std::string_view name) const {
  if (name.size() == 6 && name.substr(0, 2) == "FY") {
    int y;
    if (digits(name, 2, 4, &y) && y > 0) return PeriodName{y, 0};
    return std::nullopt;
  }
  int quarter = -1, year = -1;
  std::size_t i = 0;
  for (std::size_t k = 0; k < pattern_.size();) {
    std::string_view rest = std::string_view(pattern_).substr(k);
    if (rest.rfind("{q}", 0) == 0) {
      if (!digits(name, i, 1, &quarter)) return std::nullopt;
      i += 1, k += 3;
    } else if (rest.rfind("{yyyy}", 0) == 0) {
      if (!digits(name, i, 4, &year)) return std::nullopt;
      i += 4, k += 6;
    } else if (rest.rfind("{yy}", 0) == 0) {
      if (!digits(name, i, 2, &year)) return std::nullopt;
      year += year < 70 ? 2000 : 1900;
      i += 2, k += 4;
    } else {
      if (i >= name.size() || name[i] != pattern_[k]) return std::nullopt;
      ++i, ++k;
    }
  }
  if (i != name.size() || quarter < 1 || quarter > 4 || year < 1) return std::nullopt;
  return PeriodName{year, quarter};
}

std::string FiscalCalendar::name(const Period& p) const {
  if (p.is_instant()) return p.last.to_string();
  if (p.is_year()) return "FY" + padded(p.fiscal_year, 4);
  if (!p.is_quarter()) {
    auto first = shifted(Period{p.fiscal_year, p.quarter, 1, p.first, p.last}, 1 - p.quarters);
    if (first) return name(*first) + ".." + name(Period{p.fiscal_year, p.quarter, 1, p.first, p.last});
  }
  std::string out;
  for (std::size_t k = 0; k < pattern_.size();) {
    std::string_view rest = std::string_view(pattern_).substr(k);
    if (rest.rfind("{q}", 0) == 0) {
      out += std::to_string(p.quarter), k += 3;
    } else if (rest.rfind("{yyyy}", 0) == 0) {
      out += padded(p.fiscal_year, 4), k += 6;
    } else if (rest.rfind("{yy}", 0) == 0) {
      int yy = p.fiscal_year % 100;
      out += (yy < 10 ? "0" : "") + std::to_string(yy), k += 4;
    } else {
      out += pattern_[k++];
    }
  }
  return out;
}

std::string FiscalCalendar::length(const Period& p) const {
  if (p.is_instant()) return "";
  if (length_words_ == LengthWords::Weeks && rule_.weekly()) return std::to_string(weeks(p)) + " Weeks";
  if (p.is_year()) return "Year";
  static const char* const kMonthsLong[] = {"", "Three Months", "Six Months", "Nine Months", "Twelve Months"};
  return kMonthsLong[p.quarters];
}

namespace {

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

std::string written_date(Date d, bool abbreviated) {
  auto [y, m, day] = d.ymd();
  std::string month = kMonths[m - 1];
  return (abbreviated ? month.substr(0, 3) : month) + " " + std::to_string(day) + ", " + std::to_string(y);
}

}  // namespace

std::string long_date(Date d) {
  return written_date(d, true);
}

std::string full_date(Date d) {
  return written_date(d, false);
}

}  // namespace kessan
