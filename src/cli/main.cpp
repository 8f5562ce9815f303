// kessan: command-line entry point. Parses arguments, reads the journal,
// runs a report and hands it to a writer. Exit codes (docs/cli.md):
//   0 success, 1 errors in the input (nothing is printed on stdout),
//   2 wrong usage of the command line.

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

#include "app/book_check.hpp"
#include "app/book_session.hpp"
#include "cli/problems.hpp"
#include "core/diagnostic.hpp"
#include "read/book_reader.hpp"
#include "read/journal_reader.hpp"
#include "read/period_expression.hpp"
#include "report/balance_report.hpp"
#include "write/balance_writer.hpp"
#include "write/release_writer.hpp"
#include "write/table_writer.hpp"

namespace {

using namespace kessan;
using cli::print_errors;

constexpr int kExitInputError = 1;
constexpr int kExitUsage = 2;

struct CommonOptions {
  std::string file;
  std::size_t max_errors = 100;
  unsigned threads = 0;
  bool json_errors = false;  // problems as JSON on standard output (check --format json)
};

// Shows the problems found: on standard error, or as JSON on standard output.
void report_problems(const CommonOptions& o, std::vector<Diagnostic> errors) {
  if (o.json_errors)
    cli::print_errors_json(std::cout, std::move(errors), o.max_errors);
  else
    print_errors(std::move(errors), o.max_errors);
}

void add_common(CLI::App* app, CommonOptions* o) {
  app->add_option("-f,--file", o->file, "Journal file to read (default: $LEDGER_FILE)");
  app->add_option("--max-errors", o->max_errors, "Stop after this many errors")->check(CLI::PositiveNumber);
  app->add_option("--threads", o->threads, "Parser threads (0: one per core)");
}

// Shows "reading: 42%" on a terminal for runs longer than half a second.
class Progress {
 public:
  Progress() : enabled_(isatty(STDERR_FILENO) == 1), start_(std::chrono::steady_clock::now()) {}
  ~Progress() {
    if (shown_) std::fprintf(stderr, "\r\033[K");
  }
  void operator()(std::size_t done, std::size_t total) {
    if (!enabled_ || total == 0) return;
    if (std::chrono::steady_clock::now() - start_ < std::chrono::milliseconds(500)) return;
    shown_ = true;
    std::fprintf(stderr, "\rreading: %3zu%% (%zu of %zu MB)", done * 100 / total, done >> 20, total >> 20);
  }

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_;
};

std::optional<Date> parse_cli_date(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return Date::parse(text);
}

std::unique_ptr<Journal> load(const CommonOptions& o, int* exit_code) {
  std::string file = o.file;
  if (file.empty()) {
    const char* env = std::getenv("LEDGER_FILE");
    if (env) file = env;
  }
  if (file.empty()) {
    std::cerr << "kessan: no journal given: use -f FILE (or set LEDGER_FILE)\n";
    *exit_code = kExitUsage;
    return nullptr;
  }
  Progress progress;
  read::ReadOptions options;
  options.max_errors = o.max_errors + 1;
  options.threads = o.threads;
  options.progress = [&](std::size_t done, std::size_t total) { progress(done, total); };
  read::ReadResult result =
      file == "-" ? read::read_journal_text(std::string(std::istreambuf_iterator<char>(std::cin), {}), "-", options)
                  : read::read_journal_file(file, options);
  if (!result.ok()) {
    report_problems(o, std::move(result.errors));
    *exit_code = kExitInputError;
    return nullptr;
  }
  return std::move(result.journal);
}

struct BalanceOptions {
  std::string begin, end, period, format = "txt";
  std::optional<int> depth;
  bool flat = false, empty = false;
  bool monthly = false, quarterly = false, yearly = false;
  std::vector<std::string> accounts;
};

// The interval of -M, -Q or -Y; nothing when several are given.
std::optional<Interval> interval_flag(const BalanceOptions& b) {
  if (int{b.monthly} + int{b.quarterly} + int{b.yearly} > 1) return std::nullopt;
  if (b.monthly) return Interval::Month;
  if (b.quarterly) return Interval::Quarter;
  if (b.yearly) return Interval::Year;
  return Interval::None;
}

// The dates and interval of -b, -e, -p, -M, -Q and -Y, or a usage message.
bool balance_dates(const BalanceOptions& b, report::BalanceQuery* q) {
  q->begin = parse_cli_date(b.begin);
  q->end = parse_cli_date(b.end);
  if ((!b.begin.empty() && !q->begin) || (!b.end.empty() && !q->end)) {
    std::cerr << "kessan: invalid date in -b/-e: expected YYYY-MM-DD\n";
    return false;
  }
  auto interval = interval_flag(b);
  if (!interval) {
    std::cerr << "kessan: give one of -M, -Q and -Y\n";
    return false;
  }
  q->interval = *interval;
  if (b.period.empty()) return true;
  if (!b.begin.empty() || !b.end.empty()) {
    std::cerr << "kessan: -p cannot be combined with -b or -e: give the dates in one of them\n";
    return false;
  }
  std::string why;
  auto p = read::parse_period_expression(b.period, &why);
  if (!p) {
    std::cerr << "kessan: invalid period '" << visible(b.period) << "' in -p: " << visible(why) << "; expected "
              << read::kPeriodExpressionForms << "\n";
    return false;
  }
  if (p->interval != Interval::None && q->interval != Interval::None) {
    std::cerr << "kessan: the interval is given twice, in -p and by -M, -Q or -Y: give one\n";
    return false;
  }
  if (p->interval != Interval::None) q->interval = p->interval;
  q->begin = p->begin;
  q->end = p->end;
  return true;
}

int run_balance(const CommonOptions& o, const BalanceOptions& b) {
  report::BalanceQuery q;
  if (!balance_dates(b, &q)) return kExitUsage;
  std::string why;
  q.accounts = report::AccountFilter::parse(b.accounts, &why);
  if (!q.accounts) {
    std::cerr << "kessan: " << visible(why) << "\n";
    return kExitUsage;
  }
  q.depth = b.depth;
  q.flat = b.flat;
  q.show_empty = b.empty;
  int code = 0;
  auto journal = load(o, &code);
  if (!journal) return code;
  report::ReportError error;
  auto r = report::balance_report(*journal, q, &error);
  if (!r) {
    std::cerr << "kessan: " << error.message << "\n";
    return kExitInputError;
  }
  if (b.format == "csv")
    write::write_balance_csv(std::cout, *journal, *r);
  else if (b.format == "json")
    write::write_balance_json(std::cout, *journal, *r);
  else
    write::write_balance_text(std::cout, *journal, *r);
  return 0;
}

int run_accounts(const CommonOptions& o, bool tree) {
  int code = 0;
  auto journal = load(o, &code);
  if (!journal) return code;
  const Journal& j = *journal;
  std::vector<char> used(j.accounts.size(), 0);
  for (AccountId a : j.post_account) used[a] = 1;
  for (const auto& d : j.account_declarations) used[d.account] = 1;
  // Depth-first in name order, so parents precede children.
  std::vector<AccountId> stack(j.accounts.children(AccountTree::kRoot).rbegin(),
                               j.accounts.children(AccountTree::kRoot).rend());
  while (!stack.empty()) {
    AccountId a = stack.back();
    stack.pop_back();
    if (tree)
      std::cout << std::string((j.accounts.depth(a) - 1) * 2, ' ') << j.accounts.leaf_name(a) << '\n';
    else if (used[a])
      std::cout << j.accounts.full_name(a) << '\n';
    const auto& kids = j.accounts.children(a);
    stack.insert(stack.end(), kids.rbegin(), kids.rend());
  }
  return 0;
}

struct StatementOptions {
  std::string book;
  std::string period;
  std::string format = "txt";
  std::vector<std::string> only;
};

// Reads the book, or prints its errors.
std::unique_ptr<read::Book> load_book(const std::string& directory, const CommonOptions& o, int* exit_code) {
  Progress progress;
  read::ReadOptions options;
  options.max_errors = o.max_errors + 1;
  options.threads = o.threads;
  options.progress = [&](std::size_t done, std::size_t total) { progress(done, total); };
  read::BookResult result = read::read_book(directory, options);
  if (!result.ok()) {
    report_problems(o, std::move(result.errors));
    *exit_code = kExitInputError;
    return nullptr;
  }
  return std::move(result.book);
}

// The period named on the command line, or a usage message.
std::optional<Period> book_period(const read::Book& book, const std::string& name) {
  std::string why;
  auto period = app::presentable_period(book, name, &why);
  if (!period) std::cerr << "kessan: " << why << "\n";
  return period;
}

int run_statements(const CommonOptions& o, const StatementOptions& so) {
  auto format = write::parse_table_format(so.format);
  if (!format) {
    std::cerr << "kessan: unknown format '" << so.format << "': expected txt, tsv, csv, json, md or html\n";
    return kExitUsage;
  }
  int code = 0;
  auto book = load_book(so.book, o, &code);
  if (!book) return code;
  auto period = book_period(*book, so.period);
  if (!period) return kExitUsage;
  std::vector<Diagnostic> errors;
  std::vector<report::Table> tables = app::build_statements(*book, *period, so.only, &errors);
  if (!errors.empty()) {
    print_errors(std::move(errors), o.max_errors);
    return kExitInputError;
  }
  write::write_tables(std::cout, tables, *format);
  return 0;
}

struct ReleaseOptions {
  std::string book;
  std::string period;
  std::string format = "txt";
  std::string template_file;
};

int run_release(const CommonOptions& o, const ReleaseOptions& ro) {
  auto format = write::parse_release_format(ro.format);
  if (!format) {
    std::cerr << "kessan: unknown format '" << ro.format << "': expected txt, md, html or tsv\n";
    return kExitUsage;
  }
  int code = 0;
  auto book = load_book(ro.book, o, &code);
  if (!book) return code;
  auto period = book_period(*book, ro.period);
  if (!period) return kExitUsage;
  std::string template_file = ro.template_file.empty() ? app::template_path(*book, *period) : ro.template_file;
  std::vector<Diagnostic> errors;
  auto release = app::build_release(*book, *period, template_file, o.max_errors + 1, &errors);
  if (!release) {
    print_errors(std::move(errors), o.max_errors);
    return kExitInputError;
  }
  write::write_release(std::cout, *release, *format);
  return 0;
}

struct CheckOptions {
  std::string target;  // a book directory or a journal file
  std::vector<std::string> periods;
  std::string format = "txt";
};

// The periods to check: those named with --period, or those the book's
// release templates are written for, or the latest quarter of its data.
bool periods_to_check(const read::Book& book, const CheckOptions& c, std::vector<app::CheckedPeriod>* out,
                      std::vector<Diagnostic>* errors) {
  for (const std::string& name : c.periods) {
    auto period = book_period(book, name);
    if (!period) return false;
    std::string file = app::template_path(book, *period);
    std::error_code ec;
    out->push_back({*period, std::filesystem::is_regular_file(file, ec) ? file : ""});
  }
  if (!c.periods.empty()) return true;
  *out = app::template_periods(book, errors);
  if (out->empty() && errors->empty())
    if (auto q = app::latest_covered_quarter(book)) out->push_back({*q, ""});
  return true;
}

int run_check_book(const CommonOptions& o, const CheckOptions& c) {
  int code = 0;
  auto book = load_book(c.target, o, &code);
  if (!book) return code;
  std::vector<Diagnostic> errors;
  std::vector<app::CheckedPeriod> periods;
  if (!periods_to_check(*book, c, &periods, &errors)) return kExitUsage;
  app::check_book(*book, periods, o.max_errors + 1, &errors);
  if (errors.empty()) {
    if (o.json_errors) report_problems(o, {});
    return 0;
  }
  report_problems(o, std::move(errors));
  return kExitInputError;
}

int run_check(CommonOptions o, const CheckOptions& c) {
  o.json_errors = c.format == "json";
  std::error_code ec;
  bool book = !c.target.empty() && std::filesystem::is_directory(c.target, ec);
  if (!c.target.empty() && !o.file.empty()) {
    std::cerr << "kessan: give a book directory or a journal (-f FILE), not both\n";
    return kExitUsage;
  }
  if (!c.periods.empty() && !book) {
    std::cerr << "kessan: --period applies to a book: give the book's directory\n";
    return kExitUsage;
  }
  if (book) return run_check_book(o, c);
  if (!c.target.empty()) o.file = c.target;
  int code = 0;
  auto journal = load(o, &code);
  if (journal && o.json_errors) report_problems(o, {});
  return journal ? 0 : code;
}

}  // namespace

static int run(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  CLI::App app{"kessan: financial statements from double-entry books"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "kessan 0.1.0");
  app.footer("Exit codes: 0 success, 1 errors in the input, 2 wrong usage.");

  CommonOptions common;

  CheckOptions chk;
  auto* check = app.add_subcommand(
      "check", "Read and validate a journal, or a whole book for its periods; print nothing when it is sound");
  add_common(check, &common);
  check->add_option("target", chk.target, "A book's directory (holding book.toml), or a journal file");
  check->add_option("--period", chk.periods,
                    "Check the book for these periods (default: those of its release templates)");
  check->add_option("--format", chk.format, "How problems are shown: txt (standard error) or json (standard output)")
      ->check(CLI::IsMember({"txt", "json"}));

  BalanceOptions bal;
  auto* balance = app.add_subcommand("bal", "Account balances");
  balance->alias("balance");
  add_common(balance, &common);
  balance->add_option("-b,--begin", bal.begin, "Include postings on or after this date (YYYY-MM-DD)");
  balance->add_option("-e,--end", bal.end, "Include postings before this date (YYYY-MM-DD)");
  balance->add_option("--depth", bal.depth, "Show accounts down to this depth, summing deeper ones (0: the total)")
      ->check(CLI::Validator(
          [](std::string& text) {
            return text.empty() || text[0] == '-' ? std::string("must be 0 or more") : std::string();
          },
          ""));
  balance->add_option("-p,--period", bal.period,
                      "Only this period (2008, 2008-01, 2008q1, A..B, from A to B, in A); "
                      "after monthly, quarterly or yearly: one column per period");
  balance->add_flag("-M,--monthly", bal.monthly, "One column per month");
  balance->add_flag("-Q,--quarterly", bal.quarterly, "One column per quarter");
  balance->add_flag("-Y,--yearly", bal.yearly, "One column per year");
  balance->add_flag("--flat", bal.flat, "One row per account with its own postings (no tree)");
  balance->add_flag("-E,--empty", bal.empty, "Also show accounts whose balance is zero");
  balance->add_option("--format", bal.format, "Output format")->check(CLI::IsMember({"txt", "csv", "json"}));
  balance->add_option("accounts", bal.accounts,
                      "Only accounts matching one of these regular expressions (case-insensitive); "
                      "not:REGEX excludes");

  bool tree = false;
  auto* accounts = app.add_subcommand("accounts", "List the accounts used or declared");
  add_common(accounts, &common);
  accounts->add_flag("--tree", tree, "Show the account tree, indented");

  StatementOptions st;
  auto* statements = app.add_subcommand("statements", "Financial statements of a book for a period");
  statements->add_option("book", st.book, "The book's directory (holding book.toml)")->required();
  statements->add_option("--period", st.period, "The period, e.g. 1Q02")->required();
  statements->add_option("--format", st.format, "txt, tsv, csv, json, md or html");
  statements->add_option("--only", st.only, "Only these statements (layout ids)");
  statements->add_option("--max-errors", common.max_errors, "Stop after this many errors")->check(CLI::PositiveNumber);
  statements->add_option("--threads", common.threads, "Parser threads (0: one per core)");

  ReleaseOptions rel;
  auto* release = app.add_subcommand("release", "The earnings release of a book for a period");
  release->add_option("book", rel.book, "The book's directory (holding book.toml)")->required();
  release->add_option("--period", rel.period, "The period, e.g. 1Q02")->required();
  release->add_option("--format", rel.format, "txt, md, html or tsv");
  release->add_option("--template", rel.template_file,
                      "The release template (default: the book's [release] template for the period)");
  release->add_option("--max-errors", common.max_errors, "Stop after this many errors")->check(CLI::PositiveNumber);
  release->add_option("--threads", common.threads, "Parser threads (0: one per core)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }
  if (*check) return run_check(common, chk);
  if (*balance) return run_balance(common, bal);
  if (*accounts) return run_accounts(common, tree);
  if (*statements) return run_statements(common, st);
  if (*release) return run_release(common, rel);
  return kExitUsage;
}

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::bad_alloc&) {
    std::cerr << "kessan: out of memory\n";
    return kExitUsage;
  }
}
