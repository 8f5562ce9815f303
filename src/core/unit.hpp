#pragma once
// Unit: what a figure counts. A product of named base units with integer
// exponents: "JPY" (money in the book's currency), "contracts", "Gbps",
// "JPY/contracts" (revenue per contract); no factors at all means a pure
// number, such as a margin or a growth rate.
//
// Figures may be added or compared only when their units are equal;
// multiplying and dividing combine the units, so JPY / JPY is a pure number.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kessan {

class Unit {
 public:
  Unit() = default;  // a pure number
  static Unit of(std::string_view base);

  bool is_pure() const { return factors_.empty(); }
  // Exactly `base` (to the first power).
  bool is(std::string_view base) const;

  // The highest power a base unit may have (JPY^99): a formula that makes a
  // higher one (a measure multiplied by itself again and again) is an error,
  // and product and quotient return nothing for it.
  static constexpr int kMaxExponent = 99;
  static std::optional<Unit> product(const Unit& a, const Unit& b);
  static std::optional<Unit> quotient(const Unit& a, const Unit& b);

  friend bool operator==(const Unit& a, const Unit& b) = default;

  // "JPY", "JPY/contracts", "Gbps^2", "1/contracts"; "a pure number" when pure.
  std::string to_string() const;

 private:
  std::vector<std::pair<std::string, int>> factors_;  // sorted by name, no zero exponents
};

}  // namespace kessan
