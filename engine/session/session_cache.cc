#include "engine/session/session_cache.h"

#include <algorithm>

namespace gauntlet {

void SessionCache::store(const Session& s) {
  if (s.id.empty() || capacity_ == 0) return;
  std::lock_guard lock(mu_);
  if (sessions_.insert_or_assign(s.id, s).second) order_.push_back(s.id);
  while (sessions_.size() > capacity_) {
    sessions_.erase(order_.front());
    order_.pop_front();
  }
}

std::optional<Session> SessionCache::find(ByteView id, int64_t now) {
  std::lock_guard lock(mu_);
  auto it = sessions_.find(Bytes(id.begin(), id.end()));
  if (it == sessions_.end()) return std::nullopt;
  if (it->second.expired(now)) {
    std::erase(order_, it->first);
    sessions_.erase(it);
    return std::nullopt;
  }
  return it->second;
}

void SessionCache::remove(ByteView id) {
  std::lock_guard lock(mu_);
  Bytes key(id.begin(), id.end());
  if (sessions_.erase(key) > 0) std::erase(order_, key);
}

size_t SessionCache::size() const {
  std::lock_guard lock(mu_);
  return sessions_.size();
}

}  // namespace gauntlet
