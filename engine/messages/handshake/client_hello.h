// ClientHello (RFC 5246 §7.4.1.2; the same wire form carries the TLS 1.3
// ClientHello, RFC 8446 §4.1.2): version, 32-byte random, session_id<0..32>,
// cipher_suites<2..2^16-2>, compression_methods<1..2^8-1>, and an optional
// extensions block (absent in SSL 3.0-style hellos).
#pragma once

#include <optional>
#include <vector>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/messages/extensions/extensions.h"
#include "engine/registry/cipher_suite.h"
#include "engine/registry/compression_method.h"
#include "engine/registry/version.h"

namespace gauntlet {

constexpr size_t kRandomSize = 32;
constexpr size_t kMaxSessionIdSize = 32;

struct ClientHello {
  ProtocolVersion legacy_version;
  Bytes random;  // 32 bytes
  Bytes session_id;
  std::vector<CipherSuite> cipher_suites;
  std::vector<CompressionMethod> compression_methods;
  std::optional<Extensions> extensions;

  static Result<ClientHello> parse(ByteView body);
  Result<Bytes> serialize() const;
  bool operator==(const ClientHello&) const = default;
};

// The session ID vector of both hellos: <0..32>; longer is decode_error.
Result<Bytes> read_session_id(Reader& r, const char* message);

}  // namespace gauntlet
