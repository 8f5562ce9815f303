#pragma once
// AccountTree: the chart of accounts as a tree of interned names.
// "Assets:Current:Cash" is three nodes; every node has an id, a parent, a
// depth (top-level accounts have depth 1) and its full colon-separated name.
// Id 0 is the unnamed root.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/intern_table.hpp"

namespace kessan {

using AccountId = std::uint32_t;

class AccountTree {
 public:
  static constexpr AccountId kRoot = 0;

  AccountTree();
  // The id of the account with this full name, creating it and its parents.
  AccountId intern(std::string_view full_name);
  // The id or -1 if no such account exists.
  long find(std::string_view full_name) const;

  std::size_t size() const { return nodes_.size(); }
  std::string_view full_name(AccountId id) const { return names_.key(nodes_[id].name_index); }
  // The last component ("Cash" for "Assets:Current:Cash").
  std::string_view leaf_name(AccountId id) const;
  AccountId parent(AccountId id) const { return nodes_[id].parent; }
  int depth(AccountId id) const { return nodes_[id].depth; }
  const std::vector<AccountId>& children(AccountId id) const { return nodes_[id].children; }
  // The ancestor at `depth` (or the account itself when it is not deeper).
  AccountId ancestor_at_depth(AccountId id, int depth) const;
  // Whether `id` is `ancestor` or lies below it.
  bool is_within(AccountId id, AccountId ancestor) const;
  // Children of every node sorted by name (call once after building).
  void sort_children();

 private:
  struct Node {
    std::uint32_t name_index;
    AccountId parent;
    int depth;
    std::vector<AccountId> children;
  };
  AccountId add(std::string_view full_name, AccountId parent);

  std::vector<Node> nodes_;
  InternTable names_;  // full name -> index; index == account id
};

}  // namespace kessan
