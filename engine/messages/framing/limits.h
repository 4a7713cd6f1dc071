// Caps on handshake message size. RFC 5246 allows a message of 2^24 - 1
// bytes; we refuse to buffer more than these before seeing the whole body.
// The default holds the largest hello the RFC's vectors allow (cipher suites
// and extensions are each capped at 2^16 bytes, so a ClientHello stays under
// 132 KiB): a hello beyond it cannot be well-formed.
#pragma once

#include <cstddef>

#include "engine/registry/handshake_type.h"

namespace gauntlet {

struct MessageLimits {
  size_t max_message = 256 * 1024;
  // Certificate chains legitimately run larger than other messages.
  size_t max_certificate = 256 * 1024;

  size_t limit_for(HandshakeType type) const {
    return type == HandshakeType::certificate ? max_certificate : max_message;
  }
};

}  // namespace gauntlet
