// ServerKeyExchange (RFC 5246 §7.4.3, RFC 8422 §5.4): ephemeral DH
// parameters or a named-curve point, then the signature over
// client_random + server_random + params.
#pragma once

#include <variant>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/messages/handshake/digitally_signed.h"
#include "engine/messages/handshake/key_exchange_form.h"
#include "engine/registry/named_group.h"

namespace gauntlet {

// ServerDHParams: each of p, g, Ys is <1..2^16-1>.
struct ServerDhParams {
  Bytes p, g, ys;
  bool operator==(const ServerDhParams&) const = default;
};

// ECParameters with curve_type named_curve, and the point <1..2^8-1>.
// Explicit curves (RFC 8422 §5.4 deprecates them) are illegal_parameter.
struct ServerEcdhParams {
  NamedGroup group;
  Bytes point;
  bool operator==(const ServerEcdhParams&) const = default;
};

struct ServerKeyExchange {
  std::variant<ServerDhParams, ServerEcdhParams> params;
  DigitallySigned signed_params;

  // form: dhe or ecdhe (RSA key exchange sends no ServerKeyExchange).
  static Result<ServerKeyExchange> parse(ByteView body, KeyExchangeForm form,
                                         ProtocolVersion version);
  // The params as they are signed.
  Result<Bytes> params_bytes() const;
  Result<Bytes> serialize() const;
  bool operator==(const ServerKeyExchange&) const = default;
};

}  // namespace gauntlet
