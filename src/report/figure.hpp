#pragma once
// Figure: an exact value with its unit, or why there is none. Every line of
// every layout, every measure and every formula evaluates to one
// (report/figures.hpp, report/statement_lines.hpp); columns and prose
// present them (report/columns.hpp, report/release.hpp).

#include "core/ratio.hpp"
#include "core/unit.hpp"

namespace kessan::report {

struct Figure {
  enum class State { Value, NotAvailable, NotMeaningful };
  State state = State::NotAvailable;
  Ratio value;
  Unit unit;

  bool has_value() const { return state == State::Value; }
  static Figure of(Ratio v, Unit u) { return {State::Value, v, std::move(u)}; }
  static Figure not_available() { return {}; }
  static Figure not_meaningful() { return {State::NotMeaningful, Ratio(), Unit()}; }
};

}  // namespace kessan::report
