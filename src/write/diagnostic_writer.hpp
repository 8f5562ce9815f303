#pragma once
// Diagnostics as JSON, for programs and web pages (`kessan check --format
// json`): {"errors": [{"kind", "file", "line", "column", "message",
// "expected", "line_text", "notes"}, …], "count": N, "shown": M}. `kind` is
// the diagnostic's stable category (core/diagnostic.hpp, kind_name); line and
// column are 1-based, 0 when the problem is about a whole file. Text is
// written as it is (JSON-escaped), not made visible as in render().

#include <ostream>
#include <vector>

#include "core/diagnostic.hpp"

namespace kessan::write {

// `errors` are the ones shown; `count` how many were found in all.
void write_diagnostics_json(std::ostream& out, const std::vector<Diagnostic>& errors, std::size_t count);

}  // namespace kessan::write
