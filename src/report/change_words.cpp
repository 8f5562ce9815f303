#include "report/change_words.hpp"

namespace kessan::report {

std::optional<ChangeDescription> describe_change(const Ratio& current, const Ratio& base, bool pure,
                                                 const Ratio& printed_current, const Ratio& printed_base,
                                                 const Ratio& slight_below) {
  ChangeDescription c;
  auto difference = Ratio::sub(current, base);
  if (!difference) return std::nullopt;
  c.difference = *difference;
  if (printed_current == printed_base || current == base) return c;  // flat
  c.direction = current > base ? Direction::Up : Direction::Down;
  std::optional<Ratio> rate;
  if (pure) {
    rate = Ratio::mul(c.difference, Ratio(100));  // points
    if (!rate) return std::nullopt;
  } else if (!base.is_zero() && current.sign() * base.sign() >= 0) {
    rate = Ratio::div(c.difference, base.abs());
    if (rate) rate = Ratio::mul(*rate, Ratio(100));
    if (!rate) return std::nullopt;
  }
  if (rate) {
    c.measurable = true;
    c.rate = *rate;
    c.slight = c.rate.abs() < slight_below;
  }
  return c;
}

std::string change_noun(const ChangeDescription& c) {
  switch (c.direction) {
    case Direction::Flat:
      return "no change";
    case Direction::Up:
      return c.slight ? "a slight increase" : "an increase";
    case Direction::Down:
      return c.slight ? "a slight decrease" : "a decrease";
  }
  return "";
}

std::string change_verb(const ChangeDescription& c, const std::string& up, const std::string& down) {
  switch (c.direction) {
    case Direction::Flat:
      return "was flat";
    case Direction::Up:
      return c.slight ? up + " slightly" : up;
    case Direction::Down:
      return c.slight ? down + " slightly" : down;
  }
  return "";
}

std::string connective(const ChangeDescription& a, const ChangeDescription& b) {
  if (a.direction == Direction::Flat || b.direction == Direction::Flat || a.direction == b.direction) return "and";
  return "but";
}

}  // namespace kessan::report
