#include "core/commodity.hpp"

namespace kessan {

CommodityId CommodityTable::intern(std::string_view symbol) {
  auto before = index_.size();
  CommodityId id = index_.intern(symbol);
  if (index_.size() != before) {
    Commodity c;
    c.symbol = std::string(symbol);
    items_.push_back(std::move(c));
  }
  return id;
}

long CommodityTable::find(std::string_view symbol) const {
  auto id = index_.find(symbol);
  return id == InternTable::kMissing ? -1 : static_cast<long>(id);
}

bool CommodityTable::needs_quotes(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if ((c >= '0' && c <= '9') || c == ' ' || c == '\t' || c == '-' || c == '+' || c == '.' || c == ',' || c == ';' ||
        c == '@' || c == '=' || c == '"' || c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' ||
        c == '*' || c == '/' || c == '&' || c == '|' || c == '!' || c == '<' || c == '>' || c == '^' || c == '~' ||
        c == '#' || c == '%' || c == '\'' || c == ':')
      return true;
  }
  return false;
}

}  // namespace kessan
