#include "core/diagnostic.hpp"

#include <algorithm>
#include <cstdio>

#include "core/text_width.hpp"

namespace kessan {
namespace {

bool continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Where the shown window of a line of `size` bytes starts for the 0-based
// byte column `col`: half a window before the column, at most a window
// before the end, and never inside a UTF-8 character.
std::size_t window_start(std::string_view line, std::size_t col) {
  if (line.size() <= kShownLineBytes) return 0;
  std::size_t start = col > kShownLineBytes / 2 ? col - kShownLineBytes / 2 : 0;
  start = std::min(start, line.size() - kShownLineBytes);
  while (start > 0 && continuation(line[start])) --start;
  return start;
}

// The window of `line` that starts at `start`, ending before a character that
// does not fit whole.
std::string_view window(std::string_view line, std::size_t start) {
  std::size_t end = std::min(line.size(), start + kShownLineBytes);
  while (end < line.size() && end > start && continuation(line[end])) --end;
  return line.substr(start, end - start);
}

// The code point of the UTF-8 sequence at text[i] and its length; length 1
// and code point -1 for a byte that does not start a valid sequence.
std::pair<long, std::size_t> decode(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char b = byte(i);
  std::size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > text.size()) return {-1, 1};
  if (n == 1) return {b, 1};
  long cp = b & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    if (!continuation(text[i + k])) return {-1, 1};
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  return {cp, n};
}

// Characters that print as nothing, or that reorder or hide the text around them.
bool invisible(long cp) {
  return (cp >= 0x80 && cp <= 0x9F) || cp == 0xAD || cp == 0x61C || cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF ||
         (cp >= 0xFFF9 && cp <= 0xFFFB);
}

std::string escaped(long cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "<U+%04lX>", cp);
  return buf;
}

std::string byte_escaped(char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "<0x%02X>", static_cast<unsigned char>(c));
  return buf;
}

// `text` as shown; *col (a byte offset in `text`, when given) becomes the
// offset of the same character in the result (its end when past the text).
// In the source line (`in_line`) tabs and other control bytes become spaces;
// everywhere, invisible characters are shown as <U+XXXX> and bytes that are
// not UTF-8 as <0xHH>, so that what is printed is valid, visible UTF-8.
std::string shown(std::string_view text, bool in_line, std::size_t* col = nullptr) {
  std::string out;
  out.reserve(text.size());
  const std::size_t target = col ? *col : 0;
  for (std::size_t i = 0; i < text.size();) {
    auto [cp, n] = decode(text, i);
    if (col && target >= i && target < i + n) *col = out.size();
    bool control = cp >= 0 && (cp < 0x20 || cp == 0x7F);
    if (control && in_line)
      out += ' ';
    else if ((control && cp != '\t') || invisible(cp))
      out += escaped(cp);
    else if (cp < 0)  // a byte that is not UTF-8: shown by its value, in a message or the line
      out += byte_escaped(text[i]);
    else
      out.append(text.substr(i, n));
    i += n;
  }
  if (col && target >= text.size()) *col = out.size();
  return out;
}

}  // namespace

namespace {

struct KindName {
  DiagnosticKind kind;
  const char* name;
};

constexpr KindName kKindNames[] = {
    {DiagnosticKind::Input, "input"},         {DiagnosticKind::Syntax, "syntax"},
    {DiagnosticKind::File, "file"},           {DiagnosticKind::Unbalanced, "unbalanced"},
    {DiagnosticKind::Assertion, "assertion"}, {DiagnosticKind::Setting, "setting"},
    {DiagnosticKind::Layout, "layout"},       {DiagnosticKind::Measure, "measure"},
    {DiagnosticKind::Mapping, "mapping"},     {DiagnosticKind::Name, "name"},
    {DiagnosticKind::Unit, "unit"},           {DiagnosticKind::Cycle, "cycle"},
    {DiagnosticKind::Period, "period"},       {DiagnosticKind::Template, "template"},
    {DiagnosticKind::Guidance, "guidance"},   {DiagnosticKind::Statistics, "statistics"},
    {DiagnosticKind::Shares, "shares"},       {DiagnosticKind::Overflow, "overflow"},
    {DiagnosticKind::Limit, "limit"},
};

}  // namespace

const char* kind_name(DiagnosticKind kind) {
  for (const KindName& k : kKindNames)
    if (k.kind == kind) return k.name;
  return "input";
}

const std::vector<DiagnosticKind>& diagnostic_kinds() {
  static const std::vector<DiagnosticKind> all = [] {
    std::vector<DiagnosticKind> v;
    for (const KindName& k : kKindNames) v.push_back(k.kind);
    return v;
  }();
  return all;
}

void classify(std::vector<Diagnostic>* diagnostics, std::size_t from, DiagnosticKind kind) {
  for (std::size_t i = from; i < diagnostics->size(); ++i)
    if ((*diagnostics)[i].kind == DiagnosticKind::Input) (*diagnostics)[i].kind = kind;
}

Diagnostic diagnostic_at(const SourceRef& where, std::string message, std::string expected, DiagnosticKind kind) {
  Diagnostic d;
  d.kind = kind;
  d.file = where.file;
  d.line = where.line;
  d.column = where.column;
  d.message = std::move(message);
  d.expected = std::move(expected);
  return d;
}

void set_line(Diagnostic* d, std::string_view line) {
  std::size_t col = d->column > 0 ? d->column - 1 : 0;
  std::size_t start = window_start(line, col);
  d->line_text = std::string(window(line, start));
  d->line_text_start = static_cast<std::uint32_t>(start);
}

std::string visible(std::string_view text) {
  return shown(text, false);
}

std::string render(const Diagnostic& d) {
  std::string out = d.file;
  if (d.line > 0) out += ":" + std::to_string(d.line);
  if (d.column > 0) out += ":" + std::to_string(d.column);
  out += ": error: " + visible(d.message) + "\n";
  if (d.line > 0 && !d.line_text.empty()) {
    std::size_t col = d.column > 0 ? d.column - 1 : 0;
    col = col >= d.line_text_start ? col - d.line_text_start : 0;
    std::string_view text = d.line_text;
    std::size_t start = window_start(text, col);  // a whole long line set directly
    text = window(text, start);
    col -= std::min(col, start);
    std::string prefix = d.line_text_start > 0 || start > 0 ? "..." : "";
    std::string line = shown(text, true, &col);
    std::string number = std::to_string(d.line);
    out += " " + number + " | " + prefix + line + "\n";
    if (d.column > 0) {
      std::size_t width = prefix.size() + display_width(line, col);
      out += " " + std::string(number.size(), ' ') + " | " + std::string(width, ' ') + "^\n";
    }
  }
  if (!d.expected.empty()) out += "  expected: " + visible(d.expected) + "\n";
  for (const auto& n : d.notes) out += "  " + visible(n) + "\n";
  return out;
}

}  // namespace kessan
