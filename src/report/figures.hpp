#pragma once
// Figures: the exact value of anything a release refers to — a line of a
// statement or table, a measure, an operating statistic, an amount moved by
// a reclassification, an account's postings, or a formula over them — for
// any period, as the book presents a given period.
//
// Contract:
//  - Construction checks every table line and measure formula of the book:
//    names must resolve (an unknown or ambiguous name is a diagnostic at its
//    place), accounts must exist in the journal, period words must be known,
//    units must agree (JPY cannot be added to contracts) and no measure or
//    table line may be defined in terms of itself. ok() is false after any
//    problem found then.
//  - Values are exact ratios with units; nothing is rounded here. A figure
//    without data (a statistic without a reading in the period) is "not
//    available"; a division by zero is "not meaningful". Overflow, a period
//    outside the journal's data and a formula that refers to itself are
//    diagnostics, and evaluation returns false.
//  - Period words in formulas (year-ago, prior-quarter, …) are relative to
//    the period being evaluated; period names (1Q02) are absolute.
//  - Results are cached; evaluating the same figure twice costs nothing.
//  - A figure is worked out through at most kMaxFigureDepth levels of
//    lines, measures and formula terms inside one another (a table line
//    that sums a line that sums a line …); deeper is a diagnostic at the
//    line, measure or term where the limit is reached. A long flat formula
//    (a + b + c + … with any number of terms) is one level.
//
// Names: "layout.line" names a line of a statement or table; a bare name is
// a measure, statistic or reclassification id, or a line id that is unique
// across layouts (inside a table's own formulas, that table's lines come
// first). See docs/release-format.md.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/book_settings.hpp"
#include "core/diagnostic.hpp"
#include "core/expression.hpp"
#include "core/journal.hpp"
#include "core/measure.hpp"
#include "core/ratio.hpp"
#include "core/statement_layout.hpp"
#include "core/statistics.hpp"
#include "core/unit.hpp"
#include "report/figure.hpp"
#include "report/posting_totals.hpp"
#include "report/statement_lines.hpp"

namespace kessan::report {

// How many lines, measures and formula terms one figure may be worked out
// through, inside one another (see docs/release-format.md, "Limits").
inline constexpr int kMaxFigureDepth = 1000;

// The parts of a book figures are drawn from.
struct BookView {
  const Journal& journal;
  const BookSettings& settings;
  const std::vector<StatementLayout>& statements;
  const std::vector<StatementLayout>& tables;
  const Statistics& statistics;
  const MeasureSet& measures;
};

// What a name refers to.
struct NameTarget {
  enum class Kind { Line, Measure, Statistic, Reclassification };
  Kind kind = Kind::Line;
  std::size_t layout = 0;  // Line: index into layouts() (statements, then tables)
  std::size_t index = 0;   // the line, measure, statistic or reclassification
};

class Figures {
 public:
  Figures(const BookView& book, const Period& presented, std::vector<Diagnostic>* errors);
  ~Figures();

  bool ok() const { return ok_; }
  const Period& presented() const { return presented_; }
  const BookSettings& settings() const { return book_.settings; }
  // Statements first, then tables.
  std::size_t layout_count() const { return layouts_.size(); }
  const StatementLayout& layout(std::size_t i) const { return *layouts_[i]; }
  // The index of the layout with this id, or -1.
  long find_layout(std::string_view id) const;
  long find_measure(std::string_view id) const;
  const MeasureSet& measures() const { return book_.measures; }
  // Where diagnostics go (for presenters that check what they present).
  std::vector<Diagnostic>* diagnostics() const { return errors_; }
  // Whether the journal's data covers `p` (nothing is reported).
  // (report/statement_lines.hpp, period_covered()).
  bool covers(const Period& p, int days_before = 0);
  // The unit of money in the book's currency.
  const Unit& money() const { return money_; }

  // Checks the names, accounts and period words of `e` (a formula written
  // in layout `context`, or -1 outside any layout), then that its units
  // agree (JPY cannot be added to contracts); problems are reported.
  bool check(const Expr& e, long context = -1);
  // The name's target; an unknown or ambiguous name is reported at `where`.
  std::optional<NameTarget> resolve(const std::string& name, const SourceRef& where, long context = -1);
  // A period word or name, relative to `base`; empty (and reported at
  // `where`) when unknown.
  std::optional<Period> period(std::string_view word, const Period& base, const SourceRef& where);

  // Values; false on error (reported).
  bool evaluate(const Expr& e, const Period& p, Figure* out, long context = -1);
  bool line(std::size_t layout, std::size_t line, const Period& p, Figure* out);
  bool measure(std::size_t m, const Period& p, Figure* out);
  bool adjustment(std::size_t m, std::size_t a, const Period& p, Figure* out);
  bool target(const NameTarget& t, const Period& p, const SourceRef& where, Figure* out);

  // The unit of a name's target, inferred without evaluating (empty when
  // it cannot be told, e.g. a formula that refers to itself).
  std::optional<Unit> target_unit_of(const NameTarget& t) { return target_unit(t); }
  // The unit of formula `e`, which check() accepted, inferred the same way.
  std::optional<Unit> unit_of_checked(const Expr& e) {
    bool bad = false;
    return unit_of(e, -1, &bad);
  }

  // The label of a name's target ("Total revenues", "Adjusted EBITDA").
  std::string label(const NameTarget& t) const;
  // Where the name's target is defined.
  SourceRef where_of(const NameTarget& t) const;
  // The book's posting sums, for statements built beside these figures.
  PostingTotals& posting_totals() { return totals_; }
  // The statement lines of a statement layout (for reclassification notes).
  StatementLines* statement_lines(std::size_t layout);

 private:
  using PeriodKey = std::pair<std::int32_t, std::int32_t>;
  static PeriodKey key(const Period& p) { return {p.first.days(), p.last.days()}; }

  // One more line, measure or term being worked out inside the others,
  // for as long as it lives.
  class Depth {
   public:
    explicit Depth(Figures* f) : f_(f) { ++f_->depth_; }
    ~Depth() { --f_->depth_; }
    Depth(const Depth&) = delete;
    Depth& operator=(const Depth&) = delete;
    // False beyond kMaxFigureDepth; reported (once) at `where`, naming `what`.
    bool allowed(const SourceRef& where, const std::string& what) const;

   private:
    Figures* f_;
  };

  void index_names();
  // The first line of layout `layout` with id `id`.
  std::optional<std::size_t> line_of(std::size_t layout, std::string_view id) const;
  std::vector<std::string> all_names() const;
  void report_cycle(const std::pair<long, std::size_t>& node);
  void check_tables();
  void check_percent_lines(std::size_t layout);
  // The name's target, or empty; nothing is reported (names checked already).
  std::optional<NameTarget> find_target(const std::string& name, long context);
  std::optional<NameTarget> lookup(const std::string& name, const SourceRef& where, long context,
                                   std::vector<Diagnostic>* problems);
  void check_cycles();
  // What a measure (layout -1) or table line refers to: measures and table lines.
  std::vector<std::pair<long, std::size_t>> dependencies(long layout, std::size_t index);
  void check_columns(const std::vector<LayoutColumn>& columns, const char* what);
  // Checks the names of `e`; `bind`: `e` belongs to the book (a layout's or
  // a measure's formula, alive as long as these figures), so each name's
  // target is kept with its node and not looked up again.
  bool check_names(const Expr& e, long context, bool bind = false);
  // A formula of the book, checked and bound.
  bool check_bound(const Expr& e, long context = -1);
  bool check_units(const Expr& e, long context);
  // The unit `e` has, inferred without evaluating (empty when it cannot be
  // told); a mismatch is reported at its place and sets *bad.
  std::optional<Unit> unit_of(const Expr& e, long context, bool* bad);
  std::optional<Unit> combine_units(const Expr& e, const std::optional<Unit>& a, const std::optional<Unit>& b,
                                    bool* bad);
  std::optional<Unit> target_unit(const NameTarget& t);
  void check_measures();
  bool check_line_reference(const std::string& id, std::size_t layout, const SourceRef& where);
  bool table_line(std::size_t layout, std::size_t line, const Period& p, Figure* out);
  bool accounts_line(const LayoutLine& line, const Period& p, Figure* out);
  bool sum_line(std::size_t layout, const LayoutLine& line, const Period& p, Figure* out);
  bool statement_line(std::size_t layout, std::size_t line, const Period& p, Figure* out);
  bool no_amount(const LayoutLine& line, const StatementLayout& layout);
  bool account_term(const Expr& e, const Period& p, Figure* out);
  bool covered(const Period& p, const SourceRef& where, std::optional<Period> named = std::nullopt,
               int days_before = 0);
  bool evaluate_chain(const Expr& e, const Period& p, Figure* out, long context);
  bool combine(const Expr& e, const Figure& a, const Figure& b, Figure* out);
  // a (op) b; `formula` writes the formula for messages.
  bool combine(ExprOp op, const SourceRef& where, const std::function<std::string()>& formula, const Figure& a,
               const Figure& b, Figure* out);
  bool overflow(const SourceRef& where, const std::string& what);
  // Reports a problem; what has no finer kind is about a layout's lines.
  void error(const SourceRef& where, std::string message, std::string expected,
             DiagnosticKind kind = DiagnosticKind::Layout);
  bool enter(std::tuple<int, std::size_t, std::size_t, std::int32_t, std::int32_t> frame, const SourceRef& where,
             const std::string& what);

  const BookView& book_;
  Period presented_;
  std::vector<Diagnostic>* errors_;
  bool ok_ = true;
  Unit money_;
  std::vector<const StatementLayout*> layouts_;
  std::map<std::string, std::size_t, std::less<>> layout_ids_;             // the first layout per id
  std::vector<std::map<std::string, std::size_t, std::less<>>> line_ids_;  // per layout: the first line per id
  std::map<std::string, std::vector<NameTarget>, std::less<>> names_;      // what a bare name can be
  PostingTotals totals_;  // every posting sum, shared with the statement lines
  std::vector<std::unique_ptr<StatementLines>> statement_lines_;
  std::map<std::tuple<std::size_t, std::size_t, std::int32_t, std::int32_t>, std::optional<Figure>> line_cache_;
  std::map<std::tuple<std::size_t, std::int32_t, std::int32_t>, std::optional<Figure>> measure_cache_;
  std::set<std::tuple<int, std::size_t, std::size_t, std::int32_t, std::int32_t>> in_progress_;
  std::set<PeriodKey> coverage_reported_;
  std::optional<std::pair<Date, Date>> data_span_;                 // the journal's first and last transaction dates
  std::set<std::tuple<int, std::size_t, std::size_t>> inferring_;  // targets whose unit is being inferred
  std::map<std::tuple<int, std::size_t, std::size_t>, std::optional<Unit>> units_;  // targets' units, once inferred
  std::map<std::pair<const Expr*, long>, NameTarget> bound_;                  // the book's formula names, bound once
  std::map<std::string, std::optional<PeriodRef>, std::less<>> period_refs_;  // period words, parsed once
  int depth_ = 0;                // lines, measures and terms being worked out inside one another
  bool depth_reported_ = false;  // kMaxFigureDepth was reached (reported once)
  bool foreign_reported_ = false;
};

}  // namespace kessan::report
