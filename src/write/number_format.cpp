#include "write/number_format.hpp"

#include <optional>

#include "core/ratio.hpp"
#include "write/amount_format.hpp"

namespace kessan::write {
namespace {

constexpr const char* kNotMeaningful = "n/m";

// `value` with exactly `decimals` digits: rounded with `mode` when it has
// more (a presented value), zero-padded when it has fewer. Empty on overflow.
std::optional<Decimal> at_scale(const Decimal& value, int decimals, RoundingMode mode) {
  if (decimals < 0 || decimals > Decimal::kMaxScale) return std::nullopt;
  if (value.scale() > decimals) return value.rounded(decimals, mode);
  return value.with_scale(decimals);
}

// A Number or Percent cell.
std::string numeric_text(const report::Cell& cell) {
  std::optional<Decimal> fixed = printed_value(cell);
  if (!fixed) return kNotMeaningful;
  if (fixed->is_zero() && cell.zero_as_dash) return "-";
  std::string text = grouped_magnitude(*fixed);
  if (cell.kind == report::CellKind::Percent && cell.percent_sign) text += '%';
  return fixed->is_negative() ? "(" + text + ")" : text;
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

std::string format_cell(const report::Cell& cell) {
  switch (cell.kind) {
    case report::CellKind::Empty:
      return "";
    case report::CellKind::Number:
    case report::CellKind::Percent:
      return numeric_text(cell);
    case report::CellKind::NotAvailable:
      return "n/a";
    case report::CellKind::NotMeaningful:
      return kNotMeaningful;
    case report::CellKind::Text:
      return cell.text;
  }
  return "";
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
