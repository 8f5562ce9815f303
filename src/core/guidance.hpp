#pragma once
// Guidance and consensus: what the company said it expected for a period,
// and what analysts expected, recorded in the book so that sentences such as
// "exceeded the expected range of JPY9.0 billion to JPY9.5 billion" are
// derived, never typed. Read from a book's guidance file
// (read/guidance_reader.hpp; docs/release-format.md).

#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/decimal.hpp"
#include "core/expression.hpp"
#include "core/fiscal_calendar.hpp"
#include "core/scale.hpp"
#include "core/source_ref.hpp"

namespace kessan {

struct Expectation {
  enum class Kind { Guidance, Consensus };
  Kind kind = Kind::Guidance;
  std::string period_name;  // "1Q02", "FY2002"
  Period period;
  Expr figure;        // the line or measure it is about (a name)
  Decimal low, high;  // in `scale`; equal for a single figure
  int decimals = 0;   // as written ("9.0" has one)
  Scale scale;
  Date given;  // when it was given (guidance; optional)
  bool has_given = false;
  std::string source;  // consensus: who made it
  SourceRef where;

  bool is_range() const { return !(low == high); }
};

struct ExpectationSet {
  std::vector<Expectation> records;
  std::string file;
};

}  // namespace kessan
