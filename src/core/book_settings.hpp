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

namespace kessan {

struct ConvenienceTranslation {
  std::string currency;  // "USD"
  std::string name;      // "U.S. Dollars" (default: currency)
  Decimal rate;          // reporting currency per unit: 119.85 (JPY per USD)
  Date date;             // the rate's date
};

struct ShareData {
  std::string period;        // "1Q02"
  Decimal weighted_average;  // weighted average number of shares
  Decimal ads_per_share;     // ADS equivalents per share (0 when none)
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

  const ShareData* shares_for(const std::string& period) const {
    for (const auto& s : shares)
      if (s.period == period) return &s;
    return nullptr;
  }
};

}  // namespace kessan
