#pragma once
// Diagnostic: an error (or note) about the user's input, as a value. It names
// the place (file:line:column), shows the offending line and says what was
// expected. Readers collect diagnostics instead of throwing, so that all the
// errors of a file can be reported at once.
//
// Every diagnostic has a kind: a stable category (kind_name() gives its
// name, as `kessan check --format json` prints it) that a program or a web
// page can key on. Readers and reports set the kind where they find the
// problem; a problem without a finer category keeps the kind of the file it
// was found in (kind_of_file()).
//
// A diagnostic keeps at most kShownLineBytes bytes of its line: a long line
// is cut to a window around the column when the line is set (set_line), so
// that many errors on one long line cost little memory each.
//
// render() shows characters that are invisible or that change how text
// reads — a byte order mark, zero-width spaces and joiners, bidirectional
// overrides and isolates, control characters — as <U+XXXX>, in the message,
// the expected text and the notes as in the line (where the caret moves
// with them). Tabs and other control bytes in the line show as spaces; in
// messages a byte that is not UTF-8 shows as <0xHH>. Everything else, wide
// characters included, prints as written.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_ref.hpp"

namespace kessan {

// The most of a source line a diagnostic shows and keeps.
constexpr std::size_t kShownLineBytes = 100;

enum class DiagnosticKind : std::uint8_t {
  Input,       // not yet classified
  Syntax,      // journal syntax: a line kessan cannot read
  File,        // a file that cannot be read, an include, a path
  Unbalanced,  // a transaction whose postings do not balance
  Assertion,   // a balance assertion that does not hold
  Setting,     // a value in book.toml
  Layout,      // a statement or table layout
  Measure,     // a measure (non-GAAP figure) or its reconciliation
  Mapping,     // an account on no line, or on two
  Name,        // an unknown or ambiguous name (line, measure, account, statistic)
  Unit,        // units that do not agree (JPY + contracts)
  Cycle,       // a figure defined in terms of itself
  Period,      // a period the calendar cannot name, or one outside the data
  Template,    // a release template or one of its placeholders
  Guidance,    // guidance and consensus records
  Statistics,  // operating statistics and their readings
  Shares,      // share data for per-share figures
  Overflow,    // a figure too large to compute exactly
  Limit,       // a size or depth limit
};

// The stable name of a kind ("syntax", "unbalanced", …).
const char* kind_name(DiagnosticKind kind);
// Every kind, in declaration order.
const std::vector<DiagnosticKind>& diagnostic_kinds();

struct Diagnostic {
  DiagnosticKind kind = DiagnosticKind::Input;
  std::string file;                   // path as the user gave it (or as included)
  std::uint32_t line = 0;             // 1-based; 0 when not about a line
  std::uint32_t column = 0;           // 1-based byte column; 0 when not about a column
  std::string message;                // what is wrong
  std::string expected;               // what was expected there (may be empty)
  std::string line_text;              // the source line, or the part of it around the column
  std::uint32_t line_text_start = 0;  // where line_text starts in the line (0-based byte offset)
  std::vector<std::string> notes;     // further lines (e.g. a transaction's postings)
};

// A diagnostic about the place `where` (a book file, a layout, a template).
Diagnostic diagnostic_at(const SourceRef& where, std::string message, std::string expected = "",
                         DiagnosticKind kind = DiagnosticKind::Input);

// Gives the diagnostics from index `from` on that have no kind yet the kind
// `kind` (the kind of the file or stage they come from).
void classify(std::vector<Diagnostic>* diagnostics, std::size_t from, DiagnosticKind kind);

// Keeps the part of `line` (the whole source line, without its line end)
// that is shown around d->column: all of it when it is short.
void set_line(Diagnostic* d, std::string_view line);

// The conventional "file:line:column: error: message" rendering, followed by
// the line with a caret under the column and any notes.
std::string render(const Diagnostic& d);

// `text` with invisible and control characters written as <U+XXXX> (tabs
// kept) and bytes that are not UTF-8 as <0xHH>.
std::string visible(std::string_view text);

}  // namespace kessan
