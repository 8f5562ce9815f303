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

std::optional<Period> FiscalCalendar::period(int fiscal_year, int quarter) const {
  auto span = rule_.span(fiscal_year, quarter);
  if (!span) return std::nullopt;
  Period p;
  p.fiscal_year = fiscal_year;
  p.quarter = quarter;
  p.first = span->first;
  p.last = span->last;
  return p;
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

std::optional<Period> FiscalCalendar::prior_quarter(const Period& p) const {
  if (p.quarter == 0) return period(p.fiscal_year - 1, 0);
  if (p.quarter == 1) return period(p.fiscal_year - 1, 4);
  return period(p.fiscal_year, p.quarter - 1);
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
  if (p.quarter == 0) return "FY" + padded(p.fiscal_year, 4);
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
