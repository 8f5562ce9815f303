// Fuzz target: the formula parser (measures, table lines, placeholders).
//
// Oracles:
//  - a formula that does not parse carries a diagnostic;
//  - a parsed formula printed (to_string) and read again is the same
//    formula: the same tree and the same printed text;
//  - the prefix parser takes no more than its text, and what it took reads
//    as the same formula on its own.

#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "read/expression_parser.hpp"

namespace {

using namespace kessan;
using fuzz::require;

bool same_tree(const Expr& a, const Expr& b) {
  if (a.op != b.op || a.args.size() != b.args.size()) return false;
  if (a.op == ExprOp::Number && !(a.number == b.number)) return false;
  if ((a.op == ExprOp::Name || a.op == ExprOp::Account || a.op == ExprOp::AtPeriod) && a.text != b.text) return false;
  if (a.op == ExprOp::Account && a.account != b.account) return false;
  for (std::size_t i = 0; i < a.args.size(); ++i)
    if (!same_tree(a.args[i], b.args[i])) return false;
  return true;
}

read::TextOrigin origin(std::string_view text) {
  read::TextOrigin o;
  o.where = SourceRef{"fuzz.formula", 1, 1};
  o.line_text = std::string(text.substr(0, text.find('\n')));
  return o;
}

void check_round_trip(const Expr& e) {
  std::string printed = to_string(e);
  std::vector<Diagnostic> errors;
  auto again = read::parse_expression(printed, origin(printed), &errors);
  require(again.has_value(), "a printed formula does not read", printed);
  require(to_string(*again) == printed, "a printed formula reads as another", printed + "\n" + to_string(*again));
  require(same_tree(e, *again), "a printed formula reads as another tree", printed);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<Diagnostic> errors;
  auto e = read::parse_expression(text, origin(text), &errors);
  if (e)
    check_round_trip(*e);
  else
    fuzz::require_diagnostic(errors, "the formula parser");

  std::size_t consumed = 0;
  std::vector<Diagnostic> prefix_errors;
  auto p = read::parse_expression_prefix(text, origin(text), &consumed, &prefix_errors);
  if (!p) {
    fuzz::require_diagnostic(prefix_errors, "the formula prefix parser");
    return 0;
  }
  require(consumed <= text.size(), "the prefix parser took more than its text");
  check_round_trip(*p);
  std::vector<Diagnostic> whole_errors;
  auto whole = read::parse_expression(text.substr(0, consumed), origin(text), &whole_errors);
  require(whole.has_value(), "a formula prefix does not read on its own", std::string(text.substr(0, consumed)));
  require(same_tree(*whole, *p), "a formula prefix reads as another formula on its own");
  return 0;
}
