#pragma once
// Reclassification: a book's decision that an account moves from one line
// of a statement to another from a given period on. When a period at or
// after `effective` is presented, every presented period (the comparison
// periods too) shows the account on `to_line`: prior periods are restated.
// Periods presented before `effective` keep the old presentation.
// Read from book.toml ([[reclassification]]; docs/release-format.md).

#include <string>

#include "core/fiscal_calendar.hpp"
#include "core/source_ref.hpp"

namespace kessan {

struct Reclassification {
  std::string id;         // used to refer to the amounts moved
  std::string layout;     // the statement layout's id
  std::string account;    // an account pattern (the account and its subaccounts)
  std::string from_line;  // the line it was presented on
  std::string to_line;    // the line it is presented on from `effective`
  std::string effective_name;
  Period effective;
  std::string note;  // the note printed under the statement
  SourceRef where;

  // Whether a presentation of period `presented` applies it.
  bool applies_to(const Period& presented) const { return presented.first >= effective.first; }
};

}  // namespace kessan
