#include "core/intern_table.hpp"

namespace kessan {

std::uint64_t hash_bytes(std::string_view s) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  std::uint64_t h = s.size() * kMul;
  const char* p = s.data();
  std::size_t n = s.size();
  while (n >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  h *= kMul;
  return h ^ (h >> 32);
}

std::uint32_t InternTable::find_hashed(std::string_view key, std::uint64_t h) const {
  std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.id == kMissing) return kMissing;
    if (s.hash == h && keys_[s.id] == key) return s.id;
  }
}

std::uint32_t InternTable::intern_hashed(std::string_view key, std::uint64_t h) {
  return insert(key, h, true);
}

std::uint32_t InternTable::insert(std::string_view key, std::uint64_t h, bool copy) {
  std::size_t mask = slots_.size() - 1;
  std::size_t i = h & mask;
  for (;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.id == kMissing) break;
    if (s.hash == h && keys_[s.id] == key) return s.id;
  }
  auto id = static_cast<std::uint32_t>(keys_.size());
  keys_.push_back(copy ? store(key) : key);
  slots_[i] = Slot{h, id};
  if (keys_.size() * 2 > slots_.size()) grow();
  return id;
}

void InternTable::grow() {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(old.size() * 2, Slot{});
  std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.id == kMissing) continue;
    std::size_t i = s.hash & mask;
    while (slots_[i].id != kMissing) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

std::string_view InternTable::store(std::string_view key) {
  if (key.empty()) return {};
  if (key.size() > block_left_) {
    std::size_t size = key.size() > 4096 ? key.size() : 16384;
    arena_.emplace_back(size, '\0');
    block_ = arena_.back().data();
    block_left_ = size;
  }
  std::memcpy(block_, key.data(), key.size());
  std::string_view v(block_, key.size());
  block_ += key.size();
  block_left_ -= key.size();
  return v;
}

}  // namespace kessan
