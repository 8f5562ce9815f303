#pragma once
// BookSettings: what a book says about its company, apart from the journal
// and the layouts: name, reporting currency and unit of presentation, fiscal
// calendar, share data per period, an optional convenience translation,
// reclassifications and the style of its earnings release.
// Read from book.toml (read/book_reader.hpp; keys in docs/book-format.md and
// docs/release-format.md).

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/decimal.hpp"
#include "core/fiscal_calendar.hpp"
#include "core/presentation.hpp"
#include "core/reclassification.hpp"
#include "core/release_style.hpp"
#include "core/source_ref.hpp"

namespace kessan {

struct ConvenienceTranslation {
  std::string currency;  // "USD"
  std::string name;      // "U.S. Dollars" (default: currency)
  Decimal rate;          // reporting currency per unit: 119.85 (JPY per USD)
  Date date;             // the rate's date
};

// The share counts of one period. Keyed by the period itself (a name the
// calendar resolves when the book is read), so "Q1 2025..Q2 2025" and the
// 26 weeks it spans are one key however a layout reaches them.
struct ShareData {
  Period period;
  std::string period_name;                 // as written in book.toml: "1Q02"
  Decimal weighted_average;                // basic: weighted average number of shares outstanding
  std::optional<Decimal> diluted_average;  // diluted: with dilutive securities (none: not given)
  Decimal ads_per_share;                   // ADS equivalents per share (0 when none)
  SourceRef where;                         // its [[shares]] table
};

struct BookSettings {
  std::string directory;      // the book's directory
  std::string name;           // "Internet Initiative Japan Inc."
  std::string currency;       // the journal's commodity for the reporting currency
  std::string currency_name;  // "Japanese Yen"
  Decimal unit = Decimal(1);  // 1000: statements in thousands
  std::string unit_name;      // "Thousands"
  FiscalCalendar calendar;
  std::optional<ConvenienceTranslation> convenience;
  std::vector<ShareData> shares;
  std::vector<std::string> journals;    // paths relative to the book
  std::vector<std::string> statements;  // layout files, relative to the book
  std::vector<std::string> tables;      // release table layouts, relative to the book
  std::string statistics;               // the statistics file (optional)
  std::string measures;                 // the measures file (optional)
  std::string guidance;                 // the guidance and consensus file (optional)
  std::vector<Reclassification> reclassifications;
  ReleaseStyle release;
  Presentation presentation;  // how statements and tables print figures ([presentation])

  // The share data of period `p`, or null when the book has none.
  const ShareData* shares_for(const Period& p) const {
    for (const auto& s : shares)
      if (s.period == p) return &s;
    return nullptr;
  }
};

}  // namespace kessan
