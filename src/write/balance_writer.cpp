#include "write/balance_writer.hpp"

#include <nlohmann/json.hpp>

#include "core/text_width.hpp"
#include "write/amount_format.hpp"
#include "write/csv.hpp"

namespace kessan::write {
namespace {

constexpr std::size_t kAmountWidth = 20;

// Amount lines of one row: every commodity on its own line.
std::vector<std::string> amount_lines(const Journal& j, const report::MixedAmount& m) {
  std::vector<std::string> lines;
  for (const auto& [c, q] : m) lines.push_back(format_amount(j.commodities[c], q));
  if (lines.empty()) lines.push_back("0");
  return lines;
}

}  // namespace

void write_balance_text(std::ostream& out, const Journal& j, const report::BalanceReport& r) {
  for (const auto& row : r.rows) {
    auto lines = amount_lines(j, row.amount);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) out << pad_left(lines[i], kAmountWidth) << '\n';
    out << pad_left(lines.back(), kAmountWidth) << "  " << std::string(row.indent * 2, ' ') << row.name << '\n';
  }
  out << std::string(kAmountWidth, '-') << '\n';
  for (const auto& line : amount_lines(j, r.total)) out << pad_left(line, kAmountWidth) << '\n';
}

void write_balance_csv(std::ostream& out, const Journal& j, const report::BalanceReport& r) {
  // A tree's rows include the rows below them: the depth column tells them
  // apart, and the account is named in full.
  bool tree = !r.flat;
  out << (tree ? "account,depth,amount,commodity\n" : "account,amount,commodity\n");
  for (const auto& row : r.rows) {
    std::string account =
        csv_field(tree ? std::string(j.accounts.full_name(row.account)) : row.name) + (tree ? "," : "");
    if (tree) account += std::to_string(row.indent + 1);
    for (const auto& [c, q] : row.amount)
      out << account << ',' << format_plain(j.commodities[c], q) << ',' << csv_field(j.commodities[c].symbol) << '\n';
    if (row.amount.empty()) out << account << ",0,\n";
  }
}

void write_balance_json(std::ostream& out, const Journal& j, const report::BalanceReport& r) {
  auto amounts = [&](const report::MixedAmount& m) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& [c, q] : m)
      a.push_back({{"commodity", j.commodities[c].symbol},
                   {"quantity", format_plain(j.commodities[c], q)},
                   {"exact", q.to_string()},
                   {"display", format_amount(j.commodities[c], q)}});
    return a;
  };
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : r.rows)
    rows.push_back({{"account", std::string(j.accounts.full_name(row.account))},
                    {"label", row.name},
                    {"indent", row.indent},
                    {"amounts", amounts(row.amount)}});
  nlohmann::json doc = {{"rows", rows}, {"total", amounts(r.total)}};
  out << doc.dump(2) << '\n';
}

}  // namespace kessan::write
