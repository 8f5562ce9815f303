#pragma once
// Diagnostic: an error (or note) about the user's input, as a value. It names
// the place (file:line:column), shows the offending line and says what was
// expected. Readers collect diagnostics instead of throwing, so that all the
// errors of a file can be reported at once.

#include <cstdint>
#include <string>
#include <vector>

#include "core/source_ref.hpp"

namespace kessan {

struct Diagnostic {
  std::string file;                // path as the user gave it (or as included)
  std::uint32_t line = 0;          // 1-based; 0 when not about a line
  std::uint32_t column = 0;        // 1-based byte column; 0 when not about a column
  std::string message;             // what is wrong
  std::string expected;            // what was expected there (may be empty)
  std::string line_text;           // the source line, when known
  std::vector<std::string> notes;  // further lines (e.g. a transaction's postings)
};

// A diagnostic about the place `where` (a book file, a layout, a template).
Diagnostic diagnostic_at(const SourceRef& where, std::string message, std::string expected = "");

// The conventional "file:line:column: error: message" rendering, followed by
// the line with a caret under the column and any notes.
std::string render(const Diagnostic& d);

}  // namespace kessan
