// Named fields of each handshake message and extension body.
#pragma once

#include <optional>

#include "engine/messages/decode/field.h"
#include "engine/messages/extensions/extensions.h"
#include "engine/messages/framing/handshake_message.h"
#include "engine/registry/cipher_suite.h"
#include "engine/registry/version.h"

namespace gauntlet {

// What earlier messages told us about how to read later ones.
struct DecodeContext {
  ProtocolVersion version = ProtocolVersion::tls12;
  std::optional<CipherSuite> suite;  // from the ServerHello, if seen
};

Field message_field(const HandshakeMessage& message, DecodeContext& context);
void add_extensions(Field& parent, const Extensions& extensions);

}  // namespace gauntlet
