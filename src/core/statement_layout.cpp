#include "core/statement_layout.hpp"

namespace kessan {

namespace {

struct ColumnKind {
  const char* name;
  ColumnValue value;
};
constexpr ColumnKind kColumnKinds[] = {{"amount", ColumnValue::Amount},           {"converted", ColumnValue::Converted},
                                       {"percent", ColumnValue::Percent},         {"change", ColumnValue::Change},
                                       {"difference", ColumnValue::Difference},   {"points", ColumnValue::Points},
                                       {"basis-points", ColumnValue::BasisPoints}};

}  // namespace

const char* column_value_name(ColumnValue v) {
  for (const ColumnKind& k : kColumnKinds)
    if (k.value == v) return k.name;
  return "amount";
}

std::optional<ColumnValue> column_value_named(std::string_view name) {
  for (const ColumnKind& k : kColumnKinds)
    if (name == k.name) return k.value;
  return std::nullopt;
}

const char* column_value_names() {
  return "amount, converted, percent, change, difference, points or basis-points";
}

bool account_matches(std::string_view account, std::string_view pattern) {
  if (account.size() < pattern.size() || account.compare(0, pattern.size(), pattern) != 0) return false;
  return account.size() == pattern.size() || account[pattern.size()] == ':';
}

}  // namespace kessan
