#include "read/csv_reader.hpp"

#include <algorithm>

namespace kessan::read {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

class CsvParser {
 public:
  CsvParser(std::string_view text, const std::string& path, const CsvRowSink& each, std::vector<Diagnostic>* errors,
            std::size_t max_fields, std::size_t max_errors)
      : text_(text), path_(path), each_(each), errors_(errors), max_fields_(max_fields), max_errors_(max_errors) {}

  bool run() {
    const std::size_t first_error = errors_->size();
    report_nul_bytes();
    while (pos_ < text_.size() && errors_->size() < max_errors_ && !stopped_) {
      if (skippable_line()) {
        skip_line();
        continue;
      }
      if (!record()) break;
    }
    if (pos_ < text_.size() && errors_->size() >= max_errors_) failed_ = true;  // stopped at the limit
    // NUL bytes were reported first; keep all errors in order of position.
    std::stable_sort(errors_->begin() + static_cast<std::ptrdiff_t>(first_error), errors_->end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                       return a.line != b.line ? a.line < b.line : a.column < b.column;
                     });
    return errors_->size() == first_error && !failed_;
  }

 private:
  // The end of the line starting at `start`, before its CR LF or LF.
  std::size_t content_end(std::size_t start) const {
    std::size_t end = text_.find('\n', start);
    if (end == std::string_view::npos) end = text_.size();
    if (end > start && text_[end - 1] == '\r') --end;
    return end;
  }
  std::string_view line_text(std::size_t line_start) const {
    return text_.substr(line_start, content_end(line_start) - line_start);
  }
  std::uint32_t column(std::size_t pos) const { return static_cast<std::uint32_t>(pos - line_start_ + 1); }

  // At a line end (LF, CR LF, or a CR that ends the text) or the end of the text.
  bool at_line_end() const {
    if (pos_ >= text_.size() || text_[pos_] == '\n') return true;
    return text_[pos_] == '\r' && (pos_ + 1 == text_.size() || text_[pos_ + 1] == '\n');
  }
  // Consumes the line end at pos_, if any.
  void consume_line_end() {
    if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    ++line_;
    line_start_ = pos_;
  }

  bool skippable_line() const {
    const std::size_t end = content_end(pos_);
    std::size_t i = pos_;
    while (i < end && is_space(text_[i])) ++i;
    return i == end || text_[i] == '#';
  }
  void skip_line() {
    pos_ = content_end(pos_);
    consume_line_end();
  }

  void error(std::uint32_t line, std::uint32_t col, std::size_t line_start, std::string message, std::string expected) {
    failed_ = true;
    if (errors_->size() >= max_errors_) return;
    Diagnostic d;
    d.file = path_;
    d.line = line;
    d.column = col;
    set_line(&d, line_text(line_start));
    d.message = std::move(message);
    d.expected = std::move(expected);
    errors_->push_back(std::move(d));
  }

  void report_nul_bytes() {
    std::uint32_t line = 1;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++line;
        start = i + 1;
      } else if (text_[i] == '\0') {
        if (errors_->size() >= max_errors_) {
          failed_ = true;
          return;
        }
        error(line, static_cast<std::uint32_t>(i - start + 1), start, "NUL byte in CSV text",
              "UTF-8 text without NUL bytes (is this a binary file?)");
      }
    }
  }

  // Reads one record starting at pos_. False when the rest of the text was
  // consumed by an unterminated quoted field.
  bool record() {
    CsvRow row;
    row.line = line_;
    row.line_text = line_text(line_start_);
    bool too_many = false;
    for (;;) {
      CsvField field;
      field.line = line_;
      field.column = column(pos_);
      const std::size_t field_line_start = line_start_;
      while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        field.line = line_;
        field.column = column(pos_);
        if (!quoted(&field)) {
          if (row.fields.size() < max_fields_) row.fields.push_back(std::move(field));
          stopped_ = !each_(std::move(row));
          return false;
        }
      } else {
        const std::size_t start = pos_;
        while (!at_line_end() && text_[pos_] != ',') ++pos_;
        std::size_t end = pos_;
        while (end > start && is_space(text_[end - 1])) --end;
        if (end > start) field.column = column(start);
        if (row.fields.size() < max_fields_) field.text = std::string(text_.substr(start, end - start));
      }
      if (row.fields.size() < max_fields_) {
        row.fields.push_back(std::move(field));
      } else if (!too_many) {
        too_many = true;
        error(field.line, field.column, field_line_start, "more than " + std::to_string(max_fields_) + " fields",
              "at most " + std::to_string(max_fields_) + " fields on a line");
      }
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      consume_line_end();
      break;
    }
    stopped_ = !each_(std::move(row));
    return true;
  }

  // Reads a quoted field whose opening quote is at pos_, and what follows it
  // up to the next ',' or line end. False when the quote is never closed.
  bool quoted(CsvField* field) {
    const std::uint32_t open_line = line_;
    const std::uint32_t open_column = column(pos_);
    const std::size_t open_line_start = line_start_;
    ++pos_;
    for (;;) {
      if (pos_ >= text_.size()) {
        error(open_line, open_column, open_line_start, "unterminated quoted field",
              "a closing '\"' (write \"\" for a quote inside a field)");
        return false;
      }
      const char c = text_[pos_];
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          field->text += '"';
          pos_ += 2;
          continue;
        }
        ++pos_;
        break;
      }
      if (c == '\n' || (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n')) {
        field->text += '\n';
        consume_line_end();
        continue;
      }
      field->text += c;
      ++pos_;
    }
    while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
    if (at_line_end() || text_[pos_] == ',') return true;
    error(line_, column(pos_), line_start_, "text after a closing quote",
          "',' or the end of the line after a quoted field (write \"\" for a quote inside a field)");
    while (!at_line_end() && text_[pos_] != ',') ++pos_;
    return true;
  }

  std::string_view text_;
  const std::string& path_;
  const CsvRowSink& each_;
  bool stopped_ = false;
  std::vector<Diagnostic>* errors_;
  std::size_t max_fields_;
  std::size_t max_errors_;
  bool failed_ = false;
  std::size_t pos_ = 0;
  std::size_t line_start_ = 0;
  std::uint32_t line_ = 1;
};

}  // namespace

bool parse_csv(std::string_view text, const std::string& path, const CsvRowSink& each, std::vector<Diagnostic>* errors,
               std::size_t max_fields, std::size_t max_errors) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  return CsvParser(text, path, each, errors, max_fields, max_errors).run();
}

bool parse_csv(std::string_view text, const std::string& path, std::vector<CsvRow>* rows,
               std::vector<Diagnostic>* errors, std::size_t max_fields, std::size_t max_errors) {
  return parse_csv(
      text, path,
      [rows](CsvRow&& row) {
        rows->push_back(std::move(row));
        return true;
      },
      errors, max_fields, max_errors);
}

}  // namespace kessan::read
