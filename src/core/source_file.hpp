#pragma once
// SourceFile: the bytes of one input file, mapped read-only into memory (or
// read, for pipes and empty files). Views into it stay valid for its life.

#include <string>
#include <string_view>

namespace kessan {

class SourceFile {
 public:
  SourceFile() = default;
  ~SourceFile();
  SourceFile(const SourceFile&) = delete;
  SourceFile& operator=(const SourceFile&) = delete;

  // Opens `path`. On failure returns false and sets `error` to the reason.
  bool open(const std::string& path, std::string* error);
  // Wraps bytes already in memory (used by tests and standard input).
  void assign(std::string bytes);

  std::string_view bytes() const { return {data_, size_}; }

 private:
  const char* data_ = "";
  std::size_t size_ = 0;
  void* mapping_ = nullptr;
  std::string owned_;
};

}  // namespace kessan
