#pragma once
// The journal scanner: parses a byte range of one source file (whole lines,
// starting at a transaction or directive) into columns with chunk-local ids.
// Several chunks of a large file are parsed in parallel and merged in order
// by the journal reader.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/column.hpp"
#include "core/commodity.hpp"
#include "core/diagnostic.hpp"
#include "core/intern_table.hpp"
#include "core/journal.hpp"
#include "read/parse_state.hpp"

namespace kessan::read {

// What the chunk learned about a commodity's display style.
struct StyleObservation {
  AmountStyle style;
  bool seen = false;      // an amount was written with this commodity
  bool declared = false;  // a `commodity` directive gave a format
  int max_precision = 0;  // largest number of decimals written
};

struct IncludeRequest {
  std::uint32_t tx_index;  // number of the chunk's transactions before it
  std::uint32_t line;      // chunk-relative
  std::uint32_t column;
  std::string pattern;
  std::string line_text;
  ParseState state;
};

// A transaction whose balance depends on display precisions (it has costs
// and a residual): checked after all chunks are merged.
struct DeferredBalance {
  std::uint32_t tx_index;
  std::vector<std::pair<std::uint32_t, Decimal>> residual;  // local commodity, amount
  std::vector<std::string> notes;
  std::string line_text;
};

struct ChunkResult {
  InternTable accounts;                  // local account ids
  InternTable commodities;               // local commodity ids
  std::vector<StyleObservation> styles;  // per local commodity

  Column<Date> tx_date;
  Column<Status> tx_status;
  Column<std::uint32_t> tx_first_posting{0};
  Column<std::uint32_t> tx_line;
  Column<std::string_view> tx_code;
  Column<std::string_view> tx_description;

  Column<std::uint32_t> post_account;
  Column<std::uint32_t> post_commodity;
  Column<Int128> post_quantity;
  Column<std::uint8_t> post_scale;
  Column<PostingKind> post_kind;
  Column<std::uint8_t> post_inferred;
  Column<std::uint32_t> post_line;

  std::vector<PostingCost> costs;            // local posting, local commodity
  std::vector<BalanceAssertion> assertions;  // local posting, local commodity
  std::vector<Tag> tags;                     // local transaction / posting
  std::vector<MarketPrice> prices;           // local commodities
  struct AccountDecl {
    std::uint32_t account;
    std::uint32_t line;
    std::vector<std::pair<std::string, std::string>> tags;
  };
  std::vector<AccountDecl> account_decls;
  std::vector<IncludeRequest> includes;
  std::vector<DeferredBalance> deferred;

  std::vector<Diagnostic> errors;  // lines chunk-relative, file unset
  std::uint32_t line_count = 0;
  ParseState end_state;
};

struct ChunkInput {
  std::string_view text;  // whole lines
  ParseState state;       // state at the first line
  std::size_t max_errors = 100;
};

// Parses one chunk. Never throws on bad input; errors are collected.
void parse_chunk(const ChunkInput& in, ChunkResult* out);

// Applies a top-level directive line to the parse state only (used to find
// the state at chunk boundaries). Returns true when the line changed state.
bool apply_state_directive(std::string_view line, ParseState* state);

// Applies `alias` rewrites to an account name.
std::string apply_aliases(const ParseState& state, std::string_view account);

}  // namespace kessan::read
