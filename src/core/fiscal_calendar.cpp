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

}  // namespace

Period FiscalCalendar::period(int fiscal_year, int quarter) const {
  unsigned start_month = year_end_month_ % 12 + 1;
  // Calendar year in which the fiscal year starts.
  int start_year = fiscal_year;
  if (naming_ == YearName::ByEnd && start_month != 1) start_year = fiscal_year - 1;
  Date year_start = *Date::from_ymd(start_year, start_month, 1);
  Period p;
  p.fiscal_year = fiscal_year;
  p.quarter = quarter;
  if (quarter == 0) {
    p.first = year_start;
    p.last = year_start.end_of_month_plus(11);
  } else {
    Date q_start_month = year_start.end_of_month_plus(3 * (quarter - 1));
    auto ymd = q_start_month.ymd();
    p.first = *Date::from_ymd(ymd.year, ymd.month, 1);
    p.last = q_start_month.end_of_month_plus(2);
  }
  return p;
}

Period FiscalCalendar::prior_quarter(const Period& p) const {
  if (p.quarter == 0) return period(p.fiscal_year - 1, 0);
  if (p.quarter == 1) return period(p.fiscal_year - 1, 4);
  return period(p.fiscal_year, p.quarter - 1);
}

Period FiscalCalendar::quarter_containing(Date d) const {
  int year = d.ymd().year;
  for (int fy = year - 1; fy <= year + 1; ++fy)
    for (int q = 1; q <= 4; ++q) {
      Period p = period(fy, q);
      if (p.first <= d && d <= p.last) return p;
    }
  return period(year, 1);
}

std::optional<Period> FiscalCalendar::parse(std::string_view name) const {
  if (name.size() == 6 && name.substr(0, 2) == "FY") {
    int y;
    if (digits(name, 2, 4, &y) && y > 0) return period(y, 0);
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
  return period(year, quarter);
}

std::string FiscalCalendar::name(const Period& p) const {
  if (p.quarter == 0) return "FY" + std::to_string(p.fiscal_year);
  std::string out;
  for (std::size_t k = 0; k < pattern_.size();) {
    std::string_view rest = std::string_view(pattern_).substr(k);
    if (rest.rfind("{q}", 0) == 0) {
      out += std::to_string(p.quarter), k += 3;
    } else if (rest.rfind("{yyyy}", 0) == 0) {
      out += std::to_string(p.fiscal_year), k += 6;
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
