#include "core/unit.hpp"

#include <algorithm>

namespace kessan {
namespace {

using Factors = std::vector<std::pair<std::string, int>>;

// a * b (sign 1) or a / b (sign -1); nothing when a power would pass the limit.
std::optional<Factors> combine(const Factors& a, const Factors& b, int sign) {
  Factors out = a;
  for (const auto& [name, exponent] : b) {
    auto it =
        std::lower_bound(out.begin(), out.end(), name, [](const auto& f, const std::string& n) { return f.first < n; });
    if (it != out.end() && it->first == name) {
      it->second += sign * exponent;  // both within the limit: no overflow
      if (it->second > Unit::kMaxExponent || it->second < -Unit::kMaxExponent) return std::nullopt;
      if (it->second == 0) out.erase(it);
    } else {
      out.insert(it, {name, sign * exponent});
    }
  }
  return out;
}

std::string power(const std::string& name, int exponent) {
  return exponent == 1 ? name : name + "^" + std::to_string(exponent);
}

}  // namespace

Unit Unit::of(std::string_view base) {
  Unit u;
  if (!base.empty()) u.factors_.push_back({std::string(base), 1});
  return u;
}

bool Unit::is(std::string_view base) const {
  return factors_.size() == 1 && factors_[0].first == base && factors_[0].second == 1;
}

std::optional<Unit> Unit::product(const Unit& a, const Unit& b) {
  auto factors = combine(a.factors_, b.factors_, 1);
  if (!factors) return std::nullopt;
  Unit u;
  u.factors_ = std::move(*factors);
  return u;
}

std::optional<Unit> Unit::quotient(const Unit& a, const Unit& b) {
  auto factors = combine(a.factors_, b.factors_, -1);
  if (!factors) return std::nullopt;
  Unit u;
  u.factors_ = std::move(*factors);
  return u;
}

std::string Unit::to_string() const {
  if (factors_.empty()) return "a pure number";
  std::string up, down;
  for (const auto& [name, exponent] : factors_) {
    std::string& side = exponent > 0 ? up : down;
    side += (side.empty() ? "" : "*") + power(name, exponent > 0 ? exponent : -exponent);
  }
  if (down.empty()) return up;
  return (up.empty() ? "1" : up) + "/" + down;
}

}  // namespace kessan
