#pragma once
// Reading statement and table layouts (core/statement_layout.hpp) from TOML.
// Keys are documented in docs/book-format.md (statements) and
// docs/release-format.md (tables).
//
// Contract: unknown keys, wrong types and impossible values are diagnostics
// with file, line and column; the result is false when there was any.
// References between lines, to accounts and to other figures are checked
// later, against the journal and the whole book (report/).

#include <toml++/toml.h>

#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/fiscal_calendar.hpp"
#include "core/statement_layout.hpp"
#include "read/toml_checker.hpp"

namespace kessan::read {

// The ranges of a layout's integer settings (docs/book-format.md, "Limits");
// a value outside is a diagnostic naming the key and the range.
inline constexpr int kMaxIndent = 20;    // a line's indent, in levels
inline constexpr int kMaxDecimals = 12;  // a line's or table's decimals

// Period names in columns are read with `calendar` (the book's).
bool parse_layout(const std::string& text, const std::string& path, StatementLayout* out,
                  std::vector<Diagnostic>* errors, const FiscalCalendar& calendar = FiscalCalendar());

// Gives every layout with `lines_from` the lines of the layout it names
// (with its scope, and a cash flow statement's cash accounts, net income
// and rules), once all of a book's layouts are read. An unknown id, a
// layout of another kind and a layout that takes its own lines from a third
// are diagnostics at the lines_from value; the layout then keeps no lines.
void copy_lines_from(const std::vector<StatementLayout*>& layouts, std::vector<Diagnostic>* errors);

// Column definitions (`columns = [{ value = "amount", period = "current" }, …]`),
// shared by layouts and reconciliations.
void parse_columns(const toml::array& columns, TomlChecker& check, std::vector<LayoutColumn>* out,
                   const FiscalCalendar& calendar);

// A formula held by string value `key` of `t` (empty when absent or malformed).
std::optional<Expr> parse_formula(const toml::table& t, std::string_view key, bool required, const char* where,
                                  TomlChecker& check, std::vector<Diagnostic>* errors);

// Integer `key` of `t`, checked to be within [low, high] (reported otherwise).
std::optional<int> parse_int_in(const toml::table& t, std::string_view key, int low, int high, const char* where,
                                TomlChecker& check);

// An exact unit of presentation: an integer or a quoted decimal, positive.
std::optional<Decimal> parse_unit(const toml::table& t, std::string_view key, const char* where, TomlChecker& check);

}  // namespace kessan::read
