#pragma once
// Shared pieces of the fuzz targets: the oracle check, a private temporary
// directory for inputs that must be files, and the test that keeps an input
// from naming files outside that directory.

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"

namespace kessan::fuzz {

// Stops the run with `what` when an oracle does not hold (libFuzzer then
// saves the input as a crash).
[[noreturn]] inline void oracle_failed(const char* what, const std::string& detail = "") {
  std::fprintf(stderr, "oracle failed: %s\n%s\n", what, detail.c_str());
  std::fflush(stderr);
  std::abort();
}

inline void require(bool holds, const char* what, const std::string& detail = "") {
  if (!holds) oracle_failed(what, detail);
}

// A failure always says why.
inline void require_diagnostic(const std::vector<Diagnostic>& errors, const char* reader) {
  require(!errors.empty(), reader, "failed without a diagnostic");
  for (const Diagnostic& d : errors) require(!d.message.empty(), reader, "a diagnostic without a message");
}

// A fresh directory under $TMPDIR (or /tmp) owned by this process, removed
// when the process ends.
class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/kessan-fuzz-XXXXXX";
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    if (!mkdtemp(buf.data())) oracle_failed("cannot create a temporary directory");
    path_ = buf.data();
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline void write_file(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) oracle_failed("cannot write a temporary file", path);
}

inline std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Whether the input could name a file outside its directory: an absolute
// path or one through "..", "~" or an escape in a quoted TOML string. The
// readers resolve such names as written (there is no option to confine
// them), so these inputs are skipped rather than read.
inline bool may_leave_directory(std::string_view text) {
  if (text.find("..") != std::string_view::npos || text.find('~') != std::string_view::npos) return true;
  if (text.find("\\u") != std::string_view::npos || text.find("\\U") != std::string_view::npos) return true;
  for (std::size_t at = text.find('/'); at != std::string_view::npos; at = text.find('/', at + 1)) {
    std::size_t k = at;
    while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t')) --k;
    if (k == 0) return true;
    char before = text[k - 1];
    if (before == '"' || before == '\'' || before == '\n' || before == '\r' || before == '=' || before == '[' ||
        before == ',')
      return true;
    if (k >= 7 && text.substr(k - 7, 7) == "include") return true;
  }
  return false;
}

}  // namespace kessan::fuzz
