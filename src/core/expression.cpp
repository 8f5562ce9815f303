#include "core/expression.hpp"

#include <utility>

namespace kessan {
namespace {

// How tightly an operator binds; 4 for terms that need no parentheses.
int precedence(ExprOp op) {
  switch (op) {
    case ExprOp::Add:
    case ExprOp::Subtract:
      return 1;
    case ExprOp::Multiply:
    case ExprOp::Divide:
      return 2;
    case ExprOp::Negate:
      return 3;
    default:
      return 4;
  }
}

constexpr int kPeriodShift = 5;  // the operand of '@': a primary

// Whether `e`, an operand of an operator of precedence `parent` (or of '@'),
// is written in parentheses. Operators are left-associative, so a right
// operand of the same precedence keeps its parentheses: a - (b - c).
bool needs_parentheses(const Expr& e, int parent, bool right) {
  int p = precedence(e.op);
  if (parent == kPeriodShift) return p < 4 || e.op == ExprOp::AtPeriod;  // (a@x)@y
  return p < parent || (right && p == parent && p < 3);
}

// A period written after '@' as it was read: a plain word, or quoted.
// Whether a period prints without quotes and reads back as itself: words
// of letters, digits, '_' and '-', joined by '.' or '..'.
bool plain_period(const std::string& text) {
  auto word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  };
  std::size_t run = 0;  // word characters since the last dots
  for (std::size_t k = 0; k < text.size(); ++k) {
    if (word(text[k])) {
      ++run;
      continue;
    }
    if (text[k] != '.' || run == 0) return false;
    if (k + 1 < text.size() && text[k + 1] == '.') ++k;  // a range's ".."
    run = 0;
  }
  return run > 0;
}

void write(const Expr& e, std::string* out);

void write_operand(const Expr& e, int parent, bool right, std::string* out) {
  bool parens = needs_parentheses(e, parent, right);
  if (parens) *out += '(';
  write(e, out);
  if (parens) *out += ')';
}

// A chain a + b - c * …: every opening parenthesis of the left operands
// comes first, so the chain is written in one pass, left to right.
void write_chain(const Expr& e, std::string* out) {
  static const char* kSymbol[] = {" + ", " - ", " * ", " / "};
  std::vector<const Expr*> chain = left_chain(e);
  const Expr& first = chain.back()->args[0];
  std::vector<char> closes(chain.size());  // per node: its left operand is in parentheses
  for (std::size_t i = chain.size(); i-- > 0;) {
    const Expr& left = i + 1 == chain.size() ? first : *chain[i + 1];
    closes[i] = needs_parentheses(left, precedence(chain[i]->op), false);
    if (closes[i]) *out += '(';
  }
  write(first, out);
  for (std::size_t i = chain.size(); i-- > 0;) {
    const Expr& node = *chain[i];
    if (closes[i]) *out += ')';
    *out += kSymbol[static_cast<int>(node.op) - static_cast<int>(ExprOp::Add)];
    write_operand(node.args[1], precedence(node.op), true, out);
  }
}

void write(const Expr& e, std::string* out) {
  switch (e.op) {
    case ExprOp::Number:
      *out += e.number.to_string();
      return;
    case ExprOp::Name:
      *out += e.text;
      return;
    case ExprOp::Account: {
      static const char* kPrefix[] = {"", "debits", "credits", "balance"};
      *out += std::string(kPrefix[static_cast<int>(e.account)]) + "[" + e.text + "]";
      return;
    }
    case ExprOp::Negate:
      *out += '-';
      write_operand(e.args[0], 3, false, out);
      return;
    case ExprOp::Add:
    case ExprOp::Subtract:
    case ExprOp::Multiply:
    case ExprOp::Divide:
      write_chain(e, out);
      return;
    case ExprOp::Abs:
      *out += "abs(";
      write(e.args[0], out);
      *out += ')';
      return;
    case ExprOp::AtPeriod:
      write_operand(e.args[0], kPeriodShift, false, out);
      *out += '@';
      *out += plain_period(e.text) ? e.text : '"' + e.text + '"';
      return;
  }
}

// A copy of `e` without its operands.
Expr node_only(const Expr& e) {
  Expr x;
  x.op = e.op;
  x.number = e.number;
  x.text = e.text;
  x.account = e.account;
  x.where = e.where;
  return x;
}

}  // namespace

Expr::Expr(const Expr& other)
    : op(other.op), number(other.number), text(other.text), account(other.account), where(other.where) {
  std::vector<std::pair<const Expr*, Expr*>> todo{{&other, this}};
  while (!todo.empty()) {
    auto [from, to] = todo.back();
    todo.pop_back();
    to->args.reserve(from->args.size());
    for (const Expr& a : from->args) to->args.push_back(node_only(a));
    for (std::size_t i = 0; i < from->args.size(); ++i) todo.push_back({&from->args[i], &to->args[i]});
  }
}

Expr& Expr::operator=(const Expr& other) {
  if (this != &other) *this = Expr(other);
  return *this;
}

Expr::~Expr() {
  if (args.empty()) return;
  // Operands are taken out of their parents before they are destroyed, so
  // no destructor below this one has operands of its own.
  std::vector<Expr> pending = std::move(args);
  while (!pending.empty()) {
    Expr last = std::move(pending.back());
    pending.pop_back();
    for (Expr& a : last.args) pending.push_back(std::move(a));
    last.args.clear();
  }
}

bool is_binary(ExprOp op) {
  return op == ExprOp::Add || op == ExprOp::Subtract || op == ExprOp::Multiply || op == ExprOp::Divide;
}

std::vector<const Expr*> left_chain(const Expr& e) {
  std::vector<const Expr*> out;
  for (const Expr* x = &e; is_binary(x->op) && x->args.size() == 2; x = &x->args[0]) out.push_back(x);
  return out;
}

bool is_figure_id(std::string_view id) {
  if (id.empty() || id[0] < 'a' || id[0] > 'z' || id.back() == '-') return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

std::string to_string(const Expr& e) {
  std::string out;
  write(e, &out);
  return out;
}

}  // namespace kessan
