#pragma once
// Reading a book's guidance file (core/guidance.hpp): the company's
// expected ranges and analysts' consensus figures, per period. Keys in
// docs/release-format.md.
//
// Contract: on any error (unknown key, a period the calendar cannot name, a
// range whose low end is above its high end, a missing figure, a record
// given twice) the result is false and every problem is a diagnostic with
// file, line and column.

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/fiscal_calendar.hpp"
#include "core/guidance.hpp"

namespace kessan::read {

// Errors past `max_errors` in `errors` are not collected.
bool parse_guidance(const std::string& text, const std::string& path, const FiscalCalendar& calendar,
                    ExpectationSet* out, std::vector<Diagnostic>* errors,
                    std::size_t max_errors = std::numeric_limits<std::size_t>::max());

}  // namespace kessan::read
