#pragma once
// ParseState: what earlier directives change about how later lines read.
// It is small and copyable, so that a chunk of a file can be parsed in
// parallel starting from the state at its first line.

#include <string>
#include <utility>
#include <vector>

namespace kessan::read {

struct ParseState {
  // `alias FROM=TO`, in the order written; the latest is applied first.
  std::vector<std::pair<std::string, std::string>> aliases;
  int default_year = 0;           // `Y`/`year`; 0 when unset
  char decimal_mark = 0;          // `decimal-mark`; 0 when inferred per number
  bool in_comment_block = false;  // between `comment` and `end comment`
};

}  // namespace kessan::read
