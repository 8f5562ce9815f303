#pragma once
// Reading a release template (core/release_template.hpp): Markdown with
// {{ … }} placeholders. The placeholder language is in
// docs/release-format.md.
//
// Contract: every syntax problem — an unterminated "{{", an unknown
// directive or option, a malformed formula, a table placeholder that does
// not stand alone on its line — is a diagnostic with file, line and column
// (and the line, with a caret), and the result is false. Whether the names
// and periods a placeholder uses exist is checked against the book when the
// release is built (report/release.hpp). Once `errors` holds max_errors
// diagnostics, reading stops (the result is false then).

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/release_template.hpp"

namespace kessan::read {

bool parse_template(std::string_view text, const std::string& path, ReleaseTemplate* out,
                    std::vector<Diagnostic>* errors, std::size_t max_errors = std::numeric_limits<std::size_t>::max());

// Reads and parses the template file at `path`.
bool read_template(const std::string& path, ReleaseTemplate* out, std::vector<Diagnostic>* errors,
                   std::size_t max_errors = std::numeric_limits<std::size_t>::max());

}  // namespace kessan::read
