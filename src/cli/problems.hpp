#pragma once
// Showing a command's problems: the same problem found twice (by several
// statements, or for several periods) is shown once; each is given the line
// of the file it names when a reader could not keep it; at most max_errors
// are shown, then a count.

#include <cstddef>
#include <iosfwd>
#include <vector>

#include "core/diagnostic.hpp"

namespace kessan::cli {

// The distinct problems of `all` in order, each with its source line.
// *count is how many there are; at most `max_errors` are returned.
std::vector<Diagnostic> distinct_problems(std::vector<Diagnostic> all, std::size_t max_errors, std::size_t* count);

// Renders the problems to standard error (core/diagnostic.hpp, render).
void print_errors(std::vector<Diagnostic> all, std::size_t max_errors);

// Writes the problems as JSON to `out` (write/diagnostic_writer.hpp).
void print_errors_json(std::ostream& out, std::vector<Diagnostic> all, std::size_t max_errors);

}  // namespace kessan::cli
