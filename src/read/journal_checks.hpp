#pragma once
// The last step of reading: once every file is merged, fix each commodity's
// storage scale and display style, then run the checks that need the whole
// journal (balances that depend on display precision, balance assertions).

#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/journal.hpp"
#include "read/chunk_parser.hpp"

namespace kessan::read {

struct DeferredCheck {
  std::uint32_t transaction;
  std::vector<std::pair<CommodityId, Decimal>> residual;
  std::vector<std::string> notes;
  std::string line_text;
};

struct FinishInput {
  Column<std::uint8_t>& scales;           // per posting, as written
  std::vector<StyleObservation>& styles;  // per commodity
  std::vector<DeferredCheck>& deferred;
  std::size_t max_errors;
};

// Completes `journal`; appends any errors to `errors`.
void finish_journal(FinishInput& in, Journal* journal, std::vector<Diagnostic>* errors);

// "12.50 USD" / "$12.50": an amount written plainly for messages.
std::string describe_amount(const Journal& journal, CommodityId commodity, const Decimal& quantity);

}  // namespace kessan::read
