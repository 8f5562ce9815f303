#pragma once
// InternTable: an open-addressing hash map from strings to dense ids, built
// for the journal scanner's hot path (no allocation per lookup, hashes eight
// bytes at a time). Keys are copied into an arena the table owns, so callers
// may pass views into transient buffers.

#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace kessan {

std::uint64_t hash_bytes(std::string_view s);

class InternTable {
 public:
  static constexpr std::uint32_t kMissing = 0xffffffffu;

  InternTable() { slots_.assign(64, Slot{}); }
  // The id of `key`, or kMissing.
  std::uint32_t find(std::string_view key) const { return find_hashed(key, hash_bytes(key)); }
  std::uint32_t find_hashed(std::string_view key, std::uint64_t h) const;
  // The id of `key`, adding it with id size() when absent.
  std::uint32_t intern(std::string_view key) { return intern_hashed(key, hash_bytes(key)); }
  std::uint32_t intern_hashed(std::string_view key, std::uint64_t h);
  // A copy of `key` in the table's arena, not yet a key: views into it (its
  // prefixes, say) may then be interned with intern_kept without a copy.
  std::string_view keep(std::string_view key) { return store(key); }
  // Like intern, for a view into bytes returned by keep().
  std::uint32_t intern_kept(std::string_view kept) { return insert(kept, hash_bytes(kept), false); }
  std::size_t size() const { return keys_.size(); }
  std::string_view key(std::uint32_t id) const { return keys_[id]; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t id = kMissing;
  };
  std::uint32_t insert(std::string_view key, std::uint64_t h, bool copy);
  void grow();
  std::string_view store(std::string_view key);

  std::vector<Slot> slots_;
  std::vector<std::string_view> keys_;
  std::deque<std::string> arena_;
  char* block_ = nullptr;
  std::size_t block_left_ = 0;
};

}  // namespace kessan
