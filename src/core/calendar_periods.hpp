#pragma once
// Calendar periods for reports with one column per month, quarter or year.
//
// A span [begin, end) of days is cut into whole calendar periods: the first
// period is the one containing `begin`, the last the one containing the day
// before `end`, so the periods may reach before `begin` and after `end` (as
// hledger's report intervals do). Periods are named as hledger names them:
// "2008-01" (month), "2008Q1" (quarter), "2008" (year). An end date may be
// 10000-01-01, the day after the last date a journal can have.

#include <string>
#include <vector>

#include "core/date.hpp"

namespace kessan {

enum class Interval { None, Month, Quarter, Year };

struct CalendarPeriod {
  Date begin;  // inclusive, the first day of a month
  Date end;    // exclusive
  std::string name;
};

// The whole periods covering [begin, end); none when begin >= end or the
// interval is None.
std::vector<CalendarPeriod> calendar_periods(Date begin, Date end, Interval interval);

// The day after 9999-12-31: the exclusive end of the last period.
Date day_after_last_date();

}  // namespace kessan
