#pragma once
// Reading a book's measures file (core/measure.hpp): non-GAAP measures with
// their reconciliations, and derived figures such as margins. Keys in
// docs/release-format.md.
//
// Contract: on any error (unknown key, bad id, a measure that is neither
// derived nor adjusted, a malformed formula) the result is false and every
// problem is a diagnostic with file, line and column. Names inside formulas
// are checked against the whole book later (report/figures.hpp).

#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/fiscal_calendar.hpp"
#include "core/measure.hpp"

namespace kessan::read {

// Period names in reconciliation columns are read with `calendar` (the book's).
bool parse_measures(const std::string& text, const std::string& path, MeasureSet* out, std::vector<Diagnostic>* errors,
                    const FiscalCalendar& calendar = FiscalCalendar());

}  // namespace kessan::read
