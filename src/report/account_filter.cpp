#include "report/account_filter.hpp"

#include <array>
#include <string_view>

namespace kessan::report {
namespace {

// hledger's query prefixes other than acct: and not:.
constexpr std::array<std::string_view, 16> kOtherQueries = {
    "amt:",  "code:",  "cur:",  "date:",   "date2:", "depth:",  "desc:",  "expr:",
    "note:", "payee:", "real:", "status:", "tag:",   "inacct:", "empty:", "sym:"};

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The flags of every pattern. libstdc++'s default matcher recurses once per
// character of the name; its polynomial (Thompson) matcher does not. And
// since searching tries every start position in turn (quadratic in a long
// name), a pattern is compiled as ".*(PATTERN).*" and matched against the
// whole name: one pass, so account names of any length are safe.
std::regex::flag_type pattern_flags() {
  auto flags = std::regex::extended | std::regex::icase | std::regex::nosubs | std::regex::optimize;
#if defined(__GLIBCXX__)
  flags |= std::regex_constants::__polynomial;
#endif
  return flags;
}

}  // namespace

std::optional<AccountFilter> AccountFilter::parse(const std::vector<std::string>& args, std::string* error) {
  AccountFilter f;
  for (const std::string& arg : args) {
    std::string_view pattern = arg;
    bool exclude = starts_with(pattern, "not:");
    if (exclude) pattern.remove_prefix(4);
    if (starts_with(pattern, "acct:")) pattern.remove_prefix(5);
    for (std::string_view other : kOtherQueries)
      if (starts_with(pattern, other)) {
        *error = "'" + arg + "': " + std::string(other) +
                 " queries are not supported (only account patterns: REGEX, acct:REGEX, not:REGEX)";
        return std::nullopt;
      }
    try {
      // Compiled alone first, so that the message is about the pattern as
      // written.
      std::regex alone(std::string(pattern), pattern_flags());
      (exclude ? f.exclude_ : f.include_).emplace_back(".*(" + std::string(pattern) + ").*", pattern_flags());
    } catch (const std::regex_error& e) {
      *error = "invalid regular expression '" + std::string(pattern) + "': " + e.what();
      return std::nullopt;
    }
  }
  return f;
}

std::vector<char> AccountFilter::selection(const AccountTree& tree) const {
  std::vector<char> out(tree.size(), 0);
  for (AccountId a = 1; a < tree.size(); ++a) {
    std::string_view name = tree.full_name(a);
    auto matches = [&](const std::regex& r) { return std::regex_match(name.begin(), name.end(), r); };
    bool in = include_.empty();
    for (const auto& r : include_)
      if (!in && matches(r)) in = true;
    for (const auto& r : exclude_)
      if (in && matches(r)) in = false;
    out[a] = in ? 1 : 0;
  }
  return out;
}

}  // namespace kessan::report
