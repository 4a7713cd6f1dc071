// Caps on handshake message size. A peer may announce a 16 MiB message; we
// refuse to buffer more than these before seeing the whole body.
#pragma once

#include <cstddef>

#include "engine/registry/handshake_type.h"

namespace gauntlet {

struct MessageLimits {
  size_t max_message = 64 * 1024;
  // Certificate chains legitimately run larger than other messages.
  size_t max_certificate = 256 * 1024;

  size_t limit_for(HandshakeType type) const {
    return type == HandshakeType::certificate ? max_certificate : max_message;
  }
};

}  // namespace gauntlet
