// The release builder's frame (release_builder.hpp): checks every
// placeholder, then fills the template's text in order, places its
// statements, tables and reconciliations, and appends the ones it does not
// place.

#include "report/release.hpp"

#include <algorithm>

#include "report/release_builder.hpp"
#include "report/release_tables.hpp"
#include "report/statement.hpp"

namespace kessan::report {
namespace release_parts {

std::optional<ReleaseDocument> ReleaseBuilder::build() {
  std::size_t before = errors_->size();
  if (!figures_.ok()) return std::nullopt;
  const FiscalCalendar& cal = in_.book.settings.calendar;
  if (!cal.comparisons(in_.period)) {
    error({in_.book.settings.directory + "/book.toml", 0, 0},
          "period " + cal.name(in_.period) + " cannot be presented: " + cal.missing_comparison(in_.period),
          kYearsExpected, DiagnosticKind::Period);
    return std::nullopt;
  }
  check_expectations();
  for (const TemplatePiece& piece : in_.text.pieces)
    if (piece.placeholder && errors_->size() - before < in_.max_errors) check(*piece.placeholder);
  if (errors_->size() != before) return std::nullopt;
  ReleaseDocument doc;
  doc.title = in_.book.settings.name + " " + in_.book.settings.calendar.name(in_.period);
  Prose text;
  for (const TemplatePiece& piece : in_.text.pieces) {
    if (!piece.placeholder) {
      text.add(piece.text);
      continue;
    }
    const Placeholder& p = *piece.placeholder;
    if (p.block) {
      flush(&doc, &text);
      if (auto t = table(p.directive, p.argument)) doc.blocks.push_back({Prose(), std::move(*t)});
      continue;
    }
    fill(p, &text);
  }
  flush(&doc, &text);
  append_unplaced(&doc);
  // Every failure is reported where it happens; should one ever not be,
  // the release still fails, naming the figure, rather than print a gap.
  if (errors_->size() == before && unexplained_)
    error(unexplained_->where, unexplained_->what + " could not be worked out", "a figure kessan can work out");
  if (errors_->size() != before) return std::nullopt;
  return doc;
}

void ReleaseBuilder::error(const SourceRef& where, std::string message, std::string expected, DiagnosticKind kind) {
  errors_->push_back(diagnostic_at(where, std::move(message), std::move(expected), kind));
}

std::optional<Period> ReleaseBuilder::period_of(std::string_view word, const Period& base, const SourceRef& where) {
  return figures_.period(word, base, where);
}

void ReleaseBuilder::failed_silently(const SourceRef& where, std::string what) {
  if (!unexplained_) unexplained_ = Unexplained{where, std::move(what)};
}

std::optional<Table> ReleaseBuilder::table(const std::string& directive, const std::string& id) {
  if (directive == "reconciliation") {
    long m = figures_.find_measure(id);
    placed_measures_.insert(static_cast<std::size_t>(m));
    return reconciliation(static_cast<std::size_t>(m));
  }
  long l = figures_.find_layout(id);
  placed_layouts_.insert(static_cast<std::size_t>(l));
  return layout_table(static_cast<std::size_t>(l));
}

std::optional<Table> ReleaseBuilder::layout_table(std::size_t l) {
  const StatementLayout& layout = figures_.layout(l);
  if (layout.kind != StatementKind::Table)
    return build_statement({in_.book.journal, in_.book.settings, layout, in_.period}, &figures_.posting_totals(),
                           errors_);
  std::size_t before = errors_->size();
  auto t = build_table(figures_, l);
  if (!t && errors_->size() == before) failed_silently(layout.where, "table '" + layout.id + "'");
  return t;
}

std::optional<Table> ReleaseBuilder::reconciliation(std::size_t m) {
  std::size_t before = errors_->size();
  auto t = build_reconciliation(figures_, m);
  if (!t && errors_->size() == before)
    failed_silently(figures_.measures().measures[m].where,
                    "the reconciliation of '" + figures_.measures().measures[m].id + "'");
  return t;
}

void ReleaseBuilder::append_unplaced(ReleaseDocument* doc) {
  for (std::size_t l = 0; l < figures_.layout_count(); ++l) {
    if (placed_layouts_.count(l) || !shown_for(figures_.layout(l), in_.period)) continue;
    if (auto t = layout_table(l)) doc->blocks.push_back({Prose(), std::move(*t)});
  }
  for (std::size_t m = 0; m < figures_.measures().measures.size(); ++m) {
    if (placed_measures_.count(m) || !figures_.measures().measures[m].reconcile_from) continue;
    if (auto t = reconciliation(m)) doc->blocks.push_back({Prose(), std::move(*t)});
  }
}

void ReleaseBuilder::flush(ReleaseDocument* doc, Prose* text) {
  bool blank = std::all_of(text->spans.begin(), text->spans.end(), [](const Span& s) {
    return !s.figure && s.text.find_first_not_of(" \t\r\n") == std::string::npos;
  });
  if (blank) {
    *text = Prose();
    return;
  }
  doc->blocks.push_back({std::move(*text), std::nullopt});
  *text = Prose();
}

}  // namespace release_parts

std::optional<ReleaseDocument> build_release(const ReleaseInput& in, std::vector<Diagnostic>* errors) {
  return release_parts::ReleaseBuilder(in, errors).build();
}

}  // namespace kessan::report
