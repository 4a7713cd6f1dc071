// SSL 2.0 CLIENT-HELLO (SSL 2.0 spec §2.5), also the SSLv2-compatible
// ClientHello of RFC 5246 appendix E.2 that old TLS clients sent.
#pragma once

#include <vector>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/registry/ssl2_cipher_kind.h"
#include "engine/registry/cipher_suite.h"
#include "engine/registry/version.h"

namespace gauntlet {

struct Ssl2ClientHello {
  ProtocolVersion version;  // 0x0002, or the TLS version offered (E.2)
  std::vector<Ssl2CipherKind> cipher_specs;
  Bytes session_id;  // 0 or 16 bytes
  Bytes challenge;   // 16 to 32 bytes

  static Result<Ssl2ClientHello> parse(ByteView message);
  Result<Bytes> serialize() const;
  bool operator==(const Ssl2ClientHello&) const = default;
};

// What a TLS server negotiates from an SSLv2-compatible ClientHello
// (RFC 5246 E.2): the offered version, the TLS suites among the specs (first
// byte zero), and the challenge right-aligned into a 32-byte random.
struct ClientHelloView {
  ProtocolVersion version;
  Bytes random;
  Bytes session_id;
  std::vector<CipherSuite> cipher_suites;

  bool operator==(const ClientHelloView&) const = default;
};

// A TLS 1.2 client MUST send no session ID (RFC 5246 E.2): illegal_parameter.
Result<ClientHelloView> to_tls_view(const Ssl2ClientHello& hello);

}  // namespace gauntlet
