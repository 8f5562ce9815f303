#include "core/scale.hpp"

namespace kessan {

std::optional<Scale> scale_named(std::string_view word) {
  static constexpr std::pair<std::string_view, long long> kScales[] = {
      {"unit", 1}, {"thousand", 1000}, {"million", 1000000}, {"billion", 1000000000}, {"trillion", 1000000000000}};
  for (const auto& [name, factor] : kScales)
    if (word == name) return Scale{Decimal(factor), name == "unit" ? "" : std::string(name)};
  return std::nullopt;
}

}  // namespace kessan
