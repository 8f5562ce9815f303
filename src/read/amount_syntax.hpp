#pragma once
// The syntax of amounts in journals: numbers with optional thousands marks,
// commodity symbols before or after the number (bare or "quoted"), and the
// minus sign before or after a leading symbol:
//   5 USD   5USD   $5   $ 5   -$5   $-5   1,234.50 EUR   "ACME 1" 10
// These functions scan a line from a position and never read past its end.

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/decimal.hpp"

namespace kessan::read {

// Where a scan failed and why (column is an offset into the line).
struct SyntaxError {
  std::size_t offset = 0;
  const char* message = nullptr;
  const char* expected = nullptr;
};

struct ScannedAmount {
  Decimal quantity;         // signed
  std::string_view symbol;  // without quotes; empty when the amount has none
  bool symbol_on_left = false;
  bool space_between = false;
  char thousands_mark = 0;
  char decimal_mark = '.';
  std::size_t end = 0;  // offset just past the amount
};

// Scans an amount starting at line[pos]. `decimal_mark` is '.' or ',' when a
// `decimal-mark` directive fixed it, or 0 to infer it from the number.
// Returns false and fills `err` on a malformed amount.
bool scan_amount(std::string_view line, std::size_t pos, char decimal_mark, ScannedAmount* out, SyntaxError* err);

// Scans a number such as "1,234.56" (no sign). Same contract as above.
bool scan_number(std::string_view line, std::size_t pos, char decimal_mark, Decimal* value, char* thousands_mark,
                 char* used_decimal_mark, std::size_t* end, SyntaxError* err);

// The exact cost of `quantity` units at `unit_price`, with trailing zeros
// dropped when the written digits would need more than Decimal::kMaxScale
// decimals. Sets `decimals` to the decimals the exact cost needs; empty when
// that is more than Decimal::kMaxScale or the cost is too large.
std::optional<Decimal> exact_cost(Decimal quantity, Decimal unit_price, int* decimals);

// Whether c may appear in an unquoted commodity symbol.
inline bool is_symbol_char(unsigned char c) {
  if (c >= 0x80) return true;  // UTF-8 (€, ¥, …)
  if (c <= ' ' || (c >= '0' && c <= '9')) return false;
  switch (c) {
    case '-':
    case '+':
    case '.':
    case ',':
    case ';':
    case ':':
    case '@':
    case '=':
    case '"':
    case '\'':
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
    case '*':
    case '/':
    case '&':
    case '|':
    case '!':
    case '<':
    case '>':
    case '^':
    case '~':
    case '#':
    case '%':
    case '?':
    case '\\':
    case 0x7f:
      return false;
    default:
      return true;
  }
}

}  // namespace kessan::read
