#include "core/diagnostic.hpp"

#include <algorithm>

#include "core/text_width.hpp"

namespace kessan {
namespace {

// Long lines are shown as a window around the column.
constexpr std::size_t kWindow = 100;

}  // namespace

Diagnostic diagnostic_at(const SourceRef& where, std::string message, std::string expected) {
  Diagnostic d;
  d.file = where.file;
  d.line = where.line;
  d.column = where.column;
  d.message = std::move(message);
  d.expected = std::move(expected);
  return d;
}

std::string render(const Diagnostic& d) {
  std::string out = d.file;
  if (d.line > 0) out += ":" + std::to_string(d.line);
  if (d.column > 0) out += ":" + std::to_string(d.column);
  out += ": error: " + d.message + "\n";
  if (d.line > 0 && !d.line_text.empty()) {
    std::string text = d.line_text;
    std::size_t col = d.column > 0 ? d.column - 1 : 0;
    std::string prefix;
    if (text.size() > kWindow) {
      std::size_t start = col > kWindow / 2 ? col - kWindow / 2 : 0;
      start = std::min(start, text.size() - std::min(text.size(), kWindow));
      text = text.substr(start, kWindow);
      col -= start;
      if (start > 0) prefix = "...";
    }
    // Control bytes and tabs would misplace the caret; show them as spaces.
    for (char& c : text)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
    std::string number = std::to_string(d.line);
    out += " " + number + " | " + prefix + text + "\n";
    if (d.column > 0) {
      std::size_t width = prefix.size() + display_width(text, col);
      out += " " + std::string(number.size(), ' ') + " | " + std::string(width, ' ') + "^\n";
    }
  }
  if (!d.expected.empty()) out += "  expected: " + d.expected + "\n";
  for (const auto& n : d.notes) out += "  " + n + "\n";
  return out;
}

}  // namespace kessan
