#pragma once
// Column<T>: the storage of one column of the journal (a std::vector with an
// allocator for large arrays). Allocations of 2 MiB and more are mapped
// directly and marked for transparent huge pages, which cuts the page faults
// of filling a column of millions of postings by a factor of up to 512.

#include <sys/mman.h>

#include <cstddef>
#include <new>
#include <vector>

namespace kessan {

template <class T>
struct ColumnAllocator {
  using value_type = T;
  static constexpr std::size_t kLarge = 2u << 20;

  ColumnAllocator() = default;
  template <class U>
  ColumnAllocator(const ColumnAllocator<U>&) {}

  T* allocate(std::size_t n) {
    std::size_t bytes = n * sizeof(T);
    if (bytes < kLarge) return static_cast<T*>(::operator new(bytes));
    void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    madvise(p, bytes, MADV_HUGEPAGE);
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t n) {
    std::size_t bytes = n * sizeof(T);
    if (bytes < kLarge)
      ::operator delete(p);
    else
      munmap(p, bytes);
  }
  template <class U>
  bool operator==(const ColumnAllocator<U>&) const {
    return true;
  }
};

template <class T>
using Column = std::vector<T, ColumnAllocator<T>>;

}  // namespace kessan
