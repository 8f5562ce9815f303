#include "write/number_format.hpp"

#include <optional>

#include "core/ratio.hpp"
#include "write/amount_format.hpp"

namespace kessan::write {
namespace {

constexpr const char* kMinus = "-";
constexpr const char* kUnicodeMinus = "\u2212";

// `value` with exactly `decimals` digits: rounded with `mode` when it has
// more (a presented value), zero-padded when it has fewer. Empty on overflow.
std::optional<Decimal> at_scale(const Decimal& value, int decimals, RoundingMode mode) {
  if (decimals < 0 || decimals > Decimal::kMaxScale) return std::nullopt;
  if (value.scale() > decimals) return value.rounded(decimals, mode);
  return value.with_scale(decimals);
}

// A negative amount of magnitude `text`: "(1,234)", "-1,234", "−1,234".
std::string negative_amount(const std::string& text, NegativeStyle style) {
  switch (style) {
    case NegativeStyle::Parentheses:
      return "(" + text + ")";
    case NegativeStyle::Minus:
      return kMinus + text;
    case NegativeStyle::UnicodeMinus:
      return kUnicodeMinus + text;
  }
  return "(" + text + ")";
}

// A negative percentage of magnitude `text`, `sign` "%" or "": "(1.2%)", "(1.2)%", "-1.2%", "−1.2%".
std::string negative_percent(const std::string& text, const char* sign, PercentNegativeStyle style) {
  switch (style) {
    case PercentNegativeStyle::Parentheses:
      return "(" + text + sign + ")";
    case PercentNegativeStyle::ParenthesesSignOutside:
      return "(" + text + ")" + sign;
    case PercentNegativeStyle::Minus:
      return kMinus + text + sign;
    case PercentNegativeStyle::UnicodeMinus:
      return kUnicodeMinus + text + sign;
  }
  return "(" + text + sign + ")";
}

// A Number or Percent cell.
std::string numeric_text(const report::Cell& cell, const Presentation& style) {
  std::optional<Decimal> fixed = printed_value(cell);
  if (!fixed) return style.not_meaningful;
  if (fixed->is_zero() && cell.zero_text && style.zero != "0") return style.zero;
  std::string text = grouped_magnitude(*fixed);
  bool percent = cell.kind == report::CellKind::Percent;
  const char* sign = percent && cell.percent_sign ? "%" : "";
  if (!fixed->is_negative()) return text + sign;
  return percent ? negative_percent(text, sign, style.percent_negative()) : negative_amount(text, style.negative);
}

}  // namespace

std::optional<Decimal> printed_value(const report::Cell& cell) {
  std::optional<Decimal> value = cell.rounded();
  if (!value) return std::nullopt;
  return at_scale(*value, cell.decimals, cell.rounding);
}

std::string grouped_magnitude(const Decimal& value) {
  std::string digits = int128_digits(value.mantissa());
  auto scale = static_cast<std::size_t>(value.scale());
  if (digits.size() <= scale) digits.insert(0, scale + 1 - digits.size(), '0');
  std::string whole = group_thousands(digits.substr(0, digits.size() - scale), ',');
  return scale == 0 ? whole : whole + "." + digits.substr(digits.size() - scale);
}

std::string format_cell(const report::Cell& cell, const Presentation& style) {
  switch (cell.kind) {
    case report::CellKind::Empty:
      return "";
    case report::CellKind::Number:
    case report::CellKind::Percent:
      return numeric_text(cell, style);
    case report::CellKind::NotAvailable:
      return "n/a";
    case report::CellKind::NotMeaningful:
      return style.not_meaningful;
    case report::CellKind::Text:
      return cell.text;
  }
  return "";
}

std::string signed_text(const report::Cell& cell, const Presentation& style) {
  std::string text = format_cell(cell, style);
  return cell.currency_sign.empty() ? text : cell.currency_sign + " " + text;
}

std::string exact_text(const report::Cell& cell) {
  if (cell.kind != report::CellKind::Number && cell.kind != report::CellKind::Percent) return "";
  if (cell.denominator.is_zero()) return "";
  // In lowest terms: a decimal when it terminates ("4945.61202"), else a fraction ("1000/3").
  if (auto value = Ratio::div(Ratio::from_decimal(cell.numerator), Ratio::from_decimal(cell.denominator)))
    return value->to_string();
  // Too large to reduce within 128 bits: the fraction the cell holds, which is exact too.
  bool negative_denominator = cell.denominator.is_negative();
  Decimal numerator = negative_denominator ? cell.numerator.negated() : cell.numerator;
  return numerator.normalized().to_string() + "/" + cell.denominator.abs().normalized().to_string();
}

}  // namespace kessan::write
