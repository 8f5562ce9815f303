#include "read/journal_reader.hpp"

#include <glob.h>
#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <climits>
#include <cstdlib>
#include <thread>
#include <unordered_map>

#include "core/source_file.hpp"
#include "read/chunk_parser.hpp"
#include "read/journal_checks.hpp"

namespace kessan::read {
namespace {

constexpr std::size_t kMinChunkBytes = 4u << 20;
constexpr int kMaxIncludeDepth = 500;
// Files loaded by include directives in all, counting a file once per
// inclusion: bounds the work of include structures that multiply (a file
// that includes the next one twice, sixteen times over, loads 65,536 files).
constexpr std::size_t kMaxIncludeLoads = 50000;

// Room for at least `n` elements, growing geometrically so that many small
// appends (one per included file) cost linear time in all.
template <class Vector>
void reserve_at_least(Vector& v, std::size_t n) {
  if (n > v.capacity()) v.reserve(std::max(n, v.capacity() * 2));
}

// Beancount files are refused by name: their syntax is not ledger's.
bool is_beancount_name(const std::string& path) {
  constexpr std::string_view kSuffix = ".beancount";
  return path.size() >= kSuffix.size() && path.compare(path.size() - kSuffix.size(), kSuffix.size(), kSuffix) == 0;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The absolute path with links resolved, or the path itself.
std::string canonical_path(const std::string& path) {
  char* resolved = realpath(path.c_str(), nullptr);
  if (!resolved) return path;
  std::string out(resolved);
  std::free(resolved);
  return out;
}

std::string directory_of(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return "";
  return path.substr(0, slash + 1);
}

// Splits text into chunks that start at a line beginning with a digit (a
// transaction), so that no transaction is cut.
std::vector<std::string_view> split_chunks(std::string_view text, unsigned parts) {
  std::vector<std::string_view> chunks;
  std::size_t start = 0;
  for (unsigned k = 1; k < parts; ++k) {
    std::size_t target = text.size() * k / parts;
    if (target <= start) continue;
    std::size_t i = target;
    while (true) {
      auto nl = text.find('\n', i);
      if (nl == std::string_view::npos || nl + 1 >= text.size()) {
        i = std::string_view::npos;
        break;
      }
      if (is_digit(text[nl + 1])) {
        i = nl + 1;
        break;
      }
      i = nl + 1;
    }
    if (i == std::string_view::npos) break;
    chunks.push_back(text.substr(start, i - start));
    start = i;
  }
  chunks.push_back(text.substr(start));
  return chunks;
}

// Top-level lines that are directives (not transactions, postings or comments).
std::vector<std::string_view> directive_lines(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    auto nl = text.find('\n', i);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    char c = text[i];
    if (!(is_digit(c) || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '#' || c == '%' ||
          c == '|' || c == '*')) {
      std::string_view line = text.substr(i, end - i);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      out.push_back(line);
    }
    i = end + 1;
  }
  return out;
}

class Loader {
 public:
  Loader(const ReadOptions& options, Journal* journal) : options_(options), journal_(journal) {}

  // Loads one file (and, recursively, its includes) into the journal.
  void load(std::unique_ptr<SourceFile> source, const std::string& name, const ParseState& state, int depth) {
    auto file = static_cast<std::uint32_t>(journal_->file_names.size());
    journal_->file_names.push_back(name);
    std::string_view text = source->bytes();
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a UTF-8 byte order mark
    SourceFile& bytes = *source;
    journal_->sources.push_back(std::move(source));

    unsigned threads = options_.threads ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
    unsigned parts = static_cast<unsigned>(std::min<std::size_t>(threads, text.size() / kMinChunkBytes));
    std::vector<std::string_view> chunks = split_chunks(text, std::max(1u, parts));
    std::vector<ParseState> states(chunks.size(), state);
    if (chunks.size() > 1) {
      std::vector<std::vector<std::string_view>> directives(chunks.size());
      run_parallel(chunks.size(), [&](std::size_t k) {
        if (k + 1 < chunks.size()) directives[k] = directive_lines(chunks[k]);
      });
      for (std::size_t k = 0; k + 1 < chunks.size(); ++k) {
        states[k + 1] = states[k];
        for (std::string_view line : directives[k]) apply_state_directive(line, &states[k + 1]);
      }
    }
    std::vector<ChunkResult> results(chunks.size());
    std::atomic<std::size_t> done{0};
    run_parallel(
        chunks.size(),
        [&](std::size_t k) {
          ChunkInput in{chunks[k], states[k], options_.max_errors};
          parse_chunk(in, &results[k]);
          done += chunks[k].size();
        },
        [&] {
          if (options_.progress) options_.progress(bytes_before_ + done.load(), bytes_before_ + text.size());
        });
    bytes_before_ += text.size();
    std::string changed = bytes.check_unchanged();
    if (!changed.empty()) {
      Diagnostic d;
      d.file = name;
      d.kind = DiagnosticKind::File;
      d.message = "cannot read journal: " + changed;
      add_error(std::move(d));
      return;
    }

    reserve_for(results);
    std::uint32_t line_base = 0;
    for (ChunkResult& r : results) {
      merge_chunk(r, file, name, line_base, depth);
      line_base += r.line_count;
      r = ChunkResult{};  // release the chunk's memory as soon as it is merged
    }
  }

  std::vector<Diagnostic>& errors() { return errors_; }
  Column<std::uint8_t>& scales() { return scales_; }
  std::vector<DeferredCheck>& deferred() { return deferred_; }
  std::vector<StyleObservation>& styles() { return styles_; }
  std::vector<std::string> include_stack;

 private:
  template <class Work, class Tick = void (*)()>
  void run_parallel(
      std::size_t n, Work work, Tick tick = [] {}) {
    if (n == 1) {
      work(0);
      tick();
      return;
    }
    std::atomic<std::size_t> finished{0};
    std::vector<std::thread> pool;
    for (std::size_t k = 1; k < n; ++k)
      pool.emplace_back([&, k] {
        work(k);
        ++finished;
      });
    work(0);
    ++finished;
    while (finished.load() < n) {
      tick();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    for (auto& t : pool) t.join();
    tick();
  }

  void reserve_for(const std::vector<ChunkResult>& results) {
    Journal& j = *journal_;
    std::size_t tx = j.tx_date.size(), post = j.post_account.size();
    for (const ChunkResult& r : results) {
      tx += r.tx_date.size();
      post += r.post_account.size();
    }
    reserve_at_least(j.tx_date, tx);
    reserve_at_least(j.tx_status, tx);
    reserve_at_least(j.tx_first_posting, tx + 1);
    reserve_at_least(j.tx_where, tx);
    reserve_at_least(j.tx_code, tx);
    reserve_at_least(j.tx_description, tx);
    reserve_at_least(j.post_transaction, post);
    reserve_at_least(j.post_date, post);
    reserve_at_least(j.post_account, post);
    reserve_at_least(j.post_commodity, post);
    reserve_at_least(j.post_quantity, post);
    reserve_at_least(j.post_kind, post);
    reserve_at_least(j.post_inferred, post);
    reserve_at_least(j.post_line, post);
    reserve_at_least(scales_, post);
  }

  void add_error(Diagnostic d) {
    if (errors_.size() < options_.max_errors) errors_.push_back(std::move(d));
  }

  void merge_chunk(ChunkResult& r, std::uint32_t file, const std::string& name, std::uint32_t line_base, int depth) {
    Journal& j = *journal_;
    // Local ids to journal ids.
    std::vector<AccountId> account(r.accounts.size());
    for (std::uint32_t i = 0; i < r.accounts.size(); ++i) account[i] = j.accounts.intern(r.accounts.key(i));
    std::vector<CommodityId> commodity(r.commodities.size());
    for (std::uint32_t i = 0; i < r.commodities.size(); ++i) {
      commodity[i] = j.commodities.intern(r.commodities.key(i));
      if (commodity[i] >= styles_.size()) styles_.resize(commodity[i] + 1);
      merge_style(styles_[commodity[i]], r.styles[i]);
    }
    std::size_t next_error = 0;
    auto errors_before = [&](std::uint32_t line) {
      for (; next_error < r.errors.size() && r.errors[next_error].line <= line; ++next_error) {
        Diagnostic d = std::move(r.errors[next_error]);
        d.file = name;
        d.line += line_base;
        add_error(std::move(d));
      }
    };
    for (const MarketPrice& p : r.prices)
      j.prices.push_back(MarketPrice{p.date, commodity[p.commodity], commodity[p.in], p.price});
    for (auto& d : r.account_decls)
      j.account_declarations.push_back(
          AccountDeclaration{account[d.account], {file, d.line + line_base}, std::move(d.tags)});

    Cursor cur;
    std::uint32_t tx = 0;
    for (IncludeRequest& inc : r.includes) {
      append_transactions(r, cur, tx, inc.tx_index, account, commodity, file, line_base);
      tx = inc.tx_index;
      errors_before(inc.line);
      include(inc, name, line_base, depth);
    }
    errors_before(UINT32_MAX);
    append_transactions(r, cur, tx, static_cast<std::uint32_t>(r.tx_date.size()), account, commodity, file, line_base);
  }

  static void merge_style(StyleObservation& into, const StyleObservation& from) {
    if (from.declared) {
      into.style = from.style;
      into.declared = true;
    } else if (from.seen && !into.seen && !into.declared) {
      into.style = from.style;
    } else if (!into.declared && into.style.thousands_mark == 0 && from.style.thousands_mark != 0) {
      into.style.thousands_mark = from.style.thousands_mark;
    }
    into.seen |= from.seen;
    into.max_precision = std::max(into.max_precision, from.max_precision);
  }

  // Positions in a chunk's sparse tables (sorted by posting / transaction).
  struct Cursor {
    std::size_t cost = 0, assertion = 0, tag = 0, deferred = 0;
  };

  void append_transactions(ChunkResult& r, Cursor& cur, std::uint32_t t0, std::uint32_t t1,
                           const std::vector<AccountId>& account, const std::vector<CommodityId>& commodity,
                           std::uint32_t file, std::uint32_t line_base) {
    if (t0 >= t1) return;
    Journal& j = *journal_;
    if (j.tx_date.empty() && t0 == 0 && t1 == r.tx_date.size()) {
      adopt_chunk(r, cur, account, commodity, file, line_base);
      return;
    }
    std::uint32_t p0 = r.tx_first_posting[t0], p1 = r.tx_first_posting[t1];
    auto tx_offset = static_cast<std::uint32_t>(j.tx_date.size()) - t0;
    auto post_offset = static_cast<std::uint32_t>(j.post_account.size()) - p0;
    for (std::uint32_t t = t0; t < t1; ++t) {
      j.tx_date.push_back(r.tx_date[t]);
      j.tx_status.push_back(r.tx_status[t]);
      j.tx_where.push_back(SourceLocation{file, r.tx_line[t] + line_base});
      j.tx_code.push_back(r.tx_code[t]);
      j.tx_description.push_back(r.tx_description[t]);
      j.tx_first_posting.push_back(r.tx_first_posting[t + 1] + post_offset);
    }
    std::size_t n = p1 - p0;
    std::size_t base = j.post_account.size();
    j.post_account.resize(base + n);
    j.post_commodity.resize(base + n);
    j.post_transaction.resize(base + n);
    j.post_date.resize(base + n);
    j.post_line.resize(base + n);
    for (std::size_t k = 0; k < n; ++k) {
      j.post_account[base + k] = account[r.post_account[p0 + k]];
      j.post_commodity[base + k] = commodity[r.post_commodity[p0 + k]];
      j.post_line[base + k] = r.post_line[p0 + k] + line_base;
    }
    for (std::uint32_t t = t0; t < t1; ++t) {
      for (std::uint32_t p = r.tx_first_posting[t]; p < r.tx_first_posting[t + 1]; ++p) {
        j.post_transaction[p + post_offset] = t + tx_offset;
        j.post_date[p + post_offset] = r.tx_date[t];
      }
    }
    j.post_quantity.insert(j.post_quantity.end(), r.post_quantity.begin() + p0, r.post_quantity.begin() + p1);
    scales_.insert(scales_.end(), r.post_scale.begin() + p0, r.post_scale.begin() + p1);
    j.post_kind.insert(j.post_kind.end(), r.post_kind.begin() + p0, r.post_kind.begin() + p1);
    j.post_inferred.insert(j.post_inferred.end(), r.post_inferred.begin() + p0, r.post_inferred.begin() + p1);
    append_sparse(r, cur, t1, p1, tx_offset, post_offset, commodity);
  }

  // The first chunk of a journal: its columns become the journal's, with
  // ids remapped in place (no copy).
  void adopt_chunk(ChunkResult& r, Cursor& cur, const std::vector<AccountId>& account,
                   const std::vector<CommodityId>& commodity, std::uint32_t file, std::uint32_t line_base) {
    Journal& j = *journal_;
    std::size_t nt = r.tx_date.size(), np = r.post_account.size();
    j.tx_date = std::move(r.tx_date);
    j.tx_status = std::move(r.tx_status);
    j.tx_first_posting = std::move(r.tx_first_posting);
    j.tx_code = std::move(r.tx_code);
    j.tx_description = std::move(r.tx_description);
    j.tx_where.resize(nt);
    for (std::size_t t = 0; t < nt; ++t) j.tx_where[t] = SourceLocation{file, r.tx_line[t] + line_base};
    j.post_account = std::move(r.post_account);
    j.post_commodity = std::move(r.post_commodity);
    j.post_line = std::move(r.post_line);
    for (std::size_t k = 0; k < np; ++k) {
      j.post_account[k] = account[j.post_account[k]];
      j.post_commodity[k] = commodity[j.post_commodity[k]];
      j.post_line[k] += line_base;
    }
    j.post_quantity = std::move(r.post_quantity);
    j.post_kind = std::move(r.post_kind);
    j.post_inferred = std::move(r.post_inferred);
    scales_ = std::move(r.post_scale);
    j.post_transaction.resize(np);
    j.post_date.resize(np);
    for (std::uint32_t t = 0; t < nt; ++t) {
      for (std::uint32_t p = j.tx_first_posting[t]; p < j.tx_first_posting[t + 1]; ++p) {
        j.post_transaction[p] = t;
        j.post_date[p] = j.tx_date[t];
      }
    }
    append_sparse(r, cur, static_cast<std::uint32_t>(nt), static_cast<std::uint32_t>(np), 0, 0, commodity);
  }

  // Costs, assertions, tags and deferred checks of transactions before t1
  // (postings before p1), shifted by the offsets.
  void append_sparse(ChunkResult& r, Cursor& cur, std::uint32_t t1, std::uint32_t p1, std::uint32_t tx_offset,
                     std::uint32_t post_offset, const std::vector<CommodityId>& commodity) {
    Journal& j = *journal_;

    for (; cur.cost < r.costs.size() && r.costs[cur.cost].posting < p1; ++cur.cost) {
      PostingCost c = r.costs[cur.cost];
      c.posting += post_offset;
      c.commodity = commodity[c.commodity];
      j.costs.push_back(c);
    }
    for (; cur.assertion < r.assertions.size() && r.assertions[cur.assertion].posting < p1; ++cur.assertion) {
      BalanceAssertion a = r.assertions[cur.assertion];
      a.posting += post_offset;
      a.commodity = commodity[a.commodity];
      j.assertions.push_back(a);
    }
    for (; cur.tag < r.tags.size() && r.tags[cur.tag].transaction < t1; ++cur.tag) {
      Tag g = r.tags[cur.tag];
      g.transaction += tx_offset;
      if (g.posting != Tag::kNoPosting) g.posting += post_offset;
      j.tags.push_back(g);
    }
    for (; cur.deferred < r.deferred.size() && r.deferred[cur.deferred].tx_index < t1; ++cur.deferred) {
      DeferredBalance& d = r.deferred[cur.deferred];
      DeferredCheck c;
      c.transaction = d.tx_index + tx_offset;
      for (auto& [k, v] : d.residual) c.residual.emplace_back(commodity[k], v);
      c.notes = std::move(d.notes);
      c.line_text = std::move(d.line_text);
      deferred_.push_back(std::move(c));
    }
  }

  void include(const IncludeRequest& inc, const std::string& parent, std::uint32_t line_base, int depth) {
    Diagnostic where;
    where.file = parent;
    where.line = inc.line + line_base;
    where.column = inc.column;
    where.line_text = inc.line_text;
    if (errors_.size() >= options_.max_errors) return;
    std::string pattern = inc.pattern;
    if (pattern.rfind("~/", 0) == 0) {
      const char* home = std::getenv("HOME");
      if (home) pattern = std::string(home) + pattern.substr(1);
    }
    if (pattern.front() != '/') pattern = directory_of(parent) + pattern;
    std::vector<std::string> paths;
    if (pattern.find_first_of("*?[") != std::string::npos) {
      glob_t g{};
      if (glob(pattern.c_str(), 0, nullptr, &g) == 0)
        for (std::size_t i = 0; i < g.gl_pathc; ++i) paths.emplace_back(g.gl_pathv[i]);
      globfree(&g);
      if (paths.empty()) {
        where.kind = DiagnosticKind::File;
        where.message = "include pattern '" + inc.pattern + "' matches no file";
        where.expected = "an existing file";
        add_error(std::move(where));
        return;
      }
    } else {
      paths.push_back(pattern);
    }
    for (const std::string& path : paths) {
      if (depth + 1 > kMaxIncludeDepth) {
        where.kind = DiagnosticKind::Limit;
        where.message = "includes nested more than " + std::to_string(kMaxIncludeDepth) + " deep";
        where.expected = "a shallower include structure";
        add_error(std::move(where));
        return;
      }
      if (include_loads_ == kMaxIncludeLoads) {
        where.kind = DiagnosticKind::Limit;
        where.message = "includes load more than " + std::to_string(kMaxIncludeLoads) +
                        " files in all (a file included twice counts twice)";
        where.expected = "at most " + std::to_string(kMaxIncludeLoads) + " include loads";
        add_error(std::move(where));
        ++include_loads_;  // reported once
        return;
      }
      if (include_loads_ > kMaxIncludeLoads) return;
      if (is_beancount_name(path)) {
        where.kind = DiagnosticKind::File;
        where.message = "cannot read included file '" + path + "': beancount syntax is not supported";
        where.expected = "a ledger or hledger journal";
        add_error(std::move(where));
        return;
      }
      std::string canonical = canonical_path(path);
      if (std::find(include_stack.begin(), include_stack.end(), canonical) != include_stack.end()) {
        where.kind = DiagnosticKind::File;
        where.message = "include cycle: '" + path + "' is already being read";
        where.expected = "each file included once along any include chain";
        add_error(std::move(where));
        return;
      }
      auto source = std::make_unique<SourceFile>();
      std::string reason;
      if (!source->open(path, &reason)) {
        where.kind = DiagnosticKind::File;
        where.message = "cannot read included file '" + path + "': " + reason;
        where.expected = "a readable file";
        add_error(std::move(where));
        return;
      }
      ++include_loads_;
      include_stack.push_back(canonical);
      load(std::move(source), path, inc.state, depth + 1);
      include_stack.pop_back();
    }
  }

  const ReadOptions& options_;
  Journal* journal_;
  std::vector<Diagnostic> errors_;
  Column<std::uint8_t> scales_;
  std::vector<DeferredCheck> deferred_;
  std::vector<StyleObservation> styles_;
  std::size_t bytes_before_ = 0;
  std::size_t include_loads_ = 0;
};

// Runs `work` on a thread with a 256 MiB stack (reserved, not committed), or
// on this thread if no such thread can be made.
template <class Work>
void run_with_large_stack(Work work) {
  constexpr std::size_t kStack = 256u << 20;
  pthread_attr_t attr;
  pthread_t thread;
  bool started = false;
  if (pthread_attr_init(&attr) == 0) {
    started = pthread_attr_setstacksize(&attr, kStack) == 0 && pthread_create(
                                                                   &thread, &attr,
                                                                   [](void* w) -> void* {
                                                                     (*static_cast<Work*>(w))();
                                                                     return nullptr;
                                                                   },
                                                                   &work) == 0;
    pthread_attr_destroy(&attr);
  }
  if (started)
    pthread_join(thread, nullptr);
  else
    work();
}

ReadResult read_source(std::unique_ptr<SourceFile> source, const std::string& name, const ReadOptions& options) {
  ReadResult result;
  auto journal = std::make_unique<Journal>();
  Loader loader(options, journal.get());
  loader.include_stack.push_back(canonical_path(name));
  // Includes are read recursively; the reading runs on a thread with a stack
  // large enough for the deepest chain allowed, whatever the caller's stack.
  auto read = [&] { loader.load(std::move(source), name, ParseState{}, 0); };
  if (options.large_stack)
    run_with_large_stack(read);
  else
    read();
  if (loader.errors().empty()) {
    FinishInput in{loader.scales(), loader.styles(), loader.deferred(), options.max_errors};
    finish_journal(in, journal.get(), &loader.errors());
  }
  if (!loader.errors().empty()) {
    result.errors = std::move(loader.errors());
    classify(&result.errors, 0, DiagnosticKind::Syntax);  // what has no finer kind is the journal's syntax
    return result;
  }
  result.journal = std::move(journal);
  return result;
}

}  // namespace

ReadResult read_journal_file(const std::string& path, const ReadOptions& options) {
  auto source = std::make_unique<SourceFile>();
  std::string reason;
  if (is_beancount_name(path)) reason = "beancount syntax is not supported";
  if (!reason.empty() || !source->open(path, &reason)) {
    ReadResult r;
    Diagnostic d;
    d.file = path;
    d.kind = DiagnosticKind::File;
    d.message = "cannot read journal: " + reason;
    r.errors.push_back(std::move(d));
    return r;
  }
  return read_source(std::move(source), path, options);
}

ReadResult read_journal_text(std::string text, const std::string& name, const ReadOptions& options) {
  auto source = std::make_unique<SourceFile>();
  source->assign(std::move(text));
  return read_source(std::move(source), name, options);
}

}  // namespace kessan::read
