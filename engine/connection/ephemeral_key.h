// The ephemeral half of DHE and ECDHE (RFC 5246 §8.1.2, RFC 8422 §5.10):
// one type for either, so both sides of the handshake treat them alike.
#pragma once

#include <optional>
#include <variant>

#include "engine/base/error.h"
#include "engine/crypto/dh.h"
#include "engine/crypto/ecdh.h"
#include "engine/crypto/random.h"
#include "engine/registry/named_group.h"

namespace gauntlet {

// The curves the engine implements, as TLS names them.
std::optional<EcdhGroup> ecdh_group(NamedGroup g);
std::optional<FfdheGroup> ffdhe_group(NamedGroup g);

class EphemeralKey {
 public:
  static Result<EphemeralKey> generate_ec(NamedGroup group, RandomSource& random);
  static Result<EphemeralKey> generate_dh(const DhParams& params, RandomSource& random);
  // A TLS 1.3 key share of any group (RFC 8446 §4.2.8): FFDHE values and
  // secrets are then left-padded to the size of p (§4.2.8.1, §7.4.1).
  static Result<EphemeralKey> generate_tls13(NamedGroup group, RandomSource& random);

  Bytes public_value() const;
  // illegal_parameter for a peer value that is not a valid point or is out
  // of range (RFC 8422 §5.11, RFC 7919 §5.1).
  Result<Bytes> shared_secret(ByteView peer_public) const;

 private:
  explicit EphemeralKey(std::variant<DhKey, EcdhKey> key) : key_(std::move(key)) {}
  std::variant<DhKey, EcdhKey> key_;
  bool padded_ = false;
};

}  // namespace gauntlet
