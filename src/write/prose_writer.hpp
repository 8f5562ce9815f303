#pragma once
// Writing prose (report/prose.hpp): text with exact figures in it.
//
// Contract:
//  - A figure prints its cell's value rounded once (write/number_format.hpp),
//    with thousands grouped, between its prefix and suffix; a negative
//    figure carries its `negative` mark before the digits: "JPY9,849
//    million", "$3.9 million", "(-)4.7%", "JPY(-)57.72". A value that rounds
//    to zero is never negative. "n/a" and "n/m" cells print as such.
//  - Writers choose no words: the text spans are written as they are.

#include <functional>
#include <string>
#include <string_view>

#include "report/prose.hpp"

namespace kessan::write {

std::string format_figure(const report::ProseFigure& figure);

// The prose as plain text.
std::string prose_text(const report::Prose& prose);

// The prose with every text span passed through `text` and every figure
// through `figure` (which gets the figure's printed text), e.g. to escape
// HTML and wrap figures in elements that name their source.
std::string prose_markup(const report::Prose& prose, const std::function<std::string(std::string_view)>& text,
                         const std::function<std::string(const std::string&, const report::ProseFigure&)>& figure);

}  // namespace kessan::write
