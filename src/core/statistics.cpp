#include "core/statistics.hpp"

#include <algorithm>
#include <iterator>
#include <tuple>

namespace kessan {
namespace {

struct Key {
  std::uint32_t statistic;
  Date date;
};

bool less(const StatisticReading& r, const Key& k) {
  return std::tie(r.statistic, r.date) < std::tie(k.statistic, k.date);
}
bool less(const Key& k, const StatisticReading& r) {
  return std::tie(k.statistic, k.date) < std::tie(r.statistic, r.date);
}

}  // namespace

long Statistics::find(std::string_view id) const {
  for (std::size_t i = 0; i < declared.size(); ++i)
    if (declared[i].id == id) return static_cast<long>(i);
  return -1;
}

StatisticValue Statistics::value(std::size_t statistic, Date first, Date last) const {
  StatisticValue out;
  if (statistic >= declared.size() || last < first) return out;
  const auto s = static_cast<std::uint32_t>(statistic);
  auto lo = std::lower_bound(readings.begin(), readings.end(), Key{s, first},
                             [](const StatisticReading& r, const Key& k) { return less(r, k); });
  auto hi = std::upper_bound(lo, readings.end(), Key{s, last},
                             [](const Key& k, const StatisticReading& r) { return less(k, r); });
  if (lo == hi) return out;
  if (declared[statistic].kind == StatisticKind::Stock) {
    out.state = StatisticValue::State::Value;
    out.value = std::prev(hi)->value;
    return out;
  }
  Decimal sum(0);
  for (auto it = lo; it != hi; ++it) {
    auto next = Decimal::add(sum, it->value);
    if (!next) {
      out.state = StatisticValue::State::Overflow;
      return out;
    }
    sum = *next;
  }
  out.state = StatisticValue::State::Value;
  out.value = sum;
  return out;
}

}  // namespace kessan
