// One handshake message as framed on the wire (RFC 5246 §7.4):
//   HandshakeType msg_type; uint24 length; body.
#pragma once

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/registry/handshake_type.h"

namespace gauntlet {

struct HandshakeMessage {
  HandshakeType type;
  Bytes body;

  // Header and body: what the transcript hashes and what records carry.
  Bytes serialize() const;
  // Exactly one whole message.
  static Result<HandshakeMessage> parse(ByteView framed);

  bool operator==(const HandshakeMessage&) const = default;
};

}  // namespace gauntlet
