#pragma once
// Printing table cells the way earnings releases print them.
//
// Contract:
//  - A numeric cell prints Cell::rounded(): its exact ratio rounded once to
//    `decimals` digits with its rounding mode (or the value footing
//    presented). Nothing here rounds again or uses floating point.
//  - Thousands are grouped with ","; negatives as the table's presentation
//    says (core/presentation.hpp): by default in parentheses, a percent sign
//    included: "(464,155)", "(57.72)", "(3.3%)"; or "-464,155", "−3.3%",
//    "(3.3)%".
//  - A value that rounds to zero is never negative: "0", "0.0", or the
//    presentation's zero text ("-", "—") when the cell asks for zero_text.
//  - A ratio that cannot be divided (zero denominator, overflow) and a
//    NotMeaningful cell print the presentation's not-meaningful text ("n/m").
//  - The currency sign a cell carries is not part of format_cell's text;
//    signed_text() puts it in front ("$ 1,234").

#include <optional>
#include <string>

#include "core/presentation.hpp"
#include "report/table.hpp"

namespace kessan::write {

// The printed text of a cell: "9,849,202", "(349.4)", "35.8%", "-", "n/a",
// "n/m", the text of a Text cell, "" for an Empty cell.
std::string format_cell(const report::Cell& cell, const Presentation& style = {});

// format_cell with the cell's currency sign before it: "$ 1,234".
std::string signed_text(const report::Cell& cell, const Presentation& style = {});

// The value a Number or Percent cell prints, at exactly `decimals` digits
// (empty when it cannot be divided).
std::optional<Decimal> printed_value(const report::Cell& cell);

// |value| with "," between thousands and all of its decimals: "9,849,202", "57.72".
std::string grouped_magnitude(const Decimal& value);

// The exact value of a Number or Percent cell, for machine-readable output:
// in lowest terms, a decimal in full when it terminates ("-464.155",
// "9849202", "4279.86142"), else a fraction numerator/denominator
// ("6187123/64360", never a rounded decimal). Empty for other kinds and for
// a zero denominator.
std::string exact_text(const report::Cell& cell);

}  // namespace kessan::write
