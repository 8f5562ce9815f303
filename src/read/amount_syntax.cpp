#include "read/amount_syntax.hpp"

#include <algorithm>

namespace kessan::read {
namespace {

// At most 36 digits, leaving room in 128 bits for sums of many amounts.
const Int128 kMantissaLimit = pow10_i128(35);

bool fail(SyntaxError* err, std::size_t offset, const char* message, const char* expected) {
  err->offset = offset;
  err->message = message;
  err->expected = expected;
  return false;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Scans a symbol at line[pos]: "quoted" or a run of symbol characters.
bool scan_symbol(std::string_view line, std::size_t pos, std::string_view* symbol, std::size_t* end, SyntaxError* err) {
  if (pos < line.size() && line[pos] == '"') {
    std::size_t close = line.find('"', pos + 1);
    if (close == std::string_view::npos)
      return fail(err, pos, "unterminated quoted commodity symbol", "a closing '\"'");
    if (close == pos + 1)
      return fail(err, pos, "empty quoted commodity symbol", "a commodity symbol between the quotes");
    *symbol = line.substr(pos + 1, close - pos - 1);
    *end = close + 1;
    return true;
  }
  std::size_t i = pos;
  while (i < line.size() && is_symbol_char(static_cast<unsigned char>(line[i]))) ++i;
  *symbol = line.substr(pos, i - pos);
  *end = i;
  return true;
}

}  // namespace

bool scan_number(std::string_view line, std::size_t pos, char decimal_mark, Decimal* value, char* thousands_mark,
                 char* used_decimal_mark, std::size_t* end, SyntaxError* err) {
  std::size_t i = pos;
  std::size_t last_dot = std::string_view::npos, last_comma = std::string_view::npos;
  int dots = 0, commas = 0;
  while (i < line.size()) {
    char c = line[i];
    if (is_digit(c)) {
      ++i;
    } else if ((c == '.' || c == ',') && i + 1 < line.size() && is_digit(line[i + 1])) {
      if (c == '.') {
        ++dots;
        last_dot = i;
      } else {
        ++commas;
        last_comma = i;
      }
      ++i;
    } else if ((c == '.' || c == ',') && i > pos) {
      // A trailing mark ("5." or "5,") is a decimal mark with no decimals.
      if (c == '.') {
        ++dots;
        last_dot = i;
      } else {
        ++commas;
        last_comma = i;
      }
      ++i;
      break;
    } else {
      break;
    }
  }
  if (i == pos || !is_digit(line[pos])) return fail(err, pos, "expected a number", "digits, e.g. 1234.56 or 1,234.56");
  *end = i;
  // Which mark is the decimal mark?
  char dmark = 0;
  if (decimal_mark != 0) {
    dmark = decimal_mark;
  } else if (dots > 0 && commas > 0) {
    dmark = last_dot > last_comma ? '.' : ',';
  } else if (dots == 1) {
    dmark = '.';
  } else if (commas == 1) {
    // "1,234" reads as a thousands mark; "1,5" as a decimal comma.
    std::size_t after = i - last_comma - 1;
    dmark = after == 3 ? 0 : ',';
  }
  char tmark = 0;
  if (dmark == '.' && commas > 0) tmark = ',';
  if (dmark == ',' && dots > 0) tmark = '.';
  if (dmark == 0) tmark = dots > 0 ? '.' : (commas > 0 ? ',' : 0);
  std::size_t decimal_at = std::string_view::npos;
  if (dmark == '.') decimal_at = last_dot;
  if (dmark == ',') decimal_at = last_comma;
  if ((dmark == '.' && dots > 1) || (dmark == ',' && commas > 1))
    return fail(err, pos, "malformed number: more than one decimal mark", "one decimal mark, e.g. 1,234.56");
  // Thousands groups must be three digits, and only before the decimal mark.
  Int128 m = 0;
  int scale = 0;
  int digits = 0;
  int group = -1;  // digits since the last thousands mark, -1 before the first
  for (std::size_t k = pos; k < i; ++k) {
    char c = line[k];
    if (is_digit(c)) {
      if (m >= kMantissaLimit) return fail(err, pos, "number too large", "at most 36 digits");
      m = m * 10 + (c - '0');
      ++digits;
      if (decimal_at != std::string_view::npos && k > decimal_at) {
        if (++scale > Decimal::kMaxScale) return fail(err, pos, "too many decimal places", "at most 30 decimal places");
      } else if (group >= 0) {
        ++group;
      }
      continue;
    }
    if (k == decimal_at) {
      if (group >= 0 && group != 3)
        return fail(err, pos, "malformed number: thousands groups must have three digits", "e.g. 1,234,567.89");
      group = -1;
      continue;
    }
    // A thousands mark.
    if (c != tmark) return fail(err, k, "malformed number: mixed thousands marks", "e.g. 1,234,567.89");
    if (decimal_at != std::string_view::npos && k > decimal_at)
      return fail(err, k, "malformed number: thousands mark after the decimal mark",
                  dmark == ',' ? "e.g. 1.234,56" : "e.g. 1,234.56");
    if (group == -1 ? (k - pos) > 3 : group != 3)
      return fail(err, pos, "malformed number: thousands groups must have three digits", "e.g. 1,234,567.89");
    group = 0;
  }
  if (group >= 0 && group != 3)
    return fail(err, pos, "malformed number: thousands groups must have three digits", "e.g. 1,234,567.89");
  (void)digits;
  *value = Decimal::from_parts(m, scale);
  *thousands_mark = tmark;
  *used_decimal_mark = dmark == 0 ? '.' : dmark;
  return true;
}

bool scan_amount(std::string_view line, std::size_t pos, char decimal_mark, ScannedAmount* out, SyntaxError* err) {
  std::size_t i = pos;
  bool negative = false;
  if (i < line.size() && (line[i] == '-' || line[i] == '+')) {
    negative = line[i] == '-';
    ++i;
    while (i < line.size() && line[i] == ' ') ++i;  // "- $5" as ledger and hledger read it
  }
  if (i >= line.size())
    return fail(err, i, "expected an amount", "a number with an optional commodity, e.g. 10.00 USD");
  std::size_t end = i;
  if (!is_digit(line[i])) {
    // Symbol first: "$5", "$ 5", "$-5", "\"ACME 1\" 10".
    std::string_view symbol;
    if (!scan_symbol(line, i, &symbol, &end, err)) return false;
    if (symbol.empty()) {
      if (line[i] == '(')
        return fail(err, i, "value expressions in amounts are not supported", "a plain amount, e.g. 10.00 USD");
      return fail(err, i, "expected an amount", "a number with an optional commodity, e.g. 10.00 USD");
    }
    out->symbol = symbol;
    out->symbol_on_left = true;
    i = end;
    std::size_t spaces = i;
    while (i < line.size() && line[i] == ' ') ++i;
    out->space_between = i > spaces;
    if (i < line.size() && (line[i] == '-' || line[i] == '+')) {
      if (negative) return fail(err, i, "two signs in one amount", "one minus sign");
      negative = line[i] == '-';
      ++i;
    }
    if (!scan_number(line, i, decimal_mark, &out->quantity, &out->thousands_mark, &out->decimal_mark, &end, err))
      return false;
    i = end;
  } else {
    if (!scan_number(line, i, decimal_mark, &out->quantity, &out->thousands_mark, &out->decimal_mark, &end, err))
      return false;
    i = end;
    std::size_t spaces = i;
    while (i < line.size() && line[i] == ' ') ++i;
    std::size_t symbol_end = i;
    std::string_view symbol;
    if (i < line.size() && (line[i] == '"' || is_symbol_char(static_cast<unsigned char>(line[i])))) {
      if (!scan_symbol(line, i, &symbol, &symbol_end, err)) return false;
    }
    if (!symbol.empty()) {
      out->symbol = symbol;
      out->space_between = i > spaces;
      i = symbol_end;
    } else {
      out->symbol = {};
      i = spaces;
    }
  }
  if (negative) out->quantity = out->quantity.negated();
  out->end = i;
  return true;
}

namespace {

// How many times `factor` divides m (m != 0), removing at most `limit`.
int divide_out(Int128* m, int factor, int limit) {
  int n = 0;
  while (n < limit && *m % factor == 0) {
    *m /= factor;
    ++n;
  }
  return n;
}
int multiplicity(Int128 m, int factor) {
  return divide_out(&m, factor, 127);
}

}  // namespace

std::optional<Decimal> exact_cost(Decimal quantity, Decimal unit_price, int* decimals) {
  *decimals = quantity.scale() + unit_price.scale();
  if (auto product = Decimal::mul(quantity, unit_price)) {
    *decimals = product->scale();
    return product;
  }
  Int128 a = quantity.mantissa(), b = unit_price.mantissa();
  // The product's trailing zeros, counted from the factors 2 and 5 of both
  // mantissas (the product itself may not fit in 128 bits).
  int zeros = std::min(multiplicity(a, 2) + multiplicity(b, 2), multiplicity(a, 5) + multiplicity(b, 5));
  zeros = std::min(zeros, *decimals);
  *decimals -= zeros;
  if (*decimals > Decimal::kMaxScale) return std::nullopt;
  // Divide the zeros out of the factors before multiplying.
  int twos = divide_out(&a, 2, zeros), fives = divide_out(&a, 5, zeros);
  divide_out(&b, 2, zeros - twos);
  divide_out(&b, 5, zeros - fives);
  Int128 m;
  if (!checked_mul(a, b, &m)) return std::nullopt;
  return Decimal::from_parts(m, *decimals);
}

}  // namespace kessan::read
