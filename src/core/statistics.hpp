#pragma once
// Statistics: a book's operating statistics, figures that are not money and
// are reported per period (numbers of contracts, contracted bandwidth, staff).
// Each statistic is declared once (id, unit, kind) and has dated readings.
//
// Contract:
//  - A statistic's id matches [a-z0-9][a-z0-9-]* and is unique in a book; its
//    unit is non-empty. Readers check both (read/statistics_reader).
//  - `readings` is sorted by (statistic, date), and a statistic has at most
//    one reading per date; `value` relies on this order.
//  - Values are exact decimals. Reading a statistic over a period never
//    invents a figure: a period without readings is NotAvailable (shown as
//    "n/a", never 0), and a flow whose sum overflows is Overflow.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/decimal.hpp"
#include "core/source_ref.hpp"

namespace kessan {

// Stock: a level read at the period's end (contracts in force);
// Flow: an amount summed over the period (new contracts signed).
enum class StatisticKind { Stock, Flow };

struct Statistic {
  std::string id;     // "contracts-ip-64k": [a-z0-9][a-z0-9-]*
  std::string label;  // optional description
  std::string unit;   // "contracts", "Gbps"; non-empty
  StatisticKind kind = StatisticKind::Stock;
  SourceRef where;  // the [[statistic]] table
};

struct StatisticReading {
  std::uint32_t statistic = 0;  // index into Statistics::declared
  Date date;
  Decimal value;
  std::string note;  // optional free text from the file
  SourceRef where;   // the row of the readings file
};

// The result of reading a statistic over a period.
struct StatisticValue {
  enum class State { Value, NotAvailable, Overflow } state = State::NotAvailable;
  Decimal value;  // meaningful only when state is Value
};

class Statistics {
 public:
  std::vector<Statistic> declared;
  std::vector<StatisticReading> readings;  // sorted by (statistic, date)

  // Index of the statistic with this id, or -1.
  long find(std::string_view id) const;

  // The statistic over the period [first, last] (both days included):
  //  Stock: the value of the latest reading dated within the period;
  //  Flow:  the sum of the readings dated within the period (Overflow when the
  //         sum leaves Decimal's range).
  // NotAvailable when no reading falls in the period, when last < first and
  // when `statistic` is not an index into `declared`.
  // O(log n + k) for n readings, k of them in the period.
  StatisticValue value(std::size_t statistic, Date first, Date last) const;
};

}  // namespace kessan
