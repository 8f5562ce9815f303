#include "core/source_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <mutex>

namespace kessan {
namespace {

// The truncation guard: the address ranges of mapped files, and a SIGBUS
// handler that, for an address in one of them (a page past the end of a
// file truncated since it was mapped), puts a page of zeros there, notes
// the change and lets the reading go on. Other signals go to the handler
// that was installed before, or kill the process as usual.
struct GuardSlot {
  std::atomic<std::uintptr_t> begin{0};
  std::atomic<std::uintptr_t> end{0};
  std::atomic<bool> hit{false};
};
constexpr int kGuardSlots = 1024;
GuardSlot g_guard[kGuardSlots];
struct sigaction g_previous_sigbus {};
std::uintptr_t g_page_size = 4096;
std::once_flag g_guard_installed;

void pass_on(int sig, siginfo_t* info, void* context) {
  if ((g_previous_sigbus.sa_flags & SA_SIGINFO) != 0 && g_previous_sigbus.sa_sigaction != nullptr) {
    g_previous_sigbus.sa_sigaction(sig, info, context);
    return;
  }
  if (g_previous_sigbus.sa_handler != SIG_DFL && g_previous_sigbus.sa_handler != SIG_IGN) {
    g_previous_sigbus.sa_handler(sig);
    return;
  }
  signal(sig, SIG_DFL);
  raise(sig);
}

void on_sigbus(int sig, siginfo_t* info, void* context) {
  auto address = reinterpret_cast<std::uintptr_t>(info->si_addr);
  for (GuardSlot& slot : g_guard) {
    std::uintptr_t begin = slot.begin.load(std::memory_order_acquire);
    if (begin == 0 || address < begin || address >= slot.end.load(std::memory_order_acquire)) continue;
    void* page = reinterpret_cast<void*>(address & ~(g_page_size - 1));
    if (mmap(page, g_page_size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED) break;
    slot.hit.store(true, std::memory_order_release);
    return;
  }
  pass_on(sig, info, context);
}

void install_guard() {
  g_page_size = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
  struct sigaction action {};
  action.sa_sigaction = on_sigbus;
  action.sa_flags = SA_SIGINFO | SA_NODEFER;
  sigemptyset(&action.sa_mask);
  sigaction(SIGBUS, &action, &g_previous_sigbus);
}

// A slot for the range, or -1 when all are taken.
int guard(const void* data, std::size_t size) {
  std::call_once(g_guard_installed, install_guard);
  auto begin = reinterpret_cast<std::uintptr_t>(data);
  for (int i = 0; i < kGuardSlots; ++i) {
    std::uintptr_t free = 0;
    if (!g_guard[i].begin.compare_exchange_strong(free, begin)) continue;
    g_guard[i].hit.store(false);
    g_guard[i].end.store(begin + size, std::memory_order_release);
    return i;
  }
  return -1;
}

void unguard(int slot) {
  g_guard[slot].end.store(0, std::memory_order_release);
  g_guard[slot].begin.store(0, std::memory_order_release);
}

}  // namespace

FileStamp FileStamp::of(const struct stat& st) {
  return FileStamp{static_cast<long long>(st.st_size), static_cast<long long>(st.st_mtim.tv_sec),
                   static_cast<long long>(st.st_mtim.tv_nsec)};
}

std::string change_while_reading(const FileStamp& before, const FileStamp& after, std::size_t bytes_read) {
  if (static_cast<long long>(bytes_read) < before.size || after.size < before.size)
    return "the file was truncated while it was read";
  if (static_cast<long long>(bytes_read) > before.size || after.size > before.size)
    return "the file grew while it was read";
  if (!(after == before)) return "the file was changed while it was read";
  return "";
}

std::string refusal_for_mode(mode_t mode) {
  if (S_ISREG(mode)) return "";
  if (S_ISDIR(mode)) return "is a directory";
  if (S_ISCHR(mode)) return "is a character device, not a regular file";
  if (S_ISBLK(mode)) return "is a block device, not a regular file";
  if (S_ISFIFO(mode)) return "is a FIFO (named pipe), not a regular file";
  if (S_ISSOCK(mode)) return "is a socket, not a regular file";
  return "is not a regular file";
}

SourceFile::~SourceFile() {
  if (mapping_ != nullptr) {
    munmap(mapping_, size_);
    unguard(guard_slot_);
  }
  if (fd_ >= 0) ::close(fd_);
}

bool SourceFile::open(const std::string& path, std::string* error) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused below).
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    // A socket cannot be opened at all: say what it is rather than why.
    int reason = errno;
    struct stat st {};
    *error = stat(path.c_str(), &st) == 0 ? refusal_for_mode(st.st_mode) : "";
    if (error->empty()) *error = std::strerror(reason);
    return false;
  }
  struct stat st {};
  if (fstat(fd, &st) != 0) {
    *error = std::strerror(errno);
  } else {
    *error = refusal_for_mode(st.st_mode);
    opened_ = FileStamp::of(st);
  }
  if (error->empty() && static_cast<std::size_t>(opened_.size) >= kMapAtLeast && map(fd)) return true;
  bool ok = error->empty() && read_all(fd, error);
  ::close(fd);
  return ok;
}

// Maps the file and guards the mapping; false when either cannot be done.
bool SourceFile::map(int fd) {
  auto size = static_cast<std::size_t>(opened_.size);
  void* m = mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  if (m == MAP_FAILED) return false;
  guard_slot_ = guard(m, size);
  if (guard_slot_ < 0) {
    munmap(m, size);
    return false;
  }
  madvise(m, size, MADV_WILLNEED);
  mapping_ = m;
  data_ = static_cast<const char*>(m);
  size_ = size;
  fd_ = fd;
  return true;
}

// Reads the whole file with read(2), into a buffer of the size fstat gave
// plus one byte (to notice growth), then checks the file did not change.
bool SourceFile::read_all(int fd, std::string* error) {
  auto expected = static_cast<std::size_t>(opened_.size);
  std::unique_ptr<char[]> buffer(new char[expected + 1]);
  std::size_t got = 0;
  while (got <= expected) {
    ssize_t n = ::read(fd, buffer.get() + got, expected + 1 - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = std::strerror(errno);
      return false;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  struct stat st {};
  if (fstat(fd, &st) != 0) {
    *error = std::strerror(errno);
    return false;
  }
  *error = change_while_reading(opened_, FileStamp::of(st), got);
  if (!error->empty()) return false;
  buffer_ = std::move(buffer);
  data_ = buffer_.get();
  size_ = got;
  return true;
}

std::string SourceFile::check_unchanged() {
  if (fd_ < 0) return "";
  struct stat st {};
  std::string problem;
  if (fstat(fd_, &st) != 0)
    problem = std::strerror(errno);
  else
    problem = change_while_reading(opened_, FileStamp::of(st), size_);
  if (problem.empty() && g_guard[guard_slot_].hit.load(std::memory_order_acquire))
    problem = "the file was truncated while it was read";
  ::close(fd_);
  fd_ = -1;
  return problem;
}

void SourceFile::assign(std::string bytes) {
  owned_ = std::move(bytes);
  data_ = owned_.data();
  size_ = owned_.size();
}

}  // namespace kessan
