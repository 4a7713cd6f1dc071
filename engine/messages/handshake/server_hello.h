// ServerHello (RFC 5246 §7.4.1.3; RFC 8446 §4.1.3, where a ServerHello whose
// random is the special HelloRetryRequest value is a HelloRetryRequest and
// its extensions parse in that context).
#pragma once

#include <optional>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/messages/extensions/extensions.h"
#include "engine/registry/cipher_suite.h"
#include "engine/registry/compression_method.h"
#include "engine/registry/version.h"

namespace gauntlet {

// SHA-256("HelloRetryRequest"), RFC 8446 §4.1.3.
extern const Bytes kHelloRetryRequestRandom;

struct ServerHello {
  ProtocolVersion legacy_version;
  Bytes random;  // 32 bytes
  Bytes session_id;
  CipherSuite cipher_suite;
  CompressionMethod compression_method;
  std::optional<Extensions> extensions;

  bool is_hello_retry_request() const { return random == kHelloRetryRequestRandom; }

  static Result<ServerHello> parse(ByteView body);
  Result<Bytes> serialize() const;
  bool operator==(const ServerHello&) const = default;
};

}  // namespace gauntlet
