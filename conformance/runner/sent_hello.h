// Reading back what our side put on the wire, so a case can check that its
// deviation reached it (a case that claims to offer a session must have
// sent one) instead of trusting the script.
#pragma once

#include <optional>

#include "engine/base/reader.h"
#include "engine/messages/handshake/client_hello.h"
#include "engine/messages/ssl2/client_hello.h"

namespace gauntlet::conformance {

// The ClientHello at the front of a flight of plaintext records; nullopt if
// the flight does not start with a whole one.
std::optional<ClientHello> sent_client_hello(ByteView flight);
// The SSL 2.0 CLIENT-HELLO a flight starts with (SSL 2.0 spec §1.1, §2.5),
// the clear 2-byte-header record our client sends; nullopt likewise.
std::optional<Ssl2ClientHello> sent_ssl2_client_hello(ByteView flight);

}  // namespace gauntlet::conformance
