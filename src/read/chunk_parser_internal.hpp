#pragma once
// Internal to the journal scanner (read/chunk_parser.hpp): the parser of one
// chunk and the small text helpers its files share. Not for other readers.
//
// Contract:
//  - One ChunkParser reads one chunk, line by line, into a ChunkResult; its
//    members are defined by concept in
//      chunk_parser.cpp     the line loop, dates, transaction headers, the
//                           fast posting path and the simple balance (the
//                           hot path: these stay in one translation unit),
//      chunk_postings.cpp   the general posting reader, amounts, comments
//                           and their tags,
//      chunk_balance.cpp    balancing the other transactions (costs, virtual
//                           postings, inferred amounts, assertions, tags),
//      chunk_directives.cpp the directives (account, commodity, P, include,
//                           alias, Y/year, decimal-mark, comment blocks, …).
//  - The fast path reads only lines the general reader would read the same
//    way; everything else, and every error, goes to the general reader.
//  - Errors are collected in the result (at most ChunkInput::max_errors);
//    a line with an error adds nothing to the result.
//  - What the fast path calls on every posting is defined inline here.

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "read/amount_syntax.hpp"
#include "read/chunk_parser.hpp"

namespace kessan::read::chunk {

inline bool is_space(char c) {
  return c == ' ' || c == '\t';
}
inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
inline bool is_comment_start(char c) {
  return c == ';' || c == '#' || c == '%' || c == '|' || c == '*';
}

inline std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
inline std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && is_space(s[i])) ++i;
  return i;
}
inline bool starts_with_word(std::string_view line, std::string_view word) {
  return line.size() >= word.size() && line.substr(0, word.size()) == word &&
         (line.size() == word.size() || is_space(line[word.size()]));
}

inline constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Offset of the first byte that is not printable text (a control byte,
// invalid UTF-8 or a byte order mark), or npos.
inline std::size_t find_invalid_text(std::string_view s) {
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

// What is expected instead of beancount's directives, dated and undated.
inline constexpr const char* kNotBeancount =
    "a ledger transaction, directive or comment (beancount syntax is not supported)";

// Deeper account names are refused: reports walk the tree recursively.
inline constexpr std::size_t kMaxAccountDepth = 1000;

// A posting of the transaction being read, before balancing.
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
inline constexpr std::size_t kNoPending = static_cast<std::size_t>(-1);

class ChunkParser {
 public:
  ChunkParser(const ChunkInput& in, ChunkResult* out) : in_(in), out_(out), state_(in.state) {}

  void run();

 private:
  // Room for the postings a chunk of this size usually holds; memory
  // reserved but never touched costs nothing.
  void reserve(std::size_t bytes);

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
             std::vector<std::string> notes = {}, std::uint32_t at_line = 0);
  bool syntax_error(const SyntaxError& e, std::string_view line);
  bool check_text(std::string_view field, std::size_t offset, std::string_view line);

  // ---- dates (chunk_parser.cpp) ------------------------------------------

  // Parses YYYY-MM-DD (or / .), with 1- or 2-digit month and day, or MM-DD
  // using the `Y` year.
  bool parse_date(std::string_view s, std::size_t offset, std::string_view line, Date* out);
  bool date_error(std::string_view s, std::size_t offset, std::string_view line);

  // ---- transactions (chunk_parser.cpp) -----------------------------------

  // Reads a transaction: its header, then each indented line by the fast
  // path or else the general reader, then balances it (finish_simple, or
  // else finish_transaction).
  void read_transaction(std::string_view line);

  // A dated line with no posting amounts whose first word after the date is
  // a beancount keyword; reports it.
  bool beancount_directive(std::string_view line, std::uint32_t header_line);

  bool read_header(std::string_view line);

  // ---- comments and postings (chunk_postings.cpp; fast_posting in chunk_parser.cpp)

  // Reads tags from a comment (the text after ';') at line[from].
  bool read_comment(std::string_view line, std::size_t from, std::size_t pending);
  bool add_tag(std::size_t pending, std::string_view name, std::string_view value, std::string_view line,
               std::size_t column);

  // The common posting, "    Account name    -1234.56 SYM", read in one
  // pass. Anything else (costs, assertions, comments, virtual accounts,
  // thousands marks, symbols on the left, …) is left to the general reader
  // (read_posting_line), which defines the syntax; this path only takes
  // lines it reads exactly as the general reader would.
  bool fast_posting(std::string_view line);

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

  bool read_posting_line(std::string_view line);

  bool read_amount(std::string_view line, std::size_t i, Decimal* q, std::uint32_t* commodity, std::size_t* end);

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

  // ---- balancing (finish_simple in chunk_parser.cpp, the rest in chunk_balance.cpp)

  // The usual transaction (real postings in one commodity at one scale, no
  // costs, assertions or tags) balanced with integer sums. Returns false to
  // leave anything else, including every error, to the general path.
  bool finish_simple(std::uint32_t header_line);

  void push_transaction(std::uint32_t header_line) {
    ChunkResult& o = *out_;
    o.tx_date.push_back(tx_date_);
    o.tx_status.push_back(tx_status_);
    o.tx_line.push_back(header_line);
    o.tx_code.push_back(tx_code_);
    o.tx_description.push_back(tx_description_);
    o.tx_first_posting.push_back(static_cast<std::uint32_t>(o.post_account.size()));
  }

  // Balances any other transaction, infers the missing amount and emits
  // columns; reports a transaction that does not balance.
  void finish_transaction(std::uint32_t header_line);

  // An amount as the journal writes this commodity ("$-1.00", "-1.00 EUR").
  std::string written_amount(std::uint32_t c, const Decimal& v) const;

  static bool accumulate(std::vector<std::pair<std::uint32_t, Decimal>>& r, std::uint32_t c, Decimal v);

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

  // ---- directives (chunk_directives.cpp) ----------------------------------

  void read_directive(std::string_view line);

  static std::string expected_for(std::string_view word);

  // Validates a state directive's argument; "" when fine.
  static std::string check_state_directive(std::string_view word, std::string_view rest);

  void read_account_directive(std::string_view line, std::string_view rest, std::size_t arg);

  void read_commodity_directive(std::string_view line, std::string_view rest, std::size_t arg);
  // A sample amount fixes the commodity's style and display precision.
  bool declare_format(std::string_view line, std::size_t at, std::string_view for_symbol = {});

  void read_price_directive(std::string_view line, std::string_view rest, std::size_t arg);

  void read_include(std::string_view line, std::string_view rest, std::size_t arg);

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

}  // namespace kessan::read::chunk
