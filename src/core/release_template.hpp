#pragma once
// ReleaseTemplate: the text of an earnings release as its authors write it —
// Markdown with placeholders that kessan fills from the book:
//
//   Total revenues were {{ total-revenues usd=0 }}, {{ compare total-revenues }}.
//   {{ table contracts }}
//
// Read by read/template_reader.hpp; the placeholders are documented in
// docs/release-format.md and filled by report/release.hpp.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/expression.hpp"
#include "core/source_ref.hpp"

namespace kessan {

struct PlaceholderOption {
  std::string name;
  std::string value;
  SourceRef where;
};

struct Placeholder {
  std::string directive;       // "" for a plain figure; "compare", "table", …
  std::optional<Expr> figure;  // the formula it is about, if any
  std::string argument;        // a period word (period, date) or an id (table, reconciliation)
  std::vector<PlaceholderOption> options;
  SourceRef where;  // the opening "{{"
  SourceRef argument_where;
  bool block = false;  // a table: stands alone on its line

  const PlaceholderOption* option(std::string_view name) const {
    for (const auto& o : options)
      if (o.name == name) return &o;
    return nullptr;
  }
};

// The template as pieces: text, or a placeholder.
struct TemplatePiece {
  std::string text;
  std::optional<Placeholder> placeholder;
};

struct ReleaseTemplate {
  std::string file;
  std::vector<TemplatePiece> pieces;
};

}  // namespace kessan
