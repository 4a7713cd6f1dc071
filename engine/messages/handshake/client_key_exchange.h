// ClientKeyExchange (RFC 5246 §7.4.7): the RSA-encrypted premaster
// (<0..2^16-1>; in SSL 3.0 the whole body, with no length, RFC 6101
// §5.6.7.1), the client's DH public value Yc <1..2^16-1>, or its EC point
// <1..2^8-1> (RFC 8422 §5.7).
#pragma once

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/messages/handshake/key_exchange_form.h"
#include "engine/registry/version.h"

namespace gauntlet {

struct ClientKeyExchange {
  KeyExchangeForm form;
  ProtocolVersion version;  // decides the SSL 3.0 RSA encoding
  Bytes exchange_keys;

  static Result<ClientKeyExchange> parse(ByteView body, KeyExchangeForm form,
                                         ProtocolVersion version);
  Result<Bytes> serialize() const;
  bool operator==(const ClientKeyExchange&) const = default;
};

}  // namespace gauntlet
