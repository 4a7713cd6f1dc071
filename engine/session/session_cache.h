// The server's session-ID cache (RFC 5246 §7.4.1.2): bounded, oldest entry
// evicted first, entries expire after their lifetime. Thread-safe, since one
// Config may serve many connections at once.
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <mutex>
#include <optional>

#include "engine/session/session.h"

namespace gauntlet {

class SessionCache {
 public:
  explicit SessionCache(size_t capacity = 1024) : capacity_(capacity) {}

  void store(const Session& s);
  // The live session with this ID; expired entries are dropped on the way.
  std::optional<Session> find(ByteView id, int64_t now);
  // After a fatal alert the session must not be resumed (RFC 5246 §7.2.2).
  void remove(ByteView id);
  size_t size() const;

 private:
  mutable std::mutex mu_;
  size_t capacity_;
  std::map<Bytes, Session> sessions_;
  std::deque<Bytes> order_;  // insertion order, for eviction
};

}  // namespace gauntlet
