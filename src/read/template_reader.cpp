#include "read/template_reader.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "read/expression_parser.hpp"
#include "read/toml_checker.hpp"

namespace kessan::read {
namespace {

enum class Args { Figure, Period, None, Id };

struct DirectiveSpec {
  std::string_view name;
  Args args;
  std::vector<std::string_view> options;
};

const std::vector<DirectiveSpec>& directives() {
  static const std::vector<DirectiveSpec> kDirectives = {
      {"", Args::Figure, {"in", "decimals", "usd", "unit"}},
      {"usd", Args::Figure, {"in", "decimals"}},
      {"change", Args::Figure, {"vs", "in", "decimals"}},
      {"compare", Args::Figure, {"vs", "and", "in", "decimals"}},
      {"moved", Args::Figure, {"vs", "up", "down", "rate", "in", "decimals"}},
      {"trend", Args::Figure, {"vs", "and", "up", "down", "in", "decimals"}},
      {"worded", Args::Figure, {"positive", "negative", "zero", "in", "decimals", "usd"}},
      {"sign", Args::Figure, {"vs", "positive", "negative"}},
      {"guidance", Args::Figure, {}},
      {"expected", Args::Figure, {"usd"}},
      {"consensus", Args::Figure, {"in", "decimals", "usd"}},
      {"versus-consensus", Args::Figure, {}},
      {"period", Args::Period, {}},
      {"date", Args::Period, {"style"}},
      {"rate", Args::None, {}},
      {"rate-date", Args::None, {}},
      {"table", Args::Id, {}},
      {"reconciliation", Args::Id, {}},
  };
  return kDirectives;
}

const DirectiveSpec* find_directive(std::string_view word) {
  for (const DirectiveSpec& d : directives())
    if (!d.name.empty() && d.name == word) return &d;
  return nullptr;
}

class TemplateParser {
 public:
  TemplateParser(std::string_view text, const std::string& path, std::vector<Diagnostic>* errors,
                 std::size_t max_errors)
      : text_(text), path_(path), errors_(errors), max_errors_(max_errors) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') line_starts_.push_back(i + 1);
  }

  bool run(ReleaseTemplate* out) {
    out->file = path_;
    std::size_t i = 0;
    std::string pending;
    while (i < text_.size() && errors_->size() < max_errors_) {
      std::size_t open = text_.find("{{", i);
      if (open == std::string_view::npos) {
        pending += text_.substr(i);
        break;
      }
      if (open > 0 && text_[open - 1] == '\\') {  // "\{{" is a literal "{{"
        pending += text_.substr(i, open - 1 - i);
        pending += "{{";
        i = open + 2;
        continue;
      }
      pending += text_.substr(i, open - i);
      std::size_t close = text_.find("}}", open + 2);
      std::size_t newline = text_.find('\n', open);
      if (close == std::string_view::npos || (newline != std::string_view::npos && newline < close)) {
        fail(open, "a placeholder opened with '{{' is not closed on its line", "'}}' after the placeholder");
        i = newline == std::string_view::npos ? text_.size() : newline;
        continue;
      }
      Placeholder p;
      if (placeholder(open, close, &p)) {
        if (p.block) check_block(open, close, &pending, &p);
        if (!pending.empty()) out->pieces.push_back({std::move(pending), std::nullopt});
        pending.clear();
        out->pieces.push_back({"", std::move(p)});
        if (out->pieces.back().placeholder->block) skip_line_end(&close);
      }
      i = close + 2;
    }
    if (!pending.empty()) out->pieces.push_back({std::move(pending), std::nullopt});
    return ok_;
  }

 private:
  SourceRef ref(std::size_t offset) const {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());
    return {path_, static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(offset - line_starts_[line - 1] + 1)};
  }

  // Line `line` (1-based), without its line end.
  std::string_view line_text(std::uint32_t line) const {
    std::size_t start = line_starts_[line - 1];
    std::size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : text_.size();
    std::string_view text = text_.substr(start, end - start);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    return text;
  }

  void fail(std::size_t offset, std::string message, std::string expected) {
    ok_ = false;
    if (errors_->size() >= max_errors_) return;
    Diagnostic d = diagnostic_at(ref(offset), std::move(message), std::move(expected), DiagnosticKind::Template);
    set_line(&d, line_text(d.line));
    errors_->push_back(std::move(d));
  }

  // A formula's errors show the part of their line around the column.
  void show_lines(std::size_t first_error) {
    for (std::size_t k = first_error; k < errors_->size(); ++k) {
      Diagnostic& d = (*errors_)[k];
      if (d.line_text.empty() && d.line > 0 && d.line <= line_starts_.size()) set_line(&d, line_text(d.line));
    }
  }

  static bool space(char c) { return c == ' ' || c == '\t'; }

  std::size_t skip_spaces(std::size_t i, std::size_t end) const {
    while (i < end && space(text_[i])) ++i;
    return i;
  }

  // Parses text_[open, close + 2) into `p`.
  bool placeholder(std::size_t open, std::size_t close, Placeholder* p) {
    p->where = ref(open);
    std::size_t i = skip_spaces(open + 2, close);
    std::size_t word_end = i;
    while (word_end < close && (std::isalnum(static_cast<unsigned char>(text_[word_end])) || text_[word_end] == '-'))
      ++word_end;
    std::string_view word = text_.substr(i, word_end - i);
    const DirectiveSpec* spec = nullptr;
    bool directive_word = word_end == close || space(text_[word_end]);
    if (directive_word) spec = find_directive(word);
    if (spec) {
      p->directive = std::string(spec->name);
      i = skip_spaces(word_end, close);
    } else {
      spec = &directives()[0];
    }
    if (i == close && spec->args != Args::None && spec->args != Args::Period) {
      fail(i,
           spec->name.empty()
               ? "an empty placeholder"
               : "'" + std::string(spec->name) + "' needs " + (spec->args == Args::Id ? "an id" : "a figure"),
           spec->args == Args::Id ? "the id of a statement, table or measure" : "a line, measure, account or formula");
      return false;
    }
    switch (spec->args) {
      case Args::Figure: {
        // The line is added to the errors afterwards (show_lines), not copied for each formula.
        TextOrigin origin{ref(i), ""};
        std::size_t used = 0, before = errors_->size();
        auto e = parse_expression_prefix(text_.substr(i, close - i), origin, &used, errors_);
        show_lines(before);
        if (!e) {
          ok_ = false;
          return false;
        }
        p->figure = std::move(*e);
        i += used;
        break;
      }
      case Args::Period:
      case Args::Id: {
        std::size_t end = i;
        if (i < close && text_[i] == '"') {  // a quoted period name: {{ period "Q1 2024" }}
          end = text_.find('"', i + 1);
          if (end == std::string_view::npos || end > close) {
            fail(i, "a quoted argument is not closed", "a closing '\"'");
            return false;
          }
          p->argument = std::string(text_.substr(i + 1, end - i - 1));
          ++end;
        } else {
          while (end < close && !space(text_[end]) && text_.compare(end, 1, "=") != 0) ++end;
          if (end < close && text_[end] == '=') end = i;  // an option, not an argument
          p->argument = std::string(text_.substr(i, end - i));
        }
        p->argument_where = ref(i);
        if (spec->args == Args::Period && p->argument.empty()) p->argument = "current";
        i = skip_spaces(end, close);
        p->block = spec->args == Args::Id;
        break;
      }
      case Args::None:
        break;
    }
    return options(i, close, *spec, p);
  }

  bool options(std::size_t i, std::size_t close, const DirectiveSpec& spec, Placeholder* p) {
    while ((i = skip_spaces(i, close)) < close) {
      std::size_t eq = i;
      while (eq < close &&
             (std::isalnum(static_cast<unsigned char>(text_[eq])) || text_[eq] == '-' || text_[eq] == '_'))
        ++eq;
      if (eq == i || eq >= close || text_[eq] != '=') {
        std::string_view rest = text_.substr(i, close - i);
        while (!rest.empty() && space(rest.back())) rest.remove_suffix(1);
        fail(i, "unexpected text '" + quoted(rest) + "' in a placeholder",
             spec.options.empty() ? "'}}'" : "an option name=value (" + list(spec.options) + ") or '}}'");
        return false;
      }
      PlaceholderOption o;
      o.name = std::string(text_.substr(i, eq - i));
      o.where = ref(i);
      if (std::find(spec.options.begin(), spec.options.end(), o.name) == spec.options.end()) {
        fail(i,
             "unknown option '" + quoted(o.name) + "' for " +
                 (spec.name.empty() ? "a figure" : "'" + std::string(spec.name) + "'"),
             spec.options.empty() ? "no options" : "one of: " + list(spec.options));
        return false;
      }
      if (p->option(o.name)) {
        fail(i, "option '" + o.name + "' is given twice", "each option once");
        return false;
      }
      std::size_t v = eq + 1, end = v;
      if (v < close && text_[v] == '"') {
        end = text_.find('"', v + 1);
        if (end == std::string_view::npos || end > close) {
          fail(v, "a quoted option value is not closed", "a closing '\"'");
          return false;
        }
        o.value = std::string(text_.substr(v + 1, end - v - 1));
        ++end;
      } else {
        while (end < close && !space(text_[end])) ++end;
        o.value = std::string(text_.substr(v, end - v));
      }
      if (o.value.empty()) {
        fail(v, "option '" + o.name + "' has no value", "name=value");
        return false;
      }
      p->options.push_back(std::move(o));
      i = end;
    }
    return true;
  }

  // Text quoted in a message: at most kQuotedBytes of it.
  static std::string quoted(std::string_view text) {
    constexpr std::size_t kQuotedBytes = 60;
    if (text.size() <= kQuotedBytes) return std::string(text);
    std::size_t cut = kQuotedBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return std::string(text.substr(0, cut)) + "...";
  }

  static std::string list(const std::vector<std::string_view>& names) {
    std::string out;
    for (auto n : names) out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
  }

  // A table placeholder must stand alone on its line.
  void check_block(std::size_t open, std::size_t close, std::string* pending, Placeholder* p) {
    std::size_t start = line_starts_[ref(open).line - 1];
    bool alone_before = std::all_of(text_.begin() + static_cast<long>(start), text_.begin() + static_cast<long>(open),
                                    [](char c) { return space(c); });
    std::size_t end = text_.find('\n', close);
    if (end == std::string_view::npos) end = text_.size();
    bool alone_after = std::all_of(text_.begin() + static_cast<long>(close + 2), text_.begin() + static_cast<long>(end),
                                   [](char c) { return space(c) || c == '\r'; });
    if (!alone_before || !alone_after) {
      fail(open, "'" + p->directive + "' places a table and must stand alone on its line",
           "the placeholder on a line of its own");
      p->block = false;
      return;
    }
    // The spaces before it on its line are not text.
    while (!pending->empty() && space(pending->back())) pending->pop_back();
  }

  void skip_line_end(std::size_t* close) {
    std::size_t i = *close + 2;
    while (i < text_.size() && (space(text_[i]) || text_[i] == '\r')) ++i;
    if (i < text_.size() && text_[i] == '\n') *close = i - 1;  // so that the next piece starts after the newline
  }

  std::string_view text_;
  std::string path_;
  std::vector<Diagnostic>* errors_;
  std::size_t max_errors_;
  std::vector<std::size_t> line_starts_;
  bool ok_ = true;
};

}  // namespace

bool parse_template(std::string_view text, const std::string& path, ReleaseTemplate* out,
                    std::vector<Diagnostic>* errors, std::size_t max_errors) {
  ReleaseTemplate t;
  if (!TemplateParser(text, path, errors, max_errors).run(&t)) return false;
  *out = std::move(t);
  return true;
}

bool read_template(const std::string& path, ReleaseTemplate* out, std::vector<Diagnostic>* errors,
                   std::size_t max_errors) {
  std::string text;
  if (!read_text(path, &text)) {
    Diagnostic d;
    d.kind = DiagnosticKind::File;
    d.file = path;
    d.message = "cannot read the release template";
    d.expected = "a Markdown file (see [release] template in book.toml, or --template)";
    errors->push_back(std::move(d));
    return false;
  }
  return parse_template(text, path, out, errors, max_errors);
}

}  // namespace kessan::read
