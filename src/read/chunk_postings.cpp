// The journal scanner's general posting reader (chunk_parser_internal.hpp):
// every posting line the fast path does not take, which defines the posting
// syntax (status marks, virtual accounts, amounts, costs @ and @@, balance
// assertions =, == and =*, comments), amounts in any style, and the tags of
// comments on transactions, postings and account directives.
//
// Contract: each reader returns false after reporting the first problem of
// its line; the line then adds nothing to the transaction.

#include <algorithm>
#include <string>

#include "read/chunk_parser_internal.hpp"

namespace kessan::read::chunk {
namespace {

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

}  // namespace

bool ChunkParser::read_comment(std::string_view line, std::size_t from, std::size_t pending) {
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

bool ChunkParser::add_tag(std::size_t pending, std::string_view name, std::string_view value, std::string_view line,
                          std::size_t column) {
  if (pending != kNoPending && (name == "date" || name == "date2"))
    return error(column, "posting dates in comments are not supported", "the posting in a transaction of its own date",
                 line);
  if (collecting_account_tags_) {
    account_tags_.emplace_back(std::string(name), std::string(value));
    return true;
  }
  tags_.push_back(PendingTag{pending, name, value});
  return true;
}

bool ChunkParser::read_posting_line(std::string_view line) {
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
      return error(i, std::string("unterminated virtual account name"), std::string("a closing '") + close + "'", line);
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
      return error(i, "unexpected text after the amount", "a cost (@ or @@), a balance assertion (=) or a comment (;)",
                   line);
    }
  }
  if (p.kind == PostingKind::VirtualUnbalanced && !p.has_amount)
    return error(name_start - 1, "an unbalanced virtual posting needs an amount", "an amount after the account", line);
  pending_.push_back(p);
  if (i < line.size() && line[i] == ';') return read_comment(line, i + 1, pending_.size() - 1);
  return true;
}

bool ChunkParser::read_amount(std::string_view line, std::size_t i, Decimal* q, std::uint32_t* commodity,
                              std::size_t* end) {
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

}  // namespace kessan::read::chunk
