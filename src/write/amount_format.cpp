#include "write/amount_format.hpp"

namespace kessan::write {
namespace {

// |q| at `precision` decimals as "1234.50" / "1234,50" (with `mark`).
std::string unsigned_number(const Decimal& q, int precision, char decimal_mark, char thousands_mark) {
  Decimal r = q.rounded(precision, RoundingMode::HalfEven);
  if (r.scale() < precision) r = *r.with_scale(precision);
  std::string digits = int128_digits(r.mantissa());
  int scale = r.scale();
  if (static_cast<int>(digits.size()) <= scale) digits.insert(0, scale + 1 - digits.size(), '0');
  std::string whole = digits.substr(0, digits.size() - scale);
  std::string frac = digits.substr(digits.size() - scale);
  if (thousands_mark) whole = group_thousands(whole, thousands_mark);
  return frac.empty() ? whole : whole + decimal_mark + frac;
}

}  // namespace

std::string group_thousands(const std::string& digits, char mark) {
  std::string out;
  std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    out += digits[i];
    std::size_t left = n - i - 1;
    if (left > 0 && left % 3 == 0) out += mark;
  }
  return out;
}

std::string format_amount(const Commodity& c, const Decimal& q, AmountFormat f) {
  const AmountStyle& s = c.style;
  bool negative = q.rounded(s.precision, RoundingMode::HalfEven).is_negative();
  std::string number = unsigned_number(q, s.precision, s.decimal_mark, f.thousands ? s.thousands_mark : 0);
  if (negative) number.insert(0, 1, '-');
  if (!f.symbol || c.symbol.empty()) return number;
  std::string sym = CommodityTable::needs_quotes(c.symbol) ? "\"" + c.symbol + "\"" : c.symbol;
  std::string space = s.space_between ? " " : "";
  return s.symbol_on_left ? sym + space + number : number + space + sym;
}

std::string format_plain(const Commodity& c, const Decimal& q) {
  bool negative = q.rounded(c.style.precision, RoundingMode::HalfEven).is_negative();
  std::string number = unsigned_number(q, c.style.precision, '.', 0);
  return negative ? "-" + number : number;
}

}  // namespace kessan::write
