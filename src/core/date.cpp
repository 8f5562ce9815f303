#include "core/date.hpp"

#include <cstdio>

namespace kessan {

bool is_leap_year(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned days_in_month(int y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

// Days since 1970-01-01 for a civil date, counting in 400-year eras that
// start on March 1 so that the leap day is the last day of an era-year.
std::optional<Date> Date::from_ymd(int y, unsigned m, unsigned d) {
  if (y < kFirstYear || y > kLastYear || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  int yy = m <= 2 ? y - 1 : y;
  int era = yy / 400;
  int yoe = yy - era * 400;                                // [0, 399]
  int mp = static_cast<int>(m) + (m > 2 ? -3 : 9);         // March = 0
  int doy = (153 * mp + 2) / 5 + static_cast<int>(d) - 1;  // [0, 365]
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;         // [0, 146096]
  return from_days(era * 146097 + doe - 719468);
}

YearMonthDay Date::ymd() const {
  int z = days_ + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  unsigned d = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
  unsigned m = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  int y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return {y, m, d};
}

std::optional<Date> Date::parse(std::string_view t) {
  if (t.size() != 10) return std::nullopt;
  char sep = t[4];
  if ((sep != '-' && sep != '/' && sep != '.') || t[7] != sep) return std::nullopt;
  auto digits = [&](size_t from, size_t n, int* out) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (t[i] < '0' || t[i] > '9') return false;
      v = v * 10 + (t[i] - '0');
    }
    *out = v;
    return true;
  };
  int y, m, d;
  if (!digits(0, 4, &y) || !digits(5, 2, &m) || !digits(8, 2, &d)) return std::nullopt;
  return from_ymd(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::string Date::to_string() const {
  auto [y, m, d] = ymd();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

std::optional<Date> Date::end_of_month_plus(int months) const {
  auto [y, m, d] = ymd();
  (void)d;
  // Month numbers counted from January of year 0, in 64 bits so that no
  // shift can overflow before the range check.
  std::int64_t index = std::int64_t{y} * 12 + m - 1 + months;
  if (index < std::int64_t{kFirstYear} * 12 || index >= (std::int64_t{kLastYear} + 1) * 12) return std::nullopt;
  int ny = static_cast<int>(index / 12);
  unsigned nm = static_cast<unsigned>(index % 12) + 1;
  return from_ymd(ny, nm, days_in_month(ny, nm));
}

}  // namespace kessan
