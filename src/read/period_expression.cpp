#include "read/period_expression.hpp"

#include <vector>

namespace kessan::read {

const char* const kPeriodExpressionForms =
    "YYYY, YYYY-MM, YYYYqN, YYYY-MM-DD, A..B, from A to B, in A, each optionally after monthly, quarterly or "
    "yearly";

namespace {

struct Span {
  Date begin, end;
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Words, with ".." a word of its own even when written without spaces.
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(lower(word));
    word.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ' || c == '\t') {
      flush();
    } else if (c == '.' && i + 1 < text.size() && text[i + 1] == '.') {
      flush();
      out.push_back("..");
      ++i;
    } else {
      word += c;
    }
  }
  flush();
  return out;
}

// A run of 1 to `max` digits starting at `*at`.
std::optional<int> number(std::string_view s, std::size_t* at, std::size_t min, std::size_t max) {
  std::size_t start = *at;
  int v = 0;
  while (*at < s.size() && *at - start < max && s[*at] >= '0' && s[*at] <= '9') v = v * 10 + (s[(*at)++] - '0');
  if (*at - start < min) return std::nullopt;
  return v;
}

Date month_start(int year, int month) {
  if (year > kLastYear) return day_after_last_date();
  return *Date::from_ymd(year, static_cast<unsigned>(month), 1);
}

// YYYY, YYYY-MM, YYYYqN or YYYY-MM-DD as the days it covers.
std::optional<Span> term(std::string_view s, std::string* error) {
  std::size_t at = 0;
  auto bad = [&]() -> std::optional<Span> {
    *error = "'" + std::string(s) + "' is not understood";
    return std::nullopt;
  };
  auto year = number(s, &at, 4, 4);
  if (!year) return bad();
  auto outside = [&]() -> std::optional<Span> {
    *error = "'" + std::string(s) + "' is not a date between 0001-01-01 and 9999-12-31";
    return std::nullopt;
  };
  if (*year < kFirstYear) return outside();
  if (at == s.size()) return Span{month_start(*year, 1), month_start(*year + 1, 1)};
  if (s[at] == 'q') {
    ++at;
    auto q = number(s, &at, 1, 1);
    if (!q || at != s.size() || *q < 1 || *q > 4) return bad();
    int m = (*q - 1) * 3 + 1;
    return Span{month_start(*year, m), m + 3 > 12 ? month_start(*year + 1, 1) : month_start(*year, m + 3)};
  }
  char sep = s[at];
  if (sep != '-' && sep != '/' && sep != '.') return bad();
  ++at;
  auto month = number(s, &at, 1, 2);
  if (!month) return bad();
  if (*month < 1 || *month > 12) return outside();
  if (at == s.size())
    return Span{month_start(*year, *month), *month == 12 ? month_start(*year + 1, 1) : month_start(*year, *month + 1)};
  if (s[at] != sep) return bad();
  ++at;
  auto day = number(s, &at, 1, 2);
  if (!day || at != s.size()) return bad();
  auto d = Date::from_ymd(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
  if (!d) return outside();
  return Span{*d, Date::from_days(d->days() + 1)};
}

class Parser {
 public:
  Parser(std::vector<std::string> w, std::string* error) : w_(std::move(w)), error_(error) {}

  std::optional<PeriodExpression> run() {
    PeriodExpression e;
    if (at_end()) return fail_empty();
    if (peek() == "monthly") e.interval = Interval::Month;
    if (peek() == "quarterly") e.interval = Interval::Quarter;
    if (peek() == "yearly") e.interval = Interval::Year;
    if (e.interval != Interval::None) {
      ++i_;
      if (at_end()) return e;
    }
    if (!range(&e)) return std::nullopt;
    if (!at_end()) return not_understood(peek());
    return e;
  }

 private:
  bool at_end() const { return i_ == w_.size(); }
  const std::string& peek() const { return w_[i_]; }

  std::optional<PeriodExpression> fail_empty() {
    *error_ = "the period is empty";
    return std::nullopt;
  }
  std::nullopt_t not_understood(const std::string& word) {
    *error_ = "'" + word + "' is not understood";
    return std::nullopt;
  }

  std::optional<Span> next_term() {
    if (at_end()) {
      *error_ = "a date is missing at the end";
      return std::nullopt;
    }
    return term(w_[i_++], error_);
  }

  bool range(PeriodExpression* e) {
    const std::string& first = peek();
    if (first == "in") {
      ++i_;
      auto t = next_term();
      if (!t) return false;
      e->begin = t->begin;
      e->end = t->end;
      return true;
    }
    if (first == "from" || first == "to") {
      if (first == "from") {
        ++i_;
        auto t = next_term();
        if (!t) return false;
        e->begin = t->begin;
        if (at_end()) return true;
        if (peek() != "to") return not_understood(peek()), false;
      }
      ++i_;  // "to"
      auto t = next_term();
      if (!t) return false;
      e->end = t->begin;
      return true;
    }
    if (first != "..") {
      auto t = next_term();
      if (!t) return false;
      e->begin = t->begin;
      e->end = t->end;
      if (at_end() || peek() != "..") return true;
    } else {
      e->begin.reset();
    }
    ++i_;  // ".."
    e->end.reset();
    if (at_end()) return true;
    auto t = next_term();
    if (!t) return false;
    e->end = t->begin;
    return true;
  }

  std::vector<std::string> w_;
  std::size_t i_ = 0;
  std::string* error_;
};

}  // namespace

std::optional<PeriodExpression> parse_period_expression(std::string_view text, std::string* error) {
  return Parser(words(text), error).run();
}

}  // namespace kessan::read
