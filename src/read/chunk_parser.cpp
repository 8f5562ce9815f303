// The journal scanner's line loop and hot path (read/chunk_parser.hpp):
// lines are dispatched to transactions or directives; a transaction's header
// and date are read here, its common postings by the one-pass fast path, and
// the usual single-commodity transaction is balanced with integer sums.
// Everything else is read by the general posting reader (chunk_postings.cpp),
// balanced by chunk_balance.cpp, and directives by chunk_directives.cpp.
//
// Performance: this file parses about a million records per second per core;
// what the fast path calls stays in this translation unit or inline in
// chunk_parser_internal.hpp.

#include "read/chunk_parser.hpp"

#include <cstdio>
#include <cstring>

#include "read/chunk_parser_internal.hpp"

namespace kessan::read {
namespace chunk {
namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

// Beancount's dated directives ("2014-01-01 open Assets:Cash USD"): kessan
// does not read beancount syntax, and one would otherwise read as a
// transaction with no postings.
bool is_beancount_dated_keyword(std::string_view word) {
  for (std::string_view k :
       {"open", "close", "balance", "pad", "price", "note", "document", "event", "query", "custom", "commodity"})
    if (word == k) return true;
  return false;
}

}  // namespace

void ChunkParser::run() {
  std::string_view text = in_.text;
  pos_ = 0;
  reserve(text.size());
  while (pos_ < text.size()) {
    std::string_view line = next_line();
    if (state_.in_comment_block) {
      if (starts_with_word(trim_right(line), "end") &&
          (trim_right(line) == "end comment" || trim_right(line) == "end test"))
        state_.in_comment_block = false;
      continue;
    }
    if (line.empty()) continue;
    char c = line[0];
    if (is_digit(c)) {
      read_transaction(line);
    } else if (is_space(c)) {
      std::size_t i = skip_spaces(line, 0);
      if (i == line.size() || line[i] == ';' || line[i] == '#') continue;
      error(i, "indented line outside a transaction", "a transaction date at the start of the line, or a blank line",
            line);
    } else if (is_comment_start(c)) {
      continue;
    } else {
      read_directive(line);
    }
  }
  out_->line_count = line_no_;
  out_->end_state = state_;
}

void ChunkParser::reserve(std::size_t bytes) {
  ChunkResult& o = *out_;
  std::size_t posts = bytes / 32 + 16, txs = bytes / 96 + 16;
  o.tx_date.reserve(txs);
  o.tx_status.reserve(txs);
  o.tx_first_posting.reserve(txs + 1);
  o.tx_line.reserve(txs);
  o.tx_code.reserve(txs);
  o.tx_description.reserve(txs);
  o.post_account.reserve(posts);
  o.post_commodity.reserve(posts);
  o.post_quantity.reserve(posts);
  o.post_scale.reserve(posts);
  o.post_kind.reserve(posts);
  o.post_inferred.reserve(posts);
  o.post_line.reserve(posts);
}

bool ChunkParser::error(std::size_t column, std::string message, std::string expected, std::string_view line,
                        std::vector<std::string> notes, std::uint32_t at_line) {
  if (out_->errors.size() < in_.max_errors) {
    Diagnostic d;
    d.line = at_line ? at_line : line_no_;
    d.column = static_cast<std::uint32_t>(column + 1);
    d.message = std::move(message);
    d.expected = std::move(expected);
    d.line_text = std::string(line);
    d.notes = std::move(notes);
    out_->errors.push_back(std::move(d));
  }
  return false;
}

bool ChunkParser::syntax_error(const SyntaxError& e, std::string_view line) {
  return error(e.offset, e.message, e.expected ? e.expected : "", line);
}

bool ChunkParser::check_text(std::string_view field, std::size_t offset, std::string_view line) {
  std::size_t bad = find_invalid_text(field);
  if (bad == std::string_view::npos) return true;
  if (field.substr(bad, 3) == kByteOrderMark)
    return error(offset + bad,
                 offset + bad == 0 ? "a byte order mark (U+FEFF) in the middle of the file"
                                   : "a byte order mark (U+FEFF) in text",
                 "no byte order mark (one is allowed only as the first bytes of a file)", line);
  unsigned char b = static_cast<unsigned char>(field[bad]);
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", b);
  std::string what = b == 0     ? "NUL byte"
                     : b < 0x80 ? std::string("control byte ") + hex
                                : std::string("invalid UTF-8 byte ") + hex;
  return error(offset + bad, what + " in text", "printable UTF-8 text", line);
}

bool ChunkParser::parse_date(std::string_view s, std::size_t offset, std::string_view line, Date* out) {
  if (s.size() == 10 && (s[4] == '-' || s[4] == '/' || s[4] == '.') && s[7] == s[4]) {
    // The common YYYY-MM-DD form.
    auto d2 = [&](std::size_t k) { return (s[k] - '0') * 10 + (s[k + 1] - '0'); };
    bool digits = true;
    for (std::size_t k : {0, 1, 2, 3, 5, 6, 8, 9}) digits &= is_digit(s[k]);
    if (digits) {
      auto d = Date::from_ymd(d2(0) * 100 + d2(2), static_cast<unsigned>(d2(5)), static_cast<unsigned>(d2(8)));
      if (!d) return error(offset, "no such date '" + std::string(s) + "'", "a valid calendar date", line);
      *out = *d;
      return true;
    }
  }
  int parts[3] = {0, 0, 0};
  int digits[3] = {0, 0, 0};
  int n = 0;
  char sep = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (is_digit(c)) {
      if (digits[n] >= 4) return date_error(s, offset, line);
      parts[n] = parts[n] * 10 + (c - '0');
      ++digits[n];
    } else if ((c == '-' || c == '/' || c == '.') && (sep == 0 || c == sep) && n < 2 && digits[n] > 0) {
      sep = c;
      ++n;
    } else {
      return date_error(s, offset, line);
    }
  }
  int year, month, day;
  if (n == 2 && digits[0] == 4 && digits[1] <= 2 && digits[2] <= 2 && digits[2] > 0) {
    year = parts[0], month = parts[1], day = parts[2];
  } else if (n == 1 && digits[0] <= 2 && digits[1] <= 2 && digits[1] > 0) {
    if (state_.default_year == 0)
      return error(offset, "date '" + std::string(s) + "' has no year and no `Y` directive set one",
                   "a full date like 2024-03-31, or a `Y 2024` directive before it", line);
    year = state_.default_year, month = parts[0], day = parts[1];
  } else {
    return date_error(s, offset, line);
  }
  auto d = Date::from_ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  if (!d) return error(offset, "no such date '" + std::string(s) + "'", "a valid calendar date", line);
  *out = *d;
  return true;
}

bool ChunkParser::date_error(std::string_view s, std::size_t offset, std::string_view line) {
  return error(offset, "invalid date '" + std::string(s.substr(0, 40)) + "'",
               "a date like 2024-03-31, 2024/03/31 or 2024.03.31", line);
}

void ChunkParser::read_transaction(std::string_view line) {
  std::uint32_t header_line = line_no_;
  pending_.clear();
  assertions_.clear();
  tags_.clear();
  tx_lines_.clear();
  tx_lines_.push_back(line);
  bool ok = read_header(line);
  while (next_line_is_indented()) {
    std::string_view pl = next_line();
    tx_lines_.push_back(pl);
    if (ok) ok = fast_posting(pl) || read_posting_line(pl);
  }
  if (!ok || beancount_directive(line, header_line)) return;
  if (!finish_simple(header_line)) finish_transaction(header_line);
}

bool ChunkParser::beancount_directive(std::string_view line, std::uint32_t header_line) {
  if (tx_status_ != Status::Unmarked || !tx_code_.empty()) return false;
  for (const Pending& p : pending_)
    if (p.has_amount) return false;
  std::string_view word = tx_description_.substr(0, tx_description_.find_first_of(" \t"));
  if (!is_beancount_dated_keyword(word)) return false;
  error(static_cast<std::size_t>(word.data() - line.data()),
        "'" + std::string(word) + "' looks like a beancount directive, which kessan does not read", kNotBeancount, line,
        {}, header_line);
  return true;
}

bool ChunkParser::read_header(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && !is_space(line[i]) && line[i] != '=' && line[i] != ';') ++i;
  if (!parse_date(line.substr(0, i), 0, line, &tx_date_)) return false;
  if (i < line.size() && line[i] == '=') {
    // A secondary (auxiliary) date: validated, not used by reports.
    std::size_t s = ++i;
    while (i < line.size() && !is_space(line[i]) && line[i] != ';') ++i;
    Date aux;
    if (!parse_date(line.substr(s, i - s), s, line, &aux)) return false;
  }
  if (i < line.size() && !is_space(line[i]) && line[i] != ';')
    return error(i, "unexpected text after the date", "a space, then the description", line);
  i = skip_spaces(line, i);
  tx_status_ = Status::Unmarked;
  if (i < line.size() && (line[i] == '*' || line[i] == '!')) {
    tx_status_ = line[i] == '*' ? Status::Cleared : Status::Pending;
    i = skip_spaces(line, i + 1);
  }
  tx_code_ = {};
  if (i < line.size() && line[i] == '(') {
    std::size_t close = line.find(')', i);
    if (close == std::string_view::npos) return error(i, "unterminated transaction code", "a closing ')'", line);
    tx_code_ = line.substr(i + 1, close - i - 1);
    if (!check_text(tx_code_, i + 1, line)) return false;
    i = skip_spaces(line, close + 1);
  }
  std::size_t desc_start = i;
  std::size_t semi = line.find(';', i);
  std::string_view desc =
      trim_right(line.substr(i, semi == std::string_view::npos ? std::string_view::npos : semi - i));
  if (!check_text(desc, desc_start, line)) return false;
  tx_description_ = desc;
  if (semi != std::string_view::npos) return read_comment(line, semi + 1, kNoPending);
  return true;
}

bool ChunkParser::fast_posting(std::string_view line) {
  const char* p = line.data();
  std::size_t n = line.size(), i = 0;
  while (i < n && (p[i] == ' ' || p[i] == '\t')) ++i;
  if (i >= n) return false;
  char c0 = p[i];
  if (c0 == ';' || c0 == '#' || c0 == '*' || c0 == '!' || c0 == '(' || c0 == '[' || c0 == ':') return false;
  std::size_t name_start = i, e = i;
  unsigned high = 0;
  while (true) {
    // Skip eight plain bytes (0x21..0x7e) at a time.
    while (e + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, p + e, 8);
      std::uint64_t below = (w - 0x21 * kOnes) & ~w & kHighBits;
      std::uint64_t above = ((w + kOnes) | w) & kHighBits;
      if ((below | above) != 0) break;
      e += 8;
    }
    if (e >= n) return false;  // no amount
    auto c = static_cast<unsigned char>(p[e]);
    if (c > ' ' && c != 0x7f) {
      high |= c;
      ++e;
      continue;
    }
    if (c == ' ' && e + 1 < n && p[e + 1] != ' ' && p[e + 1] != '\t' && p[e + 1] != ';') {
      ++e;
      continue;
    }
    if (c != ' ' && c != '\t') return false;
    break;
  }
  std::string_view name = line.substr(name_start, e - name_start);
  if (name.back() == ':' || name.find("::") != std::string_view::npos || name.size() > kMaxAccountDepth) return false;
  if ((high & 0x80) && find_invalid_text(name) != std::string_view::npos) return false;
  i = e;
  while (i + 8 <= n) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    std::uint64_t other = w ^ (0x20 * kOnes);
    if (other != 0) {
      i += static_cast<std::size_t>(__builtin_ctzll(other)) / 8;
      break;
    }
    i += 8;
  }
  while (i < n && (p[i] == ' ' || p[i] == '\t')) ++i;
  bool negative = false;
  if (i < n && p[i] == '-') {
    negative = true;
    ++i;
  }
  if (i >= n || !is_digit(p[i])) return false;
  std::uint64_t m = 0;
  int digits = 0, scale = 0;
  while (i < n && is_digit(p[i])) {
    m = m * 10 + static_cast<std::uint64_t>(p[i++] - '0');
    if (++digits > 18) return false;
  }
  if (i < n && p[i] == '.') {
    if (state_.decimal_mark == ',' || ++i >= n || !is_digit(p[i])) return false;
    while (i < n && is_digit(p[i])) {
      m = m * 10 + static_cast<std::uint64_t>(p[i++] - '0');
      ++scale;
      if (++digits > 18) return false;
    }
  }
  if (i < n && p[i] == ',') return false;
  if (state_.decimal_mark == ',' && scale == 0 && digits > 0) {
    // No mark at all reads the same under either decimal mark.
  }
  std::size_t after_number = i;
  while (i < n && p[i] == ' ') ++i;
  std::size_t symbol_start = i;
  while (i < n && is_symbol_char(static_cast<unsigned char>(p[i])) && static_cast<unsigned char>(p[i]) < 0x80) ++i;
  std::string_view symbol = line.substr(symbol_start, i - symbol_start);
  bool space = !symbol.empty() && symbol_start > after_number;
  if (symbol.empty()) i = after_number;
  while (i < n && (p[i] == ' ' || p[i] == '\t')) ++i;
  if (i != n) return false;
  Pending q{};
  q.line = line_no_;
  q.kind = PostingKind::Real;
  q.account = intern_account(name);
  q.has_amount = true;
  auto mantissa = static_cast<Int128>(m);
  q.quantity = Decimal::from_parts(negative ? -mantissa : mantissa, scale);
  q.commodity = symbol == last_symbol_ && last_commodity_ != kNone ? last_commodity_ : intern_commodity(symbol);
  last_symbol_ = symbol;
  last_commodity_ = q.commodity;
  observe_style(q.commodity, false, space, 0, '.', scale);
  pending_.push_back(q);
  return true;
}

bool ChunkParser::finish_simple(std::uint32_t header_line) {
  if (!assertions_.empty() || !tags_.empty()) return false;
  Int128 sum = 0;
  int scale = -1;
  std::uint32_t commodity = 0;
  std::size_t missing = kNoPending;
  for (std::size_t k = 0; k < pending_.size(); ++k) {
    const Pending& p = pending_[k];
    if (p.kind != PostingKind::Real || p.has_cost) return false;
    if (!p.has_amount) {
      if (missing != kNoPending) return false;
      missing = k;
      continue;
    }
    if (scale < 0) {
      scale = p.quantity.scale();
      commodity = p.commodity;
    } else if (p.commodity != commodity || p.quantity.scale() != scale) {
      return false;
    }
    if (__builtin_add_overflow(sum, p.quantity.mantissa(), &sum)) return false;
  }
  if (scale < 0 || (missing == kNoPending && sum != 0)) return false;
  Int128 inferred;
  if (__builtin_sub_overflow(static_cast<Int128>(0), sum, &inferred)) return false;
  for (std::size_t k = 0; k < pending_.size(); ++k) {
    const Pending& p = pending_[k];
    if (k == missing)
      emit(p, commodity, Decimal::from_parts(inferred, scale), true);
    else
      emit(p, p.commodity, p.quantity, false);
  }
  push_transaction(header_line);
  return true;
}

}  // namespace chunk

void parse_chunk(const ChunkInput& in, ChunkResult* out) {
  chunk::ChunkParser(in, out).run();
}

}  // namespace kessan::read
