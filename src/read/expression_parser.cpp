#include "read/expression_parser.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace kessan::read {
namespace {

enum class Tok { End, Number, Name, Account, Plus, Minus, Star, Slash, LParen, RParen, At, Option, Bad };

struct Token {
  Tok kind = Tok::End;
  std::size_t begin = 0;  // byte offset in the text
  std::size_t end = 0;
  std::string text;  // Name, Number, Account pattern
  AccountMeasure measure = AccountMeasure::Net;
};

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}
bool name_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}

class Parser {
 public:
  Parser(std::string_view text, const TextOrigin& origin, std::vector<Diagnostic>* errors)
      : text_(text), origin_(origin), errors_(errors) {
    advance();
  }

  std::optional<Expr> formula() {
    auto left = term();
    if (!left) return std::nullopt;
    while (tok_.kind == Tok::Plus || tok_.kind == Tok::Minus) {
      ExprOp op = tok_.kind == Tok::Plus ? ExprOp::Add : ExprOp::Subtract;
      SourceRef at = left->where;
      advance();
      auto right = term();
      if (!right) return std::nullopt;
      left = binary(op, std::move(*left), std::move(*right), at);
    }
    return left;
  }

  // After formula(): whether the text ended (or an option follows, when allowed).
  bool at_end(bool options_allowed) {
    if (tok_.kind == Tok::End || (options_allowed && tok_.kind == Tok::Option)) return true;
    fail(tok_.begin, "unexpected " + describe(tok_) + " after the formula",
         options_allowed ? "an operator (+ - * /), an option (name=value) or the end of the placeholder"
                         : "an operator (+ - * /) or the end of the formula");
    return false;
  }

  std::size_t consumed() const { return tok_.kind == Tok::End ? text_.size() : tok_.begin; }

 private:
  static Expr binary(ExprOp op, Expr a, Expr b, SourceRef at) {
    Expr e;
    e.op = op;
    e.where = std::move(at);
    e.args.push_back(std::move(a));
    e.args.push_back(std::move(b));
    return e;
  }

  std::optional<Expr> term() {
    auto left = unary();
    if (!left) return std::nullopt;
    while (tok_.kind == Tok::Star || tok_.kind == Tok::Slash) {
      ExprOp op = tok_.kind == Tok::Star ? ExprOp::Multiply : ExprOp::Divide;
      SourceRef at = left->where;
      advance();
      auto right = unary();
      if (!right) return std::nullopt;
      left = binary(op, std::move(*left), std::move(*right), at);
    }
    return left;
  }

  std::optional<Expr> unary() {
    if (tok_.kind != Tok::Minus) return postfix();
    SourceRef at = ref(tok_.begin);
    Nesting level(this);
    if (!level.allowed()) return std::nullopt;
    advance();
    auto operand = unary();
    if (!operand) return std::nullopt;
    Expr e;
    e.op = ExprOp::Negate;
    e.where = at;
    e.args.push_back(std::move(*operand));
    return e;
  }

  std::optional<Expr> postfix() {
    auto e = primary();
    if (!e || tok_.kind != Tok::At) return e;
    std::size_t at = tok_.begin;
    std::size_t i = tok_.end;
    std::size_t j = i;
    std::string period;
    if (i < text_.size() && text_[i] == '"') {  // a period name with spaces: @"Q1 2024"
      std::size_t close = text_.find('"', i + 1);
      if (close == std::string_view::npos) {
        fail(i, "a quoted period name is not closed", "a closing '\"'");
        return std::nullopt;
      }
      period = std::string(text_.substr(i + 1, close - i - 1));
      j = close + 1;
    } else {
      // Words joined by '.' (ytd.year-ago) or a range (1Q02..2Q02) are one period.
      for (;;) {
        while (j < text_.size() && name_char(text_[j])) ++j;
        std::size_t dots = j;
        while (dots < text_.size() && text_[dots] == '.' && dots - j < 2) ++dots;
        if (dots == j || j == i || dots >= text_.size() || !name_char(text_[dots])) break;
        j = dots;
      }
      period = std::string(text_.substr(i, j - i));
    }
    if (period.empty()) {
      fail(i, "a period is missing after '@'",
           "a period word (current, year-ago, prior-quarter, …) or name (1Q02, or quoted: \"Q1 2024\")");
      return std::nullopt;
    }
    Expr shifted;
    shifted.op = ExprOp::AtPeriod;
    shifted.text = std::move(period);
    shifted.where = ref(at);
    shifted.args.push_back(std::move(*e));
    pos_ = j;
    advance();
    return shifted;
  }

  std::optional<Expr> primary() {
    Expr e;
    e.where = ref(tok_.begin);
    switch (tok_.kind) {
      case Tok::Number: {
        auto d = Decimal::parse(tok_.text);
        if (!d) {
          bool malformed = std::count(tok_.text.begin(), tok_.text.end(), '.') > 1;
          fail(tok_.begin, "number '" + tok_.text + (malformed ? "' is malformed" : "' is out of range"),
               "a decimal number with at most 30 decimals, e.g. 0.5");
          return std::nullopt;
        }
        e.op = ExprOp::Number;
        e.number = *d;
        advance();
        return e;
      }
      case Tok::Account:
        e.op = ExprOp::Account;
        e.text = tok_.text;
        e.account = tok_.measure;
        advance();
        return e;
      case Tok::Name: {
        if (tok_.text == "abs" && peek_char() == '(') {
          Nesting level(this);
          if (!level.allowed()) return std::nullopt;
          advance();  // abs
          advance();  // (
          auto inner = formula();
          if (!inner || !expect_close()) return std::nullopt;
          e.op = ExprOp::Abs;
          e.args.push_back(std::move(*inner));
          return e;
        }
        e.op = ExprOp::Name;
        e.text = tok_.text;
        advance();
        return e;
      }
      case Tok::LParen: {
        Nesting level(this);
        if (!level.allowed()) return std::nullopt;
        advance();
        auto inner = formula();
        if (!inner || !expect_close()) return std::nullopt;
        inner->where = e.where;
        return inner;
      }
      default:
        fail(tok_.begin, tok_.kind == Tok::End ? "the formula ends too early" : "unexpected " + describe(tok_),
             "a line or measure name, an account in [brackets], a number or '('");
        return std::nullopt;
    }
  }

  // One level of nesting, for as long as it lives; allowed() is false (and
  // reported at the current token) beyond kMaxFormulaNesting.
  class Nesting {
   public:
    explicit Nesting(Parser* p) : p_(p) { ++p_->depth_; }
    ~Nesting() { --p_->depth_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;
    bool allowed() const {
      if (p_->depth_ <= kMaxFormulaNesting) return true;
      p_->fail(
          p_->tok_.begin, "the formula nests more than " + std::to_string(kMaxFormulaNesting) + " levels deep",
          "at most " + std::to_string(kMaxFormulaNesting) + " parentheses, abs( and unary minus inside one another");
      return false;
    }

   private:
    Parser* p_;
  };

  bool expect_close() {
    if (tok_.kind == Tok::RParen) {
      advance();
      return true;
    }
    fail(tok_.begin, tok_.kind == Tok::End ? "a '(' is not closed" : "unexpected " + describe(tok_), "')'");
    return false;
  }

  char peek_char() const { return tok_.end < text_.size() ? text_[tok_.end] : '\0'; }

  static std::string describe(const Token& t) {
    switch (t.kind) {
      case Tok::End:
        return "end of the formula";
      case Tok::Name:
        return "name '" + t.text + "'";
      case Tok::Number:
        return "number '" + t.text + "'";
      case Tok::Account:
        return "account [" + t.text + "]";
      case Tok::Option:
        return "option '" + t.text + "='";
      default:
        return "'" + t.text + "'";
    }
  }

  void advance() {
    while (pos_ < text_.size() && std::string_view(" \t\r\n").find(text_[pos_]) != std::string_view::npos) ++pos_;
    tok_ = Token{};
    tok_.begin = pos_;
    if (pos_ >= text_.size()) {
      tok_.end = pos_;
      return;
    }
    char c = text_[pos_];
    std::size_t i = pos_;
    if (std::isdigit(static_cast<unsigned char>(c)) ||
        (c == '.' && i + 1 < text_.size() && std::isdigit(static_cast<unsigned char>(text_[i + 1])))) {
      while (i < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[i])) || text_[i] == '.')) ++i;
      tok_.kind = Tok::Number;
    } else if (name_start(c)) {
      while (i < text_.size() &&
             (name_char(text_[i]) || (text_[i] == '.' && i + 1 < text_.size() && name_start(text_[i + 1]))))
        ++i;
      while (i > pos_ + 1 && text_[i - 1] == '-') --i;  // a name never ends with '-'
      std::string word(text_.substr(pos_, i - pos_));
      if (i < text_.size() && text_[i] == '=') {
        tok_.kind = Tok::Option;
      } else if (i < text_.size() && text_[i] == '[' && (word == "debits" || word == "credits" || word == "balance")) {
        tok_.measure = word == "debits"    ? AccountMeasure::Debits
                       : word == "credits" ? AccountMeasure::Credits
                                           : AccountMeasure::Balance;
        return account(i);
      } else {
        tok_.kind = Tok::Name;
      }
    } else if (c == '[') {
      return account(i);
    } else {
      ++i;
      switch (c) {
        case '+':
          tok_.kind = Tok::Plus;
          break;
        case '-':
          tok_.kind = Tok::Minus;
          break;
        case '*':
          tok_.kind = Tok::Star;
          break;
        case '/':
          tok_.kind = Tok::Slash;
          break;
        case '(':
          tok_.kind = Tok::LParen;
          break;
        case ')':
          tok_.kind = Tok::RParen;
          break;
        case '@':
          tok_.kind = Tok::At;
          break;
        default:
          tok_.kind = Tok::Bad;
          break;
      }
    }
    tok_.end = i;
    tok_.text = std::string(text_.substr(pos_, i - pos_));
    pos_ = i;
  }

  // An account in brackets starting at text_[open] == '['.
  void account(std::size_t open) {
    std::size_t close = text_.find(']', open + 1);
    if (close == std::string_view::npos) {
      tok_.kind = Tok::Bad;
      tok_.text = "[";
      tok_.end = text_.size();
      pos_ = text_.size();
      fail(open, "an account name in '[' is not closed", "']' after the account name");
      return;
    }
    std::string_view name = text_.substr(open + 1, close - open - 1);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name.empty()) fail(open, "an empty account name", "an account such as [Costs:Connectivity:Depreciation]");
    tok_.kind = Tok::Account;
    tok_.text = std::string(name);
    tok_.end = close + 1;
    pos_ = close + 1;
  }

  // The position of byte `offset`. Positions are asked for mostly in
  // increasing order, so the scan goes on from the last one asked for.
  SourceRef ref(std::size_t offset) {
    offset = std::min(offset, text_.size());
    if (offset < ref_offset_) {
      ref_offset_ = 0;
      ref_ = origin_.where;
    }
    for (; ref_offset_ < offset; ++ref_offset_) {
      if (text_[ref_offset_] == '\n') {
        ++ref_.line;
        ref_.column = 1;
      } else {
        ++ref_.column;
      }
    }
    return ref_;
  }

  void fail(std::size_t offset, std::string message, std::string expected) {
    if (failed_) return;  // one error per formula: later ones follow from the first
    failed_ = true;
    Diagnostic d = diagnostic_at(ref(offset), std::move(message), std::move(expected));
    d.line_text = d.line == origin_.where.line ? origin_.line_text : "";
    errors_->push_back(std::move(d));
  }

 public:
  bool failed() const { return failed_; }

 private:
  std::string_view text_;
  const TextOrigin& origin_;
  std::vector<Diagnostic>* errors_;
  std::size_t pos_ = 0;
  Token tok_;
  bool failed_ = false;
  int depth_ = 0;               // current nesting
  std::size_t ref_offset_ = 0;  // ref_ is the position of this byte
  SourceRef ref_ = origin_.where;
};

}  // namespace

std::optional<Expr> parse_expression(std::string_view text, const TextOrigin& origin, std::vector<Diagnostic>* errors) {
  Parser p(text, origin, errors);
  auto e = p.formula();
  if (!e || !p.at_end(false) || p.failed()) return std::nullopt;
  return e;
}

std::optional<Expr> parse_expression_prefix(std::string_view text, const TextOrigin& origin, std::size_t* consumed,
                                            std::vector<Diagnostic>* errors) {
  Parser p(text, origin, errors);
  auto e = p.formula();
  if (!e || !p.at_end(true) || p.failed()) return std::nullopt;
  *consumed = p.consumed();
  return e;
}

}  // namespace kessan::read
