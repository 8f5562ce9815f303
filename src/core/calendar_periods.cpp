#include "core/calendar_periods.hpp"

#include <cstdio>

namespace kessan {
namespace {

// Months counted from January of year 0.
int month_index(Date d) {
  YearMonthDay ymd = d.ymd();
  return ymd.year * 12 + static_cast<int>(ymd.month) - 1;
}

// The first day of the month `index`, which lies in years 1..10000.
Date first_day(int index) {
  if (index >= (kLastYear + 1) * 12) return day_after_last_date();
  return *Date::from_ymd(index / 12, static_cast<unsigned>(index % 12) + 1, 1);
}

int months_in(Interval interval) {
  switch (interval) {
    case Interval::Month:
      return 1;
    case Interval::Quarter:
      return 3;
    case Interval::Year:
      return 12;
    case Interval::None:
      break;
  }
  return 0;
}

std::string period_name(int index, Interval interval) {
  char buf[16];
  int year = index / 12, month = index % 12 + 1;
  if (interval == Interval::Month)
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  else if (interval == Interval::Quarter)
    std::snprintf(buf, sizeof buf, "%04dQ%d", year, (month - 1) / 3 + 1);
  else
    std::snprintf(buf, sizeof buf, "%04d", year);
  return buf;
}

}  // namespace

Date day_after_last_date() {
  return Date::from_days(Date::from_ymd(kLastYear, 12, 31)->days() + 1);
}

std::vector<CalendarPeriod> calendar_periods(Date begin, Date end, Interval interval) {
  std::vector<CalendarPeriod> out;
  int step = months_in(interval);
  if (step == 0 || begin >= end) return out;
  int first = month_index(begin);
  first -= first % step;  // quarters and years start in months 0, 3, 6, 9 and 0
  for (int index = first; first_day(index) < end; index += step)
    out.push_back(CalendarPeriod{first_day(index), first_day(index + step), period_name(index, interval)});
  return out;
}

}  // namespace kessan
