#pragma once
// SourceRef: where something in a book's settings, layouts or templates was
// written (file, 1-based line and column), so that errors about it can name
// the place.

#include <cstdint>
#include <string>

namespace kessan {

struct SourceRef {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

}  // namespace kessan
