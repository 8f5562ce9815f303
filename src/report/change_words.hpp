#pragma once
// Change words: how a release describes a figure against a comparison
// period — "an increase of 18.2%", "decreased slightly", "flat" — decided
// from exact values, never from rounded ones, except for "flat".
//
// The rules (docs/release-format.md):
//  - flat: the two figures print the same (in the unit and precision the
//    sentence uses), so the reader sees no change;
//  - otherwise up or down by the sign of current - base;
//  - the change is a percentage of |base| for amounts, and a difference in
//    percentage points for pure numbers (margins, ratios);
//  - it is not measurable as a percentage when the base is zero or the two
//    figures have different signs (a loss turning into income); the
//    difference itself is then the change;
//  - slight: a measurable change whose magnitude is below the book's
//    threshold (ReleaseStyle::slight_below, in percent or points).

#include <optional>
#include <string>

#include "core/ratio.hpp"

namespace kessan::report {

enum class Direction { Up, Down, Flat };

struct ChangeDescription {
  Direction direction = Direction::Flat;
  bool slight = false;
  bool measurable = false;  // `rate` applies
  Ratio rate;               // percent (amounts) or points (pure numbers), signed
  Ratio difference;         // current - base
};

// `current` and `base` are exact; `printed_current` and `printed_base` the
// same figures as the sentence prints them. Empty when the difference or the
// rate cannot be computed exactly (128-bit overflow): no words are chosen
// from a figure that is not exact.
std::optional<ChangeDescription> describe_change(const Ratio& current, const Ratio& base, bool pure,
                                                 const Ratio& printed_current, const Ratio& printed_base,
                                                 const Ratio& slight_below);

// "an increase", "a slight decrease", "no change".
std::string change_noun(const ChangeDescription& c);
// "increased", "decreased slightly", "was flat"; `up` and `down` replace
// the verbs ("improved", "declined").
std::string change_verb(const ChangeDescription& c, const std::string& up = "increased",
                        const std::string& down = "decreased");
// "but" when two changes go different ways, "and" when they agree (or one is flat).
std::string connective(const ChangeDescription& a, const ChangeDescription& b);

}  // namespace kessan::report
