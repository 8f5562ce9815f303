#pragma once
// Reading formulas (core/expression.hpp) from text: measure definitions,
// table lines and template placeholders.
//
//   formula := term (("+" | "-") term)*
//   term    := unary (("*" | "/") unary)*
//   unary   := "-" unary | postfix
//   postfix := primary ("@" PERIOD)?
//   primary := NUMBER | NAME ("." NAME)? | MEASURE? "[" ACCOUNT "]" | "abs" "(" formula ")" | "(" formula ")"
//   MEASURE := "debits" | "credits" | "balance"
//
// A NAME is letters, digits, "_" and "-"; a "-" between letters belongs to
// the name ("total-revenues"), so a subtraction needs a space before its
// "-" or a non-name character after it. PERIOD is a period word
// (current, year-ago, …) or a period name (1Q02, FY2002); it is checked
// when the formula is evaluated.
//
// Nesting ("(", "abs(" and unary "-" inside one another) is limited to
// kMaxFormulaNesting levels; a deeper formula is a syntax error at the
// token that goes too deep. Long flat chains (a + b + c + …) are not
// nesting and have no limit.
//
// Parsing takes time linear in the length of the text.
//
// Contract: on a syntax error, nothing is returned and a Diagnostic names
// the file, line and column of the offending character, shows the line and
// says what was expected there.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/expression.hpp"
#include "core/source_ref.hpp"

namespace kessan::read {

// How deeply parentheses, abs( and unary minus may nest in one formula.
inline constexpr int kMaxFormulaNesting = 100;

// Where a formula's text sits in its file: the position of its first
// character and the source line (for the caret in messages).
struct TextOrigin {
  SourceRef where;
  std::string line_text;
};

// The whole of `text` as one formula.
std::optional<Expr> parse_expression(std::string_view text, const TextOrigin& origin, std::vector<Diagnostic>* errors);

// The longest formula at the start of `text`. It ends at the end of the
// text or before an option ("name=…"); *consumed is the number of bytes it
// took (trailing spaces included).
std::optional<Expr> parse_expression_prefix(std::string_view text, const TextOrigin& origin, std::size_t* consumed,
                                            std::vector<Diagnostic>* errors);

}  // namespace kessan::read
