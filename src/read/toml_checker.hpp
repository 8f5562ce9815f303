#pragma once
// TomlChecker: reading typed values out of a parsed TOML file while
// collecting diagnostics that name the file, line and column of the
// offending key or value. Shared by every reader of a book's TOML files
// (book.toml, layouts, statistics, measures, guidance).
//
// Contract: every accessor reports a wrong type or a missing required key as
// a Diagnostic and returns an empty value; nothing throws. ok() is false once
// any error was reported.

#include <toml++/toml.h>

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/decimal.hpp"
#include "core/diagnostic.hpp"
#include "core/source_ref.hpp"

namespace kessan::read {

class TomlChecker {
 public:
  // Errors past `max_errors` in `errors` are not kept (ok() is false then too).
  TomlChecker(std::string path, std::vector<Diagnostic>* errors,
              std::size_t max_errors = std::numeric_limits<std::size_t>::max())
      : path_(std::move(path)), errors_(errors), max_errors_(max_errors) {}

  // Parses `text` (the file's whole content); a syntax error is reported.
  std::optional<toml::table> parse(const std::string& text);

  void error(const toml::source_region& where, std::string message, std::string expected = "");
  void error(const toml::node& n, std::string message, std::string expected = "");
  bool ok() const { return ok_; }
  // Marks the file as erroneous for a problem reported elsewhere (a formula's syntax).
  void fail() { ok_ = false; }
  const std::string& path() const { return path_; }
  SourceRef ref(const toml::node& n) const;

  // Reports keys of `t` not in `known`.
  void only_keys(const toml::table& t, std::initializer_list<std::string_view> known, const char* where);

  std::optional<std::string> string(const toml::table& t, std::string_view key, bool required, const char* where);
  std::optional<std::int64_t> integer(const toml::table& t, std::string_view key, bool required, const char* where);
  std::optional<bool> boolean(const toml::table& t, std::string_view key);
  // An exact decimal: an integer, or a string such as "119.85". Floats are
  // refused because they are not exact.
  std::optional<Decimal> decimal(const toml::table& t, std::string_view key, bool required, const char* where);
  // A TOML date (2002-06-28, unquoted).
  std::optional<Date> date(const toml::table& t, std::string_view key, bool required, const char* where);
  // An array of strings; a single string is taken as a one-element array.
  std::vector<std::string> strings(const toml::table& t, std::string_view key, bool required, const char* where);
  // The tables of an array of tables ([[key]]); anything else under `key` is reported.
  std::vector<const toml::table*> tables(const toml::table& t, std::string_view key);

  // The text of line `line` (1-based) of the file, for diagnostics, in
  // time linear in the line's length.
  std::string line_text(std::uint32_t line) const;
  // Where the text of string value `n` starts (after its opening quote), for
  // diagnostics about what the string holds (a formula, a name).
  SourceRef string_start(const toml::node& n) const;

 private:
  std::string_view line_view(std::uint32_t line) const;

  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;  // where each line of text_ starts
  std::vector<Diagnostic>* errors_;
  std::size_t max_errors_;
  bool ok_ = true;
};

// The whole content of a file; false when it cannot be read.
bool read_text(const std::string& path, std::string* text);

// The directory part of a path ("book/layouts/a.toml" -> "book/layouts"), "." when none.
std::string directory_of(const std::string& path);

}  // namespace kessan::read
