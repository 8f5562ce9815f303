#include "read/statistics_reader.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "core/expression.hpp"
#include "read/csv_reader.hpp"
#include "read/toml_checker.hpp"

namespace kessan::read {
namespace {

constexpr const char* kIdExpected =
    "a lower-case letter, then lower-case letters, digits and '-', e.g. \"contracts-ip-64k\"";
constexpr const char* kReadingsExpected = "readings = [\"readings.csv\"] (CSV files relative to this file's directory)";

// A readings file as listed in the statistics file, and where it is listed.
struct ReadingFile {
  std::string name;
  SourceRef where;
};

// Line `line` (1-based) of `text`, without its line end; empty when there is none.
std::string_view line_of(std::string_view text, std::uint32_t line) {
  std::size_t start = 0;
  for (std::uint32_t l = 1; l < line; ++l) {
    start = text.find('\n', start);
    if (start == std::string_view::npos) return "";
    ++start;
  }
  std::size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  if (end > start && text[end - 1] == '\r') --end;
  return text.substr(start, end - start);
}

void add_reading_file(const toml::node& n, TomlChecker& check, std::vector<ReadingFile>* files) {
  auto s = n.value_exact<std::string>();
  if (!s) {
    check.error(n, "'readings' must hold file names only", "a quoted file name, e.g. \"readings.csv\"");
    return;
  }
  if (s->empty()) {
    check.error(n, "empty readings file name", "a quoted file name, e.g. \"readings.csv\"");
    return;
  }
  files->push_back({*s, check.ref(n)});
}

bool parse_statistics(const std::string& text, const std::string& path, Statistics* out,
                      std::vector<ReadingFile>* files, std::vector<Diagnostic>* errors) {
  TomlChecker check(path, errors);
  auto root = check.parse(text);
  if (!root) return false;
  check.only_keys(*root, {"readings", "statistic"}, "a statistics file");

  std::vector<ReadingFile> listed;
  if (const toml::node* n = root->get("readings")) {
    if (const toml::array* a = n->as_array()) {
      if (a->empty()) check.error(*n, "no readings files", kReadingsExpected);
      for (const toml::node& e : *a) add_reading_file(e, check, &listed);
    } else if (n->is_string()) {
      add_reading_file(*n, check, &listed);
    } else {
      check.error(*n, "'readings' must be an array of file names", kReadingsExpected);
    }
  } else {
    check.error(*root, "missing key 'readings' in a statistics file", kReadingsExpected);
  }

  Statistics stats;
  std::unordered_map<std::string, std::uint32_t> first_line;  // id -> line of its first declaration
  for (const toml::table* t : check.tables(*root, "statistic")) {
    check.only_keys(*t, {"id", "label", "unit", "kind"}, "a [[statistic]]");
    Statistic s;
    s.where = check.ref(*t);
    if (auto id = check.string(*t, "id", true, "a [[statistic]]")) {
      const toml::node& n = *t->get("id");
      if (!is_figure_id(*id)) {
        check.error(n, "bad statistic id '" + *id + "'", kIdExpected);
      } else if (auto [it, inserted] = first_line.try_emplace(*id, check.ref(n).line); !inserted) {
        check.error(n,
                    "duplicate statistic id '" + *id + "' (first declared on line " + std::to_string(it->second) + ")",
                    "a unique id for each [[statistic]]");
      }
      s.id = *id;
    }
    s.label = check.string(*t, "label", false, "a [[statistic]]").value_or("");
    if (auto unit = check.string(*t, "unit", true, "a [[statistic]]")) {
      if (unit->empty())
        check.error(*t->get("unit"), "empty unit for statistic '" + s.id + "'",
                    "a unit, e.g. \"contracts\" or \"Gbps\"");
      s.unit = *unit;
    }
    if (auto kind = check.string(*t, "kind", false, "a [[statistic]]")) {
      if (*kind == "flow") {
        s.kind = StatisticKind::Flow;
      } else if (*kind != "stock") {
        check.error(*t->get("kind"), "unknown statistic kind '" + *kind + "'", "\"stock\" or \"flow\"");
      }
    }
    stats.declared.push_back(std::move(s));
  }
  if (!check.ok()) return false;
  *out = std::move(stats);
  *files = std::move(listed);
  return true;
}

enum Column : std::size_t { kDate, kStatistic, kValue, kUnit, kNote, kColumnCount };
constexpr std::array<std::string_view, kColumnCount> kColumnNames = {"date", "statistic", "value", "unit", "note"};
constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);

// A strict YYYY-MM-DD date.
std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  return Date::parse(text);
}

// Digits with an optional leading '-' and at most one '.'.
bool decimal_syntax(std::string_view text) {
  std::size_t i = text.starts_with('-') ? 1 : 0;
  bool digit = false, point = false;
  for (; i < text.size(); ++i) {
    if (text[i] >= '0' && text[i] <= '9') {
      digit = true;
    } else if (text[i] == '.' && !point) {
      point = true;
    } else {
      return false;
    }
  }
  return digit;
}

class ReadingsParser {
 public:
  ReadingsParser(std::string_view text, const std::string& path, Statistics* stats, std::vector<Diagnostic>* errors,
                 std::size_t max_errors)
      : text_(text), path_(path), stats_(stats), errors_(errors), max_errors_(max_errors) {
    statistics_file_ = stats->declared.empty() ? "the statistics file" : stats->declared.front().where.file;
  }

  bool run() {
    for (const StatisticReading& r : stats_->readings)
      seen_.try_emplace(key(r.statistic, r.date), Place{&r.where.file, r.where.line});
    // Rows are checked as they are read, so that only readings are kept; their
    // errors count only when the file is sound CSV. No line of a readings
    // file has more fields than there are columns.
    bool first = true, complete = true;
    auto each = [&](CsvRow&& r) {
      if (first) {
        first = false;
        return complete = header(r);
      }
      row(r);
      return errors_->size() + pending_.size() < max_errors_;
    };
    if (!parse_csv(text_, path_, each, errors_, kColumnCount, max_errors_)) return false;
    if (first) {
      Diagnostic d;
      d.file = path_;
      d.message = "empty readings file";
      d.expected = "a header line naming the columns, e.g. date,statistic,value";
      errors_->push_back(std::move(d));
      return false;
    }
    errors_->insert(errors_->end(), std::make_move_iterator(pending_.begin()), std::make_move_iterator(pending_.end()));
    if (!ok_ || !complete) return false;
    std::vector<StatisticReading>& all = stats_->readings;
    all.insert(all.end(), std::make_move_iterator(fresh_.begin()), std::make_move_iterator(fresh_.end()));
    std::stable_sort(all.begin(), all.end(), [](const StatisticReading& a, const StatisticReading& b) {
      return std::tie(a.statistic, a.date) < std::tie(b.statistic, b.date);
    });
    return true;
  }

 private:
  static std::uint64_t key(std::uint32_t statistic, Date date) {
    return (static_cast<std::uint64_t>(statistic) << 32) | static_cast<std::uint32_t>(date.days());
  }

  void error(std::uint32_t line, std::uint32_t column, std::string_view line_text, std::string message,
             std::string expected) {
    ok_ = false;
    if (errors_->size() + pending_.size() >= max_errors_) return;
    Diagnostic d;
    d.file = path_;
    d.line = line;
    d.column = column;
    set_line(&d, line_text);
    d.message = std::move(message);
    d.expected = std::move(expected);
    pending_.push_back(std::move(d));
  }
  std::string_view line_text(const CsvRow& row, std::uint32_t line) const {
    return line == row.line ? row.line_text : line_of(text_, line);
  }
  void error(const CsvRow& row, const CsvField& f, std::string message, std::string expected) {
    error(f.line, f.column, line_text(row, f.line), std::move(message), std::move(expected));
  }

  // Maps column names to field positions. False when a required column is missing.
  bool header(const CsvRow& row) {
    header_size_ = row.fields.size();
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
      const CsvField& f = row.fields[i];
      header_names_ += (i == 0 ? "" : ",") + f.text;
      auto name = std::find(kColumnNames.begin(), kColumnNames.end(), f.text);
      if (name == kColumnNames.end()) {
        error(row, f, "unknown column '" + f.text + "'", "one of: date, statistic, value, unit, note");
        continue;
      }
      std::size_t& column = columns_[static_cast<std::size_t>(name - kColumnNames.begin())];
      if (column != kAbsent) {
        error(row, f,
              "duplicate column '" + f.text + "' (first at column " + std::to_string(row.fields[column].column) + ")",
              "each column named once");
        continue;
      }
      column = i;
    }
    bool complete = true;
    for (std::size_t c : {kDate, kStatistic, kValue}) {
      if (columns_[c] != kAbsent) continue;
      error(row.line, 1, row.line_text, "missing column '" + std::string(kColumnNames[c]) + "'",
            "a header naming the columns date, statistic and value (unit and note are optional)");
      complete = false;
    }
    return complete;
  }

  void row(const CsvRow& row) {
    if (row.fields.size() != header_size_) {
      const std::string message =
          "row has " + std::to_string(row.fields.size()) + " fields, the header has " + std::to_string(header_size_);
      const std::string expected = std::to_string(header_size_) + " fields, as in the header: " + header_names_;
      if (row.fields.size() > header_size_) {
        error(row, row.fields[header_size_], message, expected);
      } else {
        const CsvField& last = row.fields.back();
        std::string_view text = line_text(row, last.line);
        const auto end = static_cast<std::uint32_t>(text.size() + 1);
        error(last.line, end, text, message, expected);
      }
      return;
    }
    const CsvField& date_field = row.fields[columns_[kDate]];
    std::optional<Date> date = parse_date(date_field.text);
    if (!date)
      error(row, date_field, date_field.text.empty() ? "missing date" : "'" + date_field.text + "' is not a date",
            "a date YYYY-MM-DD, e.g. 2002-03-31");

    const CsvField& id_field = row.fields[columns_[kStatistic]];
    long statistic = -1;
    if (id_field.text.empty()) {
      error(row, id_field, "missing statistic", "a statistic declared in " + statistics_file_);
    } else if (statistic = find(id_field.text); statistic < 0) {
      error(row, id_field, "unknown statistic '" + id_field.text + "'", "a statistic declared in " + statistics_file_);
    }

    const CsvField& value_field = row.fields[columns_[kValue]];
    std::optional<Decimal> value;
    if (!value_field.text.starts_with('+')) value = Decimal::parse(value_field.text);
    if (!value) {
      std::string message = value_field.text.empty() ? "missing value"
                            : decimal_syntax(value_field.text)
                                ? "value '" + value_field.text + "' is out of range"
                                : "value '" + value_field.text + "' is not an exact decimal number";
      error(row, value_field, std::move(message),
            "digits with an optional leading '-' and a '.' before decimals (at most 30), e.g. 3269 or -0.5; "
            "thousands separators are not accepted");
    }

    if (columns_[kUnit] != kAbsent && statistic >= 0) {
      const CsvField& unit_field = row.fields[columns_[kUnit]];
      const Statistic& s = stats_->declared[static_cast<std::size_t>(statistic)];
      if (!unit_field.text.empty() && unit_field.text != s.unit)
        error(row, unit_field,
              "unit '" + unit_field.text + "' differs from the unit '" + s.unit + "' declared for '" + s.id + "'",
              "'" + s.unit + "' (as declared in " + s.where.file + ") or an empty field");
    }

    if (!date || statistic < 0) return;
    const auto index = static_cast<std::uint32_t>(statistic);
    auto [it, inserted] = seen_.try_emplace(key(index, *date), Place{&path_, row.line});
    if (!inserted) {
      const Place& first = it->second;
      const std::string place =
          *first.file == path_ ? "line " + std::to_string(first.line) : *first.file + ":" + std::to_string(first.line);
      error(row, date_field,
            "second reading of '" + id_field.text + "' on " + date->to_string() + " (first on " + place + ")",
            "one reading per statistic and date");
      return;
    }
    if (!value) return;
    StatisticReading r;
    r.statistic = index;
    r.date = *date;
    r.value = *value;
    if (columns_[kNote] != kAbsent) r.note = row.fields[columns_[kNote]].text;
    r.where = {path_, row.line, row.fields.front().column};
    fresh_.push_back(std::move(r));
  }

  long find(const std::string& id) {
    if (ids_.empty())
      for (std::size_t i = 0; i < stats_->declared.size(); ++i) ids_.try_emplace(stats_->declared[i].id, i);
    auto it = ids_.find(id);
    return it == ids_.end() ? -1 : static_cast<long>(it->second);
  }

  std::string_view text_;
  const std::string& path_;
  Statistics* stats_;
  std::vector<Diagnostic>* errors_;
  std::vector<Diagnostic> pending_;  // errors of rows, reported when the CSV is sound
  std::size_t max_errors_;
  std::string statistics_file_;
  bool ok_ = true;
  std::array<std::size_t, kColumnCount> columns_{kAbsent, kAbsent, kAbsent, kAbsent, kAbsent};
  std::size_t header_size_ = 0;
  std::string header_names_;
  std::unordered_map<std::string, std::size_t> ids_;
  // Where a reading was first given: a file of stats_->readings or path_.
  struct Place {
    const std::string* file;
    std::uint32_t line;
  };
  std::unordered_map<std::uint64_t, Place> seen_;  // by key(statistic, date)
  std::vector<StatisticReading> fresh_;
};

}  // namespace

bool parse_statistics_toml(const std::string& text, const std::string& path, Statistics* out,
                           std::vector<std::string>* reading_files, std::vector<Diagnostic>* errors) {
  std::vector<ReadingFile> files;
  if (!parse_statistics(text, path, out, &files, errors)) return false;
  reading_files->clear();
  for (ReadingFile& f : files) reading_files->push_back(std::move(f.name));
  return true;
}

bool parse_readings_csv(std::string_view text, const std::string& path, Statistics* stats,
                        std::vector<Diagnostic>* errors, std::size_t max_errors) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  return ReadingsParser(text, path, stats, errors, max_errors).run();
}

bool read_statistics(const std::string& path, Statistics* out, std::vector<Diagnostic>* errors,
                     std::size_t max_errors) {
  std::string text;
  if (!read_text(path, &text)) {
    Diagnostic d;
    d.file = path;
    d.message = "cannot read the statistics file";
    d.expected = "a TOML file declaring [[statistic]] tables and their readings files";
    errors->push_back(std::move(d));
    return false;
  }
  Statistics stats;
  std::vector<ReadingFile> files;
  if (!parse_statistics(text, path, &stats, &files, errors)) return false;
  const std::string directory = directory_of(path);
  bool ok = true;
  for (const ReadingFile& f : files) {
    std::string file = f.name;
    if (!file.starts_with('/') && directory != ".") file = directory + (directory.ends_with('/') ? "" : "/") + file;
    std::string csv;
    if (!read_text(file, &csv)) {
      Diagnostic d;
      d.file = path;
      d.line = f.where.line;
      d.column = f.where.column;
      set_line(&d, line_of(text, f.where.line));
      d.message = "cannot read readings file '" + file + "'";
      d.expected = "a readable CSV file; names in 'readings' are relative to " + directory;
      errors->push_back(std::move(d));
      ok = false;
      continue;
    }
    ok = parse_readings_csv(csv, file, &stats, errors, max_errors) && ok;
  }
  if (!ok) return false;
  *out = std::move(stats);
  return true;
}

}  // namespace kessan::read
