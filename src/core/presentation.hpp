#pragma once
// Presentation: how a book's statements and tables print their figures —
// negative amounts and percentages, zero amounts, changes that are not
// meaningful, and the currency sign US statements put on the first row and
// on total rows ("$ 1,234"). A book sets it in book.toml's [presentation]
// table; a layout may override each setting (docs/book-format.md). The
// writers apply it (write/number_format.hpp); the exact values never change.

#include <optional>
#include <string>

namespace kessan {

// A negative amount: "(1,234)", "-1,234" or "−1,234" (U+2212 minus sign).
enum class NegativeStyle { Parentheses, Minus, UnicodeMinus };

// A negative percentage: "(1.2%)", "(1.2)%", "-1.2%" or "−1.2%".
enum class PercentNegativeStyle { Parentheses, ParenthesesSignOutside, Minus, UnicodeMinus };

// Which rows of a statement or table carry the currency sign.
enum class CurrencySign { None, First, FirstAndTotals, All };

// A book's (or a layout's, once resolved) presentation of figures.
struct Presentation {
  NegativeStyle negative = NegativeStyle::Parentheses;
  std::optional<PercentNegativeStyle> negative_percent;  // when not written anywhere: like `negative`
  std::string not_meaningful = "n/m";                    // a change that is not meaningful: "n/m", "N/M", "NM", "*"
  std::string zero = "0";                                // a zero amount: "0" (the number), "-", "—"
  bool change_sign_flip_nm = false;                      // a change whose sign flips is not meaningful
  CurrencySign currency_sign = CurrencySign::None;
  std::string currency_symbol;     // "$" (default: the currency code)
  std::string convenience_symbol;  // for translated amounts (default: that currency's code)

  PercentNegativeStyle percent_negative() const;
};

// Settings written in one place (a book's [presentation] or a layout), each
// empty when not written.
struct PresentationSettings {
  std::optional<NegativeStyle> negative;
  std::optional<PercentNegativeStyle> negative_percent;
  std::optional<std::string> not_meaningful;
  std::optional<std::string> zero;
  std::optional<bool> change_sign_flip_nm;
  std::optional<CurrencySign> currency_sign;
};

// The percentage style that goes with an amount style: "(1.2%)", "-1.2%", "−1.2%".
inline PercentNegativeStyle percent_style_of(NegativeStyle s) {
  switch (s) {
    case NegativeStyle::Parentheses:
      return PercentNegativeStyle::Parentheses;
    case NegativeStyle::Minus:
      return PercentNegativeStyle::Minus;
    case NegativeStyle::UnicodeMinus:
      return PercentNegativeStyle::UnicodeMinus;
  }
  return PercentNegativeStyle::Parentheses;
}

inline PercentNegativeStyle Presentation::percent_negative() const {
  return negative_percent ? *negative_percent : percent_style_of(negative);
}

// `base` with the settings written in `over` applied.
inline Presentation overridden(Presentation base, const PresentationSettings& over) {
  if (over.negative) base.negative = *over.negative;
  if (over.negative_percent) base.negative_percent = *over.negative_percent;
  if (over.not_meaningful) base.not_meaningful = *over.not_meaningful;
  if (over.zero) base.zero = *over.zero;
  if (over.change_sign_flip_nm) base.change_sign_flip_nm = *over.change_sign_flip_nm;
  if (over.currency_sign) base.currency_sign = *over.currency_sign;
  return base;
}

}  // namespace kessan
