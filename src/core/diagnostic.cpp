#include "core/diagnostic.hpp"

#include <algorithm>

namespace kessan {
namespace {

// Long lines are shown as a window around the column.
constexpr std::size_t kWindow = 100;

// Terminal columns of a code point: 2 for East Asian wide characters.
int columns_of(char32_t c) {
  if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) || (c >= 0xAC00 && c <= 0xD7A3) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) || (c >= 0x20000 && c <= 0x3FFFD))
    return 2;
  return 1;
}

// Terminal width of the first `bytes` bytes of UTF-8 text.
std::size_t display_width(const std::string& text, std::size_t bytes) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < bytes && i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (std::size_t k = 1; k < len && i + k < text.size(); ++k) cp = (cp << 6) | (text[i + k] & 0x3F);
    width += static_cast<std::size_t>(columns_of(cp));
    i += len;
  }
  return width;
}

} // namespace

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

} // namespace kessan
