#include "core/expression.hpp"

namespace kessan {
namespace {

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

std::string operand(const Expr& e, int parent, bool right) {
  std::string s = to_string(e);
  int p = precedence(e.op);
  return (p < parent || (right && p == parent && p < 3)) ? "(" + s + ")" : s;
}

}  // namespace

bool is_figure_id(std::string_view id) {
  if (id.empty() || id[0] < 'a' || id[0] > 'z' || id.back() == '-') return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

std::string to_string(const Expr& e) {
  switch (e.op) {
    case ExprOp::Number:
      return e.number.to_string();
    case ExprOp::Name:
      return e.text;
    case ExprOp::Account: {
      static const char* kPrefix[] = {"", "debits", "credits", "balance"};
      return std::string(kPrefix[static_cast<int>(e.account)]) + "[" + e.text + "]";
    }
    case ExprOp::Negate:
      return "-" + operand(e.args[0], 3, false);
    case ExprOp::Add:
    case ExprOp::Subtract:
    case ExprOp::Multiply:
    case ExprOp::Divide: {
      static const char* kSymbol[] = {" + ", " - ", " * ", " / "};
      int p = precedence(e.op);
      return operand(e.args[0], p, false) + kSymbol[static_cast<int>(e.op) - static_cast<int>(ExprOp::Add)] +
             operand(e.args[1], p, true);
    }
    case ExprOp::Abs:
      return "abs(" + to_string(e.args[0]) + ")";
    case ExprOp::AtPeriod:
      return operand(e.args[0], 4, false) + "@" + (e.text.find(' ') == std::string::npos ? e.text : '"' + e.text + '"');
  }
  return "";
}

}  // namespace kessan
