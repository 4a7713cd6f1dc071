#include "engine/session/single_use.h"

namespace gauntlet {

bool SingleUseTickets::claim(ByteView ticket) {
  const std::lock_guard lock(mu_);
  Bytes key(ticket.begin(), ticket.end());
  if (!seen_.insert(key).second) return false;
  order_.push_back(std::move(key));
  if (order_.size() > keep_) {
    seen_.erase(order_.front());
    order_.pop_front();
  }
  return true;
}

}  // namespace gauntlet
