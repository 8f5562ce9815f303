#include "core/statement_layout.hpp"

namespace kessan {

bool account_matches(std::string_view account, std::string_view pattern) {
  if (account.size() < pattern.size() || account.compare(0, pattern.size(), pattern) != 0) return false;
  return account.size() == pattern.size() || account[pattern.size()] == ':';
}

}  // namespace kessan
