#include "core/account_tree.hpp"

#include <algorithm>

namespace kessan {

AccountTree::AccountTree() {
  names_.intern("");
  nodes_.push_back(Node{0, kRoot, 0, {}});
}

AccountId AccountTree::intern(std::string_view full_name) {
  auto existing = names_.find(full_name);
  if (existing != InternTable::kMissing) return existing;
  std::vector<std::size_t> colons;
  for (std::size_t i = 0; i < full_name.size(); ++i)
    if (full_name[i] == ':') colons.push_back(i);
  // Every ancestor of an account exists, so the levels that exist are the
  // first `known` ones: found by bisection, with few lookups of long names.
  std::size_t known = 0, unknown = colons.size();
  while (known < unknown) {
    std::size_t mid = known + (unknown - known + 1) / 2;
    if (names_.find(full_name.substr(0, colons[mid - 1])) != InternTable::kMissing)
      known = mid;
    else
      unknown = mid - 1;
  }
  AccountId parent = known > 0 ? names_.find(full_name.substr(0, colons[known - 1])) : kRoot;
  // The missing levels' names are prefixes of the new name: it is stored
  // once, and they view into it.
  std::string_view kept = names_.keep(full_name);
  for (std::size_t level = known; level < colons.size(); ++level) parent = add(kept.substr(0, colons[level]), parent);
  return add(kept, parent);
}

AccountId AccountTree::add(std::string_view full_name, AccountId parent) {
  AccountId id = names_.intern_kept(full_name);
  nodes_.push_back(Node{id, parent, nodes_[parent].depth + 1, {}});
  nodes_[parent].children.push_back(id);
  return id;
}

long AccountTree::find(std::string_view full_name) const {
  auto id = names_.find(full_name);
  return id == InternTable::kMissing ? -1 : static_cast<long>(id);
}

std::string_view AccountTree::leaf_name(AccountId id) const {
  std::string_view n = full_name(id);
  auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

AccountId AccountTree::ancestor_at_depth(AccountId id, int d) const {
  while (nodes_[id].depth > d) id = nodes_[id].parent;
  return id;
}

bool AccountTree::is_within(AccountId id, AccountId ancestor) const {
  while (true) {
    if (id == ancestor) return true;
    if (id == kRoot) return false;
    id = nodes_[id].parent;
  }
}

void AccountTree::sort_children() {
  for (auto& n : nodes_) {
    std::sort(n.children.begin(), n.children.end(),
              [&](AccountId a, AccountId b) { return leaf_name(a) < leaf_name(b); });
  }
}

}  // namespace kessan
