#pragma once
// SourceFile: the bytes of one input file. Views into it stay valid for its
// life.
//
// Only regular files are read: a directory, device, FIFO or socket is
// refused before anything is read from it (so /dev/zero cannot fill memory
// and a FIFO without a writer cannot block). Small files are read into
// memory the object owns. Large files are mapped read-only (no copy), and
// guarded: if the file is truncated while mapped, reading past its new end
// sees zeros instead of raising SIGBUS, and the change is reported by
// check_unchanged(). A file whose size or modification time changed while it
// was read is refused, rather than read half old and half new.

#include <sys/stat.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace kessan {

// What identifies a file's version: its size and modification time.
struct FileStamp {
  long long size = 0;
  long long mtime_sec = 0;
  long long mtime_nsec = 0;
  static FileStamp of(const struct stat& st);
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

// Why a file's contents cannot be trusted, given its stamp when opened, its
// stamp once read and the bytes read ("" when they can).
std::string change_while_reading(const FileStamp& before, const FileStamp& after, std::size_t bytes_read);

// Why a file of this mode is not read ("" for a regular file).
std::string refusal_for_mode(mode_t mode);

class SourceFile {
 public:
  // Files of this size and more are mapped rather than read.
  static constexpr std::size_t kMapAtLeast = 1u << 20;

  SourceFile() = default;
  ~SourceFile();
  SourceFile(const SourceFile&) = delete;
  SourceFile& operator=(const SourceFile&) = delete;

  // Opens `path`. On failure returns false and sets `error` to the reason.
  bool open(const std::string& path, std::string* error);
  // Wraps bytes already in memory (used by tests and standard input).
  void assign(std::string bytes);

  std::string_view bytes() const { return {data_, size_}; }

  // Once the bytes have been used: why they cannot be trusted, because the
  // file changed since it was opened ("" when they can). Releases the
  // file's descriptor.
  std::string check_unchanged();

 private:
  bool read_all(int fd, std::string* error);
  bool map(int fd);

  const char* data_ = "";
  std::size_t size_ = 0;
  FileStamp opened_;
  int fd_ = -1;  // kept while a mapping is in use, for check_unchanged
  void* mapping_ = nullptr;
  int guard_slot_ = -1;  // the mapping's slot in the truncation guard
  std::unique_ptr<char[]> buffer_;
  std::string owned_;
};

}  // namespace kessan
