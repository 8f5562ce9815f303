#include "core/journal.hpp"

#include "core/source_file.hpp"

namespace kessan {

Journal::Journal() {
  tx_first_posting.push_back(0);
}
Journal::~Journal() = default;

}  // namespace kessan
