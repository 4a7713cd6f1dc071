#include "engine/crypto/clock.h"

#include <chrono>

namespace gauntlet {

int64_t SystemClock::now() const {
  auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count();
}

}  // namespace gauntlet
