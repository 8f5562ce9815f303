#include "read/toml_checker.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace kessan::read {

std::optional<toml::table> TomlChecker::parse(const std::string& text) {
  text_ = text;
  line_starts_.assign(1, 0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  try {
    return toml::parse(text, path_);
  } catch (const toml::parse_error& e) {
    error(e.source(), "malformed TOML: " + std::string(e.description()), "valid TOML (https://toml.io)");
    return std::nullopt;
  }
}

void TomlChecker::error(const toml::source_region& where, std::string message, std::string expected) {
  ok_ = false;
  if (errors_->size() >= max_errors_) return;
  Diagnostic d;
  d.file = path_;
  d.line = static_cast<std::uint32_t>(where.begin.line);
  d.column = static_cast<std::uint32_t>(where.begin.column);
  d.message = std::move(message);
  d.expected = std::move(expected);
  set_line(&d, line_view(d.line));
  errors_->push_back(std::move(d));
}

void TomlChecker::error(const toml::node& n, std::string message, std::string expected) {
  error(n.source(), std::move(message), std::move(expected));
}

SourceRef TomlChecker::ref(const toml::node& n) const {
  return {path_, static_cast<std::uint32_t>(n.source().begin.line),
          static_cast<std::uint32_t>(n.source().begin.column)};
}

void TomlChecker::only_keys(const toml::table& t, std::initializer_list<std::string_view> known, const char* where) {
  for (auto&& [k, v] : t) {
    bool found = false;
    for (auto name : known) found |= k.str() == name;
    if (found) continue;
    std::string list;
    for (auto name : known) list += (list.empty() ? "" : ", ") + std::string(name);
    error(k.source(), "unknown key '" + std::string(k.str()) + "' in " + where, "one of: " + list);
  }
}

std::optional<std::string> TomlChecker::string(const toml::table& t, std::string_view key, bool required,
                                               const char* where) {
  const toml::node* n = t.get(key);
  if (!n) {
    if (required) error(t, std::string("missing key '") + std::string(key) + "' in " + where, "a string");
    return std::nullopt;
  }
  if (auto s = n->value_exact<std::string>()) return *s;
  error(*n, "'" + std::string(key) + "' must be a string", "a quoted string");
  return std::nullopt;
}

std::optional<std::int64_t> TomlChecker::integer(const toml::table& t, std::string_view key, bool required,
                                                 const char* where) {
  const toml::node* n = t.get(key);
  if (!n) {
    if (required) error(t, std::string("missing key '") + std::string(key) + "' in " + where, "an integer");
    return std::nullopt;
  }
  if (n->is_integer()) return n->value<std::int64_t>();
  error(*n, "'" + std::string(key) + "' must be an integer", "an integer");
  return std::nullopt;
}

std::optional<bool> TomlChecker::boolean(const toml::table& t, std::string_view key) {
  const toml::node* n = t.get(key);
  if (!n) return std::nullopt;
  if (n->is_boolean()) return n->value<bool>();
  error(*n, "'" + std::string(key) + "' must be true or false", "true or false");
  return std::nullopt;
}

std::optional<Decimal> TomlChecker::decimal(const toml::table& t, std::string_view key, bool required,
                                            const char* where) {
  const toml::node* n = t.get(key);
  if (!n) {
    if (required) error(t, std::string("missing key '") + std::string(key) + "' in " + where, "a number");
    return std::nullopt;
  }
  if (n->is_integer()) return Decimal(*n->value<std::int64_t>());
  if (auto s = n->value_exact<std::string>()) {
    if (auto d = Decimal::parse(*s)) return d;
    error(*n, "'" + std::string(key) + "' is not a decimal number", "e.g. \"119.85\"");
    return std::nullopt;
  }
  if (n->is_floating_point()) {
    error(*n, "'" + std::string(key) + "' is a floating-point number, which is not exact",
          "an integer or a quoted decimal, e.g. \"119.85\"");
    return std::nullopt;
  }
  error(*n, "'" + std::string(key) + "' must be a number", "an integer or a quoted decimal");
  return std::nullopt;
}

std::optional<Date> TomlChecker::date(const toml::table& t, std::string_view key, bool required, const char* where) {
  const toml::node* n = t.get(key);
  if (!n) {
    if (required)
      error(t, std::string("missing key '") + std::string(key) + "' in " + where, "a date, e.g. 2002-06-28");
    return std::nullopt;
  }
  if (auto v = n->value<toml::date>()) {
    if (auto d = Date::from_ymd(v->year, v->month, v->day)) return d;
    error(*n, "'" + std::string(key) + "' is outside the years 0001 to 9999", "a date from 0001-01-01 to 9999-12-31");
    return std::nullopt;
  }
  error(*n, "'" + std::string(key) + "' must be a date", "e.g. 2002-06-28 (unquoted)");
  return std::nullopt;
}

std::vector<std::string> TomlChecker::strings(const toml::table& t, std::string_view key, bool required,
                                              const char* where) {
  std::vector<std::string> out;
  const toml::node* n = t.get(key);
  if (!n) {
    if (required) error(t, std::string("missing key '") + std::string(key) + "' in " + where, "an array of strings");
    return out;
  }
  const toml::array* a = n->as_array();
  if (!a) {
    if (auto s = n->value_exact<std::string>()) return {*s};
    error(*n, "'" + std::string(key) + "' must be an array of strings", "[\"...\", \"...\"]");
    return out;
  }
  for (const toml::node& e : *a) {
    if (auto s = e.value_exact<std::string>())
      out.push_back(*s);
    else
      error(e, "'" + std::string(key) + "' must hold strings only", "a quoted string");
  }
  return out;
}

std::vector<const toml::table*> TomlChecker::tables(const toml::table& t, std::string_view key) {
  std::vector<const toml::table*> out;
  const toml::node* n = t.get(key);
  if (!n) return out;
  const toml::array* a = n->as_array();
  if (!a) {
    error(*n, "'" + std::string(key) + "' must be an array of tables", "[[" + std::string(key) + "]] tables");
    return out;
  }
  for (const toml::node& e : *a) {
    if (const toml::table* table = e.as_table())
      out.push_back(table);
    else
      error(e, "'" + std::string(key) + "' must hold tables only", "[[" + std::string(key) + "]] tables");
  }
  return out;
}

SourceRef TomlChecker::string_start(const toml::node& n) const {
  SourceRef r = ref(n);
  std::string line = line_text(r.line);
  std::size_t at = r.column > 0 ? r.column - 1 : 0;
  bool multi_line = line.compare(at, 3, "\"\"\"") == 0 || line.compare(at, 3, "'''") == 0;
  if (multi_line && line.find_first_not_of(" \t\r", at + 3) == std::string::npos) {
    // TOML drops a line break right after the opening quotes.
    ++r.line;
    r.column = 1;
    return r;
  }
  r.column += multi_line ? 3 : 1;
  return r;
}

std::string_view TomlChecker::line_view(std::uint32_t line) const {
  if (line == 0 || line_starts_.empty()) return {};
  // Past the end (TOML errors at the end of the text): the last line.
  line = std::min<std::uint32_t>(line, static_cast<std::uint32_t>(line_starts_.size()));
  std::size_t start = line_starts_[line - 1];
  std::size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : text_.size();
  return std::string_view(text_).substr(start, end - start);
}

std::string TomlChecker::line_text(std::uint32_t line) const {
  return std::string(line_view(line));
}

bool read_text(const std::string& path, std::string* text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *text = s.str();
  return true;
}

std::string directory_of(const std::string& path) {
  auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace kessan::read
