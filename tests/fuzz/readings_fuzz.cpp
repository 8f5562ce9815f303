// Fuzz target: a statistics readings file (CSV), checked against a fixed
// declaration of statistics (stocks and flows, as in the example books).
//
// Oracles:
//  - a file that does not read carries a diagnostic, and the statistics are
//    left as they were;
//  - a file that reads leaves the readings sorted by (statistic, date), at
//    most one per statistic and date, each of a declared statistic;
//  - a statistic's value over the whole range read is never invented: a
//    statistic without readings is not available.

#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "read/statistics_reader.hpp"

namespace {

using namespace kessan;
using fuzz::require;

constexpr const char* kDeclaration = R"(readings = ["readings.csv"]

[[statistic]]
id = "lanterns-shipped"
unit = "units"
kind = "flow"

[[statistic]]
id = "lights-under-contract"
unit = "lights"
kind = "stock"

[[statistic]]
id = "sensor-heads-shipped"
unit = "units"
kind = "flow"

[[statistic]]
id = "lights-monitored"
unit = "lights"

[[statistic]]
id = "contracts-ip-192k"
unit = "contracts"

[[statistic]]
id = "employees"
unit = "employees"

[[statistic]]
id = "contracts-ip-64k"
unit = "contracts"
kind = "stock"

[[statistic]]
id = "bandwidth-dedicated"
unit = "Gbps"
kind = "flow"
)";

const Statistics& declared() {
  static const Statistics stats = [] {
    Statistics s;
    std::vector<std::string> files;
    std::vector<Diagnostic> errors;
    if (!read::parse_statistics_toml(kDeclaration, "statistics.toml", &s, &files, &errors))
      fuzz::oracle_failed("the fixed statistics declaration does not read", errors.empty() ? "" : render(errors[0]));
    return s;
  }();
  return stats;
}

void check_readings(const Statistics& s) {
  for (std::size_t i = 0; i < s.readings.size(); ++i) {
    const StatisticReading& r = s.readings[i];
    require(r.statistic < s.declared.size(), "a reading of an undeclared statistic");
    if (i == 0) continue;
    const StatisticReading& before = s.readings[i - 1];
    require(before.statistic < r.statistic || (before.statistic == r.statistic && before.date < r.date),
            "readings not sorted by (statistic, date), or two on one date");
  }
  for (std::size_t k = 0; k < s.declared.size(); ++k) {
    bool any = false;
    for (const StatisticReading& r : s.readings) any |= r.statistic == k;
    StatisticValue v = s.value(k, Date::from_days(-1000000), Date::from_days(1000000));
    if (!any) require(v.state == StatisticValue::State::NotAvailable, "a value for a statistic without readings");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Statistics stats = declared();
  std::vector<Diagnostic> errors;
  if (!read::parse_readings_csv(text, "readings.csv", &stats, &errors)) {
    fuzz::require_diagnostic(errors, "the readings reader");
    require(stats.readings.empty() && stats.declared.size() == declared().declared.size(),
            "a readings file that failed changed the statistics");
    return 0;
  }
  check_readings(stats);
  // A second file with the same readings is all duplicates (when there are any).
  if (!stats.readings.empty()) {
    std::size_t before = stats.readings.size();
    std::vector<Diagnostic> again;
    require(!read::parse_readings_csv(text, "again.csv", &stats, &again), "the same readings read twice");
    fuzz::require_diagnostic(again, "the readings reader (duplicates)");
    require(stats.readings.size() == before, "a readings file that failed changed the statistics");
  }
  return 0;
}
