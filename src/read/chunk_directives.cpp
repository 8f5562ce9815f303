// The journal scanner's directives (chunk_parser_internal.hpp): account (with
// tags and notes), commodity (with a format), P prices, include, payee and tag
// declarations, the state directives (alias, end aliases, Y/year,
// decimal-mark, comment/test blocks) and the refusal of what kessan does not
// read (automated and periodic transactions, beancount, other ledger
// directives).
//
// Contract: a directive with a problem is reported and its indented lines are
// skipped; state directives change the ParseState the following lines (and
// the next chunk) read with.

#include <algorithm>
#include <string>

#include "read/chunk_parser_internal.hpp"

namespace kessan::read {
namespace chunk {
namespace {

// Beancount's undated directives ("option", "plugin", "pushtag").
bool is_beancount_undated_keyword(std::string_view word) {
  for (std::string_view k : {"option", "plugin", "pushtag", "poptag", "pushmeta", "popmeta"})
    if (word == k) return true;
  return false;
}

}  // namespace

void ChunkParser::read_directive(std::string_view line) {
  std::string_view t = trim_right(line);
  std::size_t w = 0;
  while (w < t.size() && !is_space(t[w])) ++w;
  std::string_view word = t.substr(0, w);
  if (!check_text(word, 0, line)) return skip_indented_lines();
  std::size_t arg = skip_spaces(t, w);
  std::string_view rest = t.substr(arg);
  if (word == "account") return read_account_directive(line, rest, arg);
  if (word == "commodity") return read_commodity_directive(line, rest, arg);
  if (word == "P") return read_price_directive(line, rest, arg);
  if (word == "include") return read_include(line, rest, arg);
  if (word == "payee" || word == "tag") {
    // Declarations only; they change nothing kessan computes.
    skip_indented_lines();
    return;
  }
  if (word == "alias" || word == "end" || word == "Y" || word == "year" || word == "comment" || word == "test" ||
      word == "decimal-mark") {
    if (word == "alias" && !rest.empty() && rest.front() == '/') {
      error(arg, "regular-expression aliases are not supported", "alias OLD=NEW", line);
      return;
    }
    if (word == "end" && rest != "comment" && rest != "test" && rest != "aliases" && rest != "apply alias") {
      error(arg, rest.empty() ? std::string("unsupported 'end'") : "unsupported 'end " + std::string(rest) + "'",
            "end aliases, or end comment", line);
      return;
    }
    if (!check_text(rest, arg, line)) return;  // an alias must not rename into unreadable bytes
    std::string problem = check_state_directive(word, rest);
    if (!problem.empty()) {
      error(arg, problem, expected_for(word), line);
      return;
    }
    apply_state_directive(line, &state_);
    return;
  }
  if (is_beancount_undated_keyword(word)) {
    error(0, "'" + std::string(word) + "' looks like a beancount directive, which kessan does not read", kNotBeancount,
          line);
    skip_indented_lines();
  } else if (word == "=" || (!word.empty() && word[0] == '=')) {
    error(0, "automated transactions ('=' rules) are not supported", "a transaction, comment or directive", line);
    skip_indented_lines();
  } else if (word.size() > 0 && word[0] == '~') {
    error(0, "periodic transactions ('~') are not supported", "a transaction, comment or directive", line);
    skip_indented_lines();
  } else if (word == "apply" || word == "bucket" || word == "A" || word == "D" || word == "N" || word == "C" ||
             word == "define" || word == "def" || word == "eval" || word == "expr" || word == "assert" ||
             word == "check" || word == "python" || word == "import" || word == "value" || word == "i" || word == "o" ||
             word == "I" || word == "O" || word == "b" || word == "h" || word == "--command-line-flags" ||
             (word.size() > 2 && word[0] == '-' && word[1] == '-')) {
    error(0, "the '" + std::string(word) + "' directive is not supported",
          "one of: account, commodity, P, include, alias, Y/year, decimal-mark, comment, payee, tag", line);
    skip_indented_lines();
  } else {
    std::string shown(word.substr(0, 40));
    std::size_t bad = find_invalid_text(shown);
    if (bad != std::string::npos) shown.resize(bad);
    error(0, "unknown directive '" + shown + "'",
          "a transaction (a line starting with a date), a comment, or one of the directives: account, commodity, P, "
          "include, alias, Y/year, decimal-mark, comment, payee, tag",
          line);
    skip_indented_lines();
  }
}

std::string ChunkParser::expected_for(std::string_view word) {
  if (word == "alias") return "alias OLD=NEW";
  if (word == "Y" || word == "year") return "a four-digit year, e.g. Y 2024";
  if (word == "decimal-mark") return "decimal-mark . or decimal-mark ,";
  return "";
}

std::string ChunkParser::check_state_directive(std::string_view word, std::string_view rest) {
  if (word == "alias") {
    auto eq = rest.find('=');
    if (eq == std::string_view::npos || trim_right(rest.substr(0, eq)).empty()) return "malformed alias";
    return "";
  }
  if (word == "Y" || word == "year") {
    if (rest.size() != 4 || !is_digit(rest[0]) || !is_digit(rest[1]) || !is_digit(rest[2]) || !is_digit(rest[3]) ||
        rest == "0000")
      return "invalid year '" + std::string(rest.substr(0, 20)) + "'";
    return "";
  }
  if (word == "decimal-mark" && rest != "." && rest != ",") return "invalid decimal mark";
  return "";
}

void ChunkParser::read_account_directive(std::string_view line, std::string_view rest, std::size_t arg) {
  std::size_t end = 0;
  while (end < rest.size()) {
    if (rest[end] == '\t') break;
    if (rest[end] == ' ' && end + 1 < rest.size() && (rest[end + 1] == ' ' || rest[end + 1] == ';')) break;
    if (rest[end] == ';') break;
    ++end;
  }
  std::string_view name = trim_right(rest.substr(0, end));
  if (name.empty()) {
    error(arg, "missing account name", "account NAME", line);
    skip_indented_lines();
    return;
  }
  if (!check_text(name, arg, line)) {
    skip_indented_lines();
    return;
  }
  if (name.size() > kMaxAccountDepth &&
      static_cast<std::size_t>(std::count(name.begin(), name.end(), ':')) >= kMaxAccountDepth) {
    error(arg, "account name has more than " + std::to_string(kMaxAccountDepth) + " levels",
          "an account name of at most " + std::to_string(kMaxAccountDepth) + " colon-separated levels", line);
    skip_indented_lines();
    return;
  }
  ChunkResult::AccountDecl decl;
  decl.account = intern_account(name);
  decl.line = line_no_;
  collecting_account_tags_ = true;
  account_tags_.clear();
  std::size_t semi = line.find(';', arg + end);
  bool ok = semi == std::string_view::npos || read_comment(line, semi + 1, kNoPending);
  while (ok && next_line_is_indented()) {
    std::string_view sub = next_line();
    std::size_t i = skip_spaces(sub, 0);
    if (sub[i] == ';') {
      ok = read_comment(sub, i + 1, kNoPending);
    } else if (starts_with_word(sub.substr(i), "note") || sub[i] == '#') {
      continue;
    } else {
      std::size_t e = i;
      while (e < sub.size() && !is_space(sub[e])) ++e;
      error(i, "account sub-directive '" + std::string(sub.substr(i, e - i)) + "' is not supported",
            "a comment (; key: value) or a note", sub);
      ok = false;
    }
  }
  collecting_account_tags_ = false;
  if (!ok) {
    skip_indented_lines();
    return;
  }
  decl.tags = std::move(account_tags_);
  out_->account_decls.push_back(std::move(decl));
}

void ChunkParser::read_commodity_directive(std::string_view line, std::string_view rest, std::size_t arg) {
  declared_symbol_ = {};
  std::size_t semi = rest.find(';');
  std::string_view spec = trim_right(rest.substr(0, semi));
  if (spec.empty()) {
    error(arg, "missing commodity", "commodity SYMBOL, or commodity 1,000.00 SYMBOL", line);
    skip_indented_lines();
    return;
  }
  bool has_digit = false;
  bool quoted = spec.front() == '"';
  for (char c : spec) has_digit |= is_digit(c);
  if (!quoted && !has_digit) {
    // "commodity USD", with an optional "format" sub-directive.
    bool ok = true;
    for (char c : spec) ok &= is_symbol_char(static_cast<unsigned char>(c));
    if (!ok) {
      error(arg, "invalid commodity symbol '" + std::string(spec) + "'", "a symbol, or a quoted \"symbol\"", line);
      skip_indented_lines();
      return;
    }
    intern_commodity(spec);
    declared_symbol_ = spec;
  } else if (quoted && spec.find('"', 1) == spec.size() - 1) {
    intern_commodity(spec.substr(1, spec.size() - 2));
    declared_symbol_ = spec.substr(1, spec.size() - 2);
  } else if (!declare_format(line, arg)) {
    skip_indented_lines();
    return;
  }
  while (next_line_is_indented()) {
    std::string_view sub = next_line();
    std::size_t i = skip_spaces(sub, 0);
    if (sub[i] == ';' || sub[i] == '#' || starts_with_word(sub.substr(i), "note") ||
        starts_with_word(sub.substr(i), "nomarket"))
      continue;
    if (starts_with_word(sub.substr(i), "format")) {
      if (!declare_format(sub, skip_spaces(sub, i + 6), declared_symbol_)) {
        skip_indented_lines();
        return;
      }
      continue;
    }
    std::size_t e = i;
    while (e < sub.size() && !is_space(sub[e])) ++e;
    error(i, "commodity sub-directive '" + std::string(sub.substr(i, e - i)) + "' is not supported",
          "format AMOUNT, note, or a comment", sub);
    skip_indented_lines();
    return;
  }
}

bool ChunkParser::declare_format(std::string_view line, std::size_t at, std::string_view for_symbol) {
  ScannedAmount a;
  SyntaxError e;
  if (!scan_amount(line, at, state_.decimal_mark, &a, &e)) return syntax_error(e, line);
  if (!for_symbol.empty() && a.symbol != for_symbol)
    return error(
        at,
        "the format's commodity '" + std::string(a.symbol) + "' is not the declared '" + std::string(for_symbol) + "'",
        "a sample amount in " + std::string(for_symbol), line);
  std::size_t after = skip_spaces(line, a.end);
  if (after < line.size() && line[after] != ';')
    return error(after, "unexpected text after the commodity format", "a sample amount such as 1,000.00 USD", line);
  std::uint32_t c = intern_commodity(a.symbol);
  StyleObservation& s = out_->styles[c];
  s.declared = true;
  s.style.symbol_on_left = a.symbol_on_left;
  s.style.space_between = a.space_between;
  s.style.thousands_mark = a.thousands_mark;
  s.style.decimal_mark = a.decimal_mark;
  s.style.precision = a.quantity.scale();
  s.style.precision_fixed = true;
  return true;
}

void ChunkParser::read_price_directive(std::string_view line, std::string_view rest, std::size_t arg) {
  std::size_t i = 0;
  while (i < rest.size() && !is_space(rest[i])) ++i;
  MarketPrice p{};
  if (!parse_date(rest.substr(0, i), arg, line, &p.date)) return;
  i = skip_spaces(rest, i);
  // An optional time of day.
  if (i + 2 < rest.size() && is_digit(rest[i]) && rest.find(':', i) < rest.find(' ', i)) {
    while (i < rest.size() && !is_space(rest[i])) ++i;
    i = skip_spaces(rest, i);
  }
  std::size_t sym_start = i;
  std::string_view symbol;
  if (i < rest.size() && rest[i] == '"') {
    std::size_t close = rest.find('"', i + 1);
    if (close == std::string_view::npos) {
      error(arg + i, "unterminated quoted commodity symbol", "a closing '\"'", line);
      return;
    }
    symbol = rest.substr(i + 1, close - i - 1);
    i = close + 1;
  } else {
    while (i < rest.size() && is_symbol_char(static_cast<unsigned char>(rest[i]))) ++i;
    symbol = rest.substr(sym_start, i - sym_start);
  }
  if (symbol.empty()) {
    error(arg + sym_start, "missing commodity in price directive", "P DATE SYMBOL PRICE", line);
    return;
  }
  if (!check_text(symbol, arg + sym_start, line)) return;
  std::size_t amount_at = arg + skip_spaces(rest, i);
  std::size_t end;
  std::uint32_t in;
  if (!read_amount(line, amount_at, &p.price, &in, &end)) return;
  std::size_t after = skip_spaces(line, end);
  if (after < line.size() && line[after] != ';') {
    error(after, "unexpected text after the price", "a comment (;) or the end of the line", line);
    return;
  }
  p.commodity = intern_commodity(symbol);
  p.in = in;
  out_->prices.push_back(p);
}

void ChunkParser::read_include(std::string_view line, std::string_view rest, std::size_t arg) {
  if (rest.empty()) {
    error(arg, "missing file name", "include PATH", line);
    return;
  }
  IncludeRequest r;
  r.tx_index = static_cast<std::uint32_t>(out_->tx_date.size());
  r.line = line_no_;
  r.column = static_cast<std::uint32_t>(arg + 1);
  r.pattern = std::string(rest);
  r.line_text = std::string(line);
  r.state = state_;
  out_->includes.push_back(std::move(r));
}

}  // namespace chunk

using chunk::is_digit;
using chunk::is_space;
using chunk::skip_spaces;
using chunk::trim_right;
std::string apply_aliases(const ParseState& state, std::string_view account) {
  std::string name(account);
  for (auto it = state.aliases.rbegin(); it != state.aliases.rend(); ++it) {
    const auto& [from, to] = *it;
    if (name.size() >= from.size() && name.compare(0, from.size(), from) == 0 &&
        (name.size() == from.size() || name[from.size()] == ':'))
      name = to + name.substr(from.size());
  }
  return name;
}

bool apply_state_directive(std::string_view line, ParseState* state) {
  std::string_view t = trim_right(line);
  if (state->in_comment_block) {
    if (t == "end comment" || t == "end test") {
      state->in_comment_block = false;
      return true;
    }
    return false;
  }
  std::size_t w = 0;
  while (w < t.size() && !is_space(t[w])) ++w;
  std::string_view word = t.substr(0, w);
  std::string_view rest = t.substr(skip_spaces(t, w));
  if (word == "comment" || word == "test") {
    state->in_comment_block = true;
    return true;
  }
  if (word == "alias") {
    auto eq = rest.find('=');
    if (eq == std::string_view::npos || (!rest.empty() && rest.front() == '/')) return false;
    std::string_view from = trim_right(rest.substr(0, eq));
    std::string_view to = rest.substr(skip_spaces(rest, eq + 1));
    state->aliases.emplace_back(std::string(from), std::string(to));
    return true;
  }
  if (word == "end" && (rest == "aliases" || rest == "apply alias")) {
    state->aliases.clear();
    return true;
  }
  if ((word == "Y" || word == "year") && rest.size() == 4) {
    int y = 0;
    for (char c : rest) {
      if (!is_digit(c)) return false;
      y = y * 10 + (c - '0');
    }
    state->default_year = y;
    return true;
  }
  if (word == "decimal-mark" && (rest == "." || rest == ",")) {
    state->decimal_mark = rest[0];
    return true;
  }
  return false;
}

}  // namespace kessan::read
