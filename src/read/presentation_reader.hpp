#pragma once
// Reading how figures are presented (core/presentation.hpp): a book's
// [presentation] table and the same keys on a statement or table layout,
// which override the book's. Keys are documented in docs/book-format.md.
//
// Contract: a value outside the accepted set is a diagnostic at the value
// (file:line:column) listing the values accepted; nothing falls back.

#include <toml++/toml.h>

#include "core/presentation.hpp"
#include "read/toml_checker.hpp"

namespace kessan::read {

// The presentation keys of a layout's root table: negative, negative_percent,
// not_meaningful, zero (or its older spelling `empty`), change_on_sign_flip
// and currency_sign.
void parse_layout_presentation(const toml::table& root, TomlChecker& check, PresentationSettings* out);

// book.toml's optional [presentation] table (the keys above, without
// `empty`, and currency_symbol, convenience_symbol) over the defaults;
// symbols default to `currency` and `convenience_currency`.
void parse_book_presentation(const toml::table& root, const std::string& currency,
                             const std::string& convenience_currency, TomlChecker& check, Presentation* out);

// The longest currency symbol accepted, in bytes.
inline constexpr std::size_t kMaxCurrencySymbol = 16;

}  // namespace kessan::read
