#pragma once
// Period expressions of `kessan bal -p`, a subset of hledger's:
//
//   2008  2008-01  2008q1 (or 2008Q1)  2008-01-15     one year, month, quarter, day
//   A..B  A..  ..B                                  from the start of A to the start of B
//   from A to B  from A  to B                       the same
//   in A                                            the same as A
//   monthly|quarterly|yearly [one of the above]     with a report interval
//
// Keywords are case-insensitive; dates may use -, / or . between their parts,
// and months and days may have one digit. An end is exclusive ("2008..2009"
// is the year 2008). Anything else is refused with a message naming the part
// that was not understood and what is accepted.

#include <optional>
#include <string>
#include <string_view>

#include "core/calendar_periods.hpp"
#include "core/date.hpp"

namespace kessan::read {

struct PeriodExpression {
  Interval interval = Interval::None;
  std::optional<Date> begin;  // inclusive; none: from the journal's first transaction
  std::optional<Date> end;    // exclusive; none: to the journal's last transaction
};

// The parsed expression, or nothing with `*error` set to a sentence such as
// "'weekly' is not understood".
std::optional<PeriodExpression> parse_period_expression(std::string_view text, std::string* error);

// What -p accepts, for messages: "YYYY, YYYY-MM, ...".
extern const char* const kPeriodExpressionForms;

}  // namespace kessan::read
