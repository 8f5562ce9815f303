#pragma once
// Reading journals: the entry point of the read layer.
//
// Contract: a journal with any error yields no Journal, only diagnostics
// (all of them, up to max_errors, in file order). A successful read yields a
// Journal whose invariants hold (see core/journal.hpp). Large files are
// parsed in parallel chunks; the result does not depend on the thread count.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/journal.hpp"

namespace kessan::read {

struct ReadOptions {
  unsigned threads = 0;          // 0: one per hardware thread
  std::size_t max_errors = 100;  // stop collecting after this many
  // Called now and then from the calling thread with bytes parsed / total.
  std::function<void(std::size_t done, std::size_t total)> progress;
  // Includes are read recursively, on a thread with a stack large enough for
  // the deepest chain allowed (500). false reads on the calling thread, for a
  // caller that knows its journal includes little (a fuzz target: starting a
  // thread with a large stack costs milliseconds under AddressSanitizer).
  bool large_stack = true;
};

struct ReadResult {
  std::unique_ptr<Journal> journal;  // null when there were errors
  std::vector<Diagnostic> errors;
  bool ok() const { return journal != nullptr; }
};

// Reads the journal at `path` and everything it includes.
ReadResult read_journal_file(const std::string& path, const ReadOptions& options = {});
// Reads journal text held in memory; `name` is used in diagnostics and as
// the base for relative includes.
ReadResult read_journal_text(std::string text, const std::string& name, const ReadOptions& options = {});

}  // namespace kessan::read
