#pragma once
// Account filters of `kessan bal`: hledger's account queries.
//
// Each pattern is a regular expression (POSIX extended, case-insensitive
// for ASCII letters) that may match anywhere in an account's full name;
// `acct:REGEX` is the same. `not:REGEX` (or `not:acct:REGEX`) excludes the
// accounts it matches. An account is selected when no positive pattern is
// given or some positive pattern matches it, and no `not:` pattern does.
// Other hledger query prefixes (desc:, amt:, tag:, ...) are refused rather
// than read as account patterns.
//
// Patterns are matched once per account of the tree, never per posting.

#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "core/account_tree.hpp"

namespace kessan::report {

class AccountFilter {
 public:
  // The filter of these command-line arguments, or nothing with `*error`
  // set ("invalid regular expression 'a[': ...").
  static std::optional<AccountFilter> parse(const std::vector<std::string>& args, std::string* error);

  bool empty() const { return include_.empty() && exclude_.empty(); }
  // One entry per account of `tree`, 1 when the account's postings count.
  std::vector<char> selection(const AccountTree& tree) const;

 private:
  std::vector<std::regex> include_, exclude_;
};

}  // namespace kessan::report
