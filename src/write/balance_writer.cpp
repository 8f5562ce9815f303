#include "write/balance_writer.hpp"

#include <algorithm>
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

// The account a row names in full ("..." for the one row of --depth 0).
std::string full_name(const Journal& j, const report::BalanceRow& row) {
  return row.account == AccountTree::kRoot ? row.name : std::string(j.accounts.full_name(row.account));
}

// The commodities of any column, by symbol.
std::vector<CommodityId> commodities_of(const Journal& j, const std::vector<report::MixedAmount>& columns) {
  std::vector<CommodityId> out;
  for (const auto& m : columns)
    for (const auto& [c, q] : m)
      if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  std::sort(out.begin(), out.end(),
            [&](CommodityId a, CommodityId b) { return j.commodities[a].symbol < j.commodities[b].symbol; });
  return out;
}

const Decimal* amount_in(const report::MixedAmount& m, CommodityId c) {
  for (const auto& [mc, q] : m)
    if (mc == c) return &q;
  return nullptr;
}

// Text lines of a row in columns: one line per commodity, each cell that
// commodity's amount in the period ("0" when none).
using Lines = std::vector<std::vector<std::string>>;
Lines column_lines(const Journal& j, const std::vector<report::MixedAmount>& columns) {
  Lines lines;
  auto commodities = commodities_of(j, columns);
  if (commodities.empty()) return {std::vector<std::string>(columns.size(), "0")};
  for (CommodityId c : commodities) {
    std::vector<std::string> cells;
    for (const auto& m : columns) {
      const Decimal* q = amount_in(m, c);
      cells.push_back(q ? format_amount(j.commodities[c], *q) : "0");
    }
    lines.push_back(std::move(cells));
  }
  return lines;
}

// Nothing when there is no period (-b after the last transaction).
void write_columns_text(std::ostream& out, const Journal& j, const report::BalanceReport& r) {
  if (r.periods.empty()) return;
  struct Block {
    std::string label;
    Lines lines;
  };
  std::vector<Block> blocks;
  for (const auto& row : r.rows)
    blocks.push_back({std::string(row.indent * 2, ' ') + row.name, column_lines(j, row.columns)});
  Lines total = column_lines(j, r.column_totals);
  std::size_t label_width = 0;
  std::vector<std::size_t> widths;
  for (const auto& p : r.periods) widths.push_back(display_width(p.name));
  auto measure = [&](const Lines& lines) {
    for (const auto& cells : lines)
      for (std::size_t i = 0; i < cells.size(); ++i) widths[i] = std::max(widths[i], display_width(cells[i]));
  };
  for (const auto& b : blocks) {
    label_width = std::max(label_width, display_width(b.label));
    measure(b.lines);
  }
  measure(total);
  auto line = [&](const std::string& label, const std::vector<std::string>& cells) {
    std::string text = pad_right(label, label_width);
    for (std::size_t i = 0; i < cells.size(); ++i) text += "  " + pad_left(cells[i], widths[i]);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << '\n';
  };
  std::vector<std::string> names;
  for (const auto& p : r.periods) names.push_back(p.name);
  line("", names);
  for (const auto& b : blocks)
    for (std::size_t i = 0; i < b.lines.size(); ++i) line(i == 0 ? b.label : "", b.lines[i]);
  std::size_t rule = label_width;
  for (std::size_t w : widths) rule += 2 + w;
  out << std::string(rule, '-') << '\n';
  for (const auto& cells : total) line("", cells);
}

void write_columns_csv(std::ostream& out, const Journal& j, const report::BalanceReport& r) {
  bool tree = !r.flat;
  out << (tree ? "account,depth,commodity" : "account,commodity");
  for (const auto& p : r.periods) out << ',' << csv_field(p.name);
  out << '\n';
  for (const auto& row : r.rows) {
    std::string account = csv_field(full_name(j, row));
    if (tree) account += ',' + std::to_string(row.indent + 1);
    auto commodities = commodities_of(j, row.columns);
    if (commodities.empty()) {
      out << account << ',';
      for (std::size_t i = 0; i < row.columns.size(); ++i) out << ",0";
      out << '\n';
    }
    for (CommodityId c : commodities) {
      out << account << ',' << csv_field(j.commodities[c].symbol);
      for (const auto& m : row.columns) {
        const Decimal* q = amount_in(m, c);
        out << ',' << (q ? format_plain(j.commodities[c], *q) : "0");
      }
      out << '\n';
    }
  }
}

nlohmann::json amounts_json(const Journal& j, const report::MixedAmount& m) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& [c, q] : m)
    a.push_back({{"commodity", j.commodities[c].symbol},
                 {"quantity", format_plain(j.commodities[c], q)},
                 {"exact", q.to_string()},
                 {"display", format_amount(j.commodities[c], q)}});
  return a;
}

nlohmann::json columns_json(const Journal& j, const std::vector<report::MixedAmount>& columns) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& m : columns) a.push_back(amounts_json(j, m));
  return a;
}

}  // namespace

void write_balance_text(std::ostream& out, const Journal& j, const report::BalanceReport& r) {
  if (r.periodic) return write_columns_text(out, j, r);
  for (const auto& row : r.rows) {
    auto lines = amount_lines(j, row.amount);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) out << pad_left(lines[i], kAmountWidth) << '\n';
    out << pad_left(lines.back(), kAmountWidth) << "  " << std::string(row.indent * 2, ' ') << row.name << '\n';
  }
  out << std::string(kAmountWidth, '-') << '\n';
  for (const auto& line : amount_lines(j, r.total)) out << pad_left(line, kAmountWidth) << '\n';
}

void write_balance_csv(std::ostream& out, const Journal& j, const report::BalanceReport& r) {
  if (r.periodic) return write_columns_csv(out, j, r);
  // A tree's rows include the rows below them: the depth column tells them
  // apart, and the account is named in full.
  bool tree = !r.flat;
  out << (tree ? "account,depth,amount,commodity\n" : "account,amount,commodity\n");
  for (const auto& row : r.rows) {
    std::string account = csv_field(tree ? full_name(j, row) : row.name) + (tree ? "," : "");
    if (tree) account += std::to_string(row.indent + 1);
    for (const auto& [c, q] : row.amount)
      out << account << ',' << format_plain(j.commodities[c], q) << ',' << csv_field(j.commodities[c].symbol) << '\n';
    if (row.amount.empty()) out << account << ",0,\n";
  }
}

void write_balance_json(std::ostream& out, const Journal& j, const report::BalanceReport& r) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : r.rows) {
    nlohmann::json item = {{"account", full_name(j, row)}, {"label", row.name}, {"indent", row.indent}};
    if (r.periodic)
      item["columns"] = columns_json(j, row.columns);
    else
      item["amounts"] = amounts_json(j, row.amount);
    rows.push_back(std::move(item));
  }
  nlohmann::json doc;
  if (r.periodic) {
    nlohmann::json periods = nlohmann::json::array();
    for (const auto& p : r.periods)
      periods.push_back({{"name", p.name}, {"begin", p.begin.to_string()}, {"end", p.end.to_string()}});
    doc = {{"periods", periods}, {"rows", rows}, {"column_totals", columns_json(j, r.column_totals)}};
  } else {
    doc = {{"rows", rows}, {"total", amounts_json(j, r.total)}};
  }
  out << doc.dump(2) << '\n';
}

}  // namespace kessan::write
