#pragma once
// The share count a per-share line divides by, or a share-count line shows:
// the period's basic or diluted weighted average, in shares or in ADS
// equivalents (shares x ads_per_share). Statements and figures both take
// counts from here, so a line means the same wherever it is quoted.

#include <optional>
#include <string>

#include "core/book_settings.hpp"
#include "core/ratio.hpp"
#include "core/statement_layout.hpp"

namespace kessan {

struct ShareCount {
  enum class State { Ok, NoDiluted, NoAds, Overflow };
  State state = State::Ok;
  Ratio count;  // when Ok

  bool ok() const { return state == State::Ok; }
};

// The count `line` uses in the period of `data`. NoDiluted: the line asks
// for the diluted count and the book gives none; NoAds: an ADS line where the
// book gives no ads_per_share (the figure does not exist).
ShareCount share_count(const LayoutLine& line, const ShareData& data);

// What a share-count line prints: the count in the line's unit (thousands
// when unit = 1000); empty on overflow.
std::optional<Ratio> shown_count(const LayoutLine& line, const Ratio& count);

// The message for a count the book lacks, and what would supply it.
std::string missing_count_message(const LayoutLine& line, const std::string& period);
std::string missing_count_expected(const LayoutLine& line, const std::string& period);

}  // namespace kessan
