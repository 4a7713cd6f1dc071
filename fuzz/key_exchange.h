// The ServerKeyExchange and ClientKeyExchange targets, one per key exchange
// form (each file names its form): the selector byte picks the version, since
// TLS 1.2 adds the signature algorithm (RFC 5246 §7.4.3) and SSL 3.0 sends
// the RSA premaster without a length (RFC 6101 §5.6.7.1).
#pragma once

#include "engine/messages/handshake/client_key_exchange.h"
#include "engine/messages/handshake/server_key_exchange.h"
#include "fuzz/oracle.h"
#include "fuzz/selectors.h"

namespace gauntlet::fuzz {

inline void server_key_exchange(const uint8_t* data, size_t size, KeyExchangeForm form) {
  Selected in;
  if (!select(data, size, in)) return;
  const ProtocolVersion v = tls_version(in.selector);
  check_round_trip(in.rest, [&](ByteView b) { return ServerKeyExchange::parse(b, form, v); });
}

inline void client_key_exchange(const uint8_t* data, size_t size, KeyExchangeForm form) {
  Selected in;
  if (!select(data, size, in)) return;
  const ProtocolVersion v = tls_version(in.selector);
  check_round_trip(in.rest, [&](ByteView b) { return ClientKeyExchange::parse(b, form, v); });
}

}  // namespace gauntlet::fuzz
