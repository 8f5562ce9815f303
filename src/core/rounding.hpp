#pragma once
// Rounding modes used wherever kessan reduces the scale of an exact value.
// Rounding is always explicit: no function in kessan rounds without being
// told how.

namespace kessan {

enum class RoundingMode {
  HalfUp,    // ties away from zero: 2.5 -> 3, -2.5 -> -3 (commercial rounding)
  HalfEven,  // ties to the even neighbour: 2.5 -> 2, 3.5 -> 4, -2.5 -> -2
  Down,      // toward zero (truncation)
};

}  // namespace kessan
