#include "core/text_width.hpp"

namespace kessan {
namespace {

int columns_of(char32_t c) {
  if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) || (c >= 0xAC00 && c <= 0xD7A3) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) || (c >= 0x20000 && c <= 0x3FFFD))
    return 2;
  return 1;
}

}  // namespace

std::size_t display_width(std::string_view text, std::size_t bytes) {
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

std::string pad_left(std::string_view text, std::size_t width) {
  std::size_t w = display_width(text);
  return w >= width ? std::string(text) : std::string(width - w, ' ') + std::string(text);
}

std::string pad_right(std::string_view text, std::size_t width) {
  std::size_t w = display_width(text);
  return w >= width ? std::string(text) : std::string(text) + std::string(width - w, ' ');
}

}  // namespace kessan
