#include "read/chunk_parser.hpp"

#include <algorithm>
#include <cstring>

#include "read/amount_syntax.hpp"

namespace kessan::read {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_comment_start(char c) {
  return c == ';' || c == '#' || c == '%' || c == '|' || c == '*';
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && is_space(s[i])) ++i;
  return i;
}
bool starts_with_word(std::string_view line, std::string_view word) {
  return line.size() >= word.size() && line.substr(0, word.size()) == word &&
         (line.size() == word.size() || is_space(line[word.size()]));
}

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Offset of the first byte that is not printable text (a control byte,
// invalid UTF-8 or a byte order mark), or npos.
std::size_t find_invalid_text(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size();
  std::size_t i = 0;
  // Eight bytes at a time while all are printable ASCII.
  constexpr std::uint64_t k01 = 0x0101010101010101ull, k80 = 0x8080808080808080ull;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (((w & k80) | ((w - 0x20 * k01) & ~w & k80)) != 0) break;
  }
  while (i < n) {
    unsigned char c = p[i];
    if (c >= 0x20 && c < 0x7f) {
      ++i;
      continue;
    }
    if (c == '\t') {
      ++i;
      continue;
    }
    if (c < 0x80) return i;  // control byte, NUL or DEL
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (len == 0 || c > 0xF4 || i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k)
      if ((p[i + k] & 0xC0) != 0x80) return i;
    if (c == 0xE0 && p[i + 1] < 0xA0) return i;                       // overlong
    if (c == 0xED && p[i + 1] >= 0xA0) return i;                      // surrogates
    if (c == 0xF0 && p[i + 1] < 0x90) return i;                       // overlong
    if (c == 0xF4 && p[i + 1] >= 0x90) return i;                      // > U+10FFFF
    if (c == 0xEF && p[i + 1] == 0xBB && p[i + 2] == 0xBF) return i;  // U+FEFF, an invisible byte order mark
    i += len;
  }
  return std::string_view::npos;
}

// A symbol that reads as money rather than as part of a name: "$", "€", or
// an ISO-style code of three or more capital letters ("USD").
bool looks_like_currency(std::string_view symbol) {
  if (symbol.empty()) return false;
  bool letters = true, capitals = true;
  for (char c : symbol) {
    bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
    letters &= upper || lower;
    capitals &= upper;
  }
  if (!letters)
    return symbol.find_first_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string_view::npos;
  return capitals && symbol.size() >= 3;
}

// Beancount's dated directives ("2014-01-01 open Assets:Cash USD") and its
// undated ones ("option", "plugin", "pushtag"): kessan does not read
// beancount syntax, and a dated one would otherwise read as a transaction
// with no postings.
bool is_beancount_dated_keyword(std::string_view word) {
  for (std::string_view k :
       {"open", "close", "balance", "pad", "price", "note", "document", "event", "query", "custom", "commodity"})
    if (word == k) return true;
  return false;
}
bool is_beancount_undated_keyword(std::string_view word) {
  for (std::string_view k : {"option", "plugin", "pushtag", "poptag", "pushmeta", "popmeta"})
    if (word == k) return true;
  return false;
}
constexpr const char* kNotBeancount = "a ledger transaction, directive or comment (beancount syntax is not supported)";

// A posting of the transaction being read, before balancing.
constexpr std::uint64_t kOnes = 0x0101010101010101ull;
// Deeper account names are refused: reports walk the tree recursively.
constexpr std::size_t kMaxAccountDepth = 1000;
constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

struct Pending {
  std::uint32_t account;
  PostingKind kind;
  bool has_amount;
  std::uint32_t commodity;
  Decimal quantity;
  bool has_cost;
  std::uint32_t cost_commodity;
  Decimal cost_total;
  std::uint32_t line;
};

struct PendingAssertion {
  std::size_t pending;
  BalanceAssertion assertion;
};

struct PendingTag {
  std::size_t pending;  // kNoPending for transaction tags
  std::string_view name, value;
};
constexpr std::size_t kNoPending = static_cast<std::size_t>(-1);

class ChunkParser {
 public:
  ChunkParser(const ChunkInput& in, ChunkResult* out) : in_(in), out_(out), state_(in.state) {}

  void run() {
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

 private:
  // Room for the postings a chunk of this size usually holds; memory
  // reserved but never touched costs nothing.
  void reserve(std::size_t bytes) {
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

  // The next line (without its newline or carriage return); advances pos_.
  std::string_view next_line() {
    std::string_view text = in_.text;
    const char* start = text.data() + pos_;
    const void* nl = std::memchr(start, '\n', text.size() - pos_);
    std::size_t len = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - start) : text.size() - pos_;
    pos_ += len + (nl ? 1 : 0);
    ++line_no_;
    std::string_view line(start, len);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
  }
  // Whether the next line is indented and not blank (it belongs to the item above).
  bool next_line_is_indented() const {
    std::string_view text = in_.text;
    std::size_t i = pos_;
    if (i >= text.size() || !is_space(text[i])) return false;
    while (i < text.size() && is_space(text[i])) ++i;
    return i < text.size() && text[i] != '\n' && text[i] != '\r';
  }
  void skip_indented_lines() {
    while (next_line_is_indented()) next_line();
  }

  bool error(std::size_t column, std::string message, std::string expected, std::string_view line,
             std::vector<std::string> notes = {}, std::uint32_t at_line = 0) {
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
  bool syntax_error(const SyntaxError& e, std::string_view line) {
    return error(e.offset, e.message, e.expected ? e.expected : "", line);
  }
  bool check_text(std::string_view field, std::size_t offset, std::string_view line) {
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

  // ---- dates ----------------------------------------------------------

  // Parses YYYY-MM-DD (or / .), with 1- or 2-digit month and day, or MM-DD
  // using the `Y` year.
  bool parse_date(std::string_view s, std::size_t offset, std::string_view line, Date* out) {
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
  bool date_error(std::string_view s, std::size_t offset, std::string_view line) {
    return error(offset, "invalid date '" + std::string(s.substr(0, 40)) + "'",
                 "a date like 2024-03-31, 2024/03/31 or 2024.03.31", line);
  }

  // ---- transactions ---------------------------------------------------

  void read_transaction(std::string_view line) {
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
      if (ok) ok = read_posting_line(pl);
    }
    if (!ok || beancount_directive(line, header_line)) return;
    finish_transaction(header_line);
  }

  // A dated line with no posting amounts whose first word after the date is
  // a beancount keyword; reports it.
  bool beancount_directive(std::string_view line, std::uint32_t header_line) {
    if (tx_status_ != Status::Unmarked || !tx_code_.empty()) return false;
    for (const Pending& p : pending_)
      if (p.has_amount) return false;
    std::string_view word = tx_description_.substr(0, tx_description_.find_first_of(" \t"));
    if (!is_beancount_dated_keyword(word)) return false;
    error(static_cast<std::size_t>(word.data() - line.data()),
          "'" + std::string(word) + "' looks like a beancount directive, which kessan does not read", kNotBeancount,
          line, {}, header_line);
    return true;
  }

  bool read_header(std::string_view line) {
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

  // Reads tags from a comment (the text after ';') at line[from].
  bool read_comment(std::string_view line, std::size_t from, std::size_t pending) {
    std::string_view c = line.substr(from);
    if (!check_text(c, from, line)) return false;
    // Posting dates ("[2024-01-31]", "[=2024-01-31]", "date:") would change
    // which period a posting falls in: refuse rather than misread them.
    for (std::size_t b = c.find('['); b != std::string_view::npos; b = c.find('[', b + 1)) {
      if (b + 1 < c.size() && (is_digit(c[b + 1]) || c[b + 1] == '='))
        return error(from + b, "posting dates in comments are not supported",
                     "the posting in a transaction of its own date", line);
    }
    // Tags: "key: value" (value up to a comma) and ":tag1:tag2:".
    std::size_t i = 0;
    while (i < c.size()) {
      while (i < c.size() && (c[i] == ' ' || c[i] == '\t' || c[i] == ',')) ++i;
      std::size_t w = i;
      while (i < c.size() && c[i] != ' ' && c[i] != '\t' && c[i] != ':' && c[i] != ',') ++i;
      if (i < c.size() && c[i] == ':') {
        if (i == w) {
          // ":tag1:tag2:" form
          std::size_t k = i + 1;
          while (k < c.size()) {
            std::size_t e = c.find(':', k);
            if (e == std::string_view::npos || e == k) break;
            std::string_view name = c.substr(k, e - k);
            if (name.find(' ') != std::string_view::npos) break;
            add_tag(pending, name, {}, line, from + k);
            k = e + 1;
          }
          i = k;
          continue;
        }
        std::string_view name = c.substr(w, i - w);
        std::size_t v = skip_spaces(c, i + 1);
        std::size_t e = c.find(',', v);
        std::string_view value = trim_right(c.substr(v, e == std::string_view::npos ? std::string_view::npos : e - v));
        if (!add_tag(pending, name, value, line, from + w)) return false;
        i = e == std::string_view::npos ? c.size() : e + 1;
      } else {
        while (i < c.size() && c[i] != ' ' && c[i] != '\t') ++i;
      }
    }
    return true;
  }
  bool add_tag(std::size_t pending, std::string_view name, std::string_view value, std::string_view line,
               std::size_t column) {
    if (pending != kNoPending && (name == "date" || name == "date2"))
      return error(column, "posting dates in comments are not supported",
                   "the posting in a transaction of its own date", line);
    if (collecting_account_tags_) {
      account_tags_.emplace_back(std::string(name), std::string(value));
      return true;
    }
    tags_.push_back(PendingTag{pending, name, value});
    return true;
  }

  // The common posting, "    Account name    -1234.56 SYM", read in one
  // pass. Anything else (costs, assertions, comments, virtual accounts,
  // thousands marks, symbols on the left, …) is left to the general reader
  // below, which defines the syntax; this path only takes lines it reads
  // exactly as the general reader would.
  bool fast_posting(std::string_view line) {
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

  void observe_style(std::uint32_t commodity, bool left, bool space, char thousands, char decimal_mark, int scale) {
    StyleObservation& s = out_->styles[commodity];
    if (!s.seen && !s.declared) {
      s.style.symbol_on_left = left;
      s.style.space_between = space;
      s.style.decimal_mark = decimal_mark;
    }
    if (!s.declared && s.style.thousands_mark == 0 && thousands != 0) s.style.thousands_mark = thousands;
    s.seen = true;
    if (scale > s.max_precision) s.max_precision = scale;
  }

  bool read_posting_line(std::string_view line) {
    if (fast_posting(line)) return true;
    std::size_t i = skip_spaces(line, 0);
    if (line[i] == ';' || line[i] == '#') {
      // A comment line: belongs to the last posting, or the transaction.
      if (line[i] == '#') return true;
      return read_comment(line, i + 1, pending_.empty() ? kNoPending : pending_.size() - 1);
    }
    if (line[i] == '*' || line[i] == '!') {
      // A posting's own status mark.
      if (i + 1 < line.size() && is_space(line[i + 1])) i = skip_spaces(line, i + 1);
    }
    Pending p{};
    p.line = line_no_;
    p.kind = PostingKind::Real;
    std::size_t name_start = i, name_end = i;
    // The name ends at two spaces, a tab, " ;" or the end of the line.
    std::size_t e = i;
    while (e < line.size()) {
      char c = line[e];
      if (c == '\t') break;
      if (c == ' ' && e + 1 < line.size() && (line[e + 1] == ' ' || line[e + 1] == ';' || line[e + 1] == '\t')) break;
      ++e;
    }
    name_end = e;
    if (line[i] == '(' || line[i] == '[') {
      // A virtual account: the name runs to the last matching bracket.
      char close = line[i] == '(' ? ')' : ']';
      p.kind = close == ')' ? PostingKind::VirtualUnbalanced : PostingKind::VirtualBalanced;
      std::string_view whole = trim_right(line.substr(i, e - i));
      if (whole.size() < 2 || whole.back() != close) {
        std::size_t last = whole.rfind(close);
        if (last != std::string_view::npos && last > 0)
          return error(i + last + 1, "unexpected text after the account name", "two spaces or a tab, then the amount",
                       line);
        return error(i, std::string("unterminated virtual account name"), std::string("a closing '") + close + "'",
                     line);
      }
      name_start = i + 1;
      name_end = i + whole.size() - 1;
    }
    i = e;
    std::string_view name = trim_right(line.substr(name_start, name_end - name_start));
    if (name.empty()) return error(name_start, "missing account name", "an account name such as Assets:Cash", line);
    if (!check_text(name, name_start, line)) return false;
    if (name.size() > kMaxAccountDepth &&
        static_cast<std::size_t>(std::count(name.begin(), name.end(), ':')) >= kMaxAccountDepth)
      return error(name_start, "account name has more than " + std::to_string(kMaxAccountDepth) + " levels",
                   "an account name of at most " + std::to_string(kMaxAccountDepth) + " colon-separated levels", line);
    if (name.front() == ':' || name.back() == ':' || name.find("::") != std::string_view::npos)
      return error(name_start, "malformed account name '" + std::string(name) + "'",
                   "account name components separated by single colons", line);
    p.account = intern_account(name);
    // After the name: amount, cost, assertion, comment.
    i = skip_spaces(line, i);
    if ((i >= line.size() || line[i] == ';') && p.kind == PostingKind::Real) {
      // "Assets:Cash 10 USD" names an account "Assets:Cash 10 USD" in ledger;
      // it is almost surely a missing second space, so refuse it.
      for (std::size_t k = name.find(' '); k != std::string_view::npos; k = name.find(' ', k + 1)) {
        ScannedAmount a;
        SyntaxError problem;
        std::string_view tail = name.substr(k + 1);
        if (scan_amount(tail, 0, state_.decimal_mark, &a, &problem) && a.end == tail.size() &&
            looks_like_currency(a.symbol) &&
            (a.symbol_on_left ? !a.space_between : (tail[0] == '-' || (tail[0] >= '0' && tail[0] <= '9'))))
          return error(name_start + k + 1, "account name and amount must be separated by two spaces or a tab",
                       "two spaces or a tab before the amount", line);
      }
    }
    if (i < line.size() && line[i] != ';') {
      if (i == name_end && p.kind == PostingKind::Real)
        return error(i, "account name and amount must be separated by two spaces or a tab",
                     "two spaces or a tab before the amount", line);
      if (line[i] == '=') {
        return error(i, "balance assignments (an assertion with no amount) are not supported",
                     "the posting's amount before '='", line);
      }
      if (!read_amount(line, i, &p.quantity, &p.commodity, &i)) return false;
      p.has_amount = true;
      i = skip_spaces(line, i);
      if (i < line.size() && line[i] == '{')
        return error(i, "lot prices ({...}) are not supported", "a cost with @ or @@", line);
      if (i < line.size() && line[i] == '[')
        return error(i, "lot dates ([...]) are not supported", "a cost with @ or @@, or a comment", line);
      if (i < line.size() && line[i] == '(')
        return error(i, "lot notes and value expressions are not supported", "a cost with @ or @@, or a comment", line);
      if (i < line.size() && line[i] == '@') {
        bool total = i + 1 < line.size() && line[i + 1] == '@';
        std::size_t at = i;
        i = skip_spaces(line, i + (total ? 2 : 1));
        if (i < line.size() && line[i] == '(')
          return error(i, "virtual costs (@ (...)) are not supported", "a cost amount", line);
        Decimal price;
        std::uint32_t pc;
        if (!read_amount(line, i, &price, &pc, &i)) return false;
        if (price.is_negative()) return error(at, "negative cost", "a positive unit or total cost", line);
        p.has_cost = true;
        p.cost_commodity = pc;
        if (total) {
          p.cost_total = p.quantity.is_negative() ? price.negated() : price;
        } else {
          int decimals = 0;
          auto t = exact_cost(p.quantity, price, &decimals);
          if (!t && decimals > Decimal::kMaxScale)
            return error(at,
                         "the cost needs " + std::to_string(decimals) + " decimals; the limit is " +
                             std::to_string(Decimal::kMaxScale),
                         "a quantity and unit cost whose product has at most " + std::to_string(Decimal::kMaxScale) +
                             " decimals, or a total cost (@@)",
                         line);
          if (!t) return error(at, "cost too large", "a smaller amount or price", line);
          p.cost_total = *t;
        }
        i = skip_spaces(line, i);
      }
      if (i < line.size() && line[i] == '=') {
        PendingAssertion a{};
        a.pending = pending_.size();
        a.assertion.column = static_cast<std::uint32_t>(i + 1);
        ++i;
        if (i < line.size() && line[i] == '=') {
          a.assertion.sole = true;
          ++i;
        }
        if (i < line.size() && line[i] == '*') {
          a.assertion.inclusive = true;
          ++i;
        }
        i = skip_spaces(line, i);
        if (!read_amount(line, i, &a.assertion.amount, &a.assertion.commodity, &i)) return false;
        assertions_.push_back(a);
        i = skip_spaces(line, i);
      }
      if (i < line.size() && line[i] != ';') {
        if (!check_text(line.substr(i), i, line)) return false;
        return error(i, "unexpected text after the amount",
                     "a cost (@ or @@), a balance assertion (=) or a comment (;)", line);
      }
    }
    if (p.kind == PostingKind::VirtualUnbalanced && !p.has_amount)
      return error(name_start - 1, "an unbalanced virtual posting needs an amount", "an amount after the account",
                   line);
    pending_.push_back(p);
    if (i < line.size() && line[i] == ';') return read_comment(line, i + 1, pending_.size() - 1);
    return true;
  }

  bool read_amount(std::string_view line, std::size_t i, Decimal* q, std::uint32_t* commodity, std::size_t* end) {
    ScannedAmount a;
    SyntaxError e;
    if (!scan_amount(line, i, state_.decimal_mark, &a, &e)) return syntax_error(e, line);
    if (!check_text(a.symbol, static_cast<std::size_t>(a.symbol.data() - line.data()), line)) return false;
    *q = a.quantity;
    *commodity = intern_commodity(a.symbol);
    observe_style(*commodity, a.symbol_on_left, a.space_between, a.thousands_mark, a.decimal_mark, a.quantity.scale());
    *end = a.end;
    return true;
  }

  std::uint32_t intern_account(std::string_view name) {
    if (!state_.aliases.empty()) {
      std::string rewritten = apply_aliases(state_, name);
      return out_->accounts.intern(rewritten);
    }
    return out_->accounts.intern(name);
  }
  std::uint32_t intern_commodity(std::string_view symbol) {
    std::uint32_t id = out_->commodities.intern(symbol);
    if (id >= out_->styles.size()) out_->styles.resize(id + 1);
    return id;
  }

  // Balances the transaction, infers the missing amount and emits columns.
  // The usual transaction (real postings in one commodity at one scale, no
  // costs, assertions or tags) balanced with integer sums. Returns false to
  // leave anything else, including every error, to the general path.
  bool finish_simple(std::uint32_t header_line) {
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

  void push_transaction(std::uint32_t header_line) {
    ChunkResult& o = *out_;
    o.tx_date.push_back(tx_date_);
    o.tx_status.push_back(tx_status_);
    o.tx_line.push_back(header_line);
    o.tx_code.push_back(tx_code_);
    o.tx_description.push_back(tx_description_);
    o.tx_first_posting.push_back(static_cast<std::uint32_t>(o.post_account.size()));
  }

  void finish_transaction(std::uint32_t header_line) {
    if (finish_simple(header_line)) return;
    ChunkResult& o = *out_;
    auto& residual = residual_;
    for (auto& r : residual) r.clear();
    int missing[3] = {-1, -1, -1};
    bool has_cost[3] = {false, false, false};
    for (std::size_t k = 0; k < pending_.size(); ++k) {
      const Pending& p = pending_[k];
      int g = static_cast<int>(p.kind);
      if (!p.has_amount) {
        if (missing[g] >= 0) {
          error(0, "more than one posting without an amount", "at most one posting whose amount is inferred",
                tx_lines_[0], {}, header_line);
          return;
        }
        missing[g] = static_cast<int>(k);
        continue;
      }
      has_cost[g] |= p.has_cost;
      std::uint32_t c = p.has_cost ? p.cost_commodity : p.commodity;
      Decimal w = p.has_cost ? p.cost_total : p.quantity;
      if (!accumulate(residual[g], c, w)) {
        error(0, "transaction total overflows", "smaller amounts", tx_lines_[0], {}, header_line);
        return;
      }
    }
    std::vector<std::uint32_t>& index = pending_index_;
    index.assign(pending_.size(), 0);
    for (int g : {0, 2}) {
      auto& r = residual[g];
      std::size_t nonzero = 0;
      for (auto& [c, v] : r) nonzero += !v.is_zero();
      if (missing[g] >= 0 || nonzero == 0) continue;
      if (has_cost[g]) {
        DeferredBalance d;
        d.tx_index = static_cast<std::uint32_t>(o.tx_date.size());
        for (auto& [c, v] : r)
          if (!v.is_zero()) d.residual.emplace_back(c, v);
        d.notes.assign(tx_lines_.begin(), tx_lines_.end());
        d.line_text = std::string(tx_lines_[0]);
        o.deferred.push_back(std::move(d));
        continue;
      }
      if (g == 0 && nonzero == 2 && !has_cost[g]) {
        // Two commodities and no cost: an implicit conversion, as in ledger.
        Decimal a, b;
        int seen = 0;
        for (auto& [c, v] : r)
          if (!v.is_zero()) (seen++ == 0 ? a : b) = v;
        if (a.sign() != b.sign()) continue;
      }
      std::vector<std::string> notes(tx_lines_.begin(), tx_lines_.end());
      for (auto& [c, v] : r)
        if (!v.is_zero()) notes.push_back("residual: " + written_amount(c, v));
      error(0, g == 0 ? "transaction does not balance" : "balanced virtual postings ([...]) do not balance",
            "postings that sum to zero in each commodity", tx_lines_[0], std::move(notes), header_line);
      return;
    }
    // Emit the postings in order; an inferred posting takes the residual,
    // one posting row per commodity.
    for (std::size_t k = 0; k < pending_.size(); ++k) {
      const Pending& p = pending_[k];
      index[k] = static_cast<std::uint32_t>(o.post_account.size());
      if (p.has_amount) {
        emit(p, p.commodity, p.quantity, false);
        if (p.has_cost) o.costs.push_back(PostingCost{index[k], p.cost_commodity, p.cost_total});
        continue;
      }
      auto& r = residual[static_cast<int>(p.kind)];
      bool any = false;
      for (auto& [c, v] : r) {
        if (v.is_zero()) continue;
        emit(p, c, v.negated(), true);
        any = true;
      }
      if (!any) emit(p, r.empty() ? intern_commodity("") : r.front().first, Decimal(0), true);
    }
    for (const PendingAssertion& a : assertions_) {
      BalanceAssertion b = a.assertion;
      b.posting = index[a.pending];
      o.assertions.push_back(b);
    }
    auto tx = static_cast<std::uint32_t>(o.tx_date.size());
    for (const PendingTag& t : tags_)
      o.tags.push_back(Tag{tx, t.pending == kNoPending ? Tag::kNoPosting : index[t.pending], t.name, t.value});
    push_transaction(header_line);
  }

  // An amount as the journal writes this commodity ("$-1.00", "-1.00 EUR").
  std::string written_amount(std::uint32_t c, const Decimal& v) const {
    std::string symbol(out_->commodities.key(c));
    if (symbol.empty()) return v.to_string();
    if (CommodityTable::needs_quotes(symbol)) symbol = "\"" + symbol + "\"";
    const AmountStyle& style = out_->styles[c].style;
    std::string space = style.space_between ? " " : "";
    return style.symbol_on_left ? symbol + space + v.to_string() : v.to_string() + space + symbol;
  }

  static bool accumulate(std::vector<std::pair<std::uint32_t, Decimal>>& r, std::uint32_t c, Decimal v) {
    for (auto& [k, sum] : r) {
      if (k == c) {
        if (sum.scale() == v.scale()) {
          Int128 m;
          if (__builtin_add_overflow(sum.mantissa(), v.mantissa(), &m)) return false;
          sum = Decimal::from_parts(m, v.scale());
          return true;
        }
        auto s = Decimal::add(sum, v);
        if (!s) return false;
        sum = *s;
        return true;
      }
    }
    r.emplace_back(c, v);
    return true;
  }

  void emit(const Pending& p, std::uint32_t commodity, Decimal q, bool inferred) {
    ChunkResult& o = *out_;
    o.post_account.push_back(p.account);
    o.post_commodity.push_back(commodity);
    o.post_quantity.push_back(q.mantissa());
    o.post_scale.push_back(static_cast<std::uint8_t>(q.scale()));
    o.post_kind.push_back(p.kind);
    o.post_inferred.push_back(inferred ? 1 : 0);
    o.post_line.push_back(p.line);
  }

  // ---- directives -----------------------------------------------------

  void read_directive(std::string_view line) {
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
      error(0, "'" + std::string(word) + "' looks like a beancount directive, which kessan does not read",
            kNotBeancount, line);
      skip_indented_lines();
    } else if (word == "=" || (!word.empty() && word[0] == '=')) {
      error(0, "automated transactions ('=' rules) are not supported", "a transaction, comment or directive", line);
      skip_indented_lines();
    } else if (word.size() > 0 && word[0] == '~') {
      error(0, "periodic transactions ('~') are not supported", "a transaction, comment or directive", line);
      skip_indented_lines();
    } else if (word == "apply" || word == "bucket" || word == "A" || word == "D" || word == "N" || word == "C" ||
               word == "define" || word == "def" || word == "eval" || word == "expr" || word == "assert" ||
               word == "check" || word == "python" || word == "import" || word == "value" || word == "i" ||
               word == "o" || word == "I" || word == "O" || word == "b" || word == "h" ||
               word == "--command-line-flags" || (word.size() > 2 && word[0] == '-' && word[1] == '-')) {
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

  static std::string expected_for(std::string_view word) {
    if (word == "alias") return "alias OLD=NEW";
    if (word == "Y" || word == "year") return "a four-digit year, e.g. Y 2024";
    if (word == "decimal-mark") return "decimal-mark . or decimal-mark ,";
    return "";
  }

  // Validates a state directive's argument; "" when fine.
  static std::string check_state_directive(std::string_view word, std::string_view rest) {
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

  void read_account_directive(std::string_view line, std::string_view rest, std::size_t arg) {
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

  void read_commodity_directive(std::string_view line, std::string_view rest, std::size_t arg) {
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
  // A sample amount fixes the commodity's style and display precision.
  bool declare_format(std::string_view line, std::size_t at, std::string_view for_symbol = {}) {
    ScannedAmount a;
    SyntaxError e;
    if (!scan_amount(line, at, state_.decimal_mark, &a, &e)) return syntax_error(e, line);
    if (!for_symbol.empty() && a.symbol != for_symbol)
      return error(at,
                   "the format's commodity '" + std::string(a.symbol) + "' is not the declared '" +
                       std::string(for_symbol) + "'",
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

  void read_price_directive(std::string_view line, std::string_view rest, std::size_t arg) {
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

  void read_include(std::string_view line, std::string_view rest, std::size_t arg) {
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

  const ChunkInput& in_;
  ChunkResult* out_;
  ParseState state_;
  std::size_t pos_ = 0;
  std::uint32_t line_no_ = 0;

  // The transaction being read.
  Date tx_date_;
  Status tx_status_ = Status::Unmarked;
  std::string_view tx_code_, tx_description_;
  std::vector<Pending> pending_;
  std::vector<PendingAssertion> assertions_;
  std::vector<PendingTag> tags_;
  std::vector<std::string_view> tx_lines_;  // views into the source
  std::vector<std::pair<std::uint32_t, Decimal>> residual_[3];
  std::vector<std::uint32_t> pending_index_;
  bool collecting_account_tags_ = false;
  std::string_view declared_symbol_;  // the `commodity` directive being read
  static constexpr std::uint32_t kNone = 0xffffffffu;
  std::string_view last_symbol_;
  std::uint32_t last_commodity_ = kNone;
  std::vector<std::pair<std::string, std::string>> account_tags_;
};

}  // namespace

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

void parse_chunk(const ChunkInput& in, ChunkResult* out) {
  ChunkParser(in, out).run();
}

}  // namespace kessan::read
