// The two ends of an SSL 2.0 probe of an external server: a native
// CLIENT-HELLO offering every cipher kind, and what the first reply says —
// whether the server speaks SSL 2.0, which kinds it lists, and whether export
// kinds are among them (one of DROWN's preconditions). Pure functions; the
// caller owns the socket.
#pragma once

#include <optional>
#include <vector>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/messages/ssl2/short_messages.h"
#include "engine/registry/ssl2_cipher_kind.h"
#include "engine/registry/version.h"

namespace gauntlet {

// The whole record: a 2-byte header, then CLIENT-HELLO for version 0x0002
// with every kind the registry knows (whether or not this libcrypto has its
// cipher: the probe only asks), no session ID, and `challenge` (16 to 32
// bytes, else internal_error).
Result<Bytes> ssl2_probe_client_hello(ByteView challenge);

enum class Ssl2ProbeAnswer {
  server_hello,   // the server speaks SSL 2.0
  error_message,  // an SSL 2.0 ERROR, e.g. NO-CIPHER: it speaks it, but not so
  not_ssl2,       // anything else first, e.g. a TLS alert record
};

struct Ssl2ProbeSummary {
  Ssl2ProbeAnswer answer = Ssl2ProbeAnswer::not_ssl2;
  // server_hello only: the SERVER-HELLO's version and its CIPHER-SPECS as
  // listed, kinds we do not know included.
  ProtocolVersion version = ProtocolVersion::ssl2;
  std::vector<Ssl2CipherKind> cipher_kinds;
  bool export_kinds = false;  // an export40 kind is listed
  // error_message only.
  std::optional<Ssl2ErrorCode> error;

  bool operator==(const Ssl2ProbeSummary&) const = default;
};

// Reads the start of the server's reply. nullopt when more bytes are needed.
// A first byte without the 2-byte header's high bit is not_ssl2: an SSL 2.0
// server sends its hello or ERROR in the clear, unpadded. A malformed
// SERVER-HELLO or ERROR, or another message type, is decode_error.
Result<std::optional<Ssl2ProbeSummary>> summarize_ssl2_reply(ByteView reply);

}  // namespace gauntlet
