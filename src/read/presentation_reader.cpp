#include "read/presentation_reader.hpp"

#include <array>
#include <utility>

namespace kessan::read {
namespace {

template <typename T, std::size_t N>
using Choices = std::array<std::pair<std::string_view, T>, N>;

constexpr Choices<NegativeStyle, 3> kNegative{{
    {"(1,234)", NegativeStyle::Parentheses},
    {"-1,234", NegativeStyle::Minus},
    {"\u22121,234", NegativeStyle::UnicodeMinus},
}};

constexpr Choices<PercentNegativeStyle, 4> kNegativePercent{{
    {"(1.2%)", PercentNegativeStyle::Parentheses},
    {"(1.2)%", PercentNegativeStyle::ParenthesesSignOutside},
    {"-1.2%", PercentNegativeStyle::Minus},
    {"\u22121.2%", PercentNegativeStyle::UnicodeMinus},
}};

constexpr Choices<CurrencySign, 4> kCurrencySign{{
    {"none", CurrencySign::None},
    {"first", CurrencySign::First},
    {"first-and-totals", CurrencySign::FirstAndTotals},
    {"all", CurrencySign::All},
}};

constexpr Choices<bool, 2> kSignFlip{{{"signed", false}, {"n/m", true}}};

constexpr std::array<std::string_view, 7> kNotMeaningful{"n/m", "N/M", "NM", "nm", "n.m.", "*", "\u2014"};
constexpr std::array<std::string_view, 4> kZero{"0", "-", "\u2014", "\u2013"};

// `"a", "b" or "c"` for a message.
template <typename List, typename Name>
std::string listed(const List& list, Name name) {
  std::string out;
  for (std::size_t i = 0; i < list.size(); ++i)
    out += std::string(i == 0 ? "" : i + 1 == list.size() ? " or " : ", ") + "\"" + std::string(name(list[i])) + "\"";
  return out;
}

// String `key` of `t`, which must be one of `choices` (reported otherwise).
template <typename T, std::size_t N>
std::optional<T> choice(const toml::table& t, std::string_view key, const char* what, const Choices<T, N>& choices,
                        const char* where, TomlChecker& check, const char* note = "") {
  auto text = check.string(t, key, false, where);
  if (!text) return std::nullopt;
  for (const auto& c : choices)
    if (*text == c.first) return c.second;
  check.error(*t.get(key), std::string("unknown ") + what + " '" + *text + "'",
              listed(choices, [](const auto& c) { return c.first; }) + note);
  return std::nullopt;
}

// String `key` of `t`, which must be one of `texts` (reported otherwise).
template <std::size_t N>
std::optional<std::string> text_of(const toml::table& t, std::string_view key, const char* what,
                                   const std::array<std::string_view, N>& texts, const char* where,
                                   TomlChecker& check) {
  auto text = check.string(t, key, false, where);
  if (!text) return std::nullopt;
  for (std::string_view s : texts)
    if (*text == s) return text;
  check.error(*t.get(key), std::string("unknown ") + what + " '" + *text + "'",
              listed(texts, [](std::string_view s) { return s; }));
  return std::nullopt;
}

void parse_settings(const toml::table& t, const char* where, TomlChecker& check, PresentationSettings* out) {
  constexpr const char* kMinus = " (\"\u2212\" is U+2212 MINUS SIGN)";
  out->negative = choice(t, "negative", "negative style", kNegative, where, check, kMinus);
  out->negative_percent =
      choice(t, "negative_percent", "negative percentage style", kNegativePercent, where, check, kMinus);
  out->not_meaningful = text_of(t, "not_meaningful", "not-meaningful text", kNotMeaningful, where, check);
  out->zero = text_of(t, "zero", "zero text", kZero, where, check);
  out->change_sign_flip_nm = choice(t, "change_on_sign_flip", "change style", kSignFlip, where, check);
  out->currency_sign = choice(t, "currency_sign", "currency sign placement", kCurrencySign, where, check);
}

// A currency symbol: 1 to kMaxCurrencySymbol bytes without control characters.
std::optional<std::string> symbol(const toml::table& t, std::string_view key, TomlChecker& check) {
  auto s = check.string(t, key, false, "[presentation]");
  if (!s) return std::nullopt;
  bool control = false;
  for (char c : *s) control = control || static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
  if (!s->empty() && s->size() <= kMaxCurrencySymbol && !control) return s;
  check.error(
      *t.get(key),
      std::string(key) + " must be 1 to " + std::to_string(kMaxCurrencySymbol) + " bytes without control characters",
      "a symbol such as \"$\" or \"\u20ac\"");
  return std::nullopt;
}

}  // namespace

void parse_layout_presentation(const toml::table& root, TomlChecker& check, PresentationSettings* out) {
  parse_settings(root, "a layout", check, out);
  // `empty` is the older name of `zero`, with "0" and "-" only.
  constexpr std::array<std::string_view, 2> kEmpty{"0", "-"};
  auto empty = text_of(root, "empty", "empty-cell style", kEmpty, "a layout", check);
  if (root.contains("empty") && root.contains("zero"))
    check.error(*root.get("empty"), "'empty' and 'zero' both say how a zero amount prints", "'zero' alone");
  else if (empty)
    out->zero = empty;
}

void parse_book_presentation(const toml::table& root, const std::string& currency,
                             const std::string& convenience_currency, TomlChecker& check, Presentation* out) {
  out->currency_symbol = currency;
  out->convenience_symbol = convenience_currency;
  const toml::node* n = root.get("presentation");
  if (!n) return;
  const toml::table* t = n->as_table();
  if (!t) return check.error(*n, "'presentation' must be a table", "[presentation]");
  check.only_keys(*t,
                  {"negative", "negative_percent", "not_meaningful", "zero", "change_on_sign_flip", "currency_sign",
                   "currency_symbol", "convenience_symbol"},
                  "[presentation]");
  PresentationSettings settings;
  parse_settings(*t, "[presentation]", check, &settings);
  *out = overridden(*out, settings);
  if (auto s = symbol(*t, "currency_symbol", check)) out->currency_symbol = *s;
  if (auto s = symbol(*t, "convenience_symbol", check)) out->convenience_symbol = *s;
}

}  // namespace kessan::read
