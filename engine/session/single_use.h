// Tickets that may carry 0-RTT data once (RFC 8446 §8.1, single-use tickets):
// a server remembers each ticket it accepted early data with, so a replayed
// ClientHello gets a 1-RTT handshake instead. Bounded: the oldest entries go
// first, and a ticket older than what is kept could be replayed, so a server
// keeps more entries than it issues tickets within their lifetime.
// Thread-safe: one Config serves many connections.
#pragma once

#include <cstddef>
#include <deque>
#include <mutex>
#include <set>

#include "engine/base/reader.h"

namespace gauntlet {

class SingleUseTickets {
 public:
  explicit SingleUseTickets(size_t keep = 65536) : keep_(keep) {}

  // True the first time `ticket` is claimed, false ever after.
  bool claim(ByteView ticket);

 private:
  std::mutex mu_;
  size_t keep_;
  std::set<Bytes> seen_;
  std::deque<Bytes> order_;  // oldest first
};

}  // namespace gauntlet
