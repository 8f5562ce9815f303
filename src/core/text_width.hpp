#pragma once
// The width of UTF-8 text on a terminal: one column per character, two for
// East Asian wide characters (漢字, かな, 한글, full-width forms). Used to
// align columns of text output and to place carets under error columns.

#include <string>
#include <string_view>

namespace kessan {

// Columns taken by the first `bytes` bytes of `text` (all of it by default).
std::size_t display_width(std::string_view text, std::size_t bytes = std::string_view::npos);

// `text` padded with spaces to `width` columns, on the left or the right.
std::string pad_left(std::string_view text, std::size_t width);
std::string pad_right(std::string_view text, std::size_t width);

}  // namespace kessan
