#include "core/source_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace kessan {

SourceFile::~SourceFile() {
  if (mapping_ != nullptr) munmap(mapping_, size_);
}

bool SourceFile::open(const std::string& path, std::string* error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = std::strerror(errno);
    return false;
  }
  struct stat st {};
  if (fstat(fd, &st) != 0) {
    *error = std::strerror(errno);
    ::close(fd);
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    *error = "is a directory";
    ::close(fd);
    return false;
  }
  if (S_ISREG(st.st_mode) && st.st_size > 0) {
    void* m = mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (m != MAP_FAILED) {
      madvise(m, static_cast<std::size_t>(st.st_size), MADV_WILLNEED);
      ::close(fd);
      mapping_ = m;
      data_ = static_cast<const char*>(m);
      size_ = static_cast<std::size_t>(st.st_size);
      return true;
    }
  }
  // Pipes, special files and failed mappings are read.
  std::string bytes;
  std::vector<char> buf(1 << 16);  // on the heap: includes nest deeply
  while (true) {
    ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = std::strerror(errno);
      ::close(fd);
      return false;
    }
    if (n == 0) break;
    bytes.append(buf.data(), static_cast<std::size_t>(n));
  }
  ::close(fd);
  assign(std::move(bytes));
  return true;
}

void SourceFile::assign(std::string bytes) {
  owned_ = std::move(bytes);
  data_ = owned_.data();
  size_ = owned_.size();
}

}  // namespace kessan
